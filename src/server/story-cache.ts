// What the server sends of a story — its page, its JSON, its claims as CSV and JSON-LD — as bytes kept on the
// request thread per listed version, loaded by a StorySource: on this thread for an in-memory corpus, in the
// reader thread (story-reader.ts) for a database, so that loading a big story never holds the request thread.

import type { Corpus, StorySummary } from '../corpus/index.js';
import { RecentMap } from '../corpus/recent-map.js';
import { loadStory, type StoryData } from './data.js';
import { claimsCsv, claimsJsonLd } from './exports.js';
import { storyPage } from './story-page.js';
import type { StoryListing } from './listing.js';

export type StoryArtifact = 'page' | 'json' | 'csv' | 'jsonld';
/** What is sent: an artifact's UTF-8 bytes. */
export type Bytes = Uint8Array<ArrayBuffer>;
export const STORY_ARTIFACTS: readonly StoryArtifact[] = ['page', 'json', 'csv', 'jsonld'];

export interface StorySource {
  /** The artifact of the story as stored now; null when there is no such story. `summary` (null when the
   *  story is not listed) keys the source's own data cache. A `background` render waits behind every read
   *  that someone is waiting for. */
  render(id: string, summary: StorySummary | null, want: StoryArtifact, background: boolean): Promise<Bytes | null>;
  /** A background render someone now waits for goes ahead of the other background ones. */
  promote?(id: string, want: StoryArtifact): void;
  close(): Promise<void>;
}

export function renderArtifact(data: StoryData, want: StoryArtifact): string {
  if (want === 'page') return storyPage(data);
  if (want === 'json') return JSON.stringify(data);
  if (want === 'csv') return claimsCsv(data);
  return JSON.stringify(claimsJsonLd(data), null, 2);
}

const versionKey = (s: StorySummary) => `${s.version} ${s.updatedAt}`;

/** How much loaded story data a source keeps, in articles (a story weighs its article count, plus one), so
 *  that the page and the JSON of one version share one load. Loading a story costs ~0.35 ms of CPU an article
 *  (its listings, its reuse links, the report and the brief's view: 1,078 articles 390 ms, 475 articles
 *  170 ms, scratch measure on the 12k serve bench corpus, 2026-12-04) and its data is ~6 KB an article
 *  parsed: 10,000 articles hold ~60 MB. */
const STORY_DATA_ARTICLES = 10_000;

/** Loads on the thread of the corpus it is given, one load per listed version of a story. */
export class LocalStorySource implements StorySource {
  private readonly entries = new RecentMap<string, { key: string; weight: number; data: Promise<StoryData | null> }>(STORY_DATA_ARTICLES, (e) => e.weight);

  constructor(private readonly corpus: Corpus) {}

  async render(id: string, summary: StorySummary | null, want: StoryArtifact): Promise<Bytes | null> {
    const data = await this.data(id, summary);
    return data ? Buffer.from(renderArtifact(data, want)) : null;
  }

  private data(id: string, summary: StorySummary | null): Promise<StoryData | null> {
    // Not listed (yet): nothing to key the entry by, so no caching.
    if (!summary) return loadStory(this.corpus, id, null);
    const key = versionKey(summary);
    const hit = this.entries.use(id);
    if (hit?.key === key) return hit.data;
    const data = loadStory(this.corpus, id, summary);
    this.entries.set(id, { key, weight: summary.articles + 1, data });
    this.entries.trim();
    // A failed load is not kept: the next read tries again.
    data.catch(() => this.entries.peek(id)?.data === data && this.entries.forget([id]));
    return data;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/** The rendered bytes the request thread keeps, in bytes: the 12k serve bench corpus's 341 stories weigh
 *  13.9 MB as pages and 73 MB as JSON (its largest story 0.6 MB of page and 5.6 MB of JSON; scratch measure,
 *  2026-12-04), so a 100k corpus's pages fit several times over; a miss costs a message to the reader, not
 *  the request thread. */
const CACHE_BYTES = 256 * 1024 * 1024;

/** What a story page weighs an article, to bound the warm-up: 1.2 kB on average over the 12k serve bench
 *  corpus's 341 pages (13.9 MB for 12,000 articles); rounded up. */
const WARM_PAGE_BYTES = 1536;

interface Kept {
  key: string;
  weight: number;
  bytes: Promise<Bytes | null>;
  settled: boolean;
}

/**
 * A story's artifacts by id, kept while the story's listed version stays the same (least recently read out):
 * a read of an unchanged story costs nothing, and concurrent readers of one story share one render. The key
 * is the listing's version and updatedAt, which this process's adds patch at once and other processes' adds
 * reach within the listing's refresh: a story changed by another process may be shown as it was for that
 * long. When an add changes a story, the artifacts kept of it are rendered again at once, in the background,
 * so the next reader finds the new version ready or on its way.
 */
export class StoryCache {
  private readonly entries = new RecentMap<string, Kept>(CACHE_BYTES, (e) => e.weight);

  constructor(private readonly listing: StoryListing, private readonly source: StorySource) {
    listing.onChange((changed) => this.refresh(changed));
  }

  /** Warm-up progress: story pages rendered ahead of their first read, of how many to render. */
  readonly warming = { done: 0, of: 0 };

  /** Renders the pages of the stories with the newest activity in the background, as many as the cache holds
   *  (at WARM_PAGE_BYTES an article), so the first reads after a start find them ready; reads that come
   *  meanwhile go first. Resolves when all are rendered (or failed). */
  async warm(): Promise<void> {
    const stories: StorySummary[] = [];
    let bytes = 0;
    for (const s of await this.listing.newestFirst()) {
      bytes += (s.articles + 1) * WARM_PAGE_BYTES;
      if (bytes > CACHE_BYTES / 2) break;
      stories.push(s);
    }
    this.warming.of = stories.length;
    await Promise.all(stories.map((s) => this.load(s, 'page', true).catch(() => null).finally(() => this.warming.done++)));
  }

  async get(id: string, want: StoryArtifact): Promise<Bytes | null> {
    const summary = (await this.listing.get(id)) ?? null;
    return summary ? this.load(summary, want, false) : this.source.render(id, null, want, false);
  }

  private load(summary: StorySummary, want: StoryArtifact, background: boolean): Promise<Bytes | null> {
    const k = `${summary.id}\u0000${want}`;
    const key = versionKey(summary);
    const hit = background ? this.entries.peek(k) : this.entries.use(k);
    if (hit?.key === key) {
      if (!hit.settled && !background) this.source.promote?.(summary.id, want);
      return hit.bytes;
    }
    const entry: Kept = { key, weight: 0, bytes: this.source.render(summary.id, summary, want, background), settled: false };
    this.entries.set(k, entry);
    entry.bytes.then((bytes) => {
      entry.settled = true;
      if (this.entries.peek(k) !== entry) return;
      // Weighed once rendered: set again to count its size.
      entry.weight = bytes?.byteLength ?? 0;
      this.entries.set(k, entry);
      this.entries.trim();
    }, () => {
      // A failed render is not kept: the next read tries again.
      if (this.entries.peek(k) === entry) this.entries.forget([k]);
    });
    return entry.bytes;
  }

  /** Stories an add changed: what is kept of their older versions is rendered anew in the background. */
  private refresh(changed: StorySummary[]): void {
    for (const s of changed) {
      for (const want of STORY_ARTIFACTS) {
        const kept = this.entries.peek(`${s.id}\u0000${want}`);
        if (kept && kept.key !== versionKey(s)) this.load(s, want, true).catch(() => undefined);
      }
    }
  }
}
