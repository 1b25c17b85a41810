// The living corpus: `openCorpus` over a store; `add` ingests inputs chunk by chunk and updates only the
// stories they touch; `stories` lists and `report` renders from the store; `rebuild` re-runs the batch
// passes (reuse, clustering, views) over everything stored.

import type { AnalysedArticle, Article } from '../model/article.js';
import type { ListedArticle } from '../model/listing.js';
import type { ArticleRevisionDiff, Rejected, Report, ReuseResult, Story } from '../model/report.js';
import { ingestPaths } from '../ingest/index.js';
import type { IngestItem, IngestOptions } from '../ingest/types.js';
import { openStore } from '../store/store.js';
import { isDatabaseUrl } from '../store/paths.js';
import type { CorpusCommit, Store, StoredLink, StoryChange, StoryQuery, StorySummary } from '../store/types.js';
import { detectReuseLinks, signatureInputOf, signatureOf, reuseParams } from '../reuse/index.js';
import { murmur3 } from '../reuse/murmur3.js';
import { clusterStories } from '../cluster/index.js';
import { articleFeatures, CORPUS_CACHES } from '../cluster/features.js';
import { addChunk, type ChunkOutcome } from './add.js';
import { ArticleCache } from './article-cache.js';
import { LinkCache } from './link-cache.js';
import { SummaryCache } from './summary-cache.js';
import { CommittedRecords } from './committed.js';
import { buildReport } from './report.js';
import { revisionDiffs } from './revision.js';
import { arrangedAgain, documentKeys, heaviestKeys, PLACEMENT_PARAMS, withStoredIds } from './place.js';
import { independentSourcesOf, storyView, VIEW_PARAMS, type Engine, type ViewParams } from './view.js';
import { independentSources, type OutletRegistry } from '../outlets/index.js';
import { independenceGroups } from '../reuse/groups.js';

export interface CorpusOptions {
  /** SQLite path, or null for an in-memory corpus (nothing kept after `close`). */
  db: string | null;
  /** Told once when another process holds the corpus and this one waits. */
  onWait?: (holder: string) => void;
  /** Outlet registry (`--outlets FILE`, loadOutletRegistry); the built-in wire services when absent. */
  outlets?: OutletRegistry;
}

export interface AddOptions {
  ingest?: IngestOptions;
  workers?: number;
  /** Read and write the store's per-article analysis cache (default true; see AnalyseContext.cacheAnalyses). */
  cacheAnalyses?: boolean;
  engine?: Engine;
  /** Articles per chunk (one commit each); default: all inputs in one chunk, as a batch run. */
  chunkSize?: number;
  now?: () => Date;
  onProgress?: (event: { phase: string; done: number; total: number | null }) => void;
  /** Called just before each chunk's commit; throwing abandons that chunk with nothing written. */
  beforeCommit?: () => void;
  /** Keep what this add committed in memory (AddResult.records), for a `report` on it that follows. */
  keepRecords?: boolean;
  /** With `keepRecords`, for a store that is closed after the report on this add and never added to again (the
   *  one-shot in-memory `analyze`): the store need not keep the new records (CorpusCommit.recordsHeld). */
  recordsHeld?: boolean;
  /** Grown big stories get deferred views (`Story.pending`) that `refreshViews` cross-checks later: the add
   *  stays proportional to the new articles, and a story grown by several chunks is cross-checked once. */
  deferViews?: boolean | ViewParams;
  /** 'online': place new articles by stored story summaries, exactly only on a fallback signal (default 'exact'). */
  placement?: 'exact' | 'online';
}

export interface RefreshOptions {
  engine?: Engine;
  /** At most this many stories (default: all pending). */
  limit?: number;
  /** Asked before each story: true stops the refresh (a server with adds waiting). */
  yieldTo?: () => boolean;
  /** Told before each story: how many are done, and how many were pending when the refresh began. */
  onProgress?: (done: number, total: number) => void;
}

export interface RefreshResult {
  refreshed: string[];
  /** Milliseconds of each refreshed story's cross-check, in order. */
  ms: number[];
}

export interface AddResult extends ChunkOutcome {
  rejected: Rejected[];
  warnings: Report['warnings'];
  /** Wall-clock milliseconds per phase, and CPU milliseconds per per-article stage (`stage:*`). */
  timings: Map<string, number>;
  /** With `keepRecords`: the records and links this add committed, for `report({ records })`. */
  records?: CommittedRecords;
}

export class Corpus {
  private readonly articles: ArticleCache;
  private readonly links: LinkCache;
  private readonly summaries: SummaryCache;
  /** The store's commit token as of this process's last commit (or its last check): another one means another
   *  writer committed meanwhile and the caches may hold records and links it changed. */
  private seenToken: string | null | undefined;

  constructor(readonly store: Store, private readonly onWait?: (holder: string) => void, private readonly outlets?: OutletRegistry) {
    this.articles = new ArticleCache(store);
    this.links = new LinkCache(store);
    this.summaries = new SummaryCache(store);
  }

  /** Empties the caches when another writer committed since this process last looked (holding the lock). */
  private async checkCaches(): Promise<void> {
    const token = await this.store.commitToken();
    if (token !== this.seenToken) this.clearCaches();
    this.seenToken = token;
  }

  private clearCaches(): void {
    this.articles.clear();
    this.links.clear();
    this.summaries.clear();
  }

  /** Adds files, folders, globs or `-` (stdin). */
  async add(inputs: string[], opts: AddOptions = {}): Promise<AddResult> {
    return this.addItems(ingestPaths(inputs, opts.ingest), opts);
  }

  /** Adds already-ingested items (an upload read with `ingestBuffer`, a fetched feed): the server's and
   *  the watcher's way in. Rejected and warning items are reported like those of files. */
  async addItems(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, opts: AddOptions = {}): Promise<AddResult> {
    const timings = new Map<string, number>();
    const timed = async <T>(phase: string, fn: () => Promise<T> | T): Promise<T> => {
      opts.onProgress?.({ phase: phase === 'text+extract' ? 'analyse' : phase, done: 0, total: null });
      const t0 = performance.now();
      try {
        return await fn();
      } finally {
        timings.set(phase, (timings.get(phase) ?? 0) + performance.now() - t0);
      }
    };
    const result: AddResult = { added: [], revised: [], duplicates: [], unchanged: [], storiesCreated: [], storiesUpdated: [], storiesRemoved: [], inputIds: [], placements: [], rejected: [], warnings: [], timings };
    if (opts.keepRecords) result.records = new CommittedRecords();
    const release = await this.store.lockWriter(this.onWait);
    try {
      await this.checkCaches();
      const chunkSize = opts.chunkSize ?? Infinity;
      let chunk: Article[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        let done: ChunkOutcome;
        try {
          const deferViews = opts.deferViews === true ? VIEW_PARAMS : opts.deferViews || undefined;
          done = await addChunk(chunk, this.store, { articles: this.articles, links: this.links, summaries: CORPUS_CACHES ? this.summaries : undefined, workers: opts.workers, cacheAnalyses: opts.cacheAnalyses, engine: opts.engine, outlets: this.outlets, now: opts.now, timings, timed, onProgress: opts.onProgress, beforeCommit: opts.beforeCommit, records: result.records, recordsHeld: opts.keepRecords && opts.recordsHeld, deferViews, placement: opts.placement }, result.rejected);
        } catch (err) {
          // Records of a chunk that did not commit may have been changed in memory (a date from a copy).
          this.clearCaches();
          throw err;
        }
        this.seenToken = await this.store.commitToken();
        // A revised article's earlier version may be held; a re-dated one was changed in place, as committed.
        this.articles.forget(done.revised);
        chunk = [];
        merge(result, done);
      };
      await timed('ingest', async () => {
        for await (const item of items) {
          if (item.kind === 'rejected') result.rejected.push({ path: item.path, reason: item.reason });
          else if (item.kind === 'warning') result.warnings.push({ path: item.path, message: item.message });
          else {
            chunk.push(item.article);
            opts.onProgress?.({ phase: 'ingest', done: result.inputIds.length + chunk.length, total: null });
            if (chunk.length >= chunkSize) await flush();
          }
        }
      });
      await flush();
    } finally {
      await release();
    }
    return result;
  }

  /** Cross-checks the stories whose views were deferred, longest waiting first, one commit per story (a kill
   *  loses at most the story in hand, which stays pending). */
  async refreshViews(opts: RefreshOptions = {}): Promise<RefreshResult> {
    const out: RefreshResult = { refreshed: [], ms: [] };
    const release = await this.store.lockWriter(this.onWait);
    try {
      await this.checkCaches();
      const limit = opts.limit ?? Infinity;
      const total = opts.onProgress ? (await this.store.pendingStories(Math.min(limit, 1_000_000))).length : 0;
      while (out.refreshed.length < limit && !opts.yieldTo?.()) {
        opts.onProgress?.(out.refreshed.length, total);
        const [id] = await this.store.pendingStories(1);
        const [stored] = id ? await this.store.getStories([id]) : [];
        if (!stored) break;
        const t0 = performance.now();
        // The same members: the story's placement summaries stay as they are.
        await this.store.commit(emptyCommit({ stories: [await this.crossChecked(stored.view, opts.engine)], summaries: { rows: [], grown: [id] } }));
        this.seenToken = await this.store.commitToken();
        out.refreshed.push(id);
        out.ms.push(performance.now() - t0);
      }
    } finally {
      await release();
    }
    return out;
  }

  /** The full view of a stored story from its members, their links and their sources (as `report` folds them). */
  private async crossChecked(view: Story, engine?: Engine): Promise<{ view: Story; independentSources: number }> {
    // In the view's member order, as an add passes them: quote attribution keeps the first member's.
    const byId = new Map((await this.articles.get(view.articles)).map((s) => [s.id, s.analysed]));
    const members = view.articles.map((id) => byId.get(id)).filter((a): a is AnalysedArticle => !!a);
    const inside = new Set(members.map((a) => a.id));
    const reuse = reuseAmong(await this.links.get([...inside]), inside);
    const sources = independentSources(members, reuse, this.outlets).groupOf;
    // A view deferred without its members was arranged from the stored one (arrangeGrown): arranged exactly here.
    const cluster = arrangedAgain({ ...view, headline: view.pending?.clusterHeadline ?? view.headline }, new Map(members.map((a) => [a.id, a])));
    const fresh = storyView(cluster, members, reuse, engine, sources);
    return { view: fresh, independentSources: independentSourcesOf(fresh, sources) };
  }

  async stories(query: StoryQuery = {}): Promise<StorySummary[]> {
    return this.store.listStories(query);
  }

  async storyChanges(id: string): Promise<StoryChange[]> {
    return this.store.storyChanges(id);
  }

  /** The report of the given stories (all when none is given), from stored views. */
  async report(opts: { stories?: string[]; articles?: string[]; withText?: boolean; rejected?: Rejected[]; warnings?: Report['warnings']; now?: Date; records?: CommittedRecords } = {}): Promise<Report> {
    let ids = opts.stories;
    if (!ids && opts.articles) ids = [...new Set((await this.store.storyOf(opts.articles)).values())];
    if (!ids) ids = (await this.store.listStories({})).map((s) => s.id);
    const stored = await this.store.getStories(ids);
    const stories: Story[] = stored.map((s) => s.view);
    const memberIds = [...new Set([...(opts.articles ?? []), ...stories.flatMap((s) => s.articles)])];
    const inStories = new Set(stories.flatMap((s) => s.articles));
    const listed = await this.listedArticles(memberIds.filter((id) => inStories.has(id)), opts.records);
    const loaded = new Map(listed.map((s) => [s.id, s.listed]));
    const history = new Map<string, { version: number; revisions: ArticleRevisionDiff[] }>();
    for (const s of listed) {
      const revisions = s.version > 1 ? revisionDiffs(await this.store.revisions(s.id), s.listed.clean.text) : [];
      history.set(s.id, { version: s.version, revisions });
    }
    const articles = memberIds.map((id) => loaded.get(id)).filter((a): a is ListedArticle => !!a);
    const inside = new Set(articles.map((a) => a.id));
    const storedLinks = opts.records?.linksAmong(inside) ??
      (await this.store.reuseLinks([...inside])).filter(({ link: l }) => inside.has(l.a) && inside.has(l.b));
    const { links, groupOf } = reuseAmong(storedLinks, inside);
    links.sort((x, y) => (x.a + '\u0000' + x.b < y.a + '\u0000' + y.b ? -1 : 1));
    // The report's sources: the same folding the stored views counted, over the reported articles.
    const sources = independentSources(articles, { groupOf, links }, this.outlets);
    return buildReport({ stories, articles, links, sources, history, rejected: opts.rejected ?? [], warnings: opts.warnings ?? [], withText: opts.withText ?? false, now: opts.now ?? new Date() });
  }

  /** What the report lists of the stored articles of `ids`: from `records` where this add committed them (a
   *  full record lists itself), else the stored listings (a few kB each, not the records). */
  private async listedArticles(ids: string[], records?: CommittedRecords): Promise<{ id: string; version: number; listed: ListedArticle }[]> {
    const out: { id: string; version: number; listed: ListedArticle }[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const kept = records?.get(id);
      if (kept) out.push({ id, version: kept.version, listed: kept.analysed });
      else missing.push(id);
    }
    if (missing.length) out.push(...(await this.store.getListedArticles(missing)));
    return out;
  }

  /** Re-runs reuse, clustering and every view over the whole corpus as one batch; ids stay where stories do. */
  async rebuild(opts: { engine?: Engine; now?: () => Date } = {}): Promise<{ stories: number; articles: number }> {
    const release = await this.store.lockWriter(this.onWait);
    try {
      const ids: string[] = [];
      for (let after = -1; ;) {
        const page = await this.store.articleIds(after);
        if (page.length === 0) break;
        ids.push(...page.map((p) => p.id));
        after = page[page.length - 1].seq;
      }
      const articles = (await this.store.getArticles(ids)).map((s) => s.analysed);
      // Signatures once: detectReuseLinks indexes them and the commit stores them.
      const signatures = articles.map((a) => signatureOf(signatureInputOf(a), reuseParams, murmur3));
      const { result: reuse, joining } = detectReuseLinks(articles, { signatures: new Map(signatures.map((sig) => [sig.id, sig])) });
      const joins = new Set(joining.map((j) => (j.a < j.b ? `${j.a}\u0000${j.b}` : `${j.b}\u0000${j.a}`)));
      const storyOf = await this.store.storyOf(ids);
      const final = withStoredIds(clusterStories(articles, reuse), storyOf, await this.store.eventOf(ids));
      const byId = new Map(articles.map((a) => [a.id, a]));
      const features = new Map(articles.map((a) => [a.id, articleFeatures(a)]));
      const df = documentKeys([...features.values()]);
      const sources = independentSources(articles, reuse, this.outlets).groupOf;
      const views = final.map((c) => {
        const view = storyView(c, c.articles.map((id) => byId.get(id)!), reuse, opts.engine, sources);
        const terms = heaviestKeys(c.articles.map((id) => features.get(id)!.counts), df, articles.length, PLACEMENT_PARAMS.storyTerms);
        return { view, terms, independentSources: independentSourcesOf(view, sources) };
      });
      const old = new Set(storyOf.values());
      const kept = new Set(final.map((c) => c.id));
      const at = (opts.now?.() ?? new Date()).toISOString();
      await this.store.commit({
        rebuild: true,
        articles: [],
        signatures,
        links: reuse.links.map((l) => ({ link: l, joins: joins.has(`${l.a}\u0000${l.b}`) })),
        outletLines: [],
        stories: views,
        removedStories: [...old].filter((id) => !kept.has(id)),
        changes: final.map((c) => ({ story: c.id, at, what: 'rebuilt' as const, others: [] })),
        documentFrequencies: df,
        documents: articles.length,
      });
      // Every link, frequency and story was replaced.
      this.clearCaches();
      this.seenToken = await this.store.commitToken();
      return { stories: final.length, articles: articles.length };
    } finally {
      await release();
    }
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

/** The reuse view of stored articles among themselves: their links and the independence groups those make. */
function reuseAmong(stored: StoredLink[], inside: Set<string>): ReuseResult {
  const among = stored.filter(({ link: l }) => inside.has(l.a) && inside.has(l.b));
  return { links: among.map((l) => l.link), groupOf: independenceGroups([...inside], among.filter((l) => l.joins).map((l) => l.link)), inheritedDates: new Map() };
}

/** A commit that writes only `parts` (no article, link or frequency). */
function emptyCommit(parts: Partial<CorpusCommit>): CorpusCommit {
  return { articles: [], signatures: [], links: [], outletLines: [], stories: [], removedStories: [], changes: [], documentFrequencies: new Map(), documents: 0, ...parts };
}

function merge(into: AddResult, chunk: ChunkOutcome): void {
  // Element by element, not push(...list): `analyze` adds all its inputs as one chunk, and a spread of
  // 200,000 ids overflows the argument stack.
  const append = <T>(to: T[], from: T[]) => {
    for (const x of from) to.push(x);
  };
  append(into.added, chunk.added);
  append(into.revised, chunk.revised);
  append(into.duplicates, chunk.duplicates);
  append(into.unchanged, chunk.unchanged);
  append(into.inputIds, chunk.inputIds);
  append(into.storiesRemoved, chunk.storiesRemoved);
  append(into.placements, chunk.placements);
  // A story created in one chunk and grown in the next is "created" for the whole add.
  const created = new Set(into.storiesCreated);
  const updated = new Set(into.storiesUpdated);
  for (const id of chunk.storiesCreated) {
    if (created.has(id)) continue;
    created.add(id);
    into.storiesCreated.push(id);
  }
  for (const id of chunk.storiesUpdated) {
    if (created.has(id) || updated.has(id)) continue;
    updated.add(id);
    into.storiesUpdated.push(id);
  }
  const removed = new Set(into.storiesRemoved);
  into.storiesCreated = into.storiesCreated.filter((id) => !removed.has(id));
  into.storiesUpdated = into.storiesUpdated.filter((id) => !removed.has(id));
}

/** Opens the corpus at `db`: a SQLite file (created when missing), a `postgres://` URL (the PostgreSQL
 *  adapter, loaded only then), or null for an in-memory SQLite corpus. */
export async function openCorpus(opts: CorpusOptions): Promise<Corpus> {
  if (opts.db && isDatabaseUrl(opts.db)) {
    const { openPostgresStore } = await import('../store/postgres.js');
    return new Corpus(await openPostgresStore(opts.db), opts.onWait, opts.outlets);
  }
  return new Corpus(openStore(opts.db), opts.onWait, opts.outlets);
}

export { canonicalUrl, appearanceKey } from './identity.js';
export type { Store, StorySummary, StoryQuery } from '../store/types.js';
