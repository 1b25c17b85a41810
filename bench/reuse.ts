// Reuse index speed: signatures + LSH for N synthetic articles (recombined real ECB+ sentences, tokenised once
// by the text stage's wink-nlp segmenter, as the pipeline hands tokens to the reuse stage), in memory on one
// thread, then into SQLite with signatures computed in 2 worker threads, then the add-one latency (signature +
// query + insert in its own transaction) at the end of the SQLite index. Prints a table.
// Run: npx tsx bench/reuse.ts [--n 100000] [--db /tmp/crosscheck-reuse-bench.db] [--threads 2]
// (reads ../shared/data/stories-ecbplus; skips when absent)

import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ReuseIndex, signatureOf, type ReuseSignature } from '../src/reuse/index.js';
import { SqliteReuseIndex } from '../src/store/sqlite-reuse-index.js';
import type { SignatureInput } from '../src/reuse/signature.js';
import { prng } from '../src/seeded-random.js';

const ECB = fileURLToPath(new URL('../../shared/data/stories-ecbplus', import.meta.url));

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

interface Pool {
  sentences: string[];
  tokens: string[][];
}

/** Article i, the same in every thread: 12–28 recombined sentences (a typical news article's length). */
function article(pool: Pool, i: number): SignatureInput {
  const rnd = prng(Math.imul(i + 1, 0x9e3779b1));
  const k = 12 + Math.floor(rnd() * 17);
  const picks = Array.from({ length: k }, () => Math.floor(rnd() * pool.sentences.length));
  return { id: `s${i}`, hash: `h${i}`, text: '', sentences: picks.map((j) => pool.sentences[j]), tokens: picks.map((j) => pool.tokens[j]) };
}

// Wall-clock rates suffer when other processes share the 2 cores, so CPU-time rates are printed beside them.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Signatures of a batch packed into transferable typed arrays (structured clone of objects would cost more
 *  than the signatures themselves). */
interface Packed {
  from: number;
  count: number;
  minhash: Uint32Array;
  simhash: Uint32Array;
  contentKeys: Float64Array;
  /** Band keys then sentence keys per article, from `offsets[i]`; the first `bandCounts[i]` are bands. */
  keys: Float64Array;
  offsets: Int32Array;
  bandCounts: Int32Array;
  /** Wall time the worker spent on the batch (process.cpuUsage is process-wide, so no per-thread CPU time). */
  seconds: number;
}

function pack(sigs: ReuseSignature[], from: number, seconds: number): Packed {
  const numPerm = sigs[0]?.minhash.length ?? 0;
  const minhash = new Uint32Array(sigs.length * numPerm);
  const simhash = new Uint32Array(sigs.length * 2);
  const contentKeys = new Float64Array(sigs.length);
  const offsets = new Int32Array(sigs.length + 1);
  const bandCounts = new Int32Array(sigs.length);
  let total = 0;
  for (const s of sigs) total += s.bandKeys.length + s.sentenceKeys.length;
  const keys = new Float64Array(total);
  let at = 0;
  sigs.forEach((s, i) => {
    minhash.set(s.minhash, i * numPerm);
    simhash[2 * i] = s.simhash[0];
    simhash[2 * i + 1] = s.simhash[1];
    contentKeys[i] = s.contentKey;
    offsets[i] = at;
    bandCounts[i] = s.bandKeys.length;
    for (const k of s.bandKeys) keys[at++] = k;
    for (const k of s.sentenceKeys) keys[at++] = k;
  });
  offsets[sigs.length] = at;
  return { from, count: sigs.length, minhash, simhash, contentKeys, keys, offsets, bandCounts, seconds };
}

function unpack(p: Packed): ReuseSignature[] {
  const numPerm = p.count ? p.minhash.length / p.count : 0;
  return Array.from({ length: p.count }, (_, i) => {
    const keys = Array.from(p.keys.subarray(p.offsets[i], p.offsets[i + 1]));
    return {
      id: `s${p.from + i}`,
      minhash: p.minhash.subarray(i * numPerm, (i + 1) * numPerm),
      simhash: [p.simhash[2 * i], p.simhash[2 * i + 1]] as [number, number],
      bandKeys: keys.slice(0, p.bandCounts[i]),
      sentenceKeys: keys.slice(p.bandCounts[i]),
      contentKey: p.contentKeys[i],
    };
  });
}

/** Worker side: signatures of articles [from, to) in batches of 1,000, posted back packed. At most two batches
 *  wait unacknowledged: without back-pressure the workers (faster than SQLite inserts) queued the whole run's
 *  signatures in the main thread (~0.9 GB RSS at 140k of 1M, and GC slowed the inserts). */
async function workerMain(): Promise<void> {
  const { pool, from, to } = workerData as { pool: Pool; from: number; to: number };
  let inFlight = 0;
  let wake: (() => void) | null = null;
  parentPort!.on('message', () => {
    inFlight--;
    wake?.();
  });
  for (let start = from; start < to; start += 1000) {
    while (inFlight >= 2) await new Promise<void>((resolve) => (wake = resolve));
    const t0 = performance.now();
    const sigs: ReuseSignature[] = [];
    for (let i = start; i < Math.min(to, start + 1000); i++) sigs.push(signatureOf(article(pool, i)));
    const packed = pack(sigs, start, (performance.now() - t0) / 1000);
    inFlight++;
    parentPort!.postMessage(packed, [packed.minhash.buffer, packed.simhash.buffer, packed.contentKeys.buffer, packed.keys.buffer, packed.offsets.buffer, packed.bandCounts.buffer] as ArrayBuffer[]);
  }
  parentPort!.postMessage('done');
  parentPort!.close();
}

/** Workers can't load .ts: an eval'd entry registers tsx inside the thread, then imports this file. */
function startWorker(data: unknown): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(self)}); });`, {
    eval: true,
    workerData: data,
  });
}

async function main(): Promise<void> {
  if (!existsSync(ECB)) {
    console.log(`skipped: ${ECB} absent`);
    return;
  }
  const n = Number(arg('n', '100000'));
  const threads = Number(arg('threads', '2'));
  const dbPath = arg('db', '/tmp/crosscheck-reuse-bench.db');
  const { segment } = await import('../src/text/sentences.js');
  const sentences: string[] = [];
  for (const f of readdirSync(ECB).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(`${ECB}/${f}`, 'utf8').split('\n')) if (line.length > 40 && !line.startsWith('http')) sentences.push(line.trim());
  }
  let t0 = performance.now();
  // Each pool line is tokenised once by the text stage's segmenter (its cost belongs to the text stage).
  const tokens = sentences.map((line) =>
    segment({ text: line, paragraphs: [{ start: 0, end: line.length, heading: false }], removed: [] }).flatMap((s) => s.tokens.map((t) => t.normal)),
  );
  const pool: Pool = { sentences, tokens };
  const rows: [string, string][] = [];
  const probes = 2000;
  let c0: number;
  let s: number;
  let c: number;
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (${cpus().length} cores)`);
  console.log(`reuse bench: ${n} synthetic articles from ${sentences.length} ECB+ sentences (tokenised in ${((performance.now() - t0) / 1000).toFixed(1)} s) + ${probes} probes, node ${process.version}`);

  // 1. SQLite (first, so its RSS is not the in-memory index's): signatures in worker threads, inserted by the main thread in transactions of 1,000.
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -262144'); // 256 MB page cache
  // Bulk load: checkpoint every ~80 MB of WAL instead of 4 MB, so hot B-tree pages are written back less often.
  db.pragma('wal_autocheckpoint = 20000');
  const sqlite = new SqliteReuseIndex(db);
  t0 = performance.now();
  c0 = cpu();
  let workerWall = 0;
  let insertSeconds = 0;
  await new Promise<void>((resolve, reject) => {
    let running = threads;
    const per = Math.ceil(n / threads);
    for (let w = 0; w < threads; w++) {
      const worker = startWorker({ pool, from: w * per, to: Math.min(n, (w + 1) * per) });
      worker.on('error', reject);
      worker.on('message', (m: Packed | 'done') => {
        if (m === 'done') {
          void worker.terminate();
          if (--running === 0) resolve();
          return;
        }
        workerWall += m.seconds;
        const ti = performance.now();
        sqlite.addMany(unpack(m));
        insertSeconds += (performance.now() - ti) / 1000;
        worker.postMessage('ack');
      });
    }
  });
  s = (performance.now() - t0) / 1000;
  c = cpu() - c0;
  rows.push([`signatures in ${threads} worker threads (${n} articles)`, `${Math.round(n / workerWall)} articles/s per worker-thread wall second`]);
  rows.push([`SQLite insert on the main thread (batches of 1,000, keys sorted)`, `${Math.round(n / insertSeconds)} articles/s while inserting`]);
  rows.push([`signature + SQLite index, end to end (${threads} workers + main thread)`, `${Math.round(n / s)} articles/s wall (${s.toFixed(0)} s), ${Math.round(n / c)} per CPU-s (all threads, incl. worker startup)`]);
  // Add-one latency. WAL checkpoints run off the add path (every 200 adds, timed apart): with SQLite's default
  // auto-checkpoint (1,000 pages; one add dirties ~55 random leaf pages) every ~18th add paid a 10–25 ms
  // checkpoint, which alone put p99 above 5 ms (measured at 100k: insert p99 23.6 ms → 3.4 ms).
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const latDb: number[] = [];
  const latQuery: number[] = [];
  const latCpu: number[] = [];
  const checkpoints: number[] = [];
  for (let i = 0; i < probes; i++) {
    const a = article(pool, n + probes + i);
    const cs = cpu();
    const t = performance.now();
    const sig = signatureOf(a);
    const tq = performance.now();
    sqlite.query(sig);
    latQuery.push(performance.now() - tq);
    sqlite.add(sig);
    latDb.push(performance.now() - t);
    latCpu.push((cpu() - cs) * 1000);
    if (i % 200 === 199) {
      const tc = performance.now();
      db.pragma('wal_checkpoint(PASSIVE)');
      checkpoints.push(performance.now() - tc);
    }
  }
  rows.push([`add-one in SQLite at ${n} (signature + query + insert, own transaction)`, `p50 ${quantile(latDb, 0.5).toFixed(3)} ms, p99 ${quantile(latDb, 0.99).toFixed(3)} ms (query alone: p50 ${quantile(latQuery, 0.5).toFixed(3)}, p99 ${quantile(latQuery, 0.99).toFixed(3)} ms)`]);
  // CPU time of the same adds (process-wide; the workers are gone by now): wall minus CPU is waiting — for a
  // core on a shared machine, or for I/O.
  rows.push([`add-one in SQLite at ${n}, CPU time`, `p50 ${quantile(latCpu, 0.5).toFixed(3)} ms, p99 ${quantile(latCpu, 0.99).toFixed(3)} ms`]);
  rows.push(['WAL checkpoint every 200 adds (off the add path)', `p50 ${quantile(checkpoints, 0.5).toFixed(1)} ms, max ${Math.max(...checkpoints).toFixed(1)} ms`]);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const keys = db.prepare('SELECT count(*) FROM reuse_band').pluck().get() as number;
  db.close();
  const size = statSync(dbPath).size;
  rows.push(['SQLite index on disk', `${(size / 2 ** 20).toFixed(0)} MB (${(size / (n + probes)).toFixed(0)} B/article, ${(keys / (n + probes)).toFixed(1)} keys/article)`]);
  rows.push([`peak RSS after the SQLite index of ${n} (main thread + workers)`, `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`]);
  // 2. Signatures + in-memory LSH index, one thread (the in-memory index is for a batch: capped at 200k,
  //    whose JS Maps already take ~1 GB; the store-sized index is SQLite below).
  const nMemory = Math.min(n, 200_000);
  c0 = cpu();
  t0 = performance.now();
  let words = 0;
  for (let i = 0; i < Math.min(nMemory, 20_000); i++) for (const t of article(pool, i).tokens!) words += t.length;
  const sigOnly = Math.min(nMemory, 50_000);
  for (let i = 0; i < sigOnly; i++) signatureOf(article(pool, i));
  s = (performance.now() - t0) / 1000;
  c = cpu() - c0;
  rows.push([`signature only, 1 thread (${sigOnly} articles)`, `${Math.round(sigOnly / s)} articles/s wall, ${Math.round(sigOnly / c)} per CPU-s (~${Math.round(words / Math.min(nMemory, 20_000))} tokens/article)`]);
  c0 = cpu();
  t0 = performance.now();
  const memory = new ReuseIndex();
  for (let i = 0; i < nMemory; i++) memory.add(signatureOf(article(pool, i)));
  s = (performance.now() - t0) / 1000;
  c = cpu() - c0;
  rows.push([`signature + in-memory LSH add, 1 thread (${nMemory} articles)`, `${Math.round(nMemory / s)} articles/s wall, ${Math.round(nMemory / c)} per CPU-s`]);
  const lat: number[] = [];
  for (let i = 0; i < probes; i++) {
    const a = article(pool, n + i);
    const t = performance.now();
    const sig = signatureOf(a);
    memory.query(sig);
    memory.add(sig);
    lat.push(performance.now() - t);
  }
  rows.push([`add-one in memory at ${nMemory} (signature + query + add)`, `p50 ${quantile(lat, 0.5).toFixed(3)} ms, p99 ${quantile(lat, 0.99).toFixed(3)} ms`]);
  rows.push([`peak RSS after the in-memory index of ${nMemory} (whole run)`, `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`]);

  console.log(`load average at end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('| measure | value |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

if (isMainThread) await main();
else await workerMain();
