// A worker's shutdown and its keepalive, on the real PostgreSQL and NATS JetStream (a database and a queue
// namespace per test, dropped after). Checks: SIGTERM hands back a batch that has not finished within the grace
// period, with nothing of it committed, and another worker takes it at once (long before the visibility timeout)
// and adds it once; a batch whose commit has begun is never handed back; a main thread held synchronously for
// longer than the visibility timeout keeps its jobs, because the keepalive runs on a thread of its own; one held
// longer than the heartbeat's expiry still counts as a live worker for the hand-off, because the heartbeat runs
// there too; and one that does not answer past the silence bound stops counting, until it answers again.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { enqueue } from '../src/queue/enqueue.js';
import { JobQueue } from '../src/queue/jetstream.js';
import { Holding, HandedBack } from '../src/queue/holding.js';
import { runWorker, type WorkerSummary } from '../src/queue/worker.js';
import { liveWorkers, queueStatus } from '../src/queue/status.js';
import { WorkerHandoff } from '../src/queue/handoff.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { corpusAt, reference } from './fixtures/queue/partitions.js';
import { NATS_URL, queueTestScope, serversProblem } from './fixtures/queue/servers.js';
import { lineOf, spawnWorkerChild } from './fixtures/queue/child.js';

const problem = await serversProblem();
if (problem) console.log(problem);

const { freshDatabase, articlesDir } = queueTestScope('cc-shutdown-');

const spawnWorker = (db: string, ackWaitMs: number, batch: number, env: Record<string, string>) =>
  spawnWorkerChild(db, { ackWaitMs, batch, env: { CROSSCHECK_TEST_UNTIL_EMPTY: '0', ...env } });

interface Seen {
  /** ms since the busy period began */
  at: number;
  /** live workers by WorkerHandoff.alive() (0: none) */
  workers: number;
  /** age of the freshest heartbeat, ms (null: none) */
  beatAgeMs: number | null;
}

/** What `add` would see, asked every 500 ms until `until` settles (and once more after). */
async function aliveWhile(db: string, until: Promise<unknown>, t0: number): Promise<Seen[]> {
  const handoff = new WorkerHandoff({ db, nats: NATS_URL });
  const queue = await JobQueue.open({ db, nats: NATS_URL });
  let over = false;
  void until.finally(() => (over = true));
  const seen: Seen[] = [];
  try {
    for (let last = false; !last; ) {
      last = over;
      const alive = await handoff.alive();
      const beats = await liveWorkers(queue);
      seen.push({ at: Date.now() - t0, workers: 'why' in alive ? 0 : alive.workers, beatAgeMs: beats.length ? Math.min(...beats.map((b) => Date.now() - Date.parse(b.at))) : null });
      if (!last) await Promise.race([until, new Promise((r) => setTimeout(r, 500))]);
    }
  } finally {
    await handoff.close();
    await queue.close();
  }
  await until;
  return seen;
}

describe('a worker\'s shutdown and keepalive', { skip: problem ?? false }, () => {
  test('SIGTERM hands back a batch unfinished after the grace period; another worker adds it at once, once', async (t) => {
    const db = await freshDatabase();
    const dir = articlesDir(8, 31);
    // A long visibility timeout: jobs that came back only through it would take 30 s.
    const ackWaitMs = 30_000;
    assert.equal((await enqueue([dir], { db, nats: NATS_URL, tuning: { ackWaitMs } })).queued.length, 8);
    // The test holds the writer lock, so the worker's batch waits for it, analysed but uncommitted.
    const store = await openPostgresStore(db);
    const release = await store.lockWriter();
    let stoppedIn = 0;
    try {
      const w = spawnWorker(db, ackWaitMs, 8, { CROSSCHECK_TEST_SHUTDOWN_GRACE_MS: '1000' });
      await lineOf(w, (l) => l === 'batch start 8');
      const t0 = Date.now();
      w.child.kill('SIGTERM');
      const summary = JSON.parse(await lineOf(w, (l) => l.startsWith('{'))) as WorkerSummary;
      assert.deepEqual(await w.exit, [0, null], 'handed back, then exit 0');
      stoppedIn = Date.now() - t0;
      assert.ok(stoppedIn < 10_000, `the worker stopped ${stoppedIn} ms after SIGTERM, without waiting for the lock`);
      assert.deepEqual([summary.done, summary.handedBack, summary.batches], [0, 8, 0]);
      assert.equal(await store.countArticles(), 0, 'nothing of the handed-back batch was committed');
      const s = await queueStatus({ db, nats: NATS_URL });
      // JetStream counts a job handed back as awaiting acknowledgement until it is delivered again.
      assert.deepEqual([s.queued, s.running, s.done], [0, 8, 0]);
      assert.deepEqual(s.workers, [], 'its heartbeat is gone');
    } finally {
      await release();
      await store.close();
    }

    const t1 = Date.now();
    const next = await runWorker({ db, nats: NATS_URL, batch: 8, untilEmpty: true });
    const drained = Date.now() - t1;
    assert.ok(drained < ackWaitMs / 2, `taken at once, not after the visibility timeout: drained in ${drained} ms`);
    t.diagnostic(`stopped ${stoppedIn} ms after SIGTERM (grace 1000 ms); the 8 handed-back jobs drained by the next worker in ${drained} ms`);
    assert.equal(next.done, 8);
    const got = await corpusAt(db);
    const want = await reference(dir);
    assert.equal(got.count, 8, 'every article once');
    assert.deepEqual(got.stories, want.stories);
    const s = await queueStatus({ db, nats: NATS_URL });
    assert.deepEqual([s.queued, s.running, s.done, s.failed.length], [0, 0, 8, 0]);
    assert.equal(s.outcomes.added + s.outcomes.duplicate, 8, JSON.stringify(s.outcomes));
  });

  test('a batch whose commit has begun is not handed back when the grace period runs out; the rest is', async () => {
    const db = await freshDatabase();
    const dir = articlesDir(3, 32);
    assert.equal((await enqueue([dir], { db, nats: NATS_URL })).queued.length, 3);
    const queue = await JobQueue.open({ db, nats: NATS_URL });
    try {
      const [a, b, c] = await queue.fetch(3, 2_000);
      const holding = new Holding();
      holding.take([a, b, c]);
      holding.settle(a);
      await a.ackAck();
      holding.beginCommit();
      holding.expire();
      assert.equal(holding.count, 2, 'the committing batch keeps its jobs');
      holding.checkpoint();
      assert.equal((await queue.jobCounts()).running, 2, 'still held on the server');
      holding.settle(b);
      await b.ackAck();
      holding.endCommit();
      assert.deepEqual([holding.count, holding.handedBack], [0, 1], 'what was left is handed back once the commit is done');
      assert.throws(() => holding.checkpoint(), HandedBack);
      // Handed back: offered again at once, to the next fetch.
      const again = await queue.fetch(3, 2_000);
      assert.deepEqual(again.map((m) => [m.seq, m.info.deliveryCount]), [[c.seq, 2]]);
      again[0].ack();
    } finally {
      await queue.close();
    }
  });

  test('a main thread held longer than the visibility timeout keeps its jobs: the keepalive has its own thread', async () => {
    const db = await freshDatabase();
    const dir = articlesDir(4, 33);
    const ackWaitMs = 2_000;
    assert.equal((await enqueue([dir], { db, nats: NATS_URL, tuning: { ackWaitMs } })).queued.length, 4);
    // Three visibility timeouts of a main thread that runs nothing else.
    const w = spawnWorker(db, ackWaitMs, 4, { CROSSCHECK_TEST_BLOCK_MS: String(3 * ackWaitMs) });
    await lineOf(w, (l) => l === 'batch start 4');
    // Another worker asks for jobs all along: a job whose visibility timeout ran out would go to it.
    const other = runWorker({ db, nats: NATS_URL, untilEmpty: true });
    await lineOf(w, (l) => l === 'batch done 4');
    const rival = await other;
    w.child.kill('SIGTERM');
    const summary = JSON.parse(await lineOf(w, (l) => l.startsWith('{'))) as WorkerSummary;
    assert.deepEqual(await w.exit, [0, null]);
    assert.equal(summary.done, 4, 'the blocked worker finished its own jobs');
    assert.deepEqual([rival.done, rival.batches], [0, 0], 'no job timed out to the other worker');
    const s = await queueStatus({ db, nats: NATS_URL });
    assert.deepEqual([s.queued, s.running, s.retrying, s.done, s.failed.length, s.corpus.articles], [0, 0, 0, 4, 0, 4]);
  });

  test('a main thread busy for longer than the heartbeat\'s expiry still counts as a live worker', async (t) => {
    const db = await freshDatabase();
    const dir = articlesDir(2, 34);
    assert.equal((await enqueue([dir], { db, nats: NATS_URL })).queued.length, 2);
    // The heartbeat entry expires 15 s after its last renewal: a main-thread heartbeat would be gone by then.
    const blockMs = 20_000;
    const w = spawnWorker(db, 30_000, 2, { CROSSCHECK_TEST_BLOCK_MS: String(blockMs) });
    // A failed assertion must not leave the worker running on a queue that the cleanup drops.
    t.after(() => void w.child.kill('SIGKILL'));
    await lineOf(w, (l) => l === 'batch start 2');
    const t0 = Date.now();
    const seen = await aliveWhile(db, lineOf(w, (l) => l === 'batch done 2'), t0);
    const busy = seen.filter((x) => x.at < blockMs);
    t.diagnostic(`${busy.length} checks over ${blockMs} ms busy: workers ${[...new Set(busy.map((x) => x.workers))]}, oldest heartbeat seen ${Math.max(...busy.map((x) => x.beatAgeMs ?? Infinity))} ms old`);
    assert.ok(busy.length >= 15 && busy.at(-1)!.at > blockMs - 2_000, `checked all through the busy period: ${JSON.stringify(busy.map((x) => x.at))}`);
    assert.deepEqual(busy.filter((x) => x.workers !== 1), [], 'alive at every check while the main thread was busy');
    // Renewed, not merely unexpired: no beat older than its interval (5 s) and some slack.
    assert.ok(busy.every((x) => x.beatAgeMs !== null && x.beatAgeMs < 7_000), JSON.stringify(busy));
    w.child.kill('SIGTERM');
    const summary = JSON.parse(await lineOf(w, (l) => l.startsWith('{'))) as WorkerSummary;
    assert.deepEqual(await w.exit, [0, null]);
    assert.equal(summary.done, 2);
    const queue = await JobQueue.open({ db, nats: NATS_URL });
    assert.deepEqual(await liveWorkers(queue), [], 'a clean exit removes the heartbeat');
    await queue.close();
  });

  test('a main thread that does not answer past the silence bound stops counting as alive, until it answers', async (t) => {
    const db = await freshDatabase();
    const dir = articlesDir(2, 35);
    assert.equal((await enqueue([dir], { db, nats: NATS_URL })).queued.length, 2);
    const maxSilentMs = 2_000;
    const blockMs = 12_000;
    const w = spawnWorker(db, 30_000, 2, { CROSSCHECK_TEST_BLOCK_MS: String(blockMs), CROSSCHECK_TEST_MAX_SILENT_MS: String(maxSilentMs) });
    // A failed assertion must not leave the worker running on a queue that the cleanup drops.
    t.after(() => void w.child.kill('SIGKILL'));
    await lineOf(w, (l) => l === 'batch start 2');
    const t0 = Date.now();
    const seen = await aliveWhile(db, lineOf(w, (l) => l === 'batch done 2'), t0);
    const gone = seen.find((x) => x.workers === 0);
    t.diagnostic(`silence bound ${maxSilentMs} ms: alive at ${seen[0].at} ms, gone at ${gone?.at} ms of ${blockMs} ms busy`);
    assert.equal(seen[0].workers, 1, 'alive when the busy period began');
    assert.ok(gone, 'it stopped counting as alive while its main thread did not answer');
    // The bound, a missed ping (1 s), the thread's check (1 s) and one poll: well before the entry's own expiry
    // (15 s after the last renewal, at least 10 s into the busy period).
    assert.ok(gone.at < maxSilentMs + 4_000, `gone ${gone.at} ms into the busy period`);
    assert.ok(seen.filter((x) => x.at > gone.at && x.at < blockMs).every((x) => x.workers === 0), 'and stayed gone while the thread was busy');
    // Answering again, it counts as alive at once (its batch then finishes normally).
    const back = await aliveWhile(db, new Promise((r) => setTimeout(r, 3_000)), t0);
    assert.ok(back.some((x) => x.workers === 1), JSON.stringify(back));
    w.child.kill('SIGTERM');
    const summary = JSON.parse(await lineOf(w, (l) => l.startsWith('{'))) as WorkerSummary;
    assert.deepEqual(await w.exit, [0, null]);
    assert.equal(summary.done, 2, 'its jobs were kept all the while');
  });
});
