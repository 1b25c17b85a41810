import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analyze.js';
import { articleSignature, signatureInputOf, signatureOf, reuseParams, knownSignature } from '../reuse/index.js';
import type { AnalysedArticle } from '../model/article.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const NOW = () => new Date('2031-03-15T00:00:00Z');

test('articles signed in the workers give the report of the main thread alone', async () => {
  // workers: 2 runs text+extract on threads, which then sign each article (reuse knownSignature).
  const alone = await analyze([EXAMPLES], { db: null, workers: 0, now: NOW, withText: true });
  const pooled = await analyze([EXAMPLES], { db: null, workers: 2, now: NOW, withText: true });
  assert.ok(alone.report.reuse.length > 0, 'the examples have copies, so signatures found candidates');
  assert.deepEqual(pooled.report, alone.report);
});

test('a known signature is used for its article only while the article is unchanged', () => {
  const article = {
    id: 'a1', hash: 'h1', clean: { text: 'The storm closed the port on Friday.' },
    text: { sentences: [{ text: 'The storm closed the port on Friday.', tokens: [] }] },
  } as unknown as AnalysedArticle;
  const computed = signatureOf(signatureInputOf(article), reuseParams);
  const marked = { ...computed, contentKey: -1 };
  knownSignature(article, marked);
  assert.equal(articleSignature(article), marked);
  // Negative: new text (a revision read into the same record) is signed again, not served the old signature.
  article.clean = { ...article.clean, text: 'Another text.' };
  assert.notEqual(articleSignature(article), marked);
});
