// RecentMap: least recently used out first, by entry count or by a weight per entry.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecentMap } from './recent-map.js';

test('by count: a used entry outlives one set after it', () => {
  const m = new RecentMap<string, number>(2);
  m.set('a', 1);
  m.set('b', 2);
  m.use('a');
  m.set('c', 3);
  m.trim();
  assert.deepEqual([m.peek('a'), m.peek('b'), m.peek('c')], [1, undefined, 3]);
});

test('by weight: one heavy entry pushes out several light ones, and replacing or forgetting frees its weight', () => {
  const m = new RecentMap<string, { w: number }>(10, (v) => v.w);
  for (const k of ['a', 'b', 'c', 'd']) m.set(k, { w: 2 });
  m.set('big', { w: 7 });
  m.trim();
  // 8 + 7 = 15 > 10: the three least recently used light entries go (d and big: 9).
  assert.deepEqual(['a', 'b', 'c', 'd', 'big'].map((k) => m.peek(k) !== undefined), [false, false, false, true, true]);
  m.set('big', { w: 1 });
  m.set('e', { w: 5 });
  m.trim();
  assert.ok(m.peek('d') && m.peek('big') && m.peek('e'), 'the replaced entry counts its new weight only (2 + 1 + 5)');
  m.forget(['e']);
  m.set('f', { w: 7 });
  m.trim();
  assert.deepEqual(['d', 'big', 'f'].map((k) => m.peek(k) !== undefined), [true, true, true]);
});
