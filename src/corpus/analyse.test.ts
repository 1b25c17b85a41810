// warmStages: every per-article stage runs on the built-in texts, and nothing reaches a store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { warmStages } from './analyse.js';

test('the warm-up article passes every stage: sentences, dates, quantities and an attributed quote', () => {
  const a = warmStages();
  assert.ok(a, 'a stage failed on the warm-up text');
  assert.equal(a.text?.language, 'en');
  assert.ok(a.text!.sentences.length >= 6, `${a.text!.sentences.length} sentences`);
  assert.ok(a.extract!.dates.length > 0, 'no date found');
  assert.ok(a.extract!.quantities.length > 0, 'no quantity found');
  assert.ok(a.extract!.quotes.some((q) => q.speaker === 'Ana Reyes'), JSON.stringify(a.extract!.quotes.map((q) => q.speaker)));
  assert.deepEqual(a.diagnostics.filter((d) => d.level !== 'info'), []);
});

test('a second warm-up gives the same article (no state carried from the first)', () => {
  const first = warmStages();
  const second = warmStages();
  assert.deepEqual(second?.extract, first?.extract);
  assert.deepEqual(second?.text, first?.text);
});
