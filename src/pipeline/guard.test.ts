// One article must never end a run: a stage that throws (or overflows the stack) on one article rejects
// that article with the stage's name and the reason, and the others still pass every stage.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.js';
import { ArticlePipeline, StageError, type ArticleStage } from './stage.js';
import { runGuarded } from './guard.js';

const article = (id: string, raw: string): Article => ({
  id, path: `${id}.txt`, format: 'txt', encoding: 'utf-8', raw, hash: id,
  meta: { title: null, url: null, outlet: null, published: null, publishedFrom: null, author: null, declaredLanguage: null },
  diagnostics: [],
});

// A stage whose recursion depth the input decides, as the clean layout's spread once was.
const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
const fragile: ArticleStage = {
  name: 'clean',
  requires: ['raw'],
  assigns: 'clean',
  run(a) {
    if (a.raw === 'bug') throw new TypeError("Cannot read properties of undefined (reading 'text')\n    at somewhere");
    if (a.raw === 'deep') deep(1e7);
    a.clean = { text: a.raw, paragraphs: [], removed: [] };
  },
};
const after: ArticleStage = { name: 'text', requires: ['clean'], assigns: 'text', run: (a) => void (a.text = { language: 'en', sentences: [] }) };

test('an internal error in one article rejects it with the stage and the reason; the others pass', () => {
  const pipeline = new ArticlePipeline([fragile, after]);
  const rejected: { id: string; reason: string }[] = [];
  const passed = runGuarded(pipeline, [article('a', 'Port closes.'), article('b', 'bug'), article('c', 'deep'), article('d', 'Port reopens.')], (a, reason) =>
    rejected.push({ id: a.id, reason }),
  );
  assert.deepEqual(passed.map((a) => a.id), ['a', 'd']);
  assert.ok(passed.every((a) => a.text !== undefined), 'later stages ran on the articles that passed');
  assert.deepEqual(rejected.map((r) => r.id), ['b', 'c']);
  assert.equal(rejected[0].reason, "b: internal error in stage clean: Cannot read properties of undefined (reading 'text'); article skipped");
  assert.equal(rejected[1].reason, 'c: internal error in stage clean: Maximum call stack size exceeded; article skipped');
  assert.ok(rejected.every((r) => !r.reason.includes('\n')), 'one line each, no stack trace');
});

test('StageError names the stage that threw, not the pipeline', () => {
  const pipeline = new ArticlePipeline([fragile, { ...after, run: () => { throw new RangeError('bad offset'); } }]);
  assert.throws(() => pipeline.run(article('x', 'ok')), (err: unknown) => err instanceof StageError && err.stage === 'text' && /bad offset/.test(err.message));
});
