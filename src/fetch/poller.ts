// Watching feeds: each feed polled when it is due (its own schedule, schedule.ts), with a conditional GET from
// the validators kept in the store; the items new or changed since the last poll (by fingerprint) have their
// summaries expanded to pages and go to the sink (the corpus) as soon as their feed is read, one feed's items
// at a time. Every failure of a feed becomes that feed's state and the others go on; only a failing store
// stops the watch. The clock and the sleep are injected, so tests run a day of polls without waiting.

import { createHash } from 'node:crypto';
import type { IngestItem } from '../ingest/types.js';
import type { Article } from '../model/article.js';
import type { AddResult } from '../corpus/index.js';
import type { FeedState, Store } from '../store/types.js';
import { canonicalUrl } from '../corpus/identity.js';
import { Fetcher, statusLine, type FetchOptions, type Fetched } from './http.js';
import { expandFeedEntries, feedEntries, isFeedDocument } from './index.js';
import { eachLimited } from './pool.js';
import { nextPoll, type NextPoll } from './schedule.js';
import type { FeedEntry } from './feed-list.js';
import { FEED_INTERVAL_MS, FEED_MESSAGE_MAX, FEED_SEEN_MAX, MAX_BYTES, POLL_CONCURRENCY } from './params.js';

/** What the corpus made of one feed's items (Corpus.addItems gives exactly this). A sink may answer more (the
 *  type parameter `S` of the poller): `watch` also says whether the items were queued for the workers. */
export type SinkOutcome = Pick<AddResult, 'added' | 'revised' | 'duplicates' | 'unchanged' | 'rejected' | 'warnings'>;
export type FeedSink<S extends SinkOutcome = SinkOutcome> = (items: IngestItem[], feedUrl: string) => Promise<S>;

export interface PollerOptions<S extends SinkOutcome = SinkOutcome> {
  store: Pick<Store, 'getFeeds' | 'putFeeds'>;
  /** Not inferred from: a sink that answers more than SinkOutcome is a poller asked for by name. */
  sink: FeedSink<NoInfer<S>>;
  fetch?: FetchOptions;
  /** Each feed's interval (default FEED_INTERVAL_MS); servers may hold a feed longer, never shorter. */
  intervalMs?: number;
  concurrency?: number;
  /** Milliseconds since the epoch: the schedule's clock. */
  now?: () => number;
  /** Waits `ms` or until `signal` aborts, whichever is first. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  onPoll?: (report: PollReport<NoInfer<S>>) => void;
  /** Send the stored validators (default true). False only for bench/feeds.ts's baseline: unconditional GETs. */
  conditional?: boolean;
}

export interface PollReport<S extends SinkOutcome = SinkOutcome> {
  /** The feed's state after the poll, as stored. */
  feed: FeedState;
  /** Items new or changed since the feed's last document. */
  taken: number;
  /** What the corpus did with them; null when nothing was taken. */
  sink: S | null;
  next: NextPoll;
  /** Warnings of the feed document and its items (a kept summary, an encoding guess, a blocked page). */
  warnings: string[];
}

export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => (clearTimeout(timer), signal.removeEventListener('abort', done), resolve());
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** An item's identity and content in 16 characters: the same link with the same text, title and date is the
 *  same fingerprint; any edit (a stealth edit included) makes a new one, so the item is taken again. */
export function itemFingerprint(a: Article): string {
  const key = (a.meta.url && canonicalUrl(a.meta.url)) || `id:${a.id}`;
  return createHash('sha1').update([key, a.hash, a.meta.title ?? '', a.meta.published ?? ''].join('\u0000')).digest('base64url').slice(0, 16);
}

/** What ingest says of a well-formed feed without items (src/ingest/index.ts). */
const EMPTY_FEED = 'feed has no items';

const iso = (ms: number): string => new Date(ms).toISOString();
const cut = (s: string | null): string | null => (s && s.length > FEED_MESSAGE_MAX ? s.slice(0, FEED_MESSAGE_MAX - 1) + '…' : s);

export function newFeedState(entry: FeedEntry, intervalMs: number): FeedState {
  return {
    url: entry.url, title: entry.title, etag: null, lastModified: null, intervalMs, lastFetchAt: null, status: 'new',
    httpStatus: null, message: null, nextPollAt: null, errors: 0, errorsTotal: 0, polls: 0, itemsSeen: 0, articlesAdded: 0, seen: [],
  };
}

/** How a poll ended, before it is written into the feed's state. */
interface Ending<S extends SinkOutcome> {
  started: number;
  kind: 'ok' | 'not-modified' | 'error';
  httpStatus: number | null;
  message: string | null;
  headers?: Headers;
  head?: string;
  retryAfterMs?: number | null;
  seen?: string[];
  taken?: number;
  sink?: S | null;
  warnings?: string[];
}

export class FeedPoller<S extends SinkOutcome = SinkOutcome> {
  readonly fetcher: Fetcher;
  private readonly feeds = new Map<string, FeedState>();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly intervalMs: number;
  /** Sink calls one after another: the corpus has one writer, and a chunk is committed whole. */
  private commits: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: PollerOptions<S>) {
    this.fetcher = new Fetcher(opts.fetch);
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.intervalMs = opts.intervalMs ?? FEED_INTERVAL_MS;
  }

  /** The feeds to watch: stored states for known URLs, new ones (due at once) for the rest; none given means
   *  every stored feed. The interval asked for now applies to all of them. */
  async load(entries?: FeedEntry[]): Promise<FeedState[]> {
    const stored = await this.opts.store.getFeeds(entries?.map((e) => e.url));
    const byUrl = new Map(stored.map((f) => [f.url, f]));
    const list = entries ?? stored.map((f) => ({ url: f.url, title: f.title }));
    for (const e of list) {
      const known = byUrl.get(e.url);
      this.feeds.set(e.url, known ? { ...known, title: e.title ?? known.title, intervalMs: this.intervalMs } : newFeedState(e, this.intervalMs));
    }
    return [...this.feeds.values()];
  }

  states(): FeedState[] {
    return [...this.feeds.values()];
  }

  /** Feeds whose next poll is due at `now`, the longest overdue first (never polled ones before all). */
  due(now = this.now()): FeedState[] {
    const at = (f: FeedState) => (f.nextPollAt ? Date.parse(f.nextPollAt) : -Infinity);
    return this.states().filter((f) => at(f) <= now).sort((a, b) => at(a) - at(b));
  }

  nextDueAt(): number | null {
    const times = this.states().map((f) => (f.nextPollAt ? Date.parse(f.nextPollAt) : -Infinity));
    return times.length ? Math.min(...times) : null;
  }

  /** One round: every due feed (every feed with `all`), `concurrency` at once. After `signal` aborts no feed
   *  is started; those being polled finish, their items committed. */
  async cycle({ all = false, signal }: { all?: boolean; signal?: AbortSignal } = {}): Promise<PollReport<S>[]> {
    const todo = all ? this.states() : this.due();
    const reports: PollReport<S>[] = [];
    // Per round: an item page two feeds carry is fetched once.
    const pages = new Set<string>();
    await eachLimited(todo, this.opts.concurrency ?? POLL_CONCURRENCY, async (feed) => {
      const report = await this.poll(feed, pages);
      reports.push(report);
      this.opts.onPoll?.(report);
    }, () => !!signal?.aborted);
    return reports;
  }

  /** Polls until `signal` aborts, sleeping until the next feed is due. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.cycle({ signal });
      if (signal.aborted) break;
      const at = this.nextDueAt();
      const wait = at === null ? this.intervalMs : at - this.now();
      if (wait > 0) await this.sleep(wait, signal);
    }
  }

  /** One feed: fetch, read, take what is new, commit it, write the state. Never throws but for the store. */
  private async poll(feed: FeedState, pages: Set<string>): Promise<PollReport<S>> {
    const started = this.now();
    let got: Fetched;
    try {
      const conditional = this.opts.conditional === false ? {} : { etag: feed.etag, lastModified: feed.lastModified };
      got = await this.fetcher.get(feed.url, { page: false, conditional, waitRetryAfter: false });
    } catch (err) {
      got = { ok: false, url: feed.url, reason: `internal error while fetching: ${(err as Error).message}` };
    }
    const fail = (message: string, httpStatus: number | null, headers?: Headers, retryAfterMs?: number | null) =>
      this.settle(feed, { started, kind: 'error', httpStatus, message, headers, retryAfterMs });
    if (!got.ok) {
      if (got.notModified) return this.settle(feed, { started, kind: 'not-modified', httpStatus: 304, message: null, headers: got.headers });
      return fail(got.reason, got.status ?? null, got.headers, got.retryAfterMs);
    }
    if (got.status >= 400) return fail(statusLine(got.status), got.status, got.headers);
    if (got.status !== 200) return fail(`${statusLine(got.status)} is not a feed document`, got.status, got.headers);
    if (!isFeedDocument(got.body)) {
      return fail(`not a feed (${got.contentType?.split(';')[0] ?? 'no Content-Type'}; neither RSS, Atom nor JSON Feed)`, got.status, got.headers);
    }
    return this.read(feed, started, got, pages);
  }

  /** A feed document read: the items whose fingerprint is new go to the sink (summaries expanded first). */
  private async read(feed: FeedState, started: number, got: Extract<Fetched, { ok: true }>, pages: Set<string>): Promise<PollReport<S>> {
    const entries = feedEntries(feed.url, got.body, this.fetcher.opts.maxBytes ?? MAX_BYTES, new Date(started));
    const articles = entries.filter((i): i is Extract<IngestItem, { kind: 'article' }> => i.kind === 'article');
    const base = { started, httpStatus: got.status, headers: got.headers, head: got.body.subarray(0, 8192).toString('utf8') };
    const broken = entries.find((i) => i.kind === 'rejected');
    // An empty feed is a feed (a new outlet, a quiet night); broken XML, or items without text, is a failure.
    if (articles.length === 0 && broken?.kind === 'rejected' && broken.reason !== EMPTY_FEED) {
      return this.settle(feed, { ...base, kind: 'error', message: `feed could not be read: ${broken.reason}` });
    }
    const warnings = entries.flatMap((i) => (i.kind === 'warning' ? [i.message] : i.kind === 'rejected' ? [i.reason === EMPTY_FEED ? i.reason : `item rejected: ${i.reason}`] : []));
    const prints = articles.map((a) => itemFingerprint(a.article));
    const known = new Set(feed.seen);
    const fresh = articles.filter((_, i) => !known.has(prints[i]));
    let sink: S | null = null;
    if (fresh.length) {
      try {
        const items = await expandFeedEntries(this.fetcher, feed.url, fresh, { seen: pages, now: () => new Date(this.now()) });
        sink = await this.commit(items, feed.url);
      } catch (err) {
        // Nothing of this document counts as taken: the next poll takes the same items again.
        return this.settle(feed, { ...base, kind: 'error', message: `its items could not be added: ${(err as Error).message}` });
      }
      for (const w of sink.warnings) warnings.push(w.path === feed.url ? w.message : `${w.path}: ${w.message}`);
      for (const r of sink.rejected) warnings.push(`${r.path}: ${r.reason}`);
    }
    const seen = [...new Set(prints)].slice(0, FEED_SEEN_MAX);
    const message = warnings.length ? `${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${warnings.join('; ')}` : null;
    return this.settle(feed, { ...base, kind: 'ok', message, seen, taken: fresh.length, sink, warnings });
  }

  private commit(items: IngestItem[], feedUrl: string): Promise<S> {
    const done = this.commits.then(() => this.opts.sink(items, feedUrl));
    this.commits = done.catch(() => undefined);
    return done;
  }

  /** The poll's ending written into the feed's state (kept in memory and in the store) and reported. */
  private async settle(feed: FeedState, e: Ending<S>): Promise<PollReport<S>> {
    const errors = e.kind === 'error' ? feed.errors + 1 : 0;
    const next = nextPoll(this.now(), feed.intervalMs, { kind: e.kind, errors, headers: e.headers, head: e.head, retryAfterMs: e.retryAfterMs });
    // A document read replaces the validators (none sent back means none to send); a 304 may refresh them.
    const validator = (name: string, old: string | null) => (e.kind === 'ok' ? e.headers?.get(name) ?? null : e.kind === 'not-modified' ? e.headers?.get(name) ?? old : old);
    const added = e.sink ? e.sink.added.length + e.sink.revised.length : 0;
    const state: FeedState = {
      ...feed,
      etag: validator('etag', feed.etag), lastModified: validator('last-modified', feed.lastModified),
      lastFetchAt: iso(e.started), status: e.kind, httpStatus: e.httpStatus, message: cut(e.message), nextPollAt: iso(next.at),
      errors, errorsTotal: feed.errorsTotal + (e.kind === 'error' ? 1 : 0), polls: feed.polls + 1,
      itemsSeen: feed.itemsSeen + (e.taken ?? 0), articlesAdded: feed.articlesAdded + added, seen: e.seen ?? feed.seen,
    };
    await this.opts.store.putFeeds([state]);
    this.feeds.set(feed.url, state);
    return { feed: state, taken: e.taken ?? 0, sink: e.sink ?? null, next, warnings: e.warnings ?? (e.kind === 'error' && e.message ? [e.message] : []) };
  }
}
