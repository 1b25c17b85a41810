// A fetched (or archived) page → ingest items: the bytes decoded with the header's charset when the page
// needs it, extracted by ingestBuffer, judged by the not-an-article rules, and given its URL (rel=canonical,
// else what the page declares, else the final URL after redirects) so a later fetch is the same appearance.

import { TextDecoder } from 'node:util';
import type { Article, Diagnostic } from '../model/article.js';
import type { IngestItem } from '../ingest/types.js';
import { ingestBuffer } from '../ingest/index.js';
import type { FirstSeen } from '../ingest/dates/choose.js';
import { declaredCharset } from '../ingest/decode.js';
import { outletFromUrl } from '../ingest/draft.js';
import { blockedReason, pageView } from './rules/index.js';

export interface PageInput {
  /** The URL it was fetched from (the path of its items). */
  asked: string;
  /** The final URL after redirects (or a WARC record's target URI). */
  url: string;
  status: number;
  charset: string | null;
  body: Buffer;
  /** Where the page came from, for its diagnostic: `fetched … at …` or `captured … (WARC-Date)`. */
  provenance: Diagnostic;
  /** When the page was first seen (our fetch, or the WARC-Date): the latest day its dates may name. */
  firstSeen?: FirstSeen | null;
}

/** True when bytes decode as UTF-8 without an error. */
function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes ingest can decode right. Ingest trusts valid UTF-8 first and then the page's own <meta charset>,
 * which is right for the common wrong header (a server default `iso-8859-1` on UTF-8 pages). Only when
 * the page is not UTF-8 and declares nothing is the header's charset the evidence: then we transcode.
 */
export function withHeaderCharset(body: Buffer, charset: string | null): { bytes: Buffer; note: string | null } {
  if (!charset || /^utf-?8$/i.test(charset) || isUtf8(body) || declaredCharset(body)) return { bytes: body, note: null };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    return { bytes: body, note: `unknown charset "${charset}" in the Content-Type header; left to detection` };
  }
  return { bytes: Buffer.from(decoder.decode(body), 'utf8'), note: null };
}

/** The page's rel=canonical resolved against its URL; null when absent or when it points at the site's
 *  home page from an article (a CMS default that would make every article one appearance). */
export function canonicalOf(html: string, base: string): string | null {
  const tag = /<link\b[^>]*\brel\s*=\s*["']?canonical\b[^>]*>/i.exec(html.slice(0, 200_000))?.[0];
  const href = tag && /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  const raw = href ? (href[1] ?? href[2] ?? href[3]).trim() : '';
  if (!raw) return null;
  try {
    const u = new URL(raw.replace(/&amp;/g, '&'), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (u.pathname === '/' && new URL(base).pathname !== '/') return null;
    return u.href;
  } catch {
    return null;
  }
}

function slug(text: string, max: number): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, max).replace(/-$/, '');
}

/** A readable id from a URL: `ostra-example-bridge-reopens` (host and last path segment). */
export function urlId(url: string): string {
  const u = new URL(url);
  const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  const name = slug(last.replace(/\.[a-z]{2,5}$/i, ''), 48) || slug(u.search, 24);
  return [slug(u.hostname.replace(/^www\./, ''), 32), name].filter(Boolean).join('-') || 'page';
}

/** The page's article with its URL, id and provenance set. */
function placed(article: Article, page: PageInput, html: string): Article {
  const url = canonicalOf(html, page.url) ?? article.meta.url ?? page.url;
  return {
    ...article,
    id: urlId(url),
    meta: { ...article.meta, url, outlet: article.meta.outlet ?? outletFromUrl(url) },
    diagnostics: [...article.diagnostics, page.provenance],
  };
}

/** Items for one page: one article, or one rejection saying why (blocked, empty, unreadable). */
export function pageItems(page: PageInput): IngestItem[] {
  const { bytes, note } = withHeaderCharset(page.body, page.charset);
  const items = ingestBuffer(page.asked, bytes, { firstSeen: page.firstSeen, url: page.url });
  const html = bytes.toString('utf8');
  const article = items.find((i): i is Extract<IngestItem, { kind: 'article' }> => i.kind === 'article')?.article;
  const blocked = blockedReason(pageView(page.status, page.url, html, article?.raw ?? ''));
  if (blocked) return [{ kind: 'rejected', path: page.asked, reason: blocked }];
  const out: IngestItem[] = note ? [{ kind: 'warning', path: page.asked, message: note }] : [];
  for (const item of items) out.push(item.kind === 'article' ? { kind: 'article', article: placed(item.article, page, html) } : item);
  return out;
}
