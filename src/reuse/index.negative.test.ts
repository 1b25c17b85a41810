// Negative cases: things that look like reuse but are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { detectReuse } from './index.js';
import { SqliteReuseIndex } from '../store/sqlite-reuse-index.js';
import { sentenceSimilarity } from './align.js';
import { sentenceFeatures } from './features.js';
import { checkInheritance } from './dates.js';
import { attributesTo } from './direction.js';
import { buildArticle } from '../../test/fixtures/reuse/build.js';
import { BRIDGE, BRIDGE_REWRITE, OTHER_BRIDGE } from '../../test/fixtures/reuse/articles.js';

test('an unrelated article on the same topic is not linked', () => {
  const r = detectReuse([buildArticle('a', BRIDGE), buildArticle('b', OTHER_BRIDGE)]);
  assert.deepEqual(r.links, []);
  assert.equal(r.groupOf.get('b'), 'b');
});

test('two independent reports sharing one quoted sentence are not linked', () => {
  const quote = 'Brandt said the city would seek to bolster inspections of its other river crossings next year.';
  const r = detectReuse([buildArticle('a', OTHER_BRIDGE + '\n' + quote), buildArticle('b', BRIDGE)]);
  assert.deepEqual(r.links, []);
});

test('a sentence with changed numbers aligns more weakly than a faithful rewording', () => {
  const base = sentenceFeatures('Engineers replaced 240 steel cables on the bridge deck in March.');
  const same = sentenceFeatures('Engineers replaced 240 steel cables on the bridge deck during March.');
  const changed = sentenceFeatures('Engineers replaced 310 steel cables on the bridge deck during March.');
  assert.ok(sentenceSimilarity(base, changed) < sentenceSimilarity(base, same));
});

test('no date is inherited when the copy names a different day in an aligned sentence', () => {
  const f = (t: string) => [sentenceFeatures(t)];
  const outcome = checkInheritance({
    undated: { id: 'u', published: null, features: f('The bridge reopened on Tuesday, officials said.') },
    dated: { id: 'd', published: '2024-03-09', features: f('The bridge reopened on Saturday, officials said.') },
    kind: 'rewrite',
    score: 0.9,
    pairs: [{ u: 0, d: 0 }],
  });
  assert.ok(outcome && 'conflict' in outcome);
  const r = detectReuse([
    buildArticle('src', BRIDGE, { published: '2024-03-09' }),
    buildArticle('copy', BRIDGE_REWRITE.replace('on Saturday', 'on Monday')),
  ]);
  assert.equal(r.inheritedDates.has('copy'), false);
});

test('partial links and dated pairs never pass dates; dated articles keep their own', () => {
  const r = detectReuse([
    buildArticle('a', BRIDGE, { published: '2024-03-09' }),
    buildArticle('b', BRIDGE_REWRITE, { published: '2024-03-10' }),
  ]);
  assert.equal(r.inheritedDates.size, 0);
});

test('attribution to some other outlet is not attribution to this one', () => {
  assert.equal(attributesTo('The official told CNN on Tuesday.', 'reuters.com'), false);
  assert.equal(attributesTo('The official told CNN on Tuesday.', 'cnn.com'), true);
  assert.equal(attributesTo('Nothing is cited here.', null), false);
});

test('an unrelated article stored by an earlier run gives no earlier-run note', () => {
  const db = new Database(':memory:');
  detectReuse([buildArticle('old', OTHER_BRIDGE)], { index: new SqliteReuseIndex(db) });
  const fresh = buildArticle('new', BRIDGE);
  detectReuse([fresh], { index: new SqliteReuseIndex(db) });
  assert.equal(fresh.diagnostics.filter((d) => d.origin === 'reuse:earlier-run-candidate').length, 0);
});
