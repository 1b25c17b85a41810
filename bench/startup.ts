// Start-up of the command line (issue 13: `--help` < 0.3 s, `analyze` of the 5 seeds < 1.5 s wall): the
// median of N runs of `--help`, `--version` and `analyze <seeds> --no-db -q` for the compiled CLI (the bin
// running dist/, as installed), the sources through tsx (what the bin falls back to when src/ is newer than
// dist/), and the baseline before issue 13 (tsx, with every module the old main.ts loaded eagerly).
// Run: npm run bench -- startup [--runs 7]   (builds dist/ first; uses examples/ when ../shared/seeds is absent)

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const at = process.argv.indexOf('--runs');
const RUNS = at > 0 ? Number(process.argv[at + 1]) : 7;

/** The old start-up: bin/crosscheck.js registered tsx and imported src/cli/main.ts, which imported the
 *  pipeline, the store, both renderers and extract; ingest imported the HTML and feed parsers and all of
 *  chrono's locales at load. Loading the same modules first reproduces that cost on today's sources. */
const BASELINE = `
  await Promise.all(['linkedom', '@mozilla/readability', 'rss-parser', 'html-to-text', 'chrono-node'].map((m) => import(m)));
  await Promise.all(['analyze', 'store/store', 'brief/markdown', 'brief/html', 'cli/extract', 'ingest/own-output']
    .map((m) => import('./src/' + m + '.ts')));
  const { main } = await import('./src/cli/main.ts');
  process.exitCode = await main(process.argv.slice(1));`;

const ENTRIES: { name: string; argv: string[] }[] = [
  { name: 'compiled (bin → dist/)', argv: [join(ROOT, 'bin', 'crosscheck.js')] },
  { name: 'sources via tsx (stale dist/)', argv: ['--max-semi-space-size=64', '--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')] },
  { name: 'baseline: tsx, all eager', argv: ['--max-semi-space-size=64', '--import', 'tsx', '--input-type=module', '-e', BASELINE, '--'] },
];

/** CPU seconds of waited-for children (Linux /proc; null elsewhere): less swayed by other load than wall. */
function childrenCpu(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: cutime and cstime are fields 16 and 17 of stat(5), in clock ticks (100 a second).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function measure(argv: string[], args: string[]): { wall: number; fastest: number; cpu: number | null } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu0 = childrenCpu();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...argv, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    walls.push((performance.now() - t0) / 1000);
    const cpu1 = childrenCpu();
    if (cpu0 !== null && cpu1 !== null) cpus.push(cpu1 - cpu0);
    if (r.status !== 0) throw new Error(`${argv.at(-1)} ${args.join(' ')} exited ${r.status}: ${r.stderr.split('\n', 1)[0]}`);
  }
  return { wall: median(walls), fastest: Math.min(...walls), cpu: cpus.length ? median(cpus) : null };
}

/** Newest source time under src/ (tests aside), the rule bin/crosscheck.js applies to choose dist/. */
function newestSource(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
const compiledIsCurrent = () => {
  const stamp = statSync(join(ROOT, 'dist', '.built'), { throwIfNoEntry: false });
  return stamp !== undefined && newestSource(join(ROOT, 'src')) <= stamp.mtimeMs;
};

const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed: the compiled CLI cannot be measured');
const input = existsSync(SEEDS) ? SEEDS : join(ROOT, 'examples');
if (input !== SEEDS) console.log(`../shared/seeds is absent: analyze runs over examples/ instead`);
const commands: [string, string[]][] = [
  ['--help', ['--help']],
  ['--version', ['--version']],
  [`analyze ${input === SEEDS ? '../shared/seeds' : 'examples/'} --no-db -q`, ['analyze', input, '--no-db', '-q']],
];

console.log(`wall time, median of ${RUNS} runs (fastest, and median CPU of the process); load average ${loadavg()[0].toFixed(2)} at start`);
console.log('(2 cores: above ~1 other work slows the wall figures; the fastest run and the CPU time are less affected)\n');
console.log(`| command | ${ENTRIES.map((e) => e.name).join(' | ')} |`);
console.log(`|---|${ENTRIES.map(() => '---:').join('|')}|`);
for (const [label, args] of commands) {
  const cells = ENTRIES.map((e) => {
    const { wall, fastest, cpu } = measure(e.argv, args);
    return `${wall.toFixed(2)} s (min ${fastest.toFixed(2)}${cpu === null ? '' : `, cpu ${cpu.toFixed(2)}`})`;
  });
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
// A source saved during the runs would have sent the bin to tsx: say so rather than print a wrong figure.
if (!compiledIsCurrent()) console.log('\nwarning: src/ changed during the runs; some "compiled" runs may have run the sources with tsx');
