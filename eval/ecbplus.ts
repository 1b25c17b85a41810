// Measures story/event clustering on ../shared/data/stories-ecbplus (ECB+, 22 topics × 2 same-kind events):
// BCubed P/R/F1 at story and event level for ours and for a single-link TF-IDF cosine baseline, on all
// topics and on a held-out half (topics t≡3 mod 4; parameters were chosen on t≡1 mod 4).
// Run: npx tsx eval/ecbplus.ts [--extract] [--sweep]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalysedArticle, Article } from '../src/model/article.js';
import type { ReuseResult } from '../src/model/report.js';
import { bcubed, type BCubed } from '../src/cluster/bcubed.js';
import { clusterStories, type ClusterOptions } from '../src/cluster/index.js';
import { STOPWORDS } from '../src/cluster/stopwords.js';
import { buildArticle } from '../test/fixtures/cluster/build.js';

export const ECB_DIR = fileURLToPath(new URL('../../shared/data/stories-ecbplus/', import.meta.url));

export interface Gold {
  story: string;
  event: string;
}

export const NO_REUSE: ReuseResult = { links: [], groupOf: new Map(), inheritedDates: new Map() };

/** Light local pipeline: the file is the body, one paragraph per line, wink segmentation, no title/date. */
export function toArticle(id: string, body: string): AnalysedArticle {
  return buildArticle(id, body);
}

/** Loads the corpus, or null when ../shared/data is absent. `withExtract` runs src/extract when it loads. */
export async function loadEcbPlus(opts: { withExtract?: boolean } = {}): Promise<{ articles: AnalysedArticle[]; gold: Map<string, Gold> } | null> {
  if (!existsSync(ECB_DIR + 'gold.tsv')) return null;
  const gold = new Map<string, Gold>();
  for (const line of readFileSync(ECB_DIR + 'gold.tsv', 'utf8').split('\n').slice(1)) {
    const [id, story, event] = line.split('\t');
    if (id && story && event) gold.set(id, { story, event });
  }
  const files = readdirSync(ECB_DIR).filter((f) => f.endsWith('.txt')).sort();
  const bodies = files.filter((f) => gold.has(f.slice(0, -4))).map((f) => [f.slice(0, -4), readFileSync(ECB_DIR + f, 'utf8')] as const);
  if (!opts.withExtract) return { articles: bodies.map(([id, body]) => toArticle(id, body)), gold };
  // The real per-article stages (clean → text → extract), ingest-less: the file body is the raw text.
  const { fullPipeline } = await import('../src/pipeline/stages.js');
  const pipeline = fullPipeline();
  const articles = bodies.map(([id, body]) => {
    const a = toArticle(id, body) as Article;
    delete a.clean;
    delete a.text;
    delete a.extract;
    return pipeline.run(a) as AnalysedArticle;
  });
  return { articles, gold };
}

export interface Scores {
  story: BCubed;
  event: BCubed;
}

export function score(pred: { story: Map<string, string>; event: Map<string, string> }, gold: Map<string, Gold>, ids?: Set<string>): Scores {
  const keep = (m: Map<string, string>): Map<string, string> => (ids ? new Map([...m].filter(([k]) => ids.has(k))) : m);
  const gs = keep(new Map([...gold].map(([k, g]) => [k, g.story])));
  const ge = keep(new Map([...gold].map(([k, g]) => [k, g.event])));
  return { story: bcubed(keep(pred.story), gs), event: bcubed(keep(pred.event), ge) };
}

export function runOurs(articles: AnalysedArticle[], opts?: ClusterOptions): { story: Map<string, string>; event: Map<string, string> } {
  const story = new Map<string, string>();
  const event = new Map<string, string>();
  for (const s of clusterStories(articles, NO_REUSE, opts)) {
    for (const e of s.events) for (const a of e.articles) {
      story.set(a, s.id);
      event.set(a, e.id);
    }
  }
  return { story, event };
}

/** Baseline: plain TF-IDF (word normals minus stopwords, sublinear tf) cosine, single link at a threshold. */
export class SingleLinkBaseline {
  private readonly sims: Float64Array;
  constructor(private readonly articles: AnalysedArticle[]) {
    const df = new Map<string, number>();
    const tfs = articles.map((a) => {
      const tf = new Map<string, number>();
      for (const s of a.text.sentences) for (const t of s.tokens) {
        if (!/\p{L}/u.test(t.normal) || STOPWORDS.has(t.normal)) continue;
        tf.set(t.normal, (tf.get(t.normal) ?? 0) + 1);
      }
      for (const k of tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
      return tf;
    });
    const n = articles.length;
    const vecs = tfs.map((tf) => {
      const v = new Map<string, number>();
      let sq = 0;
      for (const [k, c] of tf) {
        const w = (1 + Math.log(c)) * Math.log((n + 1) / (df.get(k)! + 1) + 1);
        v.set(k, w);
        sq += w * w;
      }
      for (const [k, w] of v) v.set(k, w / Math.sqrt(sq || 1));
      return v;
    });
    this.sims = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let d = 0;
      const [a, b] = vecs[i].size < vecs[j].size ? [vecs[i], vecs[j]] : [vecs[j], vecs[i]];
      for (const [k, w] of a) d += w * (b.get(k) ?? 0);
      this.sims[i * n + j] = d;
    }
  }
  cluster(threshold: number): Map<string, string> {
    const n = this.articles.length;
    const parent = Int32Array.from({ length: n }, (_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (this.sims[i * n + j] >= threshold) parent[find(j)] = find(i);
    return new Map(this.articles.map((a, i) => [a.id, String(find(i))]));
  }
}

const fmt = (b: BCubed): string => `${b.precision.toFixed(3)}  ${b.recall.toFixed(3)}  ${b.f1.toFixed(3)}`;

/** Topics are t1, t3, ... (odd numbers): parameters were tuned on t ≡ 1 (mod 4), t ≡ 3 (mod 4) is held out. */
export function isHeldOut(story: string): boolean {
  return Number(story.slice(1)) % 4 === 3;
}

async function main(): Promise<void> {
  const withExtract = process.argv.includes('--extract');
  const data = await loadEcbPlus({ withExtract });
  if (!data) {
    console.log(`SKIP: ${ECB_DIR} is absent; ECB+ evaluation not run.`);
    return;
  }
  const { articles, gold } = data;
  const t0 = performance.now();
  const ours = runOurs(articles);
  const ms = performance.now() - t0;
  const all = score(ours, gold);
  const fitIds = new Set([...gold].filter(([, g]) => !isHeldOut(g.story)).map(([k]) => k));
  const heldIds = new Set([...gold].filter(([, g]) => isHeldOut(g.story)).map(([k]) => k));
  // Each half clustered on its own, as an unseen batch would be.
  const fitScore = score(runOurs(articles.filter((a) => fitIds.has(a.id))), gold);
  const heldScore = score(runOurs(articles.filter((a) => heldIds.has(a.id))), gold);

  const base = new SingleLinkBaseline(articles);
  const FIXED = 0.3;
  const fixed = score({ story: base.cluster(FIXED), event: base.cluster(FIXED) }, gold);
  let bestStory = { t: 0, b: fixed.story };
  let bestEvent = { t: 0, b: fixed.event };
  for (let t = 0.05; t < 0.9; t += 0.025) {
    const c = base.cluster(t);
    const s = score({ story: c, event: c }, gold);
    if (s.story.f1 > bestStory.b.f1) bestStory = { t, b: s.story };
    if (s.event.f1 > bestEvent.b.f1) bestEvent = { t, b: s.event };
  }

  // Order independence: shuffled input must give the same clustering (canonical order + refinement).
  const shuffled = [...articles];
  let seed = 42;
  for (let i = shuffled.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const j = seed % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const shuf = score(runOurs(shuffled), gold);

  console.log(`ECB+ (${ECB_DIR}) — ${articles.length} articles, ${new Set([...gold.values()].map((g) => g.story)).size} topics, extract: ${withExtract ? 'src/extract' : 'none (tokens only)'}`);
  console.log('');
  console.log('| system | story P | story R | story F1 | event P | event R | event F1 |');
  console.log('|---|---|---|---|---|---|---|');
  const row = (name: string, s: Scores): void =>
    console.log(`| ${name} | ${fmt(s.story).split('  ').join(' | ')} | ${fmt(s.event).split('  ').join(' | ')} |`);
  row('ours, all topics', all);
  row('ours, tuning half (t≡1 mod 4)', fitScore);
  row('ours, held-out half (t≡3 mod 4)', heldScore);
  row('ours, shuffled input', shuf);
  row(`baseline single-link TF-IDF @${FIXED}`, fixed);
  console.log(`| baseline @ best story threshold ${bestStory.t.toFixed(3)} | ${fmt(bestStory.b).split('  ').join(' | ')} | | | |`);
  console.log(`| baseline @ best event threshold ${bestEvent.t.toFixed(3)} | | | | ${fmt(bestEvent.b).split('  ').join(' | ')} |`);
  console.log('');
  console.log(`clusterStories on ${articles.length} articles: ${ms.toFixed(0)} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && !process.argv.includes("--sweep")) await main();

/** --sweep: grid search on the tuning half only; prints the best settings and their held-out score. */
async function sweep(): Promise<void> {
  const data = await loadEcbPlus({ withExtract: process.argv.includes('--extract') });
  if (!data) return console.log('SKIP: ECB+ absent');
  const { articles, gold } = data;
  const fit = articles.filter((a) => !isHeldOut(gold.get(a.id)!.story));
  const held = articles.filter((a) => isHeldOut(gold.get(a.id)!.story));
  const results: { opts: ClusterOptions; fit: Scores }[] = [];
  const grid: ClusterOptions[] = [];
  for (const st of [0.1, 0.125, 0.15, 0.175, 0.2, 0.25])
    for (const sw of [
      { terms: 0.7, entities: 0.3, numbers: 0 },
      { terms: 1, entities: 0, numbers: 0 },
      { terms: 0.5, entities: 0.5, numbers: 0 },
      { terms: 0.6, entities: 0.3, numbers: 0.1 },
    ])
      for (const et of [0.25, 0.3, 0.35]) grid.push({ event: { threshold: et }, story: { threshold: st, weights: sw } });
  for (const opts of grid) results.push({ opts, fit: score(runOurs(fit, opts), gold) });
  const key = (s: Scores): number => s.story.f1 + s.event.f1;
  results.sort((a, b) => key(b.fit) - key(a.fit));
  for (const r of results.slice(0, 8)) {
    const h = score(runOurs(held, r.opts), gold);
    console.log(JSON.stringify(r.opts), 'fit', r.fit.story.f1.toFixed(3), r.fit.event.f1.toFixed(3), 'held', h.story.f1.toFixed(3), h.event.f1.toFixed(3));
  }
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--sweep')) await sweep();
