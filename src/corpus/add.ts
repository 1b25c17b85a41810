// Adding one chunk of ingested articles to the corpus: identity against the store (new, unchanged, duplicate,
// revision), the per-article stages, reuse against everything stored, placement into stories, the touched
// stories' views, and one atomic commit. A killed process leaves the chunk uncommitted, never half-written.

import type { AnalysedArticle, Article } from '../model/article.js';
import type { Rejected, ReuseResult } from '../model/report.js';
import { articleSignature, detectReuseLinks, type ReuseSignature } from '../reuse/index.js';
import { isCandidate } from '../reuse/index-store.js';
import { redateArticle } from '../extract/index.js';
import { cachedArticleFeatures } from '../cluster/features.js';
import type { Store, StoredStory } from '../store/types.js';
import { analyseArticles } from './analyse.js';
import type { ArticleCache } from './article-cache.js';
import type { LinkCache } from './link-cache.js';
import type { SummaryCache } from './summary-cache.js';
import type { CommittedRecords } from './committed.js';
import { appearanceKey, proposedId } from './identity.js';
import { CorpusLineStats } from './line-stats.js';
import { documentKeys, placeArticles, placedMemberships, PLACEMENT_PARAMS, withMembers, type Placement } from './place.js';
import { deferredView, independentSourcesOf, storyView, type Engine, type ViewParams } from './view.js';
import { independentSources, type OutletRegistry } from '../outlets/index.js';

export interface ChunkOptions {
  /** Stored articles, parsed once per open corpus. */
  articles: ArticleCache;
  /** Stored reuse links by article, parsed once per open corpus. */
  links: LinkCache;
  /** Stored story and event summaries, parsed once per open corpus (online placement reads them). */
  summaries?: SummaryCache;
  workers?: number;
  /** The store's per-article analysis cache (AnalyseContext.cacheAnalyses); on by default. */
  cacheAnalyses?: boolean;
  engine?: Engine;
  /** Outlet registry (`--outlets FILE`); the built-in wire services when absent. */
  outlets?: OutletRegistry;
  now?: () => Date;
  timings: Map<string, number>;
  timed: <T>(phase: string, fn: () => Promise<T> | T) => Promise<T>;
  onProgress?: (event: { phase: string; done: number; total: number | null }) => void;
  /** Told what the chunk committed (records, links), for a report on this add read from memory. */
  records?: CommittedRecords;
  /** The store need not keep the new records: `records` holds them (AddOptions.recordsHeld). */
  recordsHeld?: boolean;
  /** Called just before the chunk's commit: throwing abandons the chunk with nothing written (a queue worker
   *  that handed its jobs back on SIGTERM must not then commit them). */
  beforeCommit?: () => void;
  /** Grown stories above `inlineMaxArticles` get a deferred view (view.ts), for `Corpus.refreshViews`. */
  deferViews?: ViewParams;
  /** 'online': place by stored summaries, exactly only when a fallback signal fires (place-online.ts). */
  placement?: 'exact' | 'online';
}

/** What one chunk did. */
export interface ChunkOutcome {
  added: string[];
  revised: string[];
  duplicates: { id: string; of: string }[];
  unchanged: string[];
  storiesCreated: string[];
  storiesUpdated: string[];
  storiesRemoved: string[];
  /** Every input's article id (also unchanged ones), for reporting on "the stories the inputs belong to". */
  inputIds: string[];
  /** How each chunk was placed, and why exactly when online was asked for. */
  placements: { path: 'exact' | 'online'; fallback: string[] }[];
}

export async function addChunk(items: Article[], store: Store, opts: ChunkOptions, rejected: Rejected[]): Promise<ChunkOutcome> {
  const { out, work, keyOf, previous } = await sortAppearances(items, store);
  if (work.length === 0) return out;

  const stats = await CorpusLineStats.of(work, store);
  const analysed = await analyseArticles(work, { store, stats, workers: opts.workers, cacheAnalyses: opts.cacheAnalyses, timings: opts.timings, timed: opts.timed, onProgress: opts.onProgress }, rejected);
  for (const a of analysed) {
    if (!previous.has(a.id)) continue;
    a.diagnostics.push({ origin: 'corpus:revision', level: 'info', message: `revision ${previous.get(a.id)! + 1}: the text at ${keyOf.get(a.id)!.replace(/^\w+:/, '')} changed` });
  }

  const reused = await opts.timed('reuse', () => reuseAgainstStore(analysed, store, opts.articles));
  // The one-shot in-memory analyze (no analysis cache) keeps no summaries: nothing is added to it later.
  const params = { ...PLACEMENT_PARAMS, online: opts.placement === 'online', summaries: opts.cacheAnalyses !== false };
  const placed = await opts.timed('cluster', () => placeArticles(reused.fresh, reused.links, store, opts.articles, opts.links, params, opts.summaries));
  // Deferred views are decided before the members are read: an online placement reads none of theirs.
  const deferrable = opts.deferViews ? await opts.timed('stored views', () => deferrableViews(placedMemberships(placed), store, opts.deferViews!)) : new Map<string, StoredStory>();
  const lean = new Map([...deferrable].map(([id, s]) => [id, s.view]));
  const placement = await opts.timed('members', () => withMembers(placed, opts.articles, opts.links, lean));
  out.placements.push({ path: placement.path, fallback: placement.fallback });
  // Independence counts sources (src/outlets): copies, one outlet's reports, one owner's outlets, a wire's
  // copies. Folded after placement: the clusterer keeps copy groups, not outlets, as its units.
  const sources = await opts.timed('sources', () => independentSources(placement.articles, placement.reuse, opts.outlets).groupOf);
  const at = (opts.now?.() ?? new Date()).toISOString();
  const views = await opts.timed('corroborate', () => storyViews(placement, deferrable, sources, at, opts));
  await commitChunk({ work, keyOf, previous, stats, reused, placement, views, at }, store, opts);
  for (const a of reused.fresh) (previous.has(a.id) ? out.revised : out.added).push(a.id);
  for (const c of placement.changes) {
    if (c.what === 'created' || c.what === 'split') out.storiesCreated.push(c.story);
    else if (c.what === 'removed' || (c.what === 'merged' && placement.removedStories.includes(c.story))) out.storiesRemoved.push(c.story);
    else out.storiesUpdated.push(c.story);
  }
  return out;
}

/** Each item against the store: unchanged (nothing to do), a revision (its earlier version's number), a
 *  duplicate of a stored text (noted), or new; the items with work left, with their appearance keys. */
async function sortAppearances(items: Article[], store: Store) {
  const keys = items.map((a) => appearanceKey(a));
  const resolved = await store.resolveAppearances(items.map((a, i) => ({ key: keys[i], hash: a.hash, proposedId: proposedId(a) })));
  const out: ChunkOutcome = { added: [], revised: [], duplicates: [], unchanged: [], storiesCreated: [], storiesUpdated: [], storiesRemoved: [], inputIds: [], placements: [] };
  const work: Article[] = [];
  const keyOf = new Map<string, string>();
  const previous = new Map<string, number>();
  items.forEach((a, i) => {
    const r = resolved[i];
    a.id = r.id;
    out.inputIds.push(r.id);
    if (r.status === 'unchanged') {
      out.unchanged.push(r.id);
      return;
    }
    if (r.status === 'revision') previous.set(r.id, r.previousVersion!);
    if (r.status === 'duplicate') {
      a.diagnostics.push({ origin: 'corpus:duplicate', level: 'info', message: `same text as ${r.duplicateOf} (another appearance of one report)` });
      out.duplicates.push({ id: r.id, of: r.duplicateOf! });
    }
    keyOf.set(r.id, keys[i]);
    work.push(a);
  });
  return { out, work, keyOf, previous };
}

interface ChunkResult {
  work: Article[];
  keyOf: Map<string, string>;
  previous: Map<string, number>;
  stats: CorpusLineStats;
  reused: ReuseOutcome;
  placement: Placement;
  views: ReturnType<typeof storyViews>;
  at: string;
}

/** Writes the chunk in one atomic commit (articles, revisions, links, line counts, stories, summaries), then
 *  tells the caches and the records what changed. */
async function commitChunk(c: ChunkResult, store: Store, opts: ChunkOptions): Promise<void> {
  const { work, keyOf, previous, stats, placement, views, at } = c;
  const { fresh, updated, links } = c.reused;
  const oldTexts = new Map((await store.getArticles([...previous.keys()])).map((s) => [s.id, s.analysed.clean.text]));
  const raws = new Map(work.map((a) => [a.id, a.raw]));
  const firstVersions = fresh.filter((a) => !previous.has(a.id));
  const storedLinks = links.result.links.map((l) => ({ link: l, joins: links.joins.has(`${l.a}\u0000${l.b}`) }));
  const committed = fresh.map((a) => ({
    id: a.id,
    key: keyOf.get(a.id)!,
    raw: raws.get(a.id) ?? '',
    hash: a.hash,
    analysed: { ...a, raw: '' },
    ...(previous.has(a.id) ? { revisionOf: { version: previous.get(a.id)!, text: oldTexts.get(a.id) ?? '' } } : {}),
  }));
  await opts.timed('commit', () => {
    opts.beforeCommit?.();
    return store.commit({
      articles: committed,
      updatedArticles: updated,
      signatures: links.signatures,
      links: storedLinks,
      // A revision's lines were counted with its first version: the counts stay per distinct article.
      outletLines: firstVersions.flatMap((a) => stats.lines.get(a.id) ?? []),
      stories: views,
      removedStories: placement.removedStories,
      changes: placement.changes.map((ch) => ({ ...ch, at })),
      // Without revisions the first versions are the new articles, whose keys placement counted (0.3-0.9 s at 10k).
      documentFrequencies: previous.size ? documentKeys(firstVersions.map((a) => cachedArticleFeatures(a))) : placement.freshKeys,
      documents: firstVersions.length,
      summaries: placement.summaries,
      recordsHeld: opts.recordsHeld,
    });
  });
  opts.records?.committed({
    articles: committed.map((x) => ({ analysed: x.analysed, version: x.revisionOf ? x.revisionOf.version + 1 : 1 })),
    updated,
    revised: committed.filter((x) => x.revisionOf).map((x) => x.id),
    links: storedLinks,
  });
  opts.summaries?.forget([...views.map((v) => v.view.id), ...placement.removedStories]);
  // A revision's links were replaced (dropped) as a whole; otherwise the new links join their ends' lists.
  if (previous.size) opts.links.clear();
  else opts.links.added(storedLinks);
  for (const a of work) a.raw = '';
}

/** The changed stories' views: cross-checked, or deferred (view.ts deferredView) where `deferrable` holds the
 *  stored story; a deferred view without every member keeps the last cross-check's source count. */
function storyViews(placement: Placement, deferrable: Map<string, StoredStory>, sources: Map<string, string>, at: string, opts: ChunkOptions) {
  const byId = new Map(placement.articles.map((a) => [a.id, a]));
  return placement.changed.map((c, i) => {
    opts.onProgress?.({ phase: 'corroborate', done: i, total: placement.changed.length });
    const terms = placement.terms.get(c.id) ?? [];
    const stored = deferrable.get(c.id);
    if (!stored) {
      const view = storyView(c, c.articles.map((id) => byId.get(id)!), placement.reuse, opts.engine, sources);
      return { view, terms, independentSources: independentSourcesOf(view, sources) };
    }
    const members = c.articles.map((id) => byId.get(id)).filter((a): a is AnalysedArticle => !!a);
    const view = deferredView(c, members, stored.view, sources, at, placement.centres?.get(c.id));
    // Without every member's source the refresh recounts; until then the count never overstates independence.
    const counted = members.length === c.articles.length ? independentSourcesOf(view, sources) : stored.independentSources;
    return { view, terms, independentSources: counted };
  });
}

/** Stored stories of the changed ones whose views may be deferred: big stories that only grew (a merge or split
 *  changes what the stored claims cite, so those are cross-checked at once). */
async function deferrableViews(changed: { id: string; articles: string[] }[], store: Store, params: ViewParams): Promise<Map<string, StoredStory>> {
  const big = new Map(changed.filter((c) => c.articles.length > params.inlineMaxArticles).map((c) => [c.id, c]));
  const out = new Map<string, StoredStory>();
  for (const stored of big.size ? await store.getStories([...big.keys()]) : []) {
    const now = new Set(big.get(stored.id)!.articles);
    if (stored.view.articles.every((id) => now.has(id))) out.set(stored.id, stored);
  }
  return out;
}

interface ReuseOutcome {
  fresh: AnalysedArticle[];
  /** Stored articles that took a date from a new copy. */
  updated: AnalysedArticle[];
  links: { result: ReuseResult; joining: { a: string; b: string }[]; joins: Set<string>; signatures: ReuseSignature[] };
}

/** Reuse of new articles among themselves and against every stored one the index offers as a candidate. */
async function reuseAgainstStore(fresh: AnalysedArticle[], store: Store, articles: ArticleCache): Promise<ReuseOutcome> {
  // Signed in the per-article workers when they ran (reuse knownSignature), else here.
  const signatures = fresh.map((a) => articleSignature(a));
  const freshIds = new Set(fresh.map((a) => a.id));
  const hits = await store.reuseCandidates(signatures);
  const wanted = new Set<string>();
  for (const m of hits.values()) for (const [id, h] of m) if (!freshIds.has(id) && isCandidate(h)) wanted.add(id);
  const stored = (await articles.get([...wanted])).map((s) => s.analysed);
  // The new articles' signatures are the ones just used for the store's candidates; stored ones are recomputed.
  const { result, joining } = detectReuseLinks([...fresh, ...stored], { fresh: freshIds, signatures: new Map(signatures.map((sig) => [sig.id, sig])) });
  const updated: AnalysedArticle[] = [];
  for (const a of [...fresh, ...stored]) {
    const inherited = result.inheritedDates.get(a.id);
    if (!inherited || a.meta.published) continue;
    a.meta.published = inherited.published;
    a.meta.publishedFrom = 'copy';
    a.diagnostics.push({ origin: 'reuse:inherited-date', level: 'info', message: `published date ${inherited.published} taken from its copy ${inherited.from}` });
    redateArticle(a, inherited.published);
    if (!freshIds.has(a.id)) updated.push(a);
  }
  const joins = new Set(joining.map((j) => (j.a < j.b ? `${j.a}\u0000${j.b}` : `${j.b}\u0000${j.a}`)));
  return { fresh, updated, links: { result, joining, joins, signatures } };
}
