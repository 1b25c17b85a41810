import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateSpan } from './labels.js';
import { buildArticle } from '../../test/fixtures/cluster/build.js';

const publishedOf = (a: { meta: { published: string | null } }) => a.meta.published;

test('a dated article spans its own date and the dates it mentions in the days before', () => {
  const a = buildArticle('d', 'The Orlen ferry ran aground on May 2.', { published: '2031-05-04', dates: ['2031-05-02', '2029-11-30'] });
  assert.deepEqual(dateSpan([a], publishedOf, 45), { start: '2031-05-02', end: '2031-05-04' });
});

test('an undated article in a dated story does not date its event by a background mention a year back', () => {
  const undated = buildArticle('u', 'Salvage crews began towing the Orlen ferry. The ferry was launched on June 1, 2030.', { dates: ['2030-06-01'] });
  const storyDay = Date.parse('2031-05-04') / 86_400_000;
  assert.deepEqual(dateSpan([undated], publishedOf, 45, storyDay), { start: null, end: null });
});

test('an undated article in a dated story keeps mentions near the story date, after it too', () => {
  const undated = buildArticle('u', 'Salvage crews refloated the Orlen ferry on May 9.', { dates: ['2031-05-09', '2030-06-01'] });
  const storyDay = Date.parse('2031-05-04') / 86_400_000;
  assert.deepEqual(dateSpan([undated], publishedOf, 45, storyDay), { start: '2031-05-09', end: '2031-05-09' });
});

test('with no dated article anywhere, the latest mention anchors the span', () => {
  const undated = buildArticle('u', 'The ferry ran aground on May 2 and was refloated on May 9.', { dates: ['2031-05-02', '2031-05-09'] });
  assert.deepEqual(dateSpan([undated], publishedOf, 45), { start: '2031-05-02', end: '2031-05-09' });
});
