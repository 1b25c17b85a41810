// Sources for `add`: http(s) URLs are fetched politely; OPML, WARC(.gz), sitemap and CSV files are
// expanded into what they list or hold; every other input goes to ingestPaths as before. Items come out
// in input order, each fetched URL once, every failure a `rejected` item so the rest still runs.

import { open, readFile, stat } from 'node:fs/promises';
import type { IngestItem, IngestOptions } from '../ingest/types.js';
import { ingestBuffer, ingestPaths } from '../ingest/index.js';
import { sniffFormat } from '../ingest/sniff.js';
import { canonicalUrl } from '../corpus/identity.js';
import { outletFromUrl } from '../ingest/draft.js';
import { withFeedDates } from '../ingest/dates/merge.js';
import { Fetcher, sizeText, statusLine, type FetchOptions } from './http.js';
import { pageItems } from './page.js';
import { csvUrls, isOpml, opmlFeeds, sitemapUrls } from './lists.js';
import { httpResponse, looksLikeWarc, warcRecords } from './warc.js';
import { ordered } from './pool.js';
import { MAX_BYTES, SUMMARY_MAX_CHARS } from './params.js';

export { Fetcher, type FetchOptions, type Fetched } from './http.js';
export { blockedReason, pageView, BLOCK_RULES } from './rules/index.js';

export interface SourceOptions {
  ingest?: IngestOptions;
  fetch?: FetchOptions;
  now?: () => Date;
}

/** What one run shares: the fetcher (its host gaps, robots cache) and the URLs already fetched. */
interface Run {
  fetcher: Fetcher;
  seen: Set<string>;
  maxBytes: number;
  now: () => Date;
}

/** Lists inside lists (a sitemap index → sitemaps → pages; an OPML URL → feeds → item pages) go this deep. */
const MAX_DEPTH = 2;

const isHttpUrl = (s: string): boolean => /^https?:\/\//i.test(s);

export async function* sourceItems(inputs: string[], opts: SourceOptions = {}): AsyncGenerator<IngestItem> {
  const fetcher = new Fetcher(opts.fetch);
  const run: Run = { fetcher, seen: new Set(), maxBytes: fetcher.opts.maxBytes ?? MAX_BYTES, now: opts.now ?? (() => new Date()) };
  // Plain files are handed to ingestPaths together (it dedups folders and globs across them).
  let plain: string[] = [];
  const flush = async function* (): AsyncGenerator<IngestItem> {
    if (plain.length) yield* ingestPaths(plain, opts.ingest);
    plain = [];
  };
  for (const input of inputs) {
    if (isHttpUrl(input)) {
      yield* flush();
      yield* await fetchUrl(run, input, 0, 'page');
      continue;
    }
    const kind = await fileKind(input);
    if (!kind) {
      plain.push(input);
      continue;
    }
    yield* flush();
    yield* kind === 'warc' ? warcItems(run, input) : listFile(run, input, kind);
  }
  yield* flush();
}

type FileKind = 'opml' | 'warc' | 'sitemap' | 'csv';

/** What a file is, from its name and its first bytes; null for anything ingest reads itself. */
async function fileKind(path: string): Promise<FileKind | null> {
  let head: Buffer;
  try {
    if (!(await stat(path)).isFile()) return null;
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(8192), 0, 8192, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null; // ingestPaths says what is wrong with it
  }
  if (/\.warc(?:\.gz)?$/i.test(path) || looksLikeWarc(head)) return 'warc';
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (/\.opml$/i.test(path) || isOpml(text)) return 'opml';
  if (sitemapUrls(text)) return 'sitemap';
  if (/\.csv$/i.test(path)) return 'csv';
  return null;
}

/** An OPML, sitemap or CSV file: each URL it lists fetched (feeds for OPML, pages otherwise). */
async function* listFile(run: Run, path: string, kind: Exclude<FileKind, 'warc'>): AsyncGenerator<IngestItem> {
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > run.maxBytes) return yield { kind: 'rejected', path, reason: `file too large (${sizeText(info.size)}; the limit is ${sizeText(run.maxBytes)})` };
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (err) {
    return yield { kind: 'rejected', path, reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  yield* listed(run, path, text, kind, 0);
}

/** The URLs of a list's text, fetched; a list without any is one rejection. */
async function* listed(run: Run, path: string, text: string, kind: Exclude<FileKind, 'warc'>, depth: number): AsyncGenerator<IngestItem> {
  let urls: string[];
  let role: 'feed' | 'page' | 'list' = 'page';
  if (kind === 'opml') (urls = opmlFeeds(text)), (role = 'feed');
  else if (kind === 'csv') {
    const got = csvUrls(text);
    if (typeof got === 'string') return yield { kind: 'rejected', path, reason: got };
    urls = got;
  } else {
    const map = sitemapUrls(text);
    urls = map?.urls ?? [];
    if (map?.kind === 'index') role = 'list';
  }
  if (urls.length === 0) return yield { kind: 'rejected', path, reason: `${kind === 'opml' ? 'OPML file lists no feed URLs' : kind === 'csv' ? 'CSV lists no http(s) URLs' : 'sitemap lists no URLs'}` };
  if (depth >= MAX_DEPTH) return yield { kind: 'rejected', path, reason: `a list inside a list inside a list (${urls.length} URLs not followed)` };
  yield* ordered(urls, run.fetcher.opts.concurrency, (url) => fetchUrl(run, url, depth + 1, role === 'feed' ? 'feed' : 'page'));
}

/** A content type that can hold an article or a list of them; anything else is not fetched further. */
const TEXTUAL = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:xml|json|xhtml\+xml|rss\+xml|atom\+xml|x-opml)\b)/i;

/** One URL fetched and turned into items by what came back: a page, a feed, or a list to follow. */
async function fetchUrl(run: Run, url: string, depth: number, role: 'feed' | 'page'): Promise<IngestItem[]> {
  const key = canonicalUrl(url) ?? url;
  if (run.seen.has(key)) return [];
  run.seen.add(key);
  const got = await run.fetcher.get(url, { page: role === 'page' });
  if (!got.ok) return [got.notModified ? { kind: 'warning', path: url, message: got.reason } : { kind: 'rejected', path: url, reason: got.reason }];
  if (got.contentType && !TEXTUAL.test(got.contentType)) return [{ kind: 'rejected', path: url, reason: `not a web page (${got.contentType.split(';')[0]})` }];
  const provenance = { origin: 'fetch', level: 'info' as const, message: `fetched ${got.url} (${statusLine(got.status)}) at ${run.now().toISOString()}` };
  const page = { asked: url, url: got.url, status: got.status, charset: got.charset, body: got.body, provenance, firstSeen: { at: run.now().toISOString(), from: 'fetch' as const } };
  if (got.status >= 400) return pageItems(page);
  const text = got.body.subarray(0, 8192).toString('utf8').replace(/^\uFEFF/, '');
  if (isOpml(text)) return collect(listed(run, url, got.body.toString('utf8'), 'opml', depth));
  if (sitemapUrls(text)) return collect(listed(run, url, got.body.toString('utf8'), 'sitemap', depth));
  if (isFeedText(text)) return feedItems(run, url, got.body, depth);
  return pageItems(page);
}

async function collect(items: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Is this (the first 8 KB of a document) an RSS / Atom / JSON Feed? */
function isFeedText(text: string): boolean {
  const format = sniffFormat(text);
  return format === 'feed' || (format === 'json' && /jsonfeed\.org\/version/.test(text));
}

export function isFeedDocument(body: Buffer): boolean {
  return isFeedText(body.subarray(0, 8192).toString('utf8').replace(/^\uFEFF/, ''));
}

/** A feed document's items as ingest reads them, links made absolute; summaries not yet expanded. */
export function feedEntries(url: string, body: Buffer, maxBytes = MAX_BYTES, polledAt?: Date): IngestItem[] {
  const firstSeen = polledAt ? { at: polledAt.toISOString(), from: 'feed' as const } : null;
  return ingestBuffer(url, body, { maxBytes, firstSeen }).map((i) => absoluteLink(i, url));
}

/** The feed poller's way to the item pages: `entries` (some of feedEntries) with summaries replaced by their
 *  pages, robots.txt honoured. `seen` is shared by the polls of one cycle, so a page two feeds carry is
 *  fetched once. */
export function expandFeedEntries(fetcher: Fetcher, url: string, entries: IngestItem[], opts: { seen?: Set<string>; now?: () => Date } = {}): Promise<IngestItem[]> {
  const run: Run = { fetcher, seen: opts.seen ?? new Set(), maxBytes: fetcher.opts.maxBytes ?? MAX_BYTES, now: opts.now ?? (() => new Date()) };
  return expandSummaries(run, url, entries, 0);
}

/** A feed's items; an item that carries only a summary is replaced by its page when the page gives an
 *  article (the feed's date kept when the page has none), else kept with a warning saying why. */
function feedItems(run: Run, url: string, body: Buffer, depth: number): Promise<IngestItem[]> {
  return expandSummaries(run, url, feedEntries(url, body, run.maxBytes, run.now()), depth);
}

async function expandSummaries(run: Run, url: string, items: IngestItem[], depth: number): Promise<IngestItem[]> {
  const expand = async (item: IngestItem): Promise<IngestItem[]> => {
    if (item.kind !== 'article' || item.article.raw.length > SUMMARY_MAX_CHARS || !item.article.meta.url) return [item];
    const link = item.article.meta.url;
    const page = await fetchUrl(run, link, depth + 1, 'page');
    const article = page.find((i) => i.kind === 'article');
    if (article?.kind === 'article') {
      const meta = withFeedDates(article.article.meta, item.article.meta);
      return page.map((i) => (i === article ? { kind: 'article', article: { ...article.article, meta } } : i));
    }
    const why = page.find((i) => i.kind === 'rejected');
    // Its page was already fetched in this run (another feed carries it): that article stands for it, and
    // the summary must not become a "revision" of the same URL.
    if (!why) return page;
    return [{ kind: 'warning', path: url, message: `${link}: ${why.kind === 'rejected' ? why.reason : ''}; kept the feed's summary` }, item];
  };
  return collect(ordered(items, run.fetcher.opts.concurrency, expand));
}

/** A feed item's link made absolute against the feed's URL (some feeds write `/2031/story`), so it can
 *  be fetched and is the same appearance as the page reached directly. */
function absoluteLink(item: IngestItem, feedUrl: string): IngestItem {
  const link = item.kind === 'article' ? item.article.meta.url : null;
  if (item.kind !== 'article' || !link || /^https?:\/\//i.test(link)) return item;
  try {
    const url = new URL(link, feedUrl).href;
    return { kind: 'article', article: { ...item.article, meta: { ...item.article.meta, url, outlet: item.article.meta.outlet ?? outletFromUrl(url) } } };
  } catch {
    return item;
  }
}

/** A web archive: each HTML 200 response an article first seen at its capture time (WARC-Date). */
async function* warcItems(run: Run, path: string): AsyncGenerator<IngestItem> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(512);
  const { bytesRead } = await handle.read(head, 0, 512, 0).finally(() => handle.close());
  let skipped = 0;
  let pages = 0;
  try {
    for await (const record of warcRecords(path, run.maxBytes, head.subarray(0, bytesRead))) {
      const uri = (record.headers.get('warc-target-uri') ?? '').replace(/^<|>$/g, '');
      if (record.headers.get('warc-type') !== 'response' || !/^https?:/i.test(uri)) {
        skipped++;
        continue;
      }
      const where = `${path}#${uri}`;
      if (!record.block) {
        yield { kind: 'rejected', path: where, reason: `record too large (${sizeText(record.length)}; the limit is ${sizeText(run.maxBytes)})` };
        continue;
      }
      const http = httpResponse(record.block, run.maxBytes);
      if (typeof http === 'string') {
        yield { kind: 'rejected', path: where, reason: http };
        continue;
      }
      const type = http.headers.get('content-type') ?? '';
      const html = /html/i.test(type) || (!type && sniffFormat(http.body.subarray(0, 8192).toString('utf8')) === 'html');
      if (http.status !== 200 || !html) {
        skipped++;
        continue;
      }
      pages++;
      const date = record.headers.get('warc-date') ?? 'an unknown time';
      const provenance = { origin: 'fetch:first-seen', level: 'info' as const, message: `first seen ${date} (WARC-Date, captured from ${uri})` };
      const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(type)?.[1]?.toLowerCase() ?? null;
      const at = Date.parse(record.headers.get('warc-date') ?? '');
      const firstSeen = Number.isNaN(at) ? null : { at: new Date(at).toISOString(), from: 'warc' as const };
      yield* pageItems({ asked: where, url: uri, status: http.status, charset, body: http.body, provenance, firstSeen });
    }
  } catch (err) {
    // The records before the damage stand.
    const why = `damaged WARC file (${(err as Error).message})`;
    yield pages ? { kind: 'warning', path, message: `stopped reading: ${why}` } : { kind: 'rejected', path, reason: why };
    return;
  }
  if (pages === 0 && skipped > 0) yield { kind: 'rejected', path, reason: `no HTML 200 responses in the archive (${skipped} other records)` };
}
