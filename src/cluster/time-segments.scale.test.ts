// segmentByTime on a run whose cuts nest as deep as the input is long: gaps that narrow day after day cut
// off one unit at a time. The cut loop must not recurse on input-decided depth (issue 12).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentByTime } from './time-segments.js';

test('20,000 ever-narrower gaps give 20,000 segments in day order, without a stack overflow', () => {
  const n = 20_000;
  const days: number[] = [];
  let day = 0;
  for (let i = 0; i < n; i++) {
    days.push(day);
    day += 3 + (n - i); // every gap wider than the next one, all past gapDays
  }
  const segments = segmentByTime(days, () => 0, { gapDays: 3, minSide: 1 });
  assert.equal(segments.length, n);
  assert.deepEqual(segments.slice(0, 3), [[0], [1], [2]]);
  assert.deepEqual(segments.at(-1), [n - 1]);
});
