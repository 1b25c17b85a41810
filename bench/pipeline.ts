// Streaming throughput of ingest → clean → sentences (issue 2's target: ≥ 1,000 seed-sized articles/s on
// two cores) at 1k/10k/100k articles, with peak RSS, and the whole `analyze` on 10k articles (issue 6).
// Usage: npm run bench -- pipeline [--sizes 1000,10000,100000] [--analyze 10000] [--worst 2000]
//        [--baseline DIR [--rounds 2]]: the whole analyze of DIR's code (another checkout, e.g. a
//        `git worktree add --detach DIR <commit>` with node_modules linked) and of this one, alternated in one
//        run, since the machine's load moves a run by more than most changes (docs/performance.md).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { storyCorpus, syntheticCorpus, CLI_NODE_FLAGS } from './corpus.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

if (args[0] === '--child') {
  // One measurement per process, so peak RSS belongs to that corpus size alone.
  const [, mode, path, , root] = args;
  const src = root ? `${root}/src` : '../src';
  const { ingestPaths } = await import('../src/ingest/index.js');
  const { OutletLineStats } = await import('../src/clean/index.js');
  const { cleanPipeline } = await import('../src/pipeline/stages.js');
  const { StagePool } = await import('../src/pipeline/pool.js');
  if (mode === 'stream') {
    const t0 = performance.now();
    const pool = new StagePool(2, 'text');
    const cleaner = cleanPipeline(new OutletLineStats());
    const inFlight = new Set<Promise<unknown>>();
    let n = 0;
    let sentences = 0;
    let cleanMs = 0;
    for await (const item of ingestPaths([path])) {
      if (item.kind !== 'article') continue;
      const c0 = performance.now();
      cleaner.run(item.article);
      cleanMs += performance.now() - c0;
      const p = pool.run(item.article).then((r) => {
        sentences += r.text!.sentences.length;
        inFlight.delete(p);
      });
      inFlight.add(p);
      n++;
      // Bounded concurrency keeps memory flat whatever the corpus size.
      if (inFlight.size >= 64) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await pool.close();
    const s = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ n, sentences, seconds: s, perSecond: n / s, cleanMs, rssMB: process.resourceUsage().maxRSS / 1024 }));
  } else {
    const { analyze } = (await import(`${src}/analyze.js`)) as typeof import('../src/analyze.js');
    // The main thread's garbage collection, by kind (the workers collect on their own threads).
    const { PerformanceObserver } = await import('node:perf_hooks');
    const gc = { minor: 0, major: 0 };
    const gcObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (e as unknown as { detail?: { kind?: number } }).detail?.kind === 1 ? (gc.minor += e.duration) : (gc.major += e.duration);
    });
    gcObserver.observe({ entryTypes: ['gc'] });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const engine = args[3] === 'sentences' ? 'sentences' : 'facts';
    // A fixed clock, so the report's hash says whether two trees' outputs are the same.
    const { report, timings } = await analyze([path], { db: null, engine, now: () => new Date('2026-12-02T00:00:00Z') });
    const s = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify({
        n: report.articles.length,
        seconds: s,
        cpuSeconds: (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1e6,
        stories: report.stories.length,
        reuse: report.reuse.length,
        hash: (await import('node:crypto')).createHash('sha256').update(JSON.stringify(report)).digest('hex').slice(0, 16),
        timings: Object.fromEntries([...timings].map(([k, v]) => [k, Math.round(v)])),
        gcMs: { minor: Math.round(gc.minor), major: Math.round(gc.major) },
        rssMB: process.resourceUsage().maxRSS / 1024,
      }),
    );
  }
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
const child = (mode: string, path: string, engine = 'facts', root = '') => {
  const r = spawnSync(process.execPath, [...CLI_NODE_FLAGS, '--import', 'tsx', self, '--child', mode, path, engine, root], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
};

const sizes = arg('--sizes', '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
console.log('\ningest + clean + sentences (streaming, 2 worker threads for wink-nlp)\n');
console.log('| articles | sentences | seconds | articles/s | peak RSS MB |');
console.log('|---:|---:|---:|---:|---:|');
let source = '';
for (const n of sizes) {
  const corpus = await syntheticCorpus(n);
  source = corpus.source;
  const r = child('stream', corpus.path);
  console.log(`| ${r.n} | ${r.sentences} | ${r.seconds.toFixed(1)} | ${Math.round(r.perSecond)} | ${Math.round(r.rssMB)} |`);
}
const analyzeN = Number(arg('--analyze', '10000'));
const worstN = Number(arg('--worst', '2000'));
const wholeAnalyze = (label: string, r: { n: number; seconds: number; stories: number; reuse: number; rssMB: number; timings: Record<string, number> }) => {
  console.log(`\nwhole analyze (--no-db), ${label}: ${r.n} articles in ${r.seconds.toFixed(1)} s (${Math.round(r.n / r.seconds)} articles/s), ${r.stories} stories, ${r.reuse} reuse links, peak RSS ${Math.round(r.rssMB)} MB`);
  console.log('\n| phase | ms |\n|---|---:|');
  for (const [k, v] of Object.entries(r.timings)) console.log(`| ${k} | ${v} |`);
};
const baseline = arg('--baseline', '');
if (analyzeN > 0 && !baseline) {
  // Issue 6's target (10k articles under a minute) on a firehose-shaped corpus: many stories of skewed sizes.
  const corpus = await storyCorpus(analyzeN);
  const facts = child('analyze', corpus.path);
  wholeAnalyze('stories of skewed sizes (storyCorpus)', facts);
  // Issue 11's budget: the fact engine's corroborate at most 1.5× the sentence rules' (report 1.1), same run.
  const sentences = child('analyze', corpus.path, 'sentences');
  console.log(`
corroborate on the same corpus: fact engine ${facts.timings.corroborate} ms, sentence rules alone (baseline) ${sentences.timings.corroborate} ms (${(facts.timings.corroborate / sentences.timings.corroborate).toFixed(2)}×)`);
}
if (baseline && analyzeN > 0) {
  const corpus = await storyCorpus(analyzeN);
  console.log(`\nwhole analyze of ${analyzeN} (storyCorpus), baseline ${baseline} and this tree alternated\n`);
  console.log('| round | code | seconds | articles/s | CPU s (all threads) | peak RSS MB | load average | reuse | cluster | corroborate | commit | report hash |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (let round = 1; round <= Number(arg('--rounds', '2')); round++) {
    for (const [label, root] of [['baseline', baseline], ['this tree', '']]) {
      const load = (await import('node:os')).loadavg()[0].toFixed(1);
      const r = child('analyze', corpus.path, 'facts', root);
      const t = r.timings;
      console.log(`| ${round} | ${label} | ${r.seconds.toFixed(1)} | ${Math.round(r.n / r.seconds)} | ${r.cpuSeconds.toFixed(1)} | ${Math.round(r.rssMB)} | ${load} | ${t.reuse} | ${t.cluster} | ${t.corroborate} | ${t.commit} | ${r.hash} |`);
    }
  }
}
if (worstN > 0) {
  // The worst case: random recombination makes nearly every article one giant story, whose per-story
  // stages (alignment, contradiction rules) dominate.
  const corpus = await syntheticCorpus(worstN);
  wholeAnalyze('worst case, one giant story (syntheticCorpus)', child('analyze', corpus.path));
}
if (source) console.log(`\ncorpus: sentences recombined from ${source}`);
