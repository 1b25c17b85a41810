// Reuse index speed: signatures + LSH for N synthetic articles (recombined real ECB+ sentences), in memory and
// in SQLite, then the add-one latency (query + insert) at the end of the index. Prints a table.
// Run: npx tsx bench/reuse.ts [--n 100000] [--db /tmp/reuse-bench.db]     (reads ../shared/data/stories-ecbplus)

import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReuseIndex, SqliteReuseIndex, signatureOf, type ReuseSignature } from '../src/reuse/index.js';

const ECB = fileURLToPath(new URL('../../shared/data/stories-ecbplus', import.meta.url));

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function main(): Promise<void> {
  if (!existsSync(ECB)) {
    console.log(`skipped: ${ECB} absent`);
    return;
  }
  const n = Number(arg('n', '100000'));
  const dbPath = arg('db', '/tmp/crosscheck-reuse-bench.db');
  const pool: string[] = [];
  for (const f of readdirSync(ECB).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(`${ECB}/${f}`, 'utf8').split('\n')) if (line.length > 40 && !line.startsWith('http')) pool.push(line.trim());
  }
  const rnd = mulberry32(1);
  // 12–28 recombined sentences: the length of a typical news article.
  const article = (i: number) => {
    const k = 12 + Math.floor(rnd() * 17);
    const sentences = Array.from({ length: k }, () => pool[Math.floor(rnd() * pool.length)]);
    return { id: `s${i}`, hash: `h${i}`, text: sentences.join(' '), sentences };
  };
  const rows: [string, string][] = [];
  const probes = 2000;
  console.log(`load average at start: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`reuse bench: ${n} synthetic articles from ${pool.length} ECB+ sentences (+${probes} probes), node ${process.version}`);

  // Wall-clock rates suffer when other processes share the 2 cores, so CPU-time rates are printed beside them.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  // 1. signatures + in-memory LSH index, single thread.
  let c0 = cpu();
  let t0 = performance.now();
  const memory = new ReuseIndex();
  const sigs: ReuseSignature[] = [];
  let words = 0;
  for (let i = 0; i < n; i++) {
    const a = article(i);
    words += a.text.length / 6;
    const sig = signatureOf(a);
    memory.add(sig);
    // Keep signatures only for the SQLite load below when it fits comfortably in memory.
    if (i < 200_000) sigs.push(sig);
  }
  let s = (performance.now() - t0) / 1000;
  let c = cpu() - c0;
  rows.push(['signature + in-memory LSH add (1 thread)', `${Math.round(n / s)} articles/s wall, ${Math.round(n / c)} per CPU-s (~${Math.round(words / n)} words/article)`]);
  const lat: number[] = [];
  for (let i = 0; i < probes; i++) {
    const a = article(n + i);
    const t = performance.now();
    const sig = signatureOf(a);
    memory.query(sig);
    memory.add(sig);
    lat.push(performance.now() - t);
  }
  rows.push([`add-one in memory at ${n} (signature + query + add)`, `p50 ${quantile(lat, 0.5).toFixed(3)} ms, p99 ${quantile(lat, 0.99).toFixed(3)} ms`]);
  rows.push(['peak RSS after in-memory index', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`]);

  // 2. SQLite: bulk load in transactions of 1,000, then add-one latency at the end.
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -262144'); // 256 MB page cache
  const sqlite = new SqliteReuseIndex(db);
  t0 = performance.now();
  c0 = cpu();
  const batch: ReuseSignature[] = [];
  const rnd2 = mulberry32(1);
  for (let i = 0; i < n; i++) {
    batch.push(i < sigs.length ? sigs[i] : signatureOf(articleWith(rnd2, pool, i)));
    if (batch.length === 1000) {
      sqlite.addMany(batch);
      batch.length = 0;
    }
  }
  sqlite.addMany(batch);
  s = (performance.now() - t0) / 1000;
  c = cpu() - c0;
  rows.push([`SQLite bulk load (insert${n > sigs.length ? '; signature past 200k' : ''}, batches of 1,000)`, `${Math.round(n / s)} articles/s wall, ${Math.round(n / c)} per CPU-s`]);
  const latDb: number[] = [];
  for (let i = 0; i < probes; i++) {
    const a = article(n + probes + i);
    const t = performance.now();
    const sig = signatureOf(a);
    sqlite.query(sig);
    sqlite.add(sig);
    latDb.push(performance.now() - t);
  }
  rows.push([`add-one in SQLite at ${n} (signature + query + insert, own transaction)`, `p50 ${quantile(latDb, 0.5).toFixed(3)} ms, p99 ${quantile(latDb, 0.99).toFixed(3)} ms`]);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const keys = db.prepare('SELECT count(*) FROM reuse_band').pluck().get() as number;
  db.close();
  const size = statSync(dbPath).size;
  rows.push(['SQLite index on disk', `${(size / 2 ** 20).toFixed(0)} MB (${(size / (n + probes)).toFixed(0)} B/article, ${(keys / (n + probes)).toFixed(1)} keys/article)`]);
  rows.push(['peak RSS (whole run)', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`]);
  console.log('| measure | value |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}

function articleWith(rnd: () => number, pool: string[], i: number) {
  const k = 12 + Math.floor(rnd() * 17);
  const sentences = Array.from({ length: k }, () => pool[Math.floor(rnd() * pool.length)]);
  return { id: `s${i}`, hash: `h${i}`, text: sentences.join(' '), sentences };
}

await main();
