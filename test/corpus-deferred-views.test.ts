// Deferred story views: a grown story's add keeps the last cross-check and names the members it has not
// compared (`pending`); `refreshViews` cross-checks it later, to the view an add would have computed at once.
// Articles are written for the test (test/fixtures/corpus/stories.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus, type AddOptions } from '../src/corpus/index.js';
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
