import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterStories } from './index.js';
import { segmentByTime } from './time-segments.js';
import { CLOSURE, REOPENING, subEventStory } from '../../test/fixtures/cluster/subevents.js';

const OPTS = { gapDays: 3, minSide: 2 };
const sorted = (groups: number[][]): number[][] => groups.map((g) => [...g].sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);

test('segmentByTime cuts at the widest gap and sends undated units to the segment they resemble', () => {
  // days 10, 11, 11, 20, 21 and one undated unit (5) that resembles unit 3 most.
  const days = [10, 11, 11, 20, 21, null];
  const affinity = (i: number, j: number): number => (i === 5 && j >= 3 ? 0.9 : 0.1);
  assert.deepEqual(sorted(segmentByTime(days, affinity, OPTS)), [[0, 1, 2], [3, 4, 5]]);
});

test('segmentByTime recurses: three happenings a week apart give three segments', () => {
  const days = [1, 2, 9, 10, 18, 18];
  assert.deepEqual(sorted(segmentByTime(days, () => 0, OPTS)), [[0, 1], [2, 3], [4, 5]]);
});

test('a story with two dated sub-events: closure and reopening become two events of one story', () => {
  const { articles, reuse } = subEventStory();
  const stories = clusterStories(articles, reuse);
  assert.equal(stories.length, 1);
  const eventOf = (id: string): string => stories[0].events.find((e) => e.articles.includes(id))!.id;
  for (const id of CLOSURE) assert.equal(eventOf(id), eventOf(CLOSURE[0]), `${id} not with the closure`);
  for (const id of REOPENING) assert.equal(eventOf(id), eventOf(REOPENING[0]), `${id} not with the reopening`);
  assert.notEqual(eventOf(CLOSURE[0]), eventOf(REOPENING[0]));
  const reopening = stories[0].events.find((e) => e.articles.includes(REOPENING[0]))!;
  assert.equal(reopening.start, '2033-06-16');
  // Order independence.
  assert.deepEqual(clusterStories([...articles].reverse(), reuse), stories);
});
