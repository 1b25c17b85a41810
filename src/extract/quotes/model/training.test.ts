import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bioScheme, Trainer } from './perceptron.js';

test('loss-augmented learning: a cue the weights tag by less than the margin still moves them', () => {
  const trainer = new Trainer(bioScheme(['CUE']));
  const seq = { ids: [9, 7, 9], offsets: [0, 1, 2, 3] };
  const gold = Int8Array.from([0, 1, 0]);
  trainer.learn(seq, gold, null);
  // Plainly decoded, the example is now right; with a margin of 100 for cue words it is not yet.
  assert.equal(trainer.learn(seq, gold, null), 0);
  assert.ok(trainer.learn(seq, gold, null, [0, 100, 100]) > 0);
  assert.ok(trainer.table.weight(7, 1) > 1, 'the cue feature gained weight past its first update');
});
