// The per-article stages of an `add`: clean (with the corpus's outlet statistics), then text and extraction,
// cached by cleaned text and publication date, on both cores when the batch is big enough to pay for workers.

import { createHash } from 'node:crypto';
import type { AnalysedArticle, Article } from '../model/article.js';
import type { Rejected } from '../model/report.js';
import { cleanedArticleProblem, type LineRecurrence } from '../clean/index.js';
import { cleanPipeline, afterCleanPipeline, fullPipeline } from '../pipeline/stages.js';
import { ingestBuffer } from '../ingest/index.js';
import { StagePool } from '../pipeline/pool.js';
import { runGuarded, failureReason } from '../pipeline/guard.js';
import type { Store } from '../store/types.js';
import { knownSignature } from '../reuse/index.js';

/** Workers pay only for big batches. Compiled (no tsx), on an idle machine, 2026-12-01, identical reports:
 * 500 ECB+ articles took 6.4 s on the main thread vs 6.9 s with two workers, 992 took 9.1 s vs 9.7 s; the
 * per-article stages are now a minority of a run (reuse, clustering and views stay on the main thread). */
export const MIN_ARTICLES_FOR_WORKERS = 2000;
const SAVE_BATCH = 256;

type Cached = Pick<AnalysedArticle, 'text' | 'extract'> & { diagnostics: Article['diagnostics'] };

export interface AnalyseContext {
  store: Store;
  stats: LineRecurrence;
  workers?: number;
  timings: Map<string, number>;
  timed: <T>(phase: string, fn: () => Promise<T> | T) => Promise<T>;
  onProgress?: (event: { phase: string; done: number; total: number | null }) => void;
  /** Read and write the store's per-article analysis cache (default). Off only where nothing could read it
   *  back: the one-shot in-memory `analyze`, whose store is gone when its report is made. */
  cacheAnalyses?: boolean;
}

/** Runs the per-article stages; articles a stage fails on go to `rejected` (in input order) and are dropped. */
export async function analyseArticles(articles: Article[], ctx: AnalyseContext, rejected: Rejected[]): Promise<AnalysedArticle[]> {
  // Workers start before cleaning when the batch will likely need them: a worker takes ~0.8 s to load its
  // stages (scratch/pool-start.ts, tsx), time the main thread spends cleaning (1.5-4 s at 10k) meanwhile.
  const likely = ctx.workers ?? (articles.length >= MIN_ARTICLES_FOR_WORKERS ? 2 : 0);
  const pool = likely > 0 ? new StagePool(likely) : null;
  try {
    return await analyseWith(pool, articles, ctx, rejected);
  } finally {
    await pool?.close();
  }
}

async function analyseWith(pool: StagePool | null, articles: Article[], ctx: AnalyseContext, rejected: Rejected[]): Promise<AnalysedArticle[]> {
  const cleaner = cleanPipeline(ctx.stats);
  // An article a stage throws on is rejected with the stage and the reason; the run goes on without it.
  const failed = new Map<Article, string>();
  const fail = (a: Article, reason: string) => failed.set(a, reason);
  await ctx.timed('clean', () => {
    runGuarded(cleaner, articles, fail, undefined, (a) => {
      // Only boilerplate, or far longer than any article: rejected with the reason, not made a story.
      const problem = cleanedArticleProblem(a.clean!);
      if (problem) fail(a, `${a.id}: ${problem}`);
    });
  });
  const cleaned = articles.filter((a) => !failed.has(a));

  const useCache = ctx.cacheAnalyses ?? true;
  const keys = new Map<Article, string>();
  if (useCache) for (const a of cleaned) keys.set(a, createHash('sha256').update(a.clean!.text).digest('hex'));
  const cached = useCache ? await ctx.store.getCachedAnalyses(cleaned.map((a) => ({ hash: keys.get(a)!, published: a.meta.published }))) : [];
  const pending: Article[] = [];
  cleaned.forEach((a, i) => {
    const hit = cached[i] as Cached | null;
    if (hit) {
      a.text = hit.text;
      a.extract = hit.extract;
      a.diagnostics.push(...hit.diagnostics);
    } else pending.push(a);
  });
  // Cache hits can leave fewer than pay for workers: then the pool started early goes unused.
  const workers = ctx.workers ?? (pending.length >= MIN_ARTICLES_FOR_WORKERS ? 2 : 0);
  let done = cleaned.length - pending.length;
  const toSave: { hash: string; published: string | null; data: Cached }[] = [];
  const saves: Promise<void>[] = [];
  const flush = () => {
    if (toSave.length) saves.push(ctx.store.putCachedAnalyses(toSave.splice(0)));
  };
  const finished = (a: Article, before: number) => {
    if (useCache) toSave.push({ hash: keys.get(a)!, published: a.meta.published, data: { text: a.text!, extract: a.extract!, diagnostics: a.diagnostics.slice(before) } });
    if (toSave.length >= SAVE_BATCH) flush();
    ctx.onProgress?.({ phase: 'analyse', done: ++done, total: cleaned.length });
  };
  await ctx.timed('text+extract', async () => {
    if (workers === 0 || !pool) runOnMainThread(pending, fail, finished, ctx.timings);
    else await runOnPool(pending, pool, fail, finished, ctx.timings);
    flush();
    await Promise.all(saves);
  });
  for (const a of articles) if (failed.has(a)) rejected.push({ path: a.path, reason: failed.get(a)! });
  return cleaned.filter((a) => !failed.has(a)) as AnalysedArticle[];
}

function runOnMainThread(pending: Article[], fail: (a: Article, r: string) => void, finished: (a: Article, before: number) => void, timings: Map<string, number>): void {
  const pipeline = afterCleanPipeline();
  const stageTimings = new Map<string, number>();
  for (const a of pending) {
    const before = a.diagnostics.length;
    runGuarded(pipeline, [a], fail, stageTimings, () => finished(a, before));
  }
  for (const [k, v] of stageTimings) timings.set(`stage:${k}`, (timings.get(`stage:${k}`) ?? 0) + v);
}

async function runOnPool(pending: Article[], pool: StagePool, fail: (a: Article, r: string) => void, finished: (a: Article, before: number) => void, timings: Map<string, number>): Promise<void> {
  await Promise.all(
    pending.map(async (a) => {
      const before = a.diagnostics.length;
      let out;
      try {
        out = await pool.run(a);
      } catch (err) {
        fail(a, failureReason(a, err));
        return;
      }
      a.text = out.text;
      a.extract = out.extract;
      a.diagnostics = out.diagnostics;
      if (out.signature) knownSignature(a as AnalysedArticle, out.signature);
      finished(a, before);
    }),
  );
  for (const [k, v] of pool.stageTimings()) timings.set(`stage:${k}`, (timings.get(`stage:${k}`) ?? 0) + v);
}

/** A text of our own that reaches every per-article stage: dates, counts, money, named speakers, a quote over
 *  two sentences, an attribution after the quote. (Its length is not what counts: after a three-sentence
 *  text the next real article's text stage still took 164 ms, and after this one 348 ms, until the second
 *  text below loaded the language detector; then 22 ms.) */
const WARM_UP_TEXT = [
  'Harbour reopens after storm',
  'The harbour at Port Wren reopened on Tuesday, two days after a storm closed it and forced 120 families from their homes, port officials said in a statement on Wednesday morning.',
  '"We are open again. The pilots went out at dawn and brought in the first ships," said the port director, Ana Reyes, who took office in March 2021. Three container ships had waited outside since Sunday night.',
  'According to the city council, repairs to the north pier will cost about $4.5 million and take at least six weeks. Council member Daniel Okafor told reporters the money would come from the emergency fund approved last year.',
  'The storm, which brought winds of up to 90 km/h, also cut power to some 8,000 homes across the district. Most had it back by Monday evening, the utility said.',
].join('\n\n') + '\n';

/** And one of another language: English texts settle by the English shortcut, so only a text it leaves open
 *  loads the language detector (tinyld: 214 ms on the first such article, measured after the text above). */
const WARM_UP_OTHER = 'Der Hafen ist wieder offen\n\nDer Hafen wurde am Dienstag wieder geöffnet, zwei Tage nachdem ein Sturm ihn geschlossen hatte, teilte die Hafenbehörde mit.\n';

/**
 * Runs every per-article stage once on the warm-up texts, touching no store, so a long-lived process (serve's
 * add worker, `watch`, a queue worker) loads its models before the first real article rather than during it.
 * The first add of examples/ into a new corpus, one process each, alternated (2026-12-02, load ~10): 719 and
 * 1,185 ms (text + extract 548 and 1,007 ms) cold; 153 and 189 ms (33 ms) after the warm-up, which itself
 * took 0.7-1.1 s; the second and third adds were the same either way. Returns the English warm-up article,
 * its slots filled, or null when a stage failed on it.
 */
export function warmStages(): Article | null {
  const items = [ingestBuffer('warm-up.txt', Buffer.from(WARM_UP_TEXT)), ingestBuffer('warm-up-other.txt', Buffer.from(WARM_UP_OTHER))].flat();
  const articles = items.flatMap((item) => (item.kind === 'article' ? [item.article] : []));
  let failed = items.length !== articles.length;
  runGuarded(fullPipeline(), articles, () => (failed = true));
  return failed ? null : articles[0];
}
