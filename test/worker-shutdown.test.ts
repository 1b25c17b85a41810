// A worker's shutdown and its keepalive, on the real PostgreSQL and NATS JetStream (a database and a queue
// namespace per test, dropped after). Checks: SIGTERM hands back a batch that has not finished within the grace
// period, with nothing of it committed, and another worker takes it at once (long before the visibility timeout)
// and adds it once; a batch whose commit has begun is never handed back; a main thread held synchronously for
// longer than the visibility timeout keeps its jobs, because the keepalive runs on a thread of its own.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { enqueue } from '../src/queue/enqueue.js';
import { JobQueue, queueNamespace } from '../src/queue/jetstream.js';
import { Holding, HandedBack } from '../src/queue/holding.js';
import { runWorker, type WorkerSummary } from '../src/queue/worker.js';
import { queueStatus } from '../src/queue/status.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { corpusAt, reference } from './fixtures/queue/partitions.js';
import { NATS_URL, queueTestScope, serversProblem } from './fixtures/queue/servers.js';

const problem = await serversProblem();
if (problem) console.log(problem);

const { freshDatabase, articlesDir } = queueTestScope('cc-shutdown-');

interface Child {
  child: ChildProcess;
  lines: AsyncIterableIterator<string>;
  exit: Promise<[number | null, string | null]>;
}

function spawnWorker(db: string, ackWaitMs: number, batch: number, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/queue/worker-child.ts'), db, queueNamespace(db), String(ackWaitMs), String(batch)], {
    env: { ...process.env, CROSSCHECK_NATS: NATS_URL, CROSSCHECK_TEST_UNTIL_EMPTY: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exit = once(child, 'exit') as Promise<[number | null, string | null]>;
  return { child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator](), exit };
}

/** The first line `wanted` accepts. */
async function lineOf(lines: AsyncIterableIterator<string>, wanted: (line: string) => boolean): Promise<string> {
  for (;;) {
    const { value, done } = await lines.next();
    assert.ok(!done, 'the worker ended before the awaited line');
    if (wanted(value)) return value;
  }
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
      await lineOf(w.lines, (l) => l === 'batch start 8');
      const t0 = Date.now();
      w.child.kill('SIGTERM');
      const summary = JSON.parse(await lineOf(w.lines, (l) => l.startsWith('{'))) as WorkerSummary;
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
    await lineOf(w.lines, (l) => l === 'batch start 4');
    // Another worker asks for jobs all along: a job whose visibility timeout ran out would go to it.
    const other = runWorker({ db, nats: NATS_URL, untilEmpty: true });
    await lineOf(w.lines, (l) => l === 'batch done 4');
    const rival = await other;
    w.child.kill('SIGTERM');
    const summary = JSON.parse(await lineOf(w.lines, (l) => l.startsWith('{'))) as WorkerSummary;
    assert.deepEqual(await w.exit, [0, null]);
    assert.equal(summary.done, 4, 'the blocked worker finished its own jobs');
    assert.deepEqual([rival.done, rival.batches], [0, 0], 'no job timed out to the other worker');
    const s = await queueStatus({ db, nats: NATS_URL });
    assert.deepEqual([s.queued, s.running, s.retrying, s.done, s.failed.length, s.corpus.articles], [0, 0, 0, 4, 0, 4]);
  });
});
