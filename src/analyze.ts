// Orchestration of one `analyze` run: stream the inputs into the store, run the per-article stages (cached
// by content, on both cores when it pays), then the cross-article stages, and assemble the versioned report.

import { createHash } from 'node:crypto';
import type { AnalysedArticle, Article } from './model/article.js';
import {
  REPORT_VERSION,
  type Rejected,
  type Report,
  type ReportArticle,
  type ReportReuse,
  type ReuseLink,
  type ReuseResult,
  type Story,
} from './model/report.js';
import { ingestPaths } from './ingest/index.js';
import type { IngestOptions } from './ingest/types.js';
import { OutletLineStats, cleanedArticleProblem } from './clean/index.js';
import { cleanPipeline, afterCleanPipeline } from './pipeline/stages.js';
import { StagePool } from './pipeline/pool.js';
import { runGuarded, failureReason } from './pipeline/guard.js';
import { openStore, type Store } from './store/store.js';
import { detectReuse } from './reuse/index.js';
import { SqliteReuseIndex } from './reuse/index-store.js';
import { independenceGroups } from './reuse/groups.js';
import { clusterStories, assignStableIds } from './cluster/index.js';
import { redateArticle } from './extract/index.js';
import { buildTimeline } from './extract/timeline.js';
import { mergeEntities, collectQuotes } from './extract/story-entities.js';
import { corroborateStory } from './corroborate/index.js';
import { unflaggedHeadline } from './cluster/labels.js';
import { hasEnglishRules } from './text/language.js';
import { summarise } from './brief/summary.js';

export interface AnalyzeOptions {
  /** SQLite path, or null for a purely in-memory run. */
  db: string | null;
  withText?: boolean;
  /** Worker threads for text+extract; 0 runs everything on the main thread. Default: cores, when it pays. */
  workers?: number;
  /** Called as articles pass the per-article stages. */
  onProgress?: (event: { phase: string; done: number; total: number | null }) => void;
  /** Fixed clock for deterministic output (tests). */
  now?: () => Date;
  ingest?: IngestOptions;
  /** Contradiction engine (see CorroborateOptions): `facts` by default; `sentences` is the pre-1.2 baseline. */
  engine?: 'facts' | 'sentences';
}

export interface AnalyzeResult {
  report: Report;
  /** Wall-clock milliseconds per phase, and CPU milliseconds per per-article stage (`stage:*`). */
  timings: Map<string, number>;
}

/** Starting a worker costs ~2–3 s (tsx, wink model, compromise, gazetteer); measured on 400 small articles:
 * 1.4 s on the main thread vs 4.4 s with two workers, so workers only pay from a few thousand articles. */
const MIN_ARTICLES_FOR_WORKERS = 2000;
const STORE_BATCH = 256;
/** Copy groups up to this size list every pairwise link; larger ones their spanning links (reportReuse). */
export const FULL_REUSE_GROUP = 8;

type Cached = Pick<AnalysedArticle, 'text' | 'extract'> & { diagnostics: Article['diagnostics'] };

export async function analyze(inputs: string[], options: AnalyzeOptions): Promise<AnalyzeResult> {
  const timings = new Map<string, number>();
  const timed = async <T>(phase: string, fn: () => Promise<T> | T): Promise<T> => {
    // Every phase says when it starts, so progress shows what runs (the cross-article phases are one step).
    options.onProgress?.({ phase: phase === 'text+extract' ? 'analyse' : phase, done: 0, total: null });
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings.set(phase, (timings.get(phase) ?? 0) + performance.now() - t0);
    }
  };
  const store = openStore(options.db);
  try {
    const { articles, rejected, warnings } = await timed('ingest', () => ingestAll(inputs, store, options));
    const analysed = await analyseArticles(articles, store, options, timings, timed, rejected);
    const reuse = await timed('reuse', () =>
      detectReuse(analysed, options.db ? { index: new SqliteReuseIndex(store.db) } : {}),
    );
    await timed('redate', () => applyInheritedDates(analysed, reuse));
    const clusters = await timed('cluster', () => assignStableIds(clusterStories(analysed, reuse), options.db ? store.db : null));
    const byId = new Map(analysed.map((a) => [a.id, a]));
    const stories = await timed('corroborate', () =>
      clusters.map((c, i): Story => {
        options.onProgress?.({ phase: 'corroborate', done: i, total: clusters.length });
        const members = c.articles.map((id) => byId.get(id)!).filter(Boolean);
        // Claims and contradictions are English rules (German headings came out as agreed claims): an
        // article in another language stays in its story but is not analysed for claims.
        const forClaims = members.filter((a) => hasEnglishRules(a.text.language));
        const { claims, contradictions, quotes, updates } = corroborateStory(forClaims, reuse, collectQuotes(forClaims), c.headline, { events: c.events, engine: options.engine });
        const flagged = new Set(contradictions.filter((x) => x.kind === 'headline').flatMap((x) => x.values.flatMap((v) => v.sources)));
        return {
          ...c,
          headline: unflaggedHeadline(c.headline, members, flagged),
          summary: summarise(members, reuse, claims),
          timeline: buildTimeline(members, reuse.groupOf),
          entities: mergeEntities(members),
          quotes,
          claims,
          contradictions,
          ...(updates ? { updates } : {}),
        };
      }),
    );
    const report: Report = {
      version: REPORT_VERSION,
      generatedAt: (options.now?.() ?? new Date()).toISOString(),
      articles: analysed.map((a) => reportArticle(a, options.withText ?? false)),
      rejected,
      warnings,
      ...reportReuse(reuse, byId),
      stories,
    };
    return { report, timings };
  } finally {
    store.close();
  }
}

async function ingestAll(
  inputs: string[],
  store: Store,
  options: AnalyzeOptions,
): Promise<{ articles: Article[]; rejected: Rejected[]; warnings: Report['warnings'] }> {
  const articles: Article[] = [];
  const rejected: Rejected[] = [];
  const warnings: Report['warnings'] = [];
  const usedIds = new Set<string>();
  let batch: Article[] = [];
  for await (const item of ingestPaths(inputs, options.ingest)) {
    if (item.kind === 'rejected') rejected.push({ path: item.path, reason: item.reason });
    else if (item.kind === 'warning') warnings.push({ path: item.path, message: item.message });
    else {
      const article = item.article;
      article.id = uniqueId(article.id, usedIds);
      articles.push(article);
      batch.push(article);
      if (batch.length >= STORE_BATCH) {
        store.saveArticles(batch);
        batch = [];
      }
      options.onProgress?.({ phase: 'ingest', done: articles.length, total: null });
    }
  }
  store.saveArticles(batch);
  return { articles, rejected, warnings };
}

/** Two files named alike in different folders must not share an id: later ones get `~2`, `~3`… */
function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}~${n}`;
  used.add(candidate);
  return candidate;
}

async function analyseArticles(
  articles: Article[],
  store: Store,
  options: AnalyzeOptions,
  timings: Map<string, number>,
  timed: <T>(phase: string, fn: () => Promise<T> | T) => Promise<T>,
  rejected: Rejected[],
): Promise<AnalysedArticle[]> {
  // Corpus evidence first: a line recurring across many articles of one outlet is boilerplate.
  const stats = new OutletLineStats();
  for (const a of articles) stats.observe(a.meta.outlet, a.raw);
  const cleaner = cleanPipeline(stats);
  // An article a stage throws on is rejected with the stage and the reason; the run goes on without it.
  const failed = new Map<Article, string>();
  const fail = (a: Article, reason: string) => failed.set(a, reason);
  await timed('clean', () => {
    runGuarded(cleaner, articles, fail, undefined, (a) => {
      // The raw body is safe in the store and nothing downstream reads it: let it go.
      a.raw = '';
      // Only boilerplate, or far longer than any article: rejected with the reason, not made a story.
      const problem = cleanedArticleProblem(a.clean!);
      if (problem) fail(a, `${a.id}: ${problem}`);
    });
  });
  const all = articles;
  articles = articles.filter((a) => !failed.has(a));

  // Text and extraction are cached by cleaned text and publication date (extraction resolves dates against it).
  const pending: Article[] = [];
  const keys = new Map<Article, string>();
  for (const a of articles) {
    const key = createHash('sha256').update(a.clean!.text).digest('hex');
    keys.set(a, key);
    const cached = store.loadAnalysis<Cached>(key, a.meta.published);
    if (cached) {
      a.text = cached.text;
      a.extract = cached.extract;
      a.diagnostics.push(...cached.diagnostics);
    } else pending.push(a);
  }
  const workers = options.workers ?? (pending.length >= MIN_ARTICLES_FOR_WORKERS ? 2 : 0);
  let done = articles.length - pending.length;
  const total = articles.length;
  const toSave: { hash: string; published: string | null; data: Cached }[] = [];
  const flush = () => {
    store.saveAnalyses(toSave.splice(0));
  };
  const finished = (a: Article, before: number) => {
    toSave.push({
      hash: keys.get(a)!,
      published: a.meta.published,
      data: { text: a.text!, extract: a.extract!, diagnostics: a.diagnostics.slice(before) },
    });
    if (toSave.length >= STORE_BATCH) flush();
    options.onProgress?.({ phase: 'analyse', done: ++done, total });
  };
  await timed('text+extract', async () => {
    if (workers === 0) {
      const pipeline = afterCleanPipeline();
      const stageTimings = new Map<string, number>();
      for (const a of pending) {
        const before = a.diagnostics.length;
        runGuarded(pipeline, [a], fail, stageTimings, () => finished(a, before));
      }
      for (const [k, v] of stageTimings) timings.set(`stage:${k}`, v);
    } else {
      const pool = new StagePool(workers);
      try {
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
            finished(a, before);
          }),
        );
        for (const [k, v] of pool.stageTimings()) timings.set(`stage:${k}`, v);
      } finally {
        await pool.close();
      }
    }
    flush();
  });
  // Rejections in input order, whichever worker finished first.
  for (const a of all) if (failed.has(a)) rejected.push({ path: a.path, reason: failed.get(a)! });
  return articles.filter((a) => !failed.has(a)) as AnalysedArticle[];
}

function applyInheritedDates(articles: AnalysedArticle[], reuse: ReuseResult): void {
  for (const a of articles) {
    const inherited = reuse.inheritedDates.get(a.id);
    if (!inherited || a.meta.published) continue;
    a.meta.published = inherited.published;
    a.meta.publishedFrom = 'copy';
    a.diagnostics.push({
      origin: 'reuse:inherited-date',
      level: 'info',
      message: `published date ${inherited.published} taken from its copy ${inherited.from}`,
    });
    redateArticle(a, inherited.published);
  }
}

function reportArticle(a: AnalysedArticle, withText: boolean): ReportArticle {
  const out: ReportArticle = {
    id: a.id,
    path: a.path,
    url: a.meta.url,
    outlet: a.meta.outlet,
    title: a.meta.title,
    published: a.meta.published,
    publishedFrom: a.meta.published ? a.meta.publishedFrom : null,
    language: a.text.language,
    sentences: a.text.sentences.length,
    removed: a.clean.removed.map((r) => ({ text: r.text, reason: r.reason })),
  };
  if (withText) out.text = a.clean.text;
  return out;
}

/**
 * The reuse links to report. A copy group of up to FULL_REUSE_GROUP articles is listed in full; a larger
 * one (a wire story carried by 200 outlets has 19,900 pairs, and listing them with their sentences made
 * a 3,000-article report 220 MB) as its maximum spanning forest: each article keeps its strongest links
 * until the group is connected, full copies before partial lifts, so who copies whom stays readable.
 */
export function reportReuse(reuse: ReuseResult, byId: Map<string, AnalysedArticle>): { reuse: ReportReuse[]; reuseOmitted?: number } {
  const componentOf = independenceGroups([...new Set(reuse.links.flatMap((l) => [l.a, l.b]))], reuse.links);
  const size = new Map<string, number>();
  for (const c of componentOf.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const strength = (l: ReuseLink) => (l.kind === 'partial' ? 0 : 1);
  const ranked = [...reuse.links].sort((x, y) => strength(y) - strength(x) || y.score - x.score || y.shared - x.shared || (x.a + x.b < y.a + y.b ? -1 : 1));
  const forest = new Map<string, string>();
  const root = (x: string): string => {
    let r = x;
    while (forest.has(r) && forest.get(r) !== r) r = forest.get(r)!;
    return r;
  };
  const kept = new Set<ReuseLink>();
  for (const l of ranked) {
    if (size.get(componentOf.get(l.a)!)! <= FULL_REUSE_GROUP) {
      kept.add(l);
      continue;
    }
    const ra = root(l.a);
    const rb = root(l.b);
    if (ra === rb) continue;
    forest.set(ra, rb);
    kept.add(l);
  }
  const listed = reuse.links.filter((l) => kept.has(l)).map((l) => {
    const a = byId.get(l.a)!;
    const b = byId.get(l.b)!;
    return {
      a: l.a,
      b: l.b,
      kind: l.kind,
      original: l.original,
      shared: l.shared,
      score: l.score,
      sharedSentences: l.pairs.map((p) => ({
        a: a.text.sentences[p.a]?.text ?? '',
        b: b.text.sentences[p.b]?.text ?? '',
        similarity: p.similarity,
      })),
    };
  });
  const omitted = reuse.links.length - listed.length;
  return omitted > 0 ? { reuse: listed, reuseOmitted: omitted } : { reuse: listed };
}
