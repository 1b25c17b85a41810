// Workers on the real engines: PostgreSQL (a database each test creates and drops) and NATS JetStream (a queue
// namespace per test, named after that database and deleted with it). Skips, saying why, when either server
// does not answer. Checks: two workers store every article once and make the stories of one in-process add;
// enqueueing twice makes no second job; a redelivered job changes nothing; a worker killed mid-batch leaves its
// jobs to another; SIGTERM finishes the batch and exits 0; a poison job is dead-lettered and the rest done.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { enqueue } from '../src/queue/enqueue.js';
import { JobQueue } from '../src/queue/jetstream.js';
import { articleJob } from '../src/queue/job.js';
import { runWorker } from '../src/queue/worker.js';
import { deadLetters, queueStatus } from '../src/queue/status.js';
import { statusTable } from '../src/cli/commands/status.js';
import { ingestPaths } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';
import { corpusAt, reference } from './fixtures/queue/partitions.js';
import { NATS_URL, queueTestScope, serversProblem } from './fixtures/queue/servers.js';
import { lineOf, spawnWorkerChild } from './fixtures/queue/child.js';

/** A short visibility timeout, so a killed worker's jobs come back within the test's time. */
const TEST_ACK_WAIT_MS = 3_000;

const problem = await serversProblem();
if (problem) console.log(problem);


const { freshDatabase, articlesDir } = queueTestScope('cc-queue-');

const tuning = { ackWaitMs: TEST_ACK_WAIT_MS };

const spawnWorker = (db: string, batch: number, untilEmpty: boolean) =>
  spawnWorkerChild(db, { ackWaitMs: TEST_ACK_WAIT_MS, batch, env: { CROSSCHECK_TEST_UNTIL_EMPTY: untilEmpty ? '1' : '0' } });

describe('workers on PostgreSQL and NATS JetStream', { skip: problem ?? false }, () => {
  test('two workers store every article once, and the stories equal one in-process add', async () => {
    const db = await freshDatabase();
    const dir = articlesDir(36, 21);
    const first = await enqueue([dir], { db, nats: NATS_URL, tuning });
    assert.equal(first.queued.length, 36);
    const again = await enqueue([dir], { db, nats: NATS_URL, tuning });
    assert.deepEqual([again.queued.length, again.alreadyQueued.length], [0, 36], 'the second enqueue is the same 36 jobs');

    const [a, b] = await Promise.all([0, 1].map(() => runWorker({ db, nats: NATS_URL, tuning, batch: 4, untilEmpty: true })));
    assert.equal(a.done + b.done, 36, `each job done once: ${JSON.stringify([a, b, await queueStatus({ db, nats: NATS_URL })])}`);
    assert.ok(a.done > 0 && b.done > 0, `both workers took jobs (${a.done} / ${b.done})`);
    const got = await corpusAt(db);
    const want = await reference(dir);
    assert.equal(got.count, want.articles.length, JSON.stringify((await queueStatus({ db, nats: NATS_URL })).outcomes));
    assert.deepEqual(got.articles, want.articles);
    assert.deepEqual(got.stories, want.stories);
    assert.deepEqual(got.events, want.events);

    // A job delivered again (here: the same job under another message id, past the dedup) changes nothing.
    const queue = await JobQueue.open({ db, nats: NATS_URL, tuning });
    const items: Article[] = [];
    for await (const it of ingestPaths([join(dir, 'a003.txt')])) if (it.kind === 'article') items.push(it.article);
    const { id, job } = articleJob(items[0], new Date());
    assert.ok(await queue.publishJob(`${id}-again`, job));
    await queue.close();
    await runWorker({ db, nats: NATS_URL, tuning, untilEmpty: true });
    const after = await corpusAt(db);
    assert.equal(after.count, 36);
    assert.deepEqual(after.stories, want.stories);
    const s = await queueStatus({ db, nats: NATS_URL });
    assert.deepEqual([s.queued, s.running, s.done, s.failed.length], [0, 0, 36, 0], 'the redelivery is the same job: one outcome');
    // The fixture's verbatim copies under other URLs are duplicates: stored, and one source with their original.
    assert.equal(s.outcomes.added + s.outcomes.duplicate, 36);
    assert.ok(s.outcomes.duplicate >= 1, 'the copies were told apart as duplicates');
    assert.equal(s.outcomes.unchanged, 0, 'the redelivered job found its article unchanged and recorded no second outcome');
  });

  test('a worker killed mid-batch leaves its jobs to another; SIGTERM finishes the batch and exits 0', async () => {
    const db = await freshDatabase();
    const dir = articlesDir(40, 5);
    assert.equal((await enqueue([dir], { db, nats: NATS_URL, tuning })).queued.length, 40);

    const killed = spawnWorker(db, 4, false);
    await lineOf(killed, (l) => l === 'batch done 4');
    await lineOf(killed, (l) => l.startsWith('batch start'));
    killed.child.kill('SIGKILL');
    assert.deepEqual(await killed.exit, [null, 'SIGKILL']);

    const stopped = spawnWorker(db, 4, false);
    await lineOf(stopped, (l) => l.startsWith('batch start'));
    stopped.child.kill('SIGTERM');
    await lineOf(stopped, (l) => l.startsWith('batch done'));
    assert.deepEqual(await stopped.exit, [0, null], 'SIGTERM: the batch finished, then exit 0');

    const mid = await queueStatus({ db, nats: NATS_URL });
    assert.ok(mid.done >= 4 && mid.done < 40, `some jobs done, some left (${mid.done})`);

    await runWorker({ db, nats: NATS_URL, tuning, untilEmpty: true });
    const got = await corpusAt(db);
    const want = await reference(dir);
    assert.equal(got.count, 40, 'nothing lost, nothing doubled');
    assert.deepEqual(got.stories, want.stories);
    assert.deepEqual(got.events, want.events);
    const s = await queueStatus({ db, nats: NATS_URL });
    assert.deepEqual([s.queued, s.running, s.done, s.failed.length, s.corpus.articles], [0, 0, 40, 0, 40]);
    // The stopped workers removed their heartbeat; the killed one's stays until it expires (15 s).
    assert.ok(s.workers.every((w) => w.pid === killed.child.pid), JSON.stringify(s.workers));
  });

  test('a poison job is dead-lettered after its tries, the rest is done, and status says so', async () => {
    const db = await freshDatabase();
    const dir = articlesDir(10, 8);
    const poisonTuning = { ackWaitMs: TEST_ACK_WAIT_MS, maxDeliver: 2 };
    assert.equal((await enqueue([dir], { db, nats: NATS_URL, tuning: poisonTuning })).queued.length, 10);
    const items: Article[] = [];
    for await (const it of ingestPaths([join(dir, 'a001.txt'), join(dir, 'a002.txt')])) if (it.kind === 'article') items.push(it.article);
    // Jobs another producer got wrong: a body that is not text makes the clean stage throw; an outlet that is
    // not a name fails the whole batch before any stage runs.
    const badBody = { ...items[0], path: '/poison/body.txt', hash: 'poison-body', meta: { ...items[0].meta, url: null, outlet: null }, raw: 12345 as unknown as string };
    const badOutlet = { ...items[1], path: '/poison/outlet.txt', hash: 'poison-outlet', meta: { ...items[1].meta, url: null, outlet: 7 as unknown as string } };
    const queue = await JobQueue.open({ db, nats: NATS_URL, tuning: poisonTuning });
    for (const bad of [badBody, badOutlet]) {
      const { id, job } = articleJob(bad, new Date());
      assert.ok(await queue.publishJob(id, job));
    }
    await queue.close();

    let seenAlive = 0;
    const onBatch = async () => {
      seenAlive = Math.max(seenAlive, (await queueStatus({ db, nats: NATS_URL })).workers.length);
    };
    await runWorker({ db, nats: NATS_URL, tuning: poisonTuning, batch: 6, untilEmpty: true, onBatch: () => void onBatch() });
    const s = await queueStatus({ db, nats: NATS_URL });
    assert.deepEqual([s.queued, s.running, s.done, s.corpus.articles], [0, 0, 10, 10]);
    const reasons = new Map(s.failed.map((f) => [f.path, f]));
    assert.equal(s.failed.length, 2, JSON.stringify(s.failed, null, 1));
    assert.match(reasons.get('/poison/body.txt')!.reason, /internal error in stage clean/);
    assert.equal(reasons.get('/poison/body.txt')!.deliveries, 2);
    assert.match(reasons.get('/poison/outlet.txt')!.reason, /is not a function/);
    assert.ok(seenAlive >= 1, 'status saw the working worker alive');
    const table = statusTable(s);
    assert.match(table, /0 queued, 0 running, \d+ retrying, 10 done, 2 failed/);
    assert.match(table, /\/poison\/body\.txt {2}after 2 tries: .*internal error in stage clean/);
    assert.match(table, /corpus: 10 articles/);
  });
});

describe('dead letters from JetStream\'s max-deliveries advisory', { skip: problem ?? false }, () => {
  test('a job whose last delivery timed out but was finished late is not listed; one nobody finished is', async () => {
    const db = await freshDatabase();
    const dir = articlesDir(2, 12);
    // One delivery, a one-second visibility timeout: both jobs run out at once if not acknowledged in time.
    const queue = await JobQueue.open({ db, nats: NATS_URL, tuning: { ackWaitMs: 1_000, maxDeliver: 1 } });
    try {
      assert.equal((await enqueue([dir], { db, nats: NATS_URL })).queued.length, 2);
      const [late, never] = await queue.fetch(2, 2_000);
      assert.ok(late && never, 'both jobs handed out');
      // The server raises the advisory when it would deliver again to a waiting fetch, so the test keeps one.
      for (let t0 = Date.now(); (await queue.readAll('dead')).length < 2; ) {
        assert.ok(Date.now() - t0 < 15_000, 'no max-deliveries advisories');
        assert.deepEqual(await queue.fetch(1, 1_000), [], 'a job given up on is not handed out again');
      }
      // The slow worker finishes its job after the advisory: its outcome is recorded and the job acknowledged.
      const job = JSON.parse(new TextDecoder().decode(late.data));
      const id = articleJob(job.article, new Date()).id;
      await queue.recordOutcome(id, { job: id, key: job.key, article: 'x', outcome: 'added', worker: 'slow', at: new Date().toISOString() });
      await late.ackAck().catch(() => false);
      const dead = await deadLetters(queue);
      const stuck = JSON.parse(new TextDecoder().decode(never.data));
      assert.deepEqual(dead.map((d) => d.key), [stuck.key], JSON.stringify(dead));
      assert.match(dead[0].reason, /no worker finished it in 1 deliveries/);
    } finally {
      await queue.close();
    }
  });
});
