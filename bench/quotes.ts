// Quote extraction speed, rules alone and rules + tagger in the same run, on prepared (cleaned, segmented)
// articles: the ECB+ news articles and the seeds; entities are extracted once beforehand, as the extract
// stage hands them to extractQuotes. Also the whole extraction (entities + quotes) per core. Each is
// measured twice: the compiled build in dist/ (what `npx crosscheck` runs; built first) and the sources
// through tsx (what the bin falls back to when src/ is newer than dist/, and what tests and evals run).
// Run: npx tsx bench/quotes.ts        (reads ../shared/data/stories-ecbplus and ../shared/seeds)

import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { EntityMention, QuoteMention, TextReady } from '../src/model/article.js';
import type { QuoteOptions } from '../src/extract/quotes/index.js';
import { ECB_DIR, ecbAndSeedArticles } from '../test/fixtures/entities/ready.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Extraction {
  extractEntities(a: TextReady): EntityMention[];
  extractQuotes(a: TextReady, e: EntityMention[], o?: QuoteOptions): QuoteMention[];
}

/** The two extractors of one build: `src` (through tsx) or `dist` (compiled). */
async function extraction(build: 'src' | 'dist'): Promise<Extraction> {
  const ext = build === 'src' ? 'ts' : 'js';
  const { extractEntities } = await import(`../${build}/extract/entities/index.${ext}`) as Pick<Extraction, 'extractEntities'>;
  const { extractQuotes } = await import(`../${build}/extract/quotes/index.${ext}`) as Pick<Extraction, 'extractQuotes'>;
  return { extractEntities, extractQuotes };
}

/** CPU time of the fastest of `rounds` runs: the machine is shared, so wall time (and the slower rounds)
 * would measure the neighbours too. */
function timed(rounds: number, run: () => number): { ms: number; count: number } {
  let count = 0;
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    count = run();
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { ms: best, count };
}

function rowsOf(x: Extraction, articles: TextReady[]): Rows {
  const entities = articles.map((a) => x.extractEntities(a));
  // Warm-up: gazetteer, the tagger's model file (read lazily on first use), JIT.
  for (let i = 0; i < 40; i++) {
    x.extractQuotes(articles[i % articles.length], entities[i % articles.length], { model: false });
    x.extractQuotes(articles[i % articles.length], entities[i % articles.length]);
  }
  const rounds = 5;
  const quotes = (model: boolean) => timed(rounds, () => articles.reduce((n, a, i) => n + x.extractQuotes(a, entities[i], { model }).length, 0));
  const whole = (model: boolean) => timed(rounds, () => articles.reduce((n, a) => n + x.extractQuotes(a, x.extractEntities(a), { model }).length, 0));
  return [
    ['quotes, rules alone', quotes(false)],
    ['quotes, rules + tagger', quotes(true)],
    ['entities + quotes, rules alone', whole(false)],
    ['entities + quotes, rules + tagger', whole(true)],
  ];
}

type Rows = [string, { ms: number; count: number }][];

/** One build measured in a child process of its own (one model in memory, its own JIT and heap). */
function measuredApart(build: 'src' | 'dist'): Rows {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--only', build], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`measuring ${build} failed`);
  return JSON.parse(r.stdout) as Rows;
}

/** The faster of two measurements, row by row. */
const faster = (a: Rows, b: Rows): Rows => a.map(([name, x], i) => [name, x.ms <= b[i][1].ms ? x : b[i][1]]);

async function main(): Promise<void> {
  const articles = ecbAndSeedArticles();
  if (!articles) {
    console.log(`skipped: ${ECB_DIR} absent`);
    return;
  }
  const only = process.argv.indexOf('--only');
  if (only >= 0) {
    process.stdout.write(JSON.stringify(rowsOf(await extraction(process.argv[only + 1] as 'src' | 'dist'), articles)));
    return;
  }
  const built = spawnSync(process.execPath, [`${ROOT}scripts/build.mjs`], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed: the compiled extraction cannot be measured');
  const load = loadavg()[0];
  // Alternated, twice each, so a neighbour's burst falls on both builds alike.
  let compiled = measuredApart('dist');
  let sources = measuredApart('src');
  compiled = faster(compiled, measuredApart('dist'));
  sources = faster(sources, measuredApart('src'));
  console.log(`ecbplus + seeds: ${articles.length} articles, CPU time of the fastest of 2 × 5 rounds, one core; load average ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
  console.log('| step | quotes | compiled (dist/): ms/article | articles/s (1 core) | sources (tsx): ms/article | articles/s (1 core) |');
  console.log('|---|---|---|---|---|---|');
  compiled.forEach(([name, c], i) => {
    const s = sources[i][1];
    if (s.count !== c.count) throw new Error(`${name}: the compiled build found ${c.count} quotes, the sources ${s.count}`);
    const cell = (r: { ms: number }) => `${(r.ms / articles.length).toFixed(3)} | ${(articles.length / (r.ms / 1000)).toFixed(0)}`;
    console.log(`| ${name} | ${c.count} | ${cell(c)} | ${cell(s)} |`);
  });
}

await main();
