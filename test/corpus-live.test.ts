// Live adds (src/corpus/live.ts): an add defers the cross-check of the big story it grows, the idle adder
// cross-checks it afterwards (`settled` waits for that), and a stopped adder starts no refresh.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus, type AddOptions } from '../src/corpus/index.js';
import { LiveAdder } from '../src/corpus/live.js';
import { ingestPaths } from '../src/ingest/index.js';
import { FERRY } from './fixtures/corpus/stories.js';
import { writeFileSync } from 'node:fs';

const NOW = () => new Date('2031-05-20T00:00:00Z');
/** Every grown story deferred (the default keeps stories of up to 10 members inline). */
const OPTS: AddOptions = { workers: 0, now: NOW, deferViews: { inlineMaxArticles: 0 } };

function file(dir: string, name: string, outlet: string): string {
  writeFileSync(join(dir, name), FERRY(outlet, name === 'gazette.txt' ? 340 : 212));
  return join(dir, name);
}

test('a live add defers the grown story, the idle adder cross-checks it, settled waits for that', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-live-'));
  const corpus = await openCorpus({ db: join(dir, 'c.db') });
  const refreshed: string[] = [];
  const live = new LiveAdder(corpus, (ids) => refreshed.push(...ids), (err) => assert.fail(err));
  try {
    await live.add(ingestPaths([file(dir, 'herald.txt', 'the Vellin Herald'), file(dir, 'courier.txt', 'the Tarn Courier')]), OPTS);
    const r = await live.add(ingestPaths([file(dir, 'gazette.txt', 'the Pier Gazette')]), OPTS);
    assert.equal(r.storiesUpdated.length, 1);
    await live.settled();
    assert.deepEqual(refreshed, r.storiesUpdated, 'the grown story was cross-checked after the add');
    assert.deepEqual(await corpus.store.pendingStories(10), []);
  } finally {
    await live.stop();
    await corpus.close();
  }
});

test('a stopped live adder leaves a deferred story pending', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-live-'));
  const corpus = await openCorpus({ db: join(dir, 'c.db') });
  const live = new LiveAdder(corpus);
  try {
    await live.add(ingestPaths([file(dir, 'herald.txt', 'the Vellin Herald'), file(dir, 'courier.txt', 'the Tarn Courier')]), OPTS);
    // Stopped while the second add runs: its refresh never starts.
    const adding = live.add(ingestPaths([file(dir, 'gazette.txt', 'the Pier Gazette')]), OPTS);
    await live.stop();
    await adding;
    await live.settled();
    assert.equal((await corpus.store.pendingStories(10)).length, 1);
  } finally {
    await corpus.close();
  }
});
