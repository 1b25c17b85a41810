// Throughput of `crosscheck worker` processes on one PostgreSQL corpus through the NATS JetStream queue: the
// same generated articles enqueued and drained by 1 and then 2 workers (each in a database and a queue of its
// own), beside one in-process `add` of the same files into PostgreSQL. Usage:
//   npx tsx bench/workers.ts [--n 300] [--batch 32]
// Needs PostgreSQL (CROSSCHECK_TEST_PG, default postgres://postgres@127.0.0.1:5432/postgres) and NATS with
// JetStream (CROSSCHECK_NATS, default nats://127.0.0.1:4222). Child mode: `workers.ts --child DB BATCH`.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { writeArticles } from '../test/fixtures/corpus/articles.js';
import { ADMIN_URL, adminQuery as admin, databaseUrl } from '../test/fixtures/postgres.js';


function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}


async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `cc_bench_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = databaseUrl(name);
  const { JobQueue } = await import('../src/queue/jetstream.js');
  try {
    return await work(url);
  } finally {
    const q = await JobQueue.open({ db: url });
    await q.drop();
    await q.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** Drains the queue with `n` worker processes; seconds from the first batch taken to the last worker's exit. */
async function drain(db: string, n: number, batch: number): Promise<{ seconds: number; wallSeconds: number }> {
  const t0 = performance.now();
  let first = Infinity;
  const children = Array.from({ length: n }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', db, String(batch)], { stdio: ['ignore', 'pipe', 'inherit'] });
    createInterface({ input: child.stdout! }).on('line', (l) => {
      if (l.startsWith('batch start')) first = Math.min(first, performance.now());
    });
    return once(child, 'exit');
  });
  await Promise.all(children);
  const end = performance.now();
  return { seconds: (end - first) / 1000, wallSeconds: (end - t0) / 1000 };
}

async function measureWorkers(dir: string, workers: number, batch: number, n: number) {
  return withDatabase(async (db) => {
    const { enqueue } = await import('../src/queue/enqueue.js');
    const queued = (await enqueue([dir], { db })).queued.length;
    const r = await drain(db, workers, batch);
    const { openCorpus } = await import('../src/corpus/index.js');
    const corpus = await openCorpus({ db });
    const stored = await corpus.store.countArticles();
    const stories = (await corpus.stories()).length;
    await corpus.close();
    if (queued !== n) throw new Error(`queued ${queued} of ${n}`);
    return { label: `${workers} worker${workers > 1 ? 's' : ''}`, ...r, stored, stories };
  });
}

async function measureSingleAdd(dir: string) {
  return withDatabase(async (db) => {
    const { openCorpus } = await import('../src/corpus/index.js');
    const corpus = await openCorpus({ db });
    const t0 = performance.now();
    await corpus.add([dir]);
    const seconds = (performance.now() - t0) / 1000;
    const stored = await corpus.store.countArticles();
    const stories = (await corpus.stories()).length;
    await corpus.close();
    return { label: 'one in-process add', seconds, wallSeconds: seconds, stored, stories };
  });
}

async function child(): Promise<void> {
  const [, db, batch] = process.argv.slice(process.argv.indexOf('--child'));
  const { runWorker } = await import('../src/queue/worker.js');
  await runWorker({ db, batch: Number(batch), untilEmpty: true, onBatch: (e) => process.stdout.write(`batch ${e.phase} ${e.jobs}\n`) });
}

async function main(): Promise<void> {
  const n = arg('n', 300);
  const batch = arg('batch', 32);
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-workers-'));
  try {
    writeArticles(dir, n, 31);
    console.log(`${n} generated articles (test/fixtures/corpus/articles.ts), batch ${batch}, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    const rows = [await measureSingleAdd(dir), await measureWorkers(dir, 1, batch, n), await measureWorkers(dir, 2, batch, n)];
    console.log('\n| run | articles/s (first batch → last exit) | seconds | wall incl. start-up, s | stored | stories |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const r of rows) console.log(`| ${r.label} | ${(n / r.seconds).toFixed(1)} | ${r.seconds.toFixed(1)} | ${r.wallSeconds.toFixed(1)} | ${r.stored} | ${r.stories} |`);
    console.log(`load after: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await (process.argv.includes('--child') ? child() : main());
