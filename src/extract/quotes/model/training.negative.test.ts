import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bioScheme, Trainer } from './perceptron.js';

test('without a margin, an example the weights already get right leaves them as they are', () => {
  const trainer = new Trainer(bioScheme(['CUE']));
  const seq = { ids: [9, 7, 9], offsets: [0, 1, 2, 3] };
  const gold = Int8Array.from([0, 1, 0]);
  trainer.learn(seq, gold, null);
  const before = trainer.table.weight(7, 1);
  assert.equal(trainer.learn(seq, gold, null, null), 0);
  assert.equal(trainer.table.weight(7, 1), before);
});
