// Watching 1,000 feeds of 20 items each, all served by scripts/feed-server.mjs in a child process on 127.0.0.1
// (its CPU is not counted here): the time of the first full poll (every item new), the CPU of one steady-state
// round (nothing changed: every feed answers 304), and RSS over the rounds (it should stay flat). Beside it, the
// baseline measured in the same run: the same rounds with unconditional GETs (every feed downloaded and parsed
// again, its items found already seen by fingerprint). Feed state goes to a real SQLite store; the items go to
// a counting sink, not the corpus: analysis throughput is bench/corpus-add.ts's, this measures the polling.
// Host gap 0: every synthetic feed is on 127.0.0.1, and a real gap would only measure the sleep.
// Run: npx tsx bench/feeds.ts [--feeds 1000] [--items 20] [--rounds 10] [--baseline-rounds 2]

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FeedPoller, type SinkOutcome } from '../src/fetch/poller.js';
import { openStore } from '../src/store/store.js';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

const FEEDS = Number(arg('feeds', '1000'));
const ITEMS = Number(arg('items', '20'));
const ROUNDS = Number(arg('rounds', '10'));
const BASELINE_ROUNDS = Number(arg('baseline-rounds', '2'));
const SERVER = fileURLToPath(new URL('../scripts/feed-server.mjs', import.meta.url));

/** The feed server on a free port; resolves with its base URL once it listens. */
function startServer(): Promise<{ base: string; stop: () => void }> {
  const child = spawn(process.execPath, [SERVER, '--synthetic', String(FEEDS), '--items', String(ITEMS), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`feed server exited (${code})`)));
    child.stdout.on('data', (d: Buffer) => {
      const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(String(d))?.[1];
      if (base) resolve({ base, stop: () => child.kill('SIGTERM') });
    });
  });
}

// A full collection before each memory reading, so a growing figure is kept memory, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Round { wallMs: number; cpuMs: number; rssMb: number; heapMb: number; statuses: Map<string, number> }

async function round(poller: FeedPoller): Promise<Round> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const reports = await poller.cycle({ all: true });
  const cpu = process.cpuUsage(cpu0);
  const statuses = new Map<string, number>();
  for (const r of reports) statuses.set(r.feed.status, (statuses.get(r.feed.status) ?? 0) + 1);
  const wallMs = performance.now() - t0;
  gc();
  const mem = process.memoryUsage();
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: mem.rss / 2 ** 20, heapMb: mem.heapUsed / 2 ** 20, statuses };
}

/** The watcher: a first poll, then `rounds` steady rounds; then the baseline's rounds on the same store (its
 *  feeds already seen, so it too takes nothing), sending no validators. */
async function run(base: string) {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-bench-feeds-'));
  const store = openStore(join(dir, 'feeds.db'));
  let taken = 0;
  const sink = async (items: unknown[]): Promise<SinkOutcome> => {
    taken += items.length;
    return { added: [], revised: [], duplicates: [], unchanged: [], rejected: [], warnings: [] };
  };
  const poller = (conditional: boolean) => new FeedPoller({ store, sink, conditional, fetch: { hostGapMs: 0 } });
  const watcher = poller(true);
  await watcher.load(Array.from({ length: FEEDS }, (_, i) => ({ url: `${base}/s/${i}.rss`, title: null })));
  const first = await round(watcher);
  const takenFirst = taken;
  const steady: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) steady.push(await round(watcher));
  const takenSteady = taken - takenFirst;
  const baseline = poller(false);
  await baseline.load();
  const plain: Round[] = [];
  for (let i = 0; i < BASELINE_ROUNDS; i++) plain.push(await round(baseline));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { first, steady, plain, takenFirst, takenSteady, takenPlain: taken - takenFirst - takenSteady };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number, d = 0) => n.toFixed(d);
const statusText = (m: Map<string, number>) => [...m].map(([k, v]) => `${v} ${k}`).join(', ');

const server = await startServer();
try {
  console.log(`${FEEDS} feeds × ${ITEMS} items from ${server.base} (load ${loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
  const r = await run(server.base);
  console.log(`first full poll: ${fmt(r.first.wallMs / 1000, 1)} s wall, ${fmt(r.first.cpuMs / 1000, 1)} s CPU; ${r.takenFirst} items taken (${statusText(r.first.statuses)})`);
  console.log('\n| steady-state round (nothing changed) | conditional GET (watch) | unconditional GET (baseline) |');
  console.log('|---|---|---|');
  const row = (what: string, a: string, b: string) => console.log(`| ${what} | ${a} | ${b} |`);
  const cpu = (rs: Round[]) => median(rs.map((x) => x.cpuMs));
  row(`CPU per round, median (of ${ROUNDS} / ${BASELINE_ROUNDS})`, `${fmt(cpu(r.steady))} ms`, `${fmt(cpu(r.plain))} ms`);
  row('wall per round, median', `${fmt(median(r.steady.map((x) => x.wallMs)))} ms`, `${fmt(median(r.plain.map((x) => x.wallMs)))} ms`);
  row('CPU per feed poll', `${fmt(cpu(r.steady) / FEEDS, 2)} ms`, `${fmt(cpu(r.plain) / FEEDS, 2)} ms`);
  row('answers', statusText(r.steady[0].statuses), statusText(r.plain[0].statuses));
  row('items taken again', String(r.takenSteady), String(r.takenPlain));
  const cond = r;
  console.log(`\nRSS after the first poll and each of ${ROUNDS} conditional rounds (MB): ${[cond.first, ...cond.steady].map((r) => fmt(r.rssMb)).join(' ')}`);
  console.log(`heap used after a full GC (MB): ${[cond.first, ...cond.steady].map((r) => fmt(r.heapMb, 1)).join(' ')}`);
  const rss = cond.steady.map((r) => r.rssMb);
  console.log(`RSS spread over the steady rounds: ${fmt(Math.max(...rss) - Math.min(...rss))} MB (first steady ${fmt(rss[0])} MB, last ${fmt(rss[rss.length - 1])} MB)`);
} finally {
  server.stop();
}
