// The living corpus (issue 13, Measure): bulk `add` of N firehose-like articles in chunks (articles/s, peak RSS),
// then single articles added one at a time into it (p50/p99 of `add`, the article's story updated), beside the
// old way: a batch `analyze` of the corpus + 1. Usage: tsx bench/corpus-add.ts [N=10000] [--chunk 1000]
// [--singles 200] [--batch-max 10000: beyond it the batch is measured on that many and extrapolated; 0: skipped]
// [--workers W] [--defer: the bulk defers grown stories' views to one refresh at the end, as `crosscheck add`] [--cpu-prof DIR: each child writes a V8 CPU profile there (node --cpu-prof)]
// [--compare NAME=VALUE: the singles also run on a copy of the bulk database with that environment variable
// set (CROSSCHECK_CORPUS_CACHE=off: the corpus's caches disabled), so old and new are measured in one run]
// [--compare CROSSCHECK_PLACEMENT=online: the singles placed by stored summaries, beside the exact placement]
// [--live: the singles are added as serve, watch and the queue workers add (LIVE_ADD: views deferred, placed
// online); the deferred views are left pending, as between a server's adds]
// [--keep-db FILE: the bulk database is copied there, and taken from there (bulk add skipped) when it exists]
// [--views K: then the view of each of the K largest stored stories is recomputed ROUNDS=3 times in one
// process (as an add into it recomputes it; the later rounds with the per-article memos warm), ms per round]
// [--views-only K --keep-db FILE: only that, on a copy of the kept database (old and new code on one corpus)]

import { spawnSync } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { prng, storyCorpus, CLI_NODE_FLAGS } from './corpus.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const NOW = () => new Date('2025-01-01T00:00:00Z');
const rssMB = () => process.resourceUsage().maxRSS / 1024;

if (args[0] === '--child') {
  const [, mode, ...rest] = args;
  const out = mode === 'bulk' ? await bulk(rest[0], rest[1], Number(rest[2]), rest[3], rest[4] === 'defer') : mode === 'singles' ? await singles(rest[0], rest.slice(1)) : mode === 'views' ? await views(rest[0], Number(rest[1])) : await batch(rest);
  console.log(JSON.stringify(out));
  process.exit(0);
}

/** Adds the JSONL file to a new corpus in chunks; the time of each chunk's commit shows the rate as it grows.
 *  With `defer` the views of grown stories wait for one refresh at the end, as `crosscheck add` does. Each
 *  commit is also written to stderr as it happens, so a run stopped early still shows how far it got. */
async function bulk(db: string, path: string, chunkSize: number, workers: string, defer: boolean) {
  const { openCorpus } = await import('../src/corpus/index.js');
  const corpus = await openCorpus({ db });
  const commits: number[] = [];
  const t0 = performance.now();
  const result = await corpus.add([path], {
    chunkSize,
    workers: workers === 'default' ? undefined : Number(workers),
    now: NOW,
    deferViews: defer,
    onProgress: (e) => {
      if (e.phase !== 'commit') return;
      commits.push(performance.now() - t0);
      process.stderr.write(`bulk: chunk ${commits.length} committed at ${(commits[commits.length - 1] / 1000).toFixed(1)} s, peak RSS ${Math.round(rssMB())} MB\n`);
    },
  });
  const addSeconds = (performance.now() - t0) / 1000;
  const refreshed = defer ? (await corpus.refreshViews()).refreshed.length : 0;
  const seconds = (performance.now() - t0) / 1000;
  const stories = (await corpus.stories()).length;
  await corpus.close();
  const timings = Object.fromEntries([...result.timings].filter(([k]) => !k.startsWith('stage:')).map(([k, v]) => [k, Math.round(v)]));
  return { n: result.added.length, rejected: result.rejected.length, stories, seconds, addSeconds, refreshed, commits, timings, rssMB: rssMB() };
}

/** Adds each file on its own into the stored corpus (kept open, as a server would), timing every `add`. */
async function singles(db: string, files: string[]) {
  const { openCorpus } = await import('../src/corpus/index.js');
  const corpus = await openCorpus({ db });
  // As serve's add worker, `watch` and a queue worker do at start: the first add is not the models' loading.
  (await import('../src/corpus/analyse.js')).warmStages();
  const ms: number[] = [];
  const placeMs: number[] = [];
  const phases = new Map<string, number>();
  const fallbacks: Record<string, number> = {};
  let online = 0;
  let joined = 0;
  let created = 0;
  let duplicates = 0;
  let alreadyStored = 0;
  // CROSSCHECK_PLACEMENT=online (through --compare) places by the stored summaries (src/corpus/place-online.ts);
  // CROSSCHECK_BENCH_LIVE=1 (--live) adds as the live paths do (LIVE_ADD).
  const { LIVE_ADD } = await import('../src/corpus/live.js');
  const live = process.env.CROSSCHECK_BENCH_LIVE === '1';
  const placement = live ? LIVE_ADD.placement : process.env.CROSSCHECK_PLACEMENT === 'online' ? 'online' : 'exact';
  const cpu: number[] = [];
  for (const file of files) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await corpus.add([file], { now: NOW, placement, deferViews: live && LIVE_ADD.deferViews });
    const c = process.cpuUsage(c0);
    // One the kept corpus already holds (same appearance, same text) changes nothing: not timed as an add.
    if (r.unchanged.length === 1) {
      alreadyStored++;
      continue;
    }
    // One whose id the corpus holds with another text is a revision (an add all the same); a word-for-word
    // copy of a stored text is added and listed as its duplicate.
    if (r.added.length + r.revised.length !== 1) throw new Error(`${file}: not added (${JSON.stringify({ unchanged: r.unchanged, rejected: r.rejected, warnings: r.warnings })})`);
    if (r.duplicates.length) duplicates++;
    cpu.push((c.user + c.system) / 1000);
    ms.push(performance.now() - t0);
    placeMs.push(r.timings.get('cluster') ?? 0);
    for (const p of r.placements) {
      if (p.path === 'online') online++;
      for (const f of p.fallback) fallbacks[f] = (fallbacks[f] ?? 0) + 1;
    }
    if (r.storiesUpdated.length) joined++;
    if (r.storiesCreated.length) created++;
    for (const [k, v] of r.timings) if (!k.startsWith('stage:')) phases.set(k, (phases.get(k) ?? 0) + v);
  }
  await corpus.close();
  return { ms, cpu, placeMs, online, fallbacks, joined, created, duplicates, alreadyStored, phases: Object.fromEntries([...phases].map(([k, v]) => [k, v / files.length])), rssMB: rssMB() };
}

/** The view of each of the k largest stored stories, recomputed from its stored members and links as an add
 *  into it does (its members' reuse links and sources); the stored view is not changed. */
async function views(db: string, k: number) {
  const { openStore } = await import('../src/store/store.js');
  const { storyView } = await import('../src/corpus/view.js');
  const { independenceGroups } = await import('../src/reuse/groups.js');
  const { independentSources } = await import('../src/outlets/index.js');
  const store = openStore(db);
  const listed = (await store.listStories({})).sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : 1)).slice(0, k);
  const out: { articles: number; sentences: number; ms: number[]; cpuMs: number[] }[] = [];
  for (const { id } of listed) {
    const [story] = await store.getStories([id]);
    const members = (await store.getArticles(story.view.articles)).map((s) => s.analysed);
    const inside = new Set(members.map((a) => a.id));
    const seen = new Set<string>();
    const links = (await store.reuseLinks([...inside])).filter(({ link }) => inside.has(link.a) && inside.has(link.b) && !seen.has(link.a + '\u0000' + link.b) && !!seen.add(link.a + '\u0000' + link.b));
    const reuse = { links: links.map((l) => l.link), groupOf: independenceGroups([...inside], links.filter((l) => l.joins).map((l) => l.link)), inheritedDates: new Map() };
    const sources = independentSources(members, reuse).groupOf;
    const cluster = { id, headline: story.view.headline, articles: story.view.articles, events: story.view.events };
    const ms: number[] = [];
    // CPU time beside wall time: on a shared machine it moves far less with the load.
    const cpuMs: number[] = [];
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      storyView(cluster, members, reuse, undefined, sources);
      const c = process.cpuUsage(c0);
      ms.push(performance.now() - t0);
      cpuMs.push((c.user + c.system) / 1000);
    }
    out.push({ articles: members.length, sentences: members.reduce((s, a) => s + a.text.sentences.length, 0), ms, cpuMs });
  }
  await store.close();
  return out;
}

/** The old way: one batch `analyze` (in memory) of everything given. */
async function batch(paths: string[]) {
  const { analyze } = await import('../src/analyze.js');
  const t0 = performance.now();
  const { report } = await analyze(paths, { db: null, now: NOW });
  return { n: report.articles.length, seconds: (performance.now() - t0) / 1000, rssMB: rssMB() };
}

const self = fileURLToPath(import.meta.url);
const profileDir = args.includes('--cpu-prof') ? flag('--cpu-prof', '') : '';
function child<T>(...childArgs: string[]): T {
  return childWith({}, ...childArgs);
}
function childWith<T>(env: Record<string, string>, ...childArgs: string[]): T {
  // NODE_OPTIONS refuses --cpu-prof, so the flag goes on each child's command line; a folder per child, with
  // node's own names (one profile per thread: tsx's loader thread writes one beside the main thread's).
  const prof = profileDir ? ['--cpu-prof', '--cpu-prof-dir', join(profileDir, `${childArgs[0]}${env.CROSSCHECK_CORPUS_CACHE ? '-' + env.CROSSCHECK_CORPUS_CACHE : ''}`)] : [];
  const r = spawnSync(process.execPath, [...CLI_NODE_FLAGS, ...prof, '--import', 'tsx', self, '--child', ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`child ${childArgs[0]} failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

/** Splits the corpus into the bulk file (first `limit` bulk records also into a prefix file, for a smaller
 *  batch) and one file per single article, picked at random so most singles join a story already stored. */
async function split(path: string, total: number, nSingles: number, dir: string, prefix: number) {
  const rand = prng(2025);
  const picked = new Set<number>();
  while (picked.size < nSingles) picked.add(Math.floor(rand() * total));
  const bulkPath = join(dir, 'bulk.jsonl');
  const prefixPath = join(dir, `bulk-${prefix}.jsonl`);
  const bulkOut = createWriteStream(bulkPath);
  const prefixOut = createWriteStream(prefixPath);
  const singleFiles: string[] = [];
  let i = 0;
  let inBulk = 0;
  for await (const raw of createInterface({ input: createReadStream(path) })) {
    if (!raw.trim()) continue;
    // Each article at its own URL, as feed items are (its appearance key and readable id come from it).
    const record = JSON.parse(raw) as { id: string; outlet: string };
    const line = JSON.stringify({ ...record, url: `https://${record.outlet}/news/${record.id}` });
    if (picked.has(i++)) {
      const file = join(dir, `single-${singleFiles.length}.jsonl`);
      writeFileSync(file, line + '\n');
      singleFiles.push(file);
      continue;
    }
    if (inBulk++ < prefix) prefixOut.write(line + '\n');
    if (!bulkOut.write(line + '\n')) await once(bulkOut, 'drain');
  }
  bulkOut.end();
  prefixOut.end();
  await Promise.all([once(bulkOut, 'finish'), once(prefixOut, 'finish')]);
  // Singles come in random order, not grouped by story, as a feed brings them.
  for (let k = singleFiles.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [singleFiles[k], singleFiles[j]] = [singleFiles[j], singleFiles[k]];
  }
  return { bulkPath, prefixPath, singleFiles };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const n = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 10_000);
const chunk = Number(flag('--chunk', '1000'));
const nSingles = Number(flag('--singles', '200'));
const batchMax = Number(flag('--batch-max', '10000'));
const workers = flag('--workers', 'default');
const defer = args.includes('--defer');
const live = args.includes('--live');
const compare = flag('--compare', '');
const keepDb = flag('--keep-db', '');
const viewsOnly = Number(flag('--views-only', '0'));
if (viewsOnly > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-views-'));
  try {
    printViews(dir, keepDb, viewsOnly);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}
const { path, source } = await storyCorpus(n + nSingles);
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-add-'));
try {
  await report(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function report(dir: string): Promise<void> {
  const batchN = Math.min(n, batchMax);
  const { bulkPath, prefixPath, singleFiles } = await split(path, n + nSingles, nSingles, dir, batchN);
  const db = join(dir, 'corpus.db');
  type Bulk = { n: number; rejected: number; stories: number; seconds: number; addSeconds?: number; refreshed?: number; commits: number[]; timings: Record<string, number>; rssMB: number };
  const kept = keepDb && existsSync(keepDb);
  if (kept) for (const s of ['', '-wal']) if (existsSync(keepDb + s)) copyFileSync(keepDb + s, db + s);
  const b = kept ? (JSON.parse(readFileSync(keepDb + '.json', 'utf8')) as Bulk) : child<Bulk>('bulk', db, bulkPath, String(chunk), workers, defer ? 'defer' : 'inline');
  if (keepDb && !kept) {
    for (const s of ['', '-wal']) if (existsSync(db + s)) copyFileSync(db + s, keepDb + s);
    writeFileSync(keepDb + '.json', JSON.stringify(b));
  }
  if (b.n !== n) throw new Error(`the bulk add stored ${b.n} of ${n} articles (${b.rejected} rejected)`);
  const dbMB = ['', '-wal'].map((s) => (existsSync(db + s) ? statSync(db + s).size : 0)).reduce((x, y) => x + y, 0) / 2 ** 20;
  type Singles = { ms: number[]; cpu: number[]; placeMs: number[]; online: number; fallbacks: Record<string, number>; joined: number; created: number; duplicates: number; alreadyStored: number; phases: Record<string, number>; rssMB: number };
  // The copy is taken before the singles change the database: both runs add the same articles to the same corpus.
  const copy = join(dir, 'corpus-compare.db');
  if (compare) for (const s of ['', '-wal']) if (existsSync(db + s)) copyFileSync(db + s, copy + s);
  const s = childWith<Singles>(live ? { CROSSCHECK_BENCH_LIVE: '1' } : {}, 'singles', db, ...singleFiles);
  const c = compare ? childWith<Singles>(Object.fromEntries([compare.split('=')]), 'singles', copy, ...singleFiles) : null;
  const one = singleFiles[0];
  const old = batchN > 0 ? child<{ n: number; seconds: number; rssMB: number }>('batch', batchN === n ? bulkPath : prefixPath, one) : null;
  const oldSeconds = old ? old.seconds * (n + 1) / (batchN + 1) : NaN;
  const sorted = [...s.ms].sort((x, y) => x - y);
  const perChunk = b.commits.map((t, i) => chunk / ((t - (b.commits[i - 1] ?? 0)) / 1000));

  if (kept) console.log(`\n(bulk figures from the run that built ${keepDb})`);
  console.log(`\nliving corpus: ${b.n} articles added in chunks of ${chunk} (workers: ${workers}), then ${nSingles} single adds; corpus from ${source}\n`);
  console.log('| measure | value |\n|---|---:|');
  console.log(`| bulk add: articles/s | ${Math.round(b.n / b.seconds)} (${b.seconds.toFixed(1)} s, ${b.stories} stories${b.rejected ? `, ${b.rejected} rejected` : ''}) |`);
  if (b.refreshed !== undefined && defer) console.log(`| bulk add: of it the final refresh of deferred views | ${(b.seconds - b.addSeconds!).toFixed(1)} s (${b.refreshed} stories) |`);
  console.log(`| bulk add: first / last chunk articles/s | ${Math.round(perChunk[0])} / ${Math.round(perChunk[perChunk.length - 1])} |`);
  console.log(`| bulk add: peak RSS | ${Math.round(b.rssMB)} MB |`);
  console.log(`| database size | ${dbMB.toFixed(0)} MB (${((dbMB * 1024) / b.n).toFixed(1)} kB/article) |`);
  const cpuSorted = [...s.cpu].sort((x, y) => x - y);
  console.log(`| add one article${live ? ' (live: views deferred, placed online)' : ''}: p50 / p99 / max | ${quantile(sorted, 0.5).toFixed(0)} / ${quantile(sorted, 0.99).toFixed(0)} / ${sorted[sorted.length - 1].toFixed(0)} ms |`);
  console.log(`| add one article: CPU p50 / p99 (all threads of the process) | ${quantile(cpuSorted, 0.5).toFixed(0)} / ${quantile(cpuSorted, 0.99).toFixed(0)} ms |`);
  if (c) {
    const cs = [...c.ms].sort((x, y) => x - y);
    console.log(`| add one article, ${compare}: p50 / p99 / max | ${quantile(cs, 0.5).toFixed(0)} / ${quantile(cs, 0.99).toFixed(0)} / ${cs[cs.length - 1].toFixed(0)} ms |`);
  }
  console.log(`| add one article: peak RSS | ${Math.round(s.rssMB)} MB${c ? ` (${compare}: ${Math.round(c.rssMB)} MB)` : ''} |`);
  console.log(`| add one article: joined a stored story / new story | ${s.joined} / ${s.created} of ${nSingles}${s.duplicates ? ` (${s.duplicates} word-for-word copies of a stored text)` : ''}${s.alreadyStored ? ` (${s.alreadyStored} already stored, not timed)` : ''}${c ? ` (${compare}: ${c.joined} / ${c.created})` : ''} |`);
  // Placement alone (the `cluster` phase), per add: what the online path changes.
  const placed = (x: Singles) => {
    const p = [...x.placeMs].sort((a, b) => a - b);
    const reasons = Object.entries(x.fallbacks).sort((a, b) => b[1] - a[1]).map(([r, k]) => `${r} ${k}`).join(', ');
    return `mean ${(p.reduce((a, b) => a + b, 0) / p.length).toFixed(1)} / p50 ${quantile(p, 0.5).toFixed(1)} / p99 ${quantile(p, 0.99).toFixed(1)} ms; online ${x.online} of ${x.placeMs.length}${reasons ? ` (exact: ${reasons})` : ''}`;
  };
  console.log(`| placement per add | ${placed(s)} |`);
  if (c) console.log(`| placement per add, ${compare} | ${placed(c)} |`);
  if (old) {
    console.log(`| old way, batch analyze of corpus + 1 | ${oldSeconds.toFixed(1)} s${batchN === n ? '' : ` (extrapolated linearly from ${batchN} + 1 measured in ${old.seconds.toFixed(1)} s: a lower bound)`}, peak RSS ${Math.round(old.rssMB)} MB |`);
    console.log(`| speed-up of one article | ${Math.round((oldSeconds * 1000) / quantile(sorted, 0.5))}× at p50 |`);
  }
  const mean = (p: Record<string, number> | undefined, k: string) => (p?.[k] !== undefined ? p[k].toFixed(1) : '');
  console.log(`\n| phase | bulk add, ms | one article, mean ms |${c ? ` one article, ${compare} |` : ''}\n|---|---:|---:|${c ? '---:|' : ''}`);
  for (const k of new Set([...Object.keys(b.timings), ...Object.keys(s.phases)])) {
    console.log(`| ${k} | ${b.timings[k] ?? ''} | ${mean(s.phases, k)} |${c ? ` ${mean(c.phases, k)} |` : ''}`);
  }
  console.log('\n(ingest of the bulk add holds the chunks analysed while reading: it is the whole add; of one article, only the read.)');
  console.log(`bulk add, articles/s of each chunk: ${perChunk.map((r) => Math.round(r)).join(' ')}`);
  const k = Number(flag('--views', '0'));
  // On the kept bulk database (as stored before the singles) with --keep-db, else the corpus after them.
  if (k > 0) printViews(dir, keepDb || db, k);
}

/** The --views table: each of the k largest stories' view recomputed on a copy of `from`. */
function printViews(dir: string, from: string, k: number): void {
  const viewDb = join(dir, 'corpus-views.db');
  for (const suffix of ['', '-wal']) if (existsSync(from + suffix)) copyFileSync(from + suffix, viewDb + suffix);
  const v = child<{ articles: number; sentences: number; ms: number[]; cpuMs: number[] }[]>('views', viewDb, String(k));
  console.log('\n| story (articles / sentences) | view ms, round 1 / 2 / 3 | CPU ms, round 1 / 2 / 3 |\n|---|---:|---:|');
  const row = (xs: number[]) => xs.map((m) => m.toFixed(0)).join(' / ');
  for (const x of v) console.log(`| ${x.articles} / ${x.sentences} | ${row(x.ms)} | ${row(x.cpuMs)} |`);
}
