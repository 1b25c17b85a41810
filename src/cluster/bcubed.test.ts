import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bcubed } from './bcubed.js';

const m = (o: Record<string, string>): Map<string, string> => new Map(Object.entries(o));

test('perfect clustering scores 1', () => {
  const g = m({ a: 'x', b: 'x', c: 'y' });
  assert.deepEqual(bcubed(g, g), { precision: 1, recall: 1, f1: 1 });
});

test('all-in-one cluster: full recall, precision is the label purity per item', () => {
  const r = bcubed(m({ a: '1', b: '1', c: '1', d: '1' }), m({ a: 'x', b: 'x', c: 'y', d: 'y' }));
  assert.equal(r.recall, 1);
  assert.equal(r.precision, 0.5);
});

test('all singletons: full precision, recall 1/size', () => {
  const r = bcubed(m({ a: '1', b: '2', c: '3' }), m({ a: 'x', b: 'x', c: 'y' }));
  assert.equal(r.precision, 1);
  assert.ok(Math.abs(r.recall - (0.5 + 0.5 + 1) / 3) < 1e-12);
});
