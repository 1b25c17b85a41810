// Deferred story views (src/corpus/view.ts deferredView, Corpus.refreshViews) against views computed within
// the add, in one run on the same stored corpus: (1) a bulk add of N firehose-shaped articles in chunks,
// inline vs deferred with one refresh at the end (articles/s, peak RSS); (2) S single articles added one at a
// time into the stored corpus (kept open, as a server keeps it), inline vs deferred: ms per add, and for
// deferred the refresh that follows each add (ms until the story's cross-check is current again); a third run
// defers and places online (`placement: 'online'`, src/corpus/place-online.ts).
// Each in its own process. Usage: tsx bench/deferred-views.ts [N=2000] [--singles 40] [--chunk 500] [--online-only]
// [--keep-db FILE: the bulk database is copied there, and taken from there when it exists]

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng, storyCorpus, CLI_NODE_FLAGS } from './corpus.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const NOW = () => new Date('2025-01-01T00:00:00Z');
const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (args[0] === '--child') {
  const [, mode, db, defer, ...rest] = args;
  const out = mode === 'bulk' ? await bulk(db, defer === 'defer', rest[0], Number(rest[1])) : await singles(db, defer !== 'inline', rest, defer === 'defer-online' ? 'online' : 'exact');
  console.log(JSON.stringify(out));
  process.exit(0);
}

async function bulk(db: string, defer: boolean, path: string, chunkSize: number) {
  const { openCorpus } = await import('../src/corpus/index.js');
  const corpus = await openCorpus({ db });
  const t0 = performance.now();
  const r = await corpus.add([path], { chunkSize, now: NOW, deferViews: defer });
  const addS = (performance.now() - t0) / 1000;
  const refreshed = defer ? (await corpus.refreshViews()).refreshed.length : 0;
  const seconds = (performance.now() - t0) / 1000;
  await corpus.close();
  return { n: r.added.length, seconds, addS, refreshed, corroborateS: (r.timings.get('corroborate') ?? 0) / 1000, rssMB: rssMB() };
}

async function singles(db: string, defer: boolean, files: string[], placement: 'exact' | 'online') {
  const { openCorpus } = await import('../src/corpus/index.js');
  const corpus = await openCorpus({ db });
  // As serve's add worker, `watch` and a queue worker do at start: the first add is not the models' loading.
  (await import('../src/corpus/analyse.js')).warmStages();
  const add: number[] = [];
  const refresh: number[] = [];
  // CPU of the process (main thread and any worker) during each add, ms: load-independent where wall time is not.
  const cpu: number[] = [];
  let deferred = 0;
  const phases = new Map<string, number>();
  // Which path placed each add, and the slowest adds' path (a fallback runs the exact one).
  const paths: string[] = [];
  for (const file of files) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await corpus.add([file], { now: NOW, deferViews: defer, placement });
    add.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (r.added.length !== 1) throw new Error(`${file}: not added`);
    // Each add's three longest phases, named (which phase an outlier spent its time in).
    const top = [...r.timings].filter(([k]) => !k.startsWith('stage:')).sort((x, y) => y[1] - x[1]).slice(0, 3);
    paths.push(`#${paths.length + 1} ` + top.map(([k, v]) => `${k} ${Math.round(v)}`).join(', ') + ' · ');
    paths[paths.length - 1] += r.placements.map((p) => (p.fallback.length ? `exact (${p.fallback.join(', ')})` : p.path)).join(' + ');
    for (const [k, v] of r.timings) if (!k.startsWith('stage:')) phases.set(k, (phases.get(k) ?? 0) + v / files.length);
    if (!defer) continue;
    const t1 = performance.now();
    const { refreshed } = await corpus.refreshViews();
    deferred += refreshed.length;
    refresh.push(refreshed.length ? performance.now() - t1 : 0);
  }
  await corpus.close();
  return { add, cpu, paths, refresh, deferred, phases: Object.fromEntries([...phases].map(([k, v]) => [k, Math.round(v)])), rssMB: rssMB() };
}

const self = fileURLToPath(import.meta.url);
function child<T>(...childArgs: string[]): T {
  const r = spawnSync(process.execPath, [...CLI_NODE_FLAGS, '--import', 'tsx', self, '--child', ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`child ${childArgs[0]} failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}
const copyDb = (from: string, to: string) => {
  for (const s of ['', '-wal']) if (existsSync(from + s)) copyFileSync(from + s, to + s);
};
const sortedOf = (xs: number[]) => [...xs].sort((a, b) => a - b);
const q = (xs: number[], p: number) => {
  const s = sortedOf(xs);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0;
};
const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;

const n = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 2000);
const nSingles = Number(flag('--singles', '40'));
const chunk = Number(flag('--chunk', '500'));
const keepDb = flag('--keep-db', '');
const { path } = await storyCorpus(n + nSingles);
const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-deferred-'));
try {
  // Singles at random positions of the corpus, so most join a story the bulk stored.
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
  const rand = prng(2026);
  const picked = new Set<number>();
  while (picked.size < Math.min(nSingles, lines.length)) picked.add(Math.floor(rand() * lines.length));
  const withUrl = (l: string) => {
    const r = JSON.parse(l) as { id: string; outlet: string };
    return JSON.stringify({ ...r, url: `https://${r.outlet}/news/${r.id}` });
  };
  const bulkPath = join(dir, 'bulk.jsonl');
  writeFileSync(bulkPath, lines.filter((_, i) => !picked.has(i)).map(withUrl).join('\n') + '\n');
  const singleFiles = [...picked].map((i, k) => {
    const f = join(dir, `single-${k}.jsonl`);
    writeFileSync(f, withUrl(lines[i]) + '\n');
    return f;
  });

  type Bulk = { n: number; seconds: number; addS: number; refreshed: number; corroborateS: number; rssMB: number };
  const inlineDb = join(dir, 'inline.db');
  const deferDb = join(dir, 'deferred.db');
  console.log(`| bulk add of ${n - 0} articles, chunks of ${chunk} | s | articles/s | of it corroborate in chunks, s | stories refreshed at the end | peak RSS |`);
  console.log('|---|---:|---:|---:|---:|---:|');
  if (keepDb && existsSync(keepDb)) {
    copyDb(keepDb, inlineDb);
    console.log(`| (kept database ${keepDb}: bulk skipped) | | | | | |`);
  } else {
    for (const [name, db, mode] of [['inline', inlineDb, 'inline'], ['deferred + refresh', deferDb, 'defer']] as const) {
      const b = child<Bulk>('bulk', db, mode, bulkPath, String(chunk));
      console.log(`| ${name} | ${b.seconds.toFixed(1)} | ${Math.round(b.n / b.seconds)} | ${b.corroborateS.toFixed(1)} | ${b.refreshed} | ${b.rssMB} MB |`);
    }
    if (keepDb) copyDb(inlineDb, keepDb);
  }
  // The single runs start from one database: the inline bulk's (the two bulks store the same views).
  const onlineDb = join(dir, 'online.db');
  copyDb(inlineDb, deferDb);
  copyDb(inlineDb, onlineDb);
  type Singles = { add: number[]; cpu: number[]; paths: string[]; refresh: number[]; deferred: number; phases: Record<string, number>; rssMB: number };
  // --online-only: the third run alone (the first two rows then read 0).
  const skipped: Singles = { add: [0], cpu: [0], paths: [], refresh: [], deferred: 0, phases: {}, rssMB: 0 };
  const onlineOnly = args.includes('--online-only');
  const a = onlineOnly ? skipped : child<Singles>('singles', inlineDb, 'inline', ...singleFiles);
  const d = onlineOnly ? skipped : child<Singles>('singles', deferDb, 'defer', ...singleFiles);
  const o = child<Singles>('singles', onlineDb, 'defer-online', ...singleFiles);
  const refreshes = d.refresh.filter((x) => x > 0);
  console.log(`\n| ${singleFiles.length} single adds into the stored corpus | add p50 | add p99 | add max | CPU per add, p50 / p99 | refresh after the add, p50 / p99 (of ${refreshes.length} deferred) | peak RSS |`);
  console.log('|---|---:|---:|---:|---|---|---:|');
  const cpuOf = (r: Singles) => `${ms(q(r.cpu, 0.5))} / ${ms(q(r.cpu, 0.99))}`;
  console.log(`| views inline | ${ms(q(a.add, 0.5))} | ${ms(q(a.add, 0.99))} | ${ms(Math.max(...a.add))} | ${cpuOf(a)} | — | ${a.rssMB} MB |`);
  console.log(`| views deferred | ${ms(q(d.add, 0.5))} | ${ms(q(d.add, 0.99))} | ${ms(Math.max(...d.add))} | ${cpuOf(d)} | ${ms(q(refreshes, 0.5))} / ${ms(q(refreshes, 0.99))} | ${d.rssMB} MB |`);
  const onlineRefreshes = o.refresh.filter((x) => x > 0);
  console.log(`| views deferred, online placement | ${ms(q(o.add, 0.5))} | ${ms(q(o.add, 0.99))} | ${ms(Math.max(...o.add))} | ${cpuOf(o)} | ${ms(q(onlineRefreshes, 0.5))} / ${ms(q(onlineRefreshes, 0.99))} | ${o.rssMB} MB |`);
  const online = o.paths.filter((p) => p.endsWith(' · online')).length;
  const slowest = o.add.map((t, i) => [t, o.paths[i]] as const).sort((x, y) => y[0] - x[0]).slice(0, 3);
  console.log(`\nOnline placement: ${online} of ${o.paths.length} adds placed online; slowest: ${slowest.map(([t, p]) => `${ms(t)} ${p}`).join('; ')}`);
  const phaseNames = [...new Set([a, d, o].flatMap((r) => Object.keys(r.phases)))];
  console.log(`\n| mean ms per single add | ${phaseNames.join(' | ')} |\n|---|${phaseNames.map(() => '---:').join('|')}|`);
  for (const [name, r] of [['inline', a], ['deferred', d], ['deferred, online', o]] as const) console.log(`| ${name} | ${phaseNames.map((k) => r.phases[k] ?? 0).join(' | ')} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
