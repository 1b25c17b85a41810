import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReuseResult } from '../model/report.js';
import { clusterStories, type StoryCluster } from './index.js';
import { buildArticle } from '../../test/fixtures/cluster/build.js';
import { CHESS, FLOOD_BREACH, FLOOD_REOPEN, QUAKE_DRAVISK, QUAKE_KELMORA, fictionalCorpus } from '../../test/fixtures/cluster/corpus.js';

const NO_REUSE: ReuseResult = { links: [], groupOf: new Map(), inheritedDates: new Map() };

const eventOf = (stories: StoryCluster[], id: string) => stories.flatMap((s) => s.events).find((e) => e.articles.includes(id))!;
const storyOf = (stories: StoryCluster[], id: string) => stories.find((s) => s.articles.includes(id))!;

test('each event of the fictional batch is recovered exactly', () => {
  const stories = clusterStories(fictionalCorpus(), NO_REUSE);
  for (const group of [QUAKE_KELMORA, QUAKE_DRAVISK, FLOOD_BREACH, FLOOD_REOPEN, CHESS]) {
    assert.deepEqual([...eventOf(stories, group[0]).articles].sort(), [...group].sort());
  }
});

test('the two flood sub-events form one story; chess is a story of its own', () => {
  const stories = clusterStories(fictionalCorpus(), NO_REUSE);
  const flood = storyOf(stories, 'f1');
  assert.deepEqual([...flood.articles].sort(), [...FLOOD_BREACH, ...FLOOD_REOPEN].sort());
  assert.equal(flood.events.length, 2);
  assert.deepEqual([...storyOf(stories, 'c1').articles].sort(), [...CHESS].sort());
});

test('stories are sorted biggest first, then newest; events likewise', () => {
  const stories = clusterStories(fictionalCorpus(), NO_REUSE);
  for (let i = 1; i < stories.length; i++) assert.ok(stories[i - 1].articles.length >= stories[i].articles.length);
  // Two 2-article stories: Dravisk (September) comes before chess (June).
  const ids = stories.map((s) => s.articles[0]);
  assert.ok(ids.indexOf('q4') < ids.indexOf('c1'));
  const flood = storyOf(stories, 'f1');
  assert.deepEqual(flood.events[0].articles, FLOOD_BREACH);
});

test('output does not depend on input order and ids are deterministic', () => {
  const a = clusterStories(fictionalCorpus(), NO_REUSE);
  const b = clusterStories(fictionalCorpus().reverse(), NO_REUSE);
  const shuffled = fictionalCorpus();
  shuffled.push(...shuffled.splice(0, 5));
  const c = clusterStories(shuffled, NO_REUSE);
  assert.deepEqual(b, a);
  assert.deepEqual(c, a);
  for (const s of a) {
    assert.match(s.id, /^s-[0-9a-f]{10}$/);
    for (const e of s.events) assert.match(e.id, /^e-[0-9a-f]{10}$/);
  }
});

test('an injected hash names ids', () => {
  const stories = clusterStories(fictionalCorpus(), NO_REUSE, { hash: (t) => `h${t}` });
  assert.equal(storyOf(stories, 'c2').id, 's-hc1');
});

test('event spans use article dates and nearby mentioned dates, not old background dates', () => {
  const stories = clusterStories(fictionalCorpus(), NO_REUSE);
  const kelmora = eventOf(stories, 'q1');
  // q3 mentions 2030-02-01 (over a year earlier): background, left out.
  assert.equal(kelmora.start, '2031-05-10');
  assert.equal(kelmora.end, '2031-05-12');
});

test('headline is the most central title; labels are short', () => {
  const corpus = fictionalCorpus();
  const stories = clusterStories(corpus, NO_REUSE);
  const titles = new Set(corpus.map((a) => a.meta.title));
  for (const s of stories) {
    assert.ok(titles.has(s.headline), s.headline);
    for (const e of s.events) assert.ok(e.label.length > 0 && e.label.length <= 80);
  }
});

test('reuse groups are kept in one event even when the copy is a weak match', () => {
  const corpus = fictionalCorpus();
  // A short excerpt republished by another site: the reuse stage knows it copies q1.
  corpus.push(buildArticle('q1-copy', 'Rescue teams searched the rubble through the night.', { published: '2031-05-10' }));
  const reuse: ReuseResult = { links: [], groupOf: new Map([['q1', 'g1'], ['q1-copy', 'g1']]), inheritedDates: new Map() };
  const stories = clusterStories(corpus, reuse);
  assert.ok(eventOf(stories, 'q1').articles.includes('q1-copy'));
  assert.deepEqual([...eventOf(stories, 'q1').articles].sort(), [...QUAKE_KELMORA, 'q1-copy'].sort());
});

test('works from tokens alone and uses extract.entities when present', () => {
  const withEntities = fictionalCorpus().map((a) => {
    a.extract.entities = a.text.sentences.length ? [{ start: 0, end: 0, text: 'x', name: a.id.startsWith('q') ? 'Varden Seismic Institute' : 'Teodor Brask', type: 'organization', roles: [], sentence: 0 }] : [];
    return a;
  });
  const stories = clusterStories(withEntities, NO_REUSE);
  assert.deepEqual([...eventOf(stories, 'q4').articles].sort(), [...QUAKE_DRAVISK].sort());
});
