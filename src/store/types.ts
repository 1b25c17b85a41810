// The one store interface the corpus talks to: async and batched, so an embedded SQLite file and a shared
// PostgreSQL server can sit behind it alike. Reads are small lookups; every change of one `add` chunk is
// one `commit`, applied atomically, so a killed process loses at most the chunk it was working on.

import type { AnalysedArticle, ArticleMeta, Diagnostic, SourceFormat } from '../model/article.js';
import type { ListedArticle } from '../model/listing.js';
import type { ReuseLink, Story } from '../model/report.js';
import type { CandidateHits } from '../reuse/index-store.js';
import type { ReuseSignature } from '../reuse/signature.js';
import type { ClusterSummary } from '../cluster/summary.js';

/** What an article was, as the store keeps it: identity, the current version, and its analysed record. */
export interface StoredArticle {
  id: string;
  /** Appearance key: `url:<canonical url>`, or `file:<real path>[#item]`, or `stdin:<hash>`. */
  key: string;
  hash: string;
  /** 1 for the first text seen at this key; each changed text is the next revision. */
  version: number;
  /** Insertion order in the corpus (monotonic), for "newest activity" and incremental runs. */
  seq: number;
  addedAt: string;
  analysed: AnalysedArticle;
}

/** An earlier text of an article, kept when its source changed. */
export interface ArticleRevision {
  id: string;
  version: number;
  hash: string;
  seenAt: string;
  /** Clean text of that version (offsets of the report that quoted it point into it). */
  text: string;
}

/** A reuse link as stored, with whether it makes its two articles one source (groups.ts joinsGroup). */
export interface StoredLink {
  link: ReuseLink;
  joins: boolean;
}

/** A story as listed: the figures `stories` prints without recomputing anything. */
export interface StorySummary {
  id: string;
  version: number;
  headline: string;
  articles: number;
  independentSources: number;
  contradictions: number;
  firstSeen: string | null;
  lastSeen: string | null;
  updatedAt: string;
}

export interface StoredStory extends StorySummary {
  view: Story;
}

/** A merge or split of stories, recorded when an `add` or `rebuild` changed membership across ids. */
export interface StoryChange {
  story: string;
  at: string;
  what: 'created' | 'grew' | 'merged' | 'split' | 'removed' | 'rebuilt';
  /** The other story ids involved (merged-in, split-off). */
  others: string[];
}

export interface StoryQuery {
  since?: string;
  query?: string;
  /** Stories that contain any of these articles. */
  articles?: string[];
  /** These stories only (their summaries without their views: an add's changed stories). */
  ids?: string[];
  limit?: number;
}

/** Everything one chunk of an `add` changes. */
export interface CorpusCommit {
  /** New articles and new revisions (each carries its appearance key and analysed record). */
  articles: { id: string; key: string; raw: string; hash: string; analysed: AnalysedArticle; revisionOf?: { version: number; text: string } }[];
  /** Stored articles whose analysed record changed (a date inherited from a new copy). */
  updatedArticles?: AnalysedArticle[];
  signatures: ReuseSignature[];
  links: StoredLink[];
  /** Per-article line hashes for the outlet statistics (distinct lines of each new article). */
  outletLines: { outlet: string; hashes: [number, number][] }[];
  /** Stories to write (each replaces its stored view and membership, and its index terms unless `terms` is
   *  absent: a deferred view's refresh keeps the terms placement wrote). */
  stories: { view: Story; terms?: string[]; independentSources: number }[];
  /** Stored story ids that no longer exist (merged into another, or emptied). */
  removedStories: string[];
  changes: StoryChange[];
  /** Cluster document frequencies to add: counts of documents per signal key (`t|word`, `e|name`, `n|12`). */
  documentFrequencies: Map<string, number>;
  documents: number;
  /** Summaries of stories and events for the online placement (src/cluster/summary.ts), written with the
   *  membership they summarise: every story written or removed by this commit loses its stored summaries,
   *  except those in `grown` (an online add upserts the rows it changed and keeps the others); then `rows`
   *  are written. A story written without rows has none, and the next add near it is placed exactly. */
  summaries?: { rows: ClusterSummary[]; grown: string[] };
  /** A rebuild: the derived state (reuse index and links, frequencies, stories) is replaced, not added to. */
  rebuild?: boolean;
  /** The caller holds the new articles' records and nothing will read them from this store (the one-shot
   *  in-memory `analyze`, whose report takes them from memory and whose store closes with it): an adapter may
   *  keep only their identity rows, and then `getArticles` fails for them rather than return nothing. */
  recordsHeld?: boolean;
}

/** How an ingested item relates to what is stored. */
export type AppearanceStatus = 'new' | 'unchanged' | 'revision' | 'duplicate';

export interface AppearanceResolution {
  status: AppearanceStatus;
  /** The article id (stored, or proposed and made unique). */
  id: string;
  /** For a revision: the version it replaces. For a duplicate: the article whose text it repeats. */
  previousVersion?: number;
  duplicateOf?: string;
}

/** What the last poll of a feed came to: never polled yet, a document read, a 304, or a failure. */
export type FeedStatus = 'new' | 'ok' | 'not-modified' | 'error';

/** A watched feed's lasting state, so `watch --once` from cron and a restarted `watch` keep their validators,
 *  schedule, error count and the items already taken. Times are ISO strings. */
export interface FeedState {
  url: string;
  title: string | null;
  /** Validators of the last document read, sent back as a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** The interval asked for; the next poll may be later (Cache-Control, <ttl>, Retry-After, backoff). */
  intervalMs: number;
  lastFetchAt: string | null;
  status: FeedStatus;
  /** HTTP status of the last response (null when none came: network, timeout). */
  httpStatus: number | null;
  /** Why the last poll failed, or what it warned about; null when it was clean. */
  message: string | null;
  nextPollAt: string | null;
  /** Failures in a row (the backoff exponent); 0 after a good poll. */
  errors: number;
  errorsTotal: number;
  polls: number;
  /** Items taken from the feed so far (new or changed since the poll before). */
  itemsSeen: number;
  /** Articles those items added to the corpus (new and revised). */
  articlesAdded: number;
  /** Fingerprints of the items in the feed's last document: an item whose fingerprint is here is not taken again. */
  seen: string[];
}

/** An article's listing with its version and place in insertion order. */
export interface ListedStoredArticle {
  id: string;
  version: number;
  seq: number;
  listed: ListedArticle;
}

export interface Store {
  /** Where the store lives, for messages (`SQLite .crosscheck/crosscheck.db`). */
  readonly description: string;

  /** Resolves appearance keys against stored articles; proposed ids are made unique across the corpus. */
  resolveAppearances(items: { key: string; hash: string; proposedId: string }[]): Promise<AppearanceResolution[]>;
  getArticles(ids: string[]): Promise<StoredArticle[]>;
  /** What a report lists of these articles (model/listing.ts), in insertion order, without reading their full
   *  records where the listing was stored with them (schema 6; an older row's record is read and listed). */
  getListedArticles(ids: string[]): Promise<ListedStoredArticle[]>;
  /** Article ids in insertion order, in pages (rebuild streams them). */
  articleIds(afterSeq?: number, limit?: number): Promise<{ id: string; seq: number }[]>;
  revisions(id: string): Promise<ArticleRevision[]>;
  countArticles(): Promise<number>;

  /** Cached per-article analysis by clean-text hash and publication date (see ANALYSIS_VERSION). */
  getCachedAnalyses(keys: { hash: string; published: string | null }[]): Promise<(unknown | null)[]>;
  putCachedAnalyses(rows: { hash: string; published: string | null; data: unknown }[]): Promise<void>;

  /** Distinct-article counts of the given (outlet, line) hashes, and each outlet's article count. */
  outletLineCounts(outlet: string, hashes: [number, number][]): Promise<{ counts: number[]; articles: number }>;

  /** Stored articles sharing enough reuse keys with each signature to be verified. */
  reuseCandidates(signatures: ReuseSignature[]): Promise<Map<string, Map<string, CandidateHits>>>;
  /** Stored links that touch any of the ids. */
  reuseLinks(ids: string[]): Promise<StoredLink[]>;

  /** The story each article belongs to now. */
  storyOf(articleIds: string[]): Promise<Map<string, string>>;
  eventOf(articleIds: string[]): Promise<Map<string, string>>;
  storyMembers(storyIds: string[]): Promise<Map<string, string[]>>;
  /** Stories whose index terms include these (cluster signal keys), with how many they share. */
  storiesWithTerms(terms: string[], limit: number): Promise<Map<string, number>>;
  documentFrequencies(keys: string[]): Promise<{ df: Map<string, number>; documents: number }>;
  /** Stored summaries of the given stories: their own (`story`) or their events' (`event`). */
  clusterSummaries(storyIds: string[], kind: 'story' | 'event'): Promise<ClusterSummary[]>;

  getStories(ids: string[]): Promise<StoredStory[]>;
  /** Stories whose view has members not yet cross-checked (`Story.pending`), longest waiting first. */
  pendingStories(limit: number): Promise<string[]>;
  listStories(query: StoryQuery): Promise<StorySummary[]>;
  storyChanges(id: string): Promise<StoryChange[]>;

  commit(change: CorpusCommit): Promise<void>;
  /** A token every commit replaces (a random one, also after a rebuild), null before the first: a process that
   *  keeps stored records in memory compares it when it takes the writer lock, so another writer's commits
   *  (a queue worker beside it, a second `add`) empty its caches instead of leaving them stale. */
  commitToken(): Promise<string | null>;

  /** Watched feeds' states (all, or those of the given URLs), ordered by URL. */
  getFeeds(urls?: string[]): Promise<FeedState[]>;
  /** Writes feed states (insert or replace by URL), in one transaction. */
  putFeeds(feeds: FeedState[]): Promise<void>;

  /** One writer at a time: resolves once this process holds the corpus; `onWait` is told who holds it. */
  lockWriter(onWait?: (holder: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export type { ArticleMeta, ClusterSummary, Diagnostic, SourceFormat };

// ---- the feed table's row, shared by both adapters so a column means the same in each -------------------

/** Columns of the `feed` table (migration 3), in the order feedRow gives their values. */
export const FEED_COLUMNS = [
  'url', 'title', 'etag', 'last_modified', 'interval_ms', 'last_fetch_at', 'status', 'http_status', 'message',
  'next_poll_at', 'errors', 'errors_total', 'polls', 'items_seen', 'articles_added', 'seen',
] as const;

export type FeedRow = Record<(typeof FEED_COLUMNS)[number], string | number | null>;

export function feedRow(f: FeedState): (string | number | null)[] {
  return [f.url, f.title, f.etag, f.lastModified, f.intervalMs, f.lastFetchAt, f.status, f.httpStatus, f.message,
    f.nextPollAt, f.errors, f.errorsTotal, f.polls, f.itemsSeen, f.articlesAdded, JSON.stringify(f.seen)];
}

export function feedOfRow(r: FeedRow): FeedState {
  const text = (v: string | number | null) => (v === null ? null : String(v));
  return {
    url: String(r.url), title: text(r.title), etag: text(r.etag), lastModified: text(r.last_modified),
    intervalMs: Number(r.interval_ms), lastFetchAt: text(r.last_fetch_at), status: String(r.status) as FeedStatus,
    httpStatus: r.http_status === null ? null : Number(r.http_status), message: text(r.message), nextPollAt: text(r.next_poll_at),
    errors: Number(r.errors), errorsTotal: Number(r.errors_total), polls: Number(r.polls), itemsSeen: Number(r.items_seen),
    articlesAdded: Number(r.articles_added), seen: JSON.parse(String(r.seen)) as string[],
  };
}
