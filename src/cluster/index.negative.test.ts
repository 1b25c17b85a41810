import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReuseResult } from '../model/report.js';
import { clusterStories } from './index.js';
import { buildArticle } from '../../test/fixtures/cluster/build.js';
import { fictionalCorpus } from '../../test/fixtures/cluster/corpus.js';

const NO_REUSE: ReuseResult = { links: [], groupOf: new Map(), inheritedDates: new Map() };

test('empty batch gives no stories', () => {
  assert.deepEqual(clusterStories([], NO_REUSE), []);
});

test('an empty article is its own story and breaks nothing', () => {
  const stories = clusterStories([...fictionalCorpus(), buildArticle('blank', '')], NO_REUSE);
  const blank = stories.find((s) => s.articles.includes('blank'))!;
  assert.deepEqual(blank.articles, ['blank']);
  assert.equal(blank.events[0].start, null);
  assert.ok(typeof blank.headline === 'string');
});

test('two earthquakes (same kind of event, other town and people) never share an event', () => {
  const stories = clusterStories(fictionalCorpus(), NO_REUSE);
  const events = stories.flatMap((s) => s.events);
  const mixed = events.filter((e) => e.articles.some((a) => ['q1', 'q2', 'q3'].includes(a)) && e.articles.some((a) => ['q4', 'q5'].includes(a)));
  assert.equal(mixed.length, 0);
});

test('the same wording months apart is not one event (time window)', () => {
  const body = 'Workers at the Tarsk copper mine went on strike over pay, union leader Mira Odell said.\nThe Tarsk mine produces a third of the region\'s copper.';
  const stories = clusterStories(
    [buildArticle('m1', body, { published: '2031-01-05' }), buildArticle('m2', body, { published: '2031-08-05' })],
    NO_REUSE,
  );
  const events = stories.flatMap((s) => s.events);
  assert.equal(events.length, 2);
});

test('untitled articles get a first-sentence headline and a lead-sentence label', () => {
  const corpus = fictionalCorpus().filter((a) => a.id.startsWith('c'));
  for (const a of corpus) a.meta.title = null;
  const [story] = clusterStories(corpus, NO_REUSE);
  assert.match(story.headline, /^(Grandmaster Ilse Marrow won|Ilse Marrow is the new)/);
  assert.match(story.events[0].label, /Marrow|Pell|Vessary/);
  assert.ok(story.events[0].label.length <= 80);
});

test('an unrelated article does not join a story', () => {
  const corpus = fictionalCorpus();
  corpus.push(buildArticle('bake', 'The annual Pemberly bread fair drew record crowds, organiser Lotte Faro said.\nBakers competed for the golden loaf prize.', { published: '2031-03-02' }));
  const stories = clusterStories(corpus, NO_REUSE);
  assert.deepEqual(stories.find((s) => s.articles.includes('bake'))!.articles, ['bake']);
});
