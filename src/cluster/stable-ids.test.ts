import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReuseResult } from '../model/report.js';
import { clusterStories } from './index.js';
import { matchStoredIds } from './stable-ids.js';
import { buildArticle } from '../../test/fixtures/cluster/build.js';
import { fictionalCorpus } from '../../test/fixtures/cluster/corpus.js';

const NO_REUSE: ReuseResult = { links: [], groupOf: new Map(), inheritedDates: new Map() };

/** Stored membership of a clustering, as the store keeps it (article → story, article → event). */
function membership(stories: ReturnType<typeof clusterStories>) {
  const story = new Map<string, string>();
  const event = new Map<string, string>();
  for (const s of stories) for (const e of s.events) for (const a of e.articles) {
    story.set(a, s.id);
    event.set(a, e.id);
  }
  return { story, event };
}

test('a story keeps its id when the folder grows, even if a smaller id joins it', () => {
  const first = clusterStories(fictionalCorpus(), NO_REUSE);
  const stored = membership(first);
  const floodId = first.find((s) => s.articles.includes('f1'))!.id;
  const floodEventId = first.flatMap((s) => s.events).find((e) => e.articles.includes('f1'))!.id;
  // 'a-flood' sorts before 'f1', so its content id would change; the stored one must win.
  const grown = [
    ...fictionalCorpus(),
    buildArticle('a-flood', 'Mayor Teodor Brask said the Lunar river had flooded 400 homes after the Halvik levee burst.\nSoldiers sandbagged the Halvik levee.', {
      title: 'Halvik levee bursts',
      published: '2031-03-02',
    }),
  ];
  const fresh = clusterStories(grown, NO_REUSE);
  const freshFlood = fresh.find((s) => s.articles.includes('f1'))!;
  assert.ok(freshFlood.articles.includes('a-flood'));
  assert.notEqual(freshFlood.id, floodId);
  const storyIds = matchStoredIds(fresh, (a) => (stored.story.has(a) ? [stored.story.get(a)!] : []));
  const events = fresh.flatMap((s) => s.events);
  const eventIds = matchStoredIds(events, (a) => (stored.event.has(a) ? [stored.event.get(a)!] : []));
  const k = fresh.findIndex((s) => s.articles.includes('f1'));
  assert.equal(storyIds[k], floodId);
  assert.equal(eventIds[events.findIndex((e) => e.articles.includes('f1'))], floodEventId);
  // Other stories keep theirs too, and ids remain unique.
  for (const s of first) assert.ok(storyIds.includes(s.id));
  assert.equal(new Set(storyIds).size, storyIds.length);
});

test('matching is one-to-one: a split story gives its id to the larger overlap only', () => {
  const stored = new Map([['a', 's-old'], ['b', 's-old'], ['c', 's-old']]);
  const ids = matchStoredIds(
    [
      { id: 's-x', articles: ['c'] },
      { id: 's-y', articles: ['a', 'b'] },
    ],
    (a) => (stored.has(a) ? [stored.get(a)!] : []),
  );
  assert.deepEqual(ids, ['s-x', 's-old']);
});

test('an unmatched content id that collides with a taken stored id gets a suffix', () => {
  const ids = matchStoredIds(
    [
      { id: 's-1', articles: ['a'] },
      { id: 's-1', articles: ['z'] },
    ],
    (a) => (a === 'a' ? ['s-1'] : []),
  );
  assert.deepEqual(ids, ['s-1', 's-1-2']);
});
