// The corpus's in-memory caches (stored articles, reuse links, cluster features, reuse signatures) must not
// change what an add computes: the same adds give the same stored state with the caches on, and a cache of a
// process whose database another writer changed (a revision) is emptied, not trusted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus, type Corpus } from '../src/corpus/index.js';
import { openStore } from '../src/store/store.js';
import { FERRY, ORCHARD } from './fixtures/corpus/stories.js';
import { SummaryCache } from '../src/corpus/summary-cache.js';
import type { Store } from '../src/store/types.js';

const NOW = () => new Date('2031-05-20T00:00:00Z');

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-caches-'));
  const write = (name: string, outlet: string, n: number) => {
    writeFileSync(join(dir, name), FERRY(outlet, n));
    return join(dir, name);
  };
  return { dir, write };
}

/** What a reader sees of a database: stories with their views and members, and every stored link. */
async function state(db: string) {
  const store = openStore(db);
  try {
    const stories = await store.getStories((await store.listStories({})).map((s) => s.id));
    const ids = stories.flatMap((s) => s.view.articles);
    const links = (await store.reuseLinks(ids)).map((l) => `${l.link.a} ${l.link.b} ${l.link.kind} ${l.joins}`).sort();
    const summaries = [...(await store.clusterSummaries(stories.map((s) => s.id), 'story')), ...(await store.clusterSummaries(stories.map((s) => s.id), 'event'))];
    return { views: stories.map((s) => s.view), links, summaries };
  } finally {
    await store.close();
  }
}

test('commitToken: none before the first commit, a new one after each', async () => {
  const { dir, write } = files();
  const db = join(dir, 'c.db');
  const store = openStore(db);
  assert.equal(await store.commitToken(), null);
  await store.close();
  const corpus = await openCorpus({ db });
  await corpus.add([write('a.txt', 'the Vellin Herald', 212)], { workers: 0, now: NOW });
  const first = await corpus.store.commitToken();
  await corpus.add([write('b.txt', 'the Island Post', 212)], { workers: 0, now: NOW });
  const second = await corpus.store.commitToken();
  assert.ok(first && second && first !== second);
  await corpus.close();
});

test("another writer's revision empties the caches: the same state as one writer doing every add", async () => {
  const run = async (two: boolean) => {
    const { dir, write } = files();
    const db = join(dir, 'c.db');
    const a = await openCorpus({ db });
    const b: Corpus = two ? await openCorpus({ db }) : a;
    const add = (c: Corpus, path: string) => c.add([path], { workers: 0, now: NOW });
    await add(a, write('herald.txt', 'the Vellin Herald', 212));
    await add(a, write('post.txt', 'the Island Post', 212));
    // Reloads herald and post: their records and links are now held by `a`.
    await add(a, write('times.txt', 'the Coast Times', 212));
    // The same file with another figure: a revision, committed by `b` while `a` holds the old text.
    const revised = await add(b, write('herald.txt', 'the Vellin Herald', 340));
    assert.deepEqual(revised.revised, ['herald']);
    await add(a, write('gazette.txt', 'the Pier Gazette', 340));
    if (two) await b.close();
    await a.close();
    return state(db);
  };
  const one = await run(false);
  const both = await run(true);
  assert.deepEqual(both, one);
  assert.ok(one.links.length > 0, 'the copies are linked');
});

for (const [name, extra] of [['exact', {}], ['online, deferred views', { placement: 'online', deferViews: { inlineMaxArticles: 2 } }]] as const) {
  test(`one corpus kept open (its caches warm) stores what a corpus opened afresh for every add stores (${name})`, async () => {
    const run = async (keepOpen: boolean) => {
      const { dir, write } = files();
      const db = join(dir, 'c.db');
      writeFileSync(join(dir, 'orchard.txt'), ORCHARD);
      const inputs = [
        join(dir, 'orchard.txt'),
        write('herald.txt', 'the Vellin Herald', 212), write('post.txt', 'the Island Post', 212),
        write('times.txt', 'the Coast Times', 212), write('gazette.txt', 'the Pier Gazette', 212),
        write('wire.txt', 'the Vellin Wire', 212),
      ];
      let open = await openCorpus({ db });
      for (const path of inputs) {
        if (!keepOpen) {
          await open.close();
          open = await openCorpus({ db });
        }
        await open.add([path], { workers: 0, now: NOW, ...extra });
      }
      await open.close();
      return state(db);
    };
    const fresh = await run(false);
    assert.deepEqual(await run(true), fresh);
    assert.ok(fresh.links.length >= 10, `every copy linked to every other (${fresh.links.length})`);
    assert.ok(fresh.summaries.length >= 4, 'stories and events carry summaries');
  });
}

test('the summary cache answers as the store does, reads a story once, and again after a commit wrote it', async () => {
  const { dir, write } = files();
  const db = join(dir, 'c.db');
  const corpus = await openCorpus({ db });
  await corpus.add([write('herald.txt', 'the Vellin Herald', 212), write('post.txt', 'the Island Post', 212)], { workers: 0, now: NOW });
  const ids = (await corpus.store.listStories({})).map((s) => s.id);
  const asked: string[][] = [];
  const reader = { clusterSummaries: (storyIds: string[], kind: 'story' | 'event') => (asked.push(storyIds), corpus.store.clusterSummaries(storyIds, kind)) } as Store;
  const cache = new SummaryCache(reader);
  try {
    for (const kind of ['story', 'event'] as const) {
      const want = await corpus.store.clusterSummaries(ids, kind);
      assert.ok(want.length > 0);
      assert.deepEqual(await cache.clusterSummaries(ids, kind), want);
      assert.deepEqual(await cache.clusterSummaries([...ids, 's-none'], kind), want, 'a story without summaries has none');
    }
    assert.deepEqual(asked, [ids, ['s-none'], ids, ['s-none']], 'each story read once per kind');
    cache.forget(ids);
    await cache.clusterSummaries(ids, 'story');
    assert.deepEqual(asked.at(-1), ids);
  } finally {
    await corpus.close();
  }
});
