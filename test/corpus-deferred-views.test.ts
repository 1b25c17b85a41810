// Deferred story views: a grown story's add keeps the last cross-check and names the members it has not
// compared (`pending`); `refreshViews` cross-checks it later, to the view an add would have computed at once.
// Articles are written for the test (test/fixtures/corpus/stories.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Corpus, openCorpus, type AddOptions } from '../src/corpus/index.js';
import { openStore } from '../src/store/store.js';
import type { Store } from '../src/store/types.js';
import { FERRY, ORCHARD } from './fixtures/corpus/stories.js';
import { validateReport, schemaErrors } from './schema.js';

const NOW = () => new Date('2031-05-20T00:00:00Z');
/** Every grown story is deferred (the default keeps small stories inline). */
const DEFER: AddOptions = { workers: 0, now: NOW, deferViews: { inlineMaxArticles: 0 } };

function folders() {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-deferred-'));
  const write = (name: string, files: Record<string, string>) => {
    mkdirSync(join(dir, name));
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, name, f), text);
    return join(dir, name);
  };
  const first = write('first', { 'herald.txt': FERRY('the Vellin Herald', 212), 'courier.txt': FERRY('the Tarn Courier', 212) });
  const later = write('later', { 'gazette.txt': FERRY('the Pier Gazette', 340) });
  return { dir, first, later };
}

async function storyOf(corpus: Awaited<ReturnType<typeof openCorpus>>, article: string) {
  const id = (await corpus.store.storyOf([article])).get(article)!;
  return (await corpus.store.getStories([id]))[0];
}

test('a grown story keeps its cross-check until refreshed, then equals the view of an add without deferral', async () => {
  const { dir, first, later } = folders();
  const inline = await openCorpus({ db: join(dir, 'inline.db') });
  const deferred = await openCorpus({ db: join(dir, 'deferred.db') });
  try {
    await inline.add([first], { workers: 0, now: NOW });
    await inline.add([later], { workers: 0, now: NOW });
    await deferred.add([first], DEFER);
    const added = await deferred.add([later], DEFER);
    assert.deepEqual(added.added, ['gazette']);

    const waiting = await storyOf(deferred, 'gazette');
    assert.equal(waiting.articles, 3, 'membership and counts are current');
    assert.deepEqual(waiting.view.pending?.articles, ['gazette']);
    assert.equal(waiting.view.pending?.since, NOW().toISOString());
    const counted340 = (v: typeof waiting.view) => v.contradictions.some((c) => c.values.some((x) => x.value.includes('340')));
    assert.equal(counted340(waiting.view), false, 'the last cross-check had one passenger count');
    assert.ok(waiting.view.timeline.length > 0);
    assert.deepEqual(await deferred.store.pendingStories(10), [waiting.id]);
    const report = await deferred.report({ now: NOW() });
    assert.ok(validateReport(report), schemaErrors());

    const refreshed = await deferred.refreshViews();
    assert.deepEqual(refreshed.refreshed, [waiting.id]);
    const done = await storyOf(deferred, 'gazette');
    assert.equal(done.view.pending, undefined);
    assert.deepEqual(await deferred.store.pendingStories(10), []);
    assert.ok(counted340(done.view), 'the new count is compared');
    const expected = await storyOf(inline, 'gazette');
    assert.deepEqual(done.view, expected.view, 'the refreshed view is the one an add computes at once');
    assert.equal(done.independentSources, expected.independentSources);
    assert.equal(done.contradictions, expected.contradictions);
  } finally {
    await inline.close();
    await deferred.close();
  }
});

test('a deferred story keeps its index terms: a later related article still finds and joins it', async () => {
  const { dir, first, later } = folders();
  const db = join(dir, 'c.db');
  let corpus = await openCorpus({ db });
  await corpus.add([first], DEFER);
  await corpus.add([later], DEFER);
  await corpus.refreshViews();
  await corpus.close();
  mkdirSync(join(dir, 'last'));
  writeFileSync(join(dir, 'last', 'post.txt'), FERRY('the Island Post', 212));
  corpus = await openCorpus({ db });
  try {
    const r = await corpus.add([join(dir, 'last')], DEFER);
    assert.deepEqual(r.storiesCreated, [], 'placement found the refreshed story by its terms');
    assert.equal((await storyOf(corpus, 'post')).articles, 4);
  } finally {
    await corpus.close();
  }
});

test('pending views survive the process: another process refreshes them; a new story is never deferred', async () => {
  const { dir, first, later } = folders();
  const db = join(dir, 'c.db');
  const writer = await openCorpus({ db });
  await writer.add([first], DEFER);
  await writer.add([later], DEFER);
  await writer.close();
  mkdirSync(join(dir, 'orchard'));
  writeFileSync(join(dir, 'orchard', 'frost.txt'), ORCHARD);
  const next = await openCorpus({ db });
  try {
    await next.add([join(dir, 'orchard')], DEFER);
    assert.equal((await storyOf(next, 'frost')).view.pending, undefined, 'a story without a stored view is cross-checked at once');
    assert.equal((await next.store.pendingStories(10)).length, 1);
    assert.deepEqual((await next.refreshViews({ limit: 1 })).refreshed.length, 1);
    assert.deepEqual(await next.store.pendingStories(10), []);
    assert.deepEqual((await next.refreshViews()).refreshed, [], 'nothing left');
  } finally {
    await next.close();
  }
});

test('yieldTo stops a refresh before the next story, leaving it pending', async () => {
  const { dir, first, later } = folders();
  const corpus = await openCorpus({ db: join(dir, 'c.db') });
  try {
    await corpus.add([first], DEFER);
    await corpus.add([later], DEFER);
    assert.deepEqual((await corpus.refreshViews({ yieldTo: () => true })).refreshed, []);
    assert.equal((await corpus.store.pendingStories(10)).length, 1);
  } finally {
    await corpus.close();
  }
});

/** The ferry strike told again in other words (not a copy: placed online by its score, not a reuse link). */
const FERRY_DAY_TWO = `Vellin ferry walkout leaves island without supplies
May 13, 2031

The strike by ferry crews on the Vellin line went into its second day on Tuesday with no crossings to the island.
Union spokesperson Ada Korr said the crews would stay out until the operator restored the cut night shift.
The island clinic said its supplies would last until Thursday and shops on Vellin island had run out of fresh food.
`;

/** A store that records which article ids were read as records (getArticles). */
function countingStore(store: Store): { store: Store; read: string[] } {
  const read: string[] = [];
  const counting = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== 'getArticles' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (ids: string[]) => {
        read.push(...ids);
        return value.call(target, ids);
      };
    },
  });
  return { store: counting, read };
}

test('online + deferred: the add reads no stored member of the story it grows; the refresh equals the view of an online add without deferral', async () => {
  const { dir, first } = folders();
  mkdirSync(join(dir, 'day2'));
  writeFileSync(join(dir, 'day2', 'walkout.txt'), FERRY_DAY_TWO);
  const ONLINE: AddOptions = { workers: 0, now: NOW, placement: 'online' };
  const inline = await openCorpus({ db: join(dir, 'inline.db') });
  await inline.add([first], ONLINE);
  await inline.add([join(dir, 'day2')], ONLINE);
  const seed = await openCorpus({ db: join(dir, 'deferred.db') });
  await seed.add([first], { ...DEFER, placement: 'online' });
  await seed.close();
  // A corpus opened afresh: nothing of the stored story is in its caches, so every record read is counted.
  const { store, read } = countingStore(openStore(join(dir, 'deferred.db')));
  const deferred = new Corpus(store);
  try {
    const added = await deferred.add([join(dir, 'day2')], { ...DEFER, placement: 'online' });
    assert.deepEqual(added.placements, [{ path: 'online', fallback: [] }]);
    assert.deepEqual(added.storiesUpdated.length, 1);
    assert.deepEqual(read.filter((id) => id !== 'walkout'), [], 'no stored member was read');
    const waiting = await storyOf(deferred, 'walkout');
    assert.equal(waiting.articles, 3);
    assert.deepEqual(waiting.view.pending?.articles, ['walkout']);
    assert.ok(waiting.view.entities.some((e) => e.sources.includes('walkout')), "the new member's entities are merged in");
    assert.ok(validateReport(await deferred.report({ now: NOW() })), schemaErrors());

    await deferred.refreshViews();
    const done = await storyOf(deferred, 'walkout');
    const expected = await storyOf(inline, 'walkout');
    assert.equal(done.view.pending, undefined);
    assert.deepEqual(done.view, expected.view, 'the refreshed view is the one an online add computes at once');
    assert.equal(done.independentSources, expected.independentSources);
  } finally {
    await inline.close();
    await deferred.close();
  }
});
