// `crosscheck serve` under load on loopback: 50 concurrent clients read the stories list and story pages
// while a writer posts 10 articles every 100 ms (the issue's 100 articles/s); prints p50/p99 per kind and
// the add rate achieved. The clients run in their own thread (bench/serve-load.ts). Corpus size:
// CROSSCHECK_BENCH_SERVE_N articles (default 2,000; the issue's target is 100k), for
// CROSSCHECK_BENCH_SERVE_SECONDS (default 10). CROSSCHECK_BENCH_SERVE_WRITER=open: the writer posts every 100 ms
// without waiting for earlier answers (at most 200 in flight); default closed: the next POST after the answer.
// CROSSCHECK_BENCH_SERVE_DB=FILE: serve a copy of a corpus kept by `bench/corpus-add.ts N --keep-db FILE`
// (story-shaped articles, CROSSCHECK_BENCH_SERVE_N of them) instead of building one; the writer then posts
// the next articles of the same generator, which the kept corpus does not hold. The load waits for the
// server's warm-up (story pages rendered ahead of their first read) unless CROSSCHECK_BENCH_SERVE_COLD=1.
// Bounded loops only, no external tool.

import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '../src/corpus/index.js';
import { serve } from '../src/server/index.js';
import { storyCorpus, syntheticCorpus, CACHE } from './corpus.js';
import { jsonItems } from '../src/server/upload.js';
import { Worker } from 'node:worker_threads';

/** What the load thread (bench/serve-load.ts) reports back. */
interface LoadOutcome {
  lat: Record<string, number[]>;
  reads: { kind: string; at: number; ms: number }[];
  posts: { at: number; ms: number }[];
  errors: number;
  posted: number;
  elapsed: number;
}

const N = Number(process.env.CROSSCHECK_BENCH_SERVE_N ?? 2000);
const SECONDS = Number(process.env.CROSSCHECK_BENCH_SERVE_SECONDS ?? 10);
const CLIENTS = 50;
const OPEN_LOOP = process.env.CROSSCHECK_BENCH_SERVE_WRITER === 'open';
const COLD = process.env.CROSSCHECK_BENCH_SERVE_COLD === '1';

/** Polls /healthz until the server's warm-up has rendered every page it set out to (at most 5 minutes). */
async function warmedUp(url: string): Promise<string> {
  const t0 = performance.now();
  for (;;) {
    const h = (await (await fetch(`${url}/healthz`)).json()) as { storyPages: { warmed: number; of: number } };
    const { warmed, of } = h.storyPages;
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    // Nothing to warm reads 0 of 0 from the start: waited for a moment only (the warm-up begins after listen).
    if (warmed >= of && (of > 0 || performance.now() - t0 > 2000)) return `${warmed} story pages in ${s} s`;
    if (performance.now() - t0 > 300_000) return `stopped waiting at ${warmed} of ${of} pages after ${s} s`;
    await new Promise((res) => setTimeout(res, 200));
  }
}

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-serve-'));
  const kept = process.env.CROSSCHECK_BENCH_SERVE_DB;
  // A kept story corpus: the writer's articles are the generator's next 2,000 (the first N are stored).
  const { path, source } = kept ? await storyCorpus(N + 2000) : await syntheticCorpus(N);
  const db = join(dir, 'corpus.db');
  const all = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  const objects = kept ? all.slice(N) : all;
  // The built corpus is kept beside the JSONL (a minute or more to build on a small machine); each run
  // works on a copy, since the bench adds to it.
  const cached = kept ?? join(CACHE, `serve-${N}-${source.replace(/\W+/g, '_')}.db`);
  if (kept && !existsSync(kept)) throw new Error(`CROSSCHECK_BENCH_SERVE_DB: no corpus at ${kept} (build it with bench/corpus-add.ts N --keep-db FILE)`);
  const t0 = performance.now();
  if (!existsSync(cached)) {
    const builder = await openCorpus({ db: cached });
    // Through the upload path (one appearance per object): the JSONL file's objects declare ids but no
    // URLs, and `add(path)` would take them all for versions of one appearance.
    await builder.addItems(jsonItems(objects, false).items, { chunkSize: 1000 });
    await builder.close();
  }
  copyFileSync(cached, db);
  const corpus = await openCorpus({ db });
  const built = performance.now() - t0;
  // `db` as well as the corpus: serve's analysis worker opens its own connection to it for the adds.
  const srv = await serve({ db, corpus, port: 0, limits: { postsPerMinute: 1e6, burst: 1e6 } });
  const ids = (await corpus.stories({})).map((s) => s.id);
  console.log(`corpus: ${N} articles (${source}), ${ids.length} stories, built in ${(built / 1000).toFixed(1)} s`);
  // The server renders story pages ahead of their first read after a start; by default the load waits for
  // that (steady state), CROSSCHECK_BENCH_SERVE_COLD=1 starts it at once (the first reads pay the renders).
  if (!COLD) console.log(`warm-up: ${await warmedUp(srv.url)}`);

  const spare = objects.slice(0, 2000) as Record<string, string>[];
  // The clients run in a thread of their own: in this thread their fetch and JSON work would queue behind
  // the server's and be counted as its latency (the earlier figures in docs/serve.md had them here).
  // tsx registers per thread: the thread's entry (a data: URL, so no extra file) registers it, then loads.
  const entry = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(new URL('./serve-load.ts', import.meta.url).href)});`;
  const load = new Worker(new URL(`data:text/javascript,${encodeURIComponent(entry)}`), { workerData: { url: srv.url, ids, seconds: SECONDS, clients: CLIENTS, spare, seed: 7, openLoop: OPEN_LOOP } });
  const out = await new Promise<LoadOutcome>((resolve, reject) => {
    load.once('message', resolve);
    load.once('error', reject);
  });
  await load.terminate();
  const { lat, reads, posts, errors, posted, elapsed } = out;
  const addLat = posts.map((p) => p.ms);
  console.log(`${CLIENTS} clients for ${elapsed.toFixed(1)} s, errors ${errors}`);
  for (const [kind, xs] of Object.entries(lat)) console.log(`  ${kind.padEnd(12)} n=${String(xs.length).padStart(6)}  p50 ${pct(xs, 50).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`);
  console.log(`  adds (${OPEN_LOOP ? 'open' : 'closed'}-loop writer): ${(posted / elapsed).toFixed(1)} articles/s answered (target 100); POST of 10 p50 ${pct(addLat, 50).toFixed(0)} ms, p99 ${pct(addLat, 99).toFixed(0)} ms`);
  const worst = [...reads].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`  slowest reads: ${worst.map((r) => `${r.kind} at ${(r.at / 1000).toFixed(1)} s took ${r.ms.toFixed(0)} ms`).join('; ')}`);
  // When the slow reads happened: a stall at start-up (every story loaded once) reads differently from stalls
  // that follow the adds (a changed story loaded again) or steady queueing.
  const slow = reads.filter((r) => r.ms > (r.kind === 'story' ? 200 : 100));
  const buckets = new Map<number, number>();
  for (const r of slow) buckets.set(Math.floor(r.at / 2000) * 2, (buckets.get(Math.floor(r.at / 2000) * 2) ?? 0) + 1);
  console.log(`  reads over target (list 100 ms, story 200 ms): ${slow.length} of ${reads.length}; by start second: ${[...buckets].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}s ${n}`).join(', ') || 'none'}`);
  console.log(`  POSTs: ${posts.map((p) => `at ${(p.at / 1000).toFixed(1)} s took ${p.ms.toFixed(0)} ms`).slice(0, 8).join('; ')}`);
  await srv.close();
  await corpus.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
