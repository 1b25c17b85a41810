import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFeatures, dayNumber } from './features.js';
import { segmentByTime } from './time-segments.js';
import { subEventStory } from '../../test/fixtures/cluster/subevents.js';

const OPTS = { gapDays: 3, minSide: 2 };

test('daily coverage without a gap is not cut', () => {
  assert.deepEqual(segmentByTime([1, 2, 3, 4, 5, 6], () => 0, OPTS), [[0, 1, 2, 3, 4, 5]]);
});

test('one late article is a follow-up, not a sub-event', () => {
  assert.deepEqual(segmentByTime([1, 1, 2, 30], () => 0, OPTS), [[0, 1, 2, 3]]);
});

test('undated units alone are never cut', () => {
  assert.deepEqual(segmentByTime([null, null, null, null], () => 0, OPTS), [[0, 1, 2, 3]]);
});

test('event day: a lead date is used only within the window before publication', () => {
  const { articles } = subEventStory();
  const followup = articles.find((a) => a.id === 'pass-closed-followup')!;
  // Published 2033-06-10, its lead dates the closure: the event day is the closure's.
  assert.equal(articleFeatures(followup).eventDay, dayNumber('2033-06-07'));
  // A plan ("will reopen on June 20") is after publication: the article's own date stands.
  const plan = { ...followup, extract: { ...followup.extract, dates: [{ ...followup.extract.dates[0], value: '2033-06-20' }] } };
  assert.equal(articleFeatures(plan).eventDay, dayNumber('2033-06-10'));
  // Background from years ago is not the news either.
  const old = { ...followup, extract: { ...followup.extract, dates: [{ ...followup.extract.dates[0], value: '2029-06-07' }] } };
  assert.equal(articleFeatures(old).eventDay, dayNumber('2033-06-10'));
  // Without a publication date there is no "now" to check a lead date against: no event day.
  assert.equal(articleFeatures({ ...followup, meta: { ...followup.meta, published: null } }, null).eventDay, null);
});
