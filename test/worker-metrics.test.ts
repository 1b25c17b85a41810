// `crosscheck worker --metrics-port 0` as an operator runs it (the built CLI, real PostgreSQL and NATS
// JetStream in a database and queue of the test's own): /metrics counts the jobs done by outcome, the failed
// try, the dead letter and the redelivery of a poison job, the held time of every delivery and the queue's
// depth; SIGTERM then stops it with exit 0 and its heartbeat removed. Skips, saying why, without the servers.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueue } from '../src/queue/enqueue.js';
import { JobQueue } from '../src/queue/jetstream.js';
import { articleJob } from '../src/queue/job.js';
import { queueStatus } from '../src/queue/status.js';
import { ingestPaths } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';
import { writeArticles } from './fixtures/corpus/articles.js';
import { freshDatabase as freshQueueDatabase, NATS_URL, serversProblem } from './fixtures/queue/servers.js';
import { REPO } from './run-cli.js';

const problem = await serversProblem();
if (problem) console.log(problem);

const cleanups: (() => Promise<void>)[] = [];
const dir = mkdtempSync(join(tmpdir(), 'cc-metrics-'));
after(async () => {
  for (const c of cleanups.splice(0)) await c().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

/** One Prometheus sample's value (summed over its label sets when `labels` is not given). */
function sample(body: string, name: string, labels?: string): number {
  let sum = 0;
  for (const line of body.split('\n')) {
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (m && m[1] === name && (labels === undefined || m[2] === `{${labels}}`)) sum += Number(m[3]);
  }
  return sum;
}

describe('crosscheck worker --metrics-port', { skip: problem ?? false }, () => {
  test('/metrics counts done, failed, dead-lettered and redelivered jobs and their held time; SIGTERM exits 0', async () => {
    const db = await freshQueueDatabase(cleanups);
    writeArticles(dir, 6, 11);
    // The queue made with two tries a job, before the worker opens it (the worker keeps the queue's tuning).
    const tuning = { ackWaitMs: 3_000, maxDeliver: 2 };
    assert.equal((await enqueue([dir], { db, nats: NATS_URL, tuning })).queued.length, 6);
    const items: Article[] = [];
    for await (const it of ingestPaths([join(dir, 'a000.txt')])) if (it.kind === 'article') items.push(it.article);
    const poison = { ...items[0], path: '/poison/body.txt', hash: 'poison-body', meta: { ...items[0].meta, url: null }, raw: 12345 as unknown as string };
    const queue = await JobQueue.open({ db, nats: NATS_URL, tuning });
    const { id, job } = articleJob(poison, new Date());
    await queue.publishJob(id, job);
    await queue.close();

    const child = spawn(process.execPath, [join(REPO, 'bin/crosscheck.js'), 'worker', '--db', db, '--metrics-port', '0', '--batch', '4'], {
      cwd: REPO, env: { ...process.env, CROSSCHECK_NATS: NATS_URL }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exit = once(child, 'exit') as Promise<[number | null, string | null]>;
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr!.on('data', (d) => {
        stderr += d;
        const m = /metrics at (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      void exit.then(() => reject(new Error(`the worker ended before serving metrics: ${stderr}`)));
    });
    try {
      for (let t0 = Date.now(); ; ) {
        const s = await queueStatus({ db, nats: NATS_URL });
        if (s.done === 6 && s.failed.length === 1) break;
        assert.ok(Date.now() - t0 < 90_000, `the worker did not finish: ${JSON.stringify(s)}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const res = await fetch(url);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
      const body = await res.text();
      assert.equal(sample(body, 'crosscheck_worker_jobs_done_total'), 6);
      assert.ok(sample(body, 'crosscheck_worker_jobs_done_total', 'outcome="added"') >= 1, body);
      assert.equal(sample(body, 'crosscheck_worker_jobs_failed_total'), 1, 'the poison job handed back once');
      assert.equal(sample(body, 'crosscheck_worker_jobs_dead_lettered_total'), 1);
      assert.equal(sample(body, 'crosscheck_worker_jobs_redelivered_total'), 1, 'its second delivery');
      assert.equal(sample(body, 'crosscheck_worker_jobs_handed_back_total'), 0, 'nothing handed back before SIGTERM');
      assert.equal(sample(body, 'crosscheck_worker_job_seconds_count'), 8, 'six jobs and two deliveries of the poison');
      assert.ok(sample(body, 'crosscheck_worker_job_seconds_sum') > 0);
      assert.equal(sample(body, 'crosscheck_worker_queue_depth', 'state="queued"'), 0);
      assert.equal(sample(body, 'crosscheck_worker_queue_depth', 'state="running"'), 0);
      assert.equal((await fetch(url.replace(/\/metrics$/, '/other'))).status, 404);
    } finally {
      child.kill('SIGTERM');
    }
    assert.deepEqual(await exit, [0, null], stderr);
    assert.match(stderr, /stopping; the current batch has 10 s to finish before its jobs are handed back/);
    assert.match(stderr, /6 done, 1 to retry, 1 dead-lettered, 0 handed back/);
    assert.equal((await queueStatus({ db, nats: NATS_URL })).workers.length, 0, 'its heartbeat was removed on the way out');
  });
});
