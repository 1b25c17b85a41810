import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { ReuseResult } from '../model/report.js';
import { assignStableIds, clusterStories } from './index.js';
import { matchStoredIds } from './stable-ids.js';
import { buildArticle } from '../../test/fixtures/cluster/build.js';
import { fictionalCorpus } from '../../test/fixtures/cluster/corpus.js';

const NO_REUSE: ReuseResult = { links: [], groupOf: new Map(), inheritedDates: new Map() };

test('without a database, ids stay the content-derived ones', () => {
  const stories = clusterStories(fictionalCorpus(), NO_REUSE);
  assert.deepEqual(assignStableIds(stories, null), stories);
});

test('a story keeps its id when the folder grows, even if a smaller id joins it', () => {
  const db = new Database(':memory:');
  const first = assignStableIds(clusterStories(fictionalCorpus(), NO_REUSE), db);
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
  const second = assignStableIds(fresh, db);
  const again = second.find((s) => s.articles.includes('f1'))!;
  assert.equal(again.id, floodId);
  assert.equal(again.events.find((e) => e.articles.includes('f1'))!.id, floodEventId);
  // Other stories keep theirs too, and ids remain unique.
  for (const s of first) assert.ok(second.some((t) => t.id === s.id));
  assert.equal(new Set(second.map((s) => s.id)).size, second.length);
  db.close();
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
