// Turns what a format parser found (body text + metadata) into the pipeline's Article record: id, stable
// content hash, outlet from the URL host when none was declared, normalised line breaks.

import { createHash } from 'node:crypto';
import type { Article, Diagnostic, PublishedFrom, SourceFormat } from '../model/article.js';
import type { DateCandidate } from './dates/candidate.js';
import { chooseDates, type FirstSeen } from './dates/choose.js';

/** What a format parser found for one article, before the record is assembled. */
export interface ArticleDraft {
  raw: string;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
  /** Already normalised YYYY-MM-DD, or null. */
  published?: string | null;
  publishedFrom: PublishedFrom;
  /** Every date the source offers, with where it was read; when given, `published` is chosen from
   *  these (and `published` / `publishedFrom` above are ignored). */
  dates?: DateCandidate[];
  author?: string | null;
  declaredLanguage?: string | null;
  diagnostics?: Diagnostic[];
}

export interface DraftContext {
  id: string;
  path: string;
  format: SourceFormat;
  encoding: string;
  diagnostics: Diagnostic[];
  /** When the text was first seen (fetch, feed poll, WARC-Date); absent for files. */
  firstSeen?: FirstSeen | null;
}

/** A draft's single declared date (a text header, a JSON field) as a candidate, so it is guarded too. */
function declaredCandidates(draft: ArticleDraft): DateCandidate[] {
  if (draft.dates) return draft.dates;
  const from = draft.publishedFrom;
  if (!draft.published || !from || from === 'copy' || from === 'html') return [];
  return [{ field: 'published', value: draft.published, from, detail: from }];
}

/** Web pages and feed items were written after the web existed; text and JSON files may be archives. */
const WEB_FORMATS: ReadonlySet<SourceFormat> = new Set<SourceFormat>(['html', 'feed']);

/** sha256 hex of the body with every whitespace run collapsed: re-wrapped or re-indented copies of the
 *  same text get the same identity, so storage stays idempotent across formats and editors. */
export function contentHash(raw: string): string {
  return createHash('sha256').update(raw.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Host of a URL without `www.`, e.g. `timesofisrael.com`; null when the URL does not parse. */
export function outletFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host ? host.replace(/^www\d*\./, '') : null;
  } catch {
    return null;
  }
}

/** `\n` line ends, no trailing spaces, no more than one blank line in a row, no blank lines at the ends. */
export function normaliseBody(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/[\u00a0\t ]+$/gm, '')
    .replace(/^[\t ]+(?=\S)/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function clip(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** ISO 639-1 from a declared tag ("en-US", "en_GB", "fr") — the part before the region. */
export function languageFromTag(tag: string | null | undefined): string | null {
  const m = tag ? /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag) : null;
  return m ? m[1].toLowerCase() : null;
}

export function buildArticle(ctx: DraftContext, draft: ArticleDraft): Article {
  const raw = normaliseBody(draft.raw);
  const url = clip(draft.url);
  const firstSeen = ctx.firstSeen ?? null;
  const dates = chooseDates(declaredCandidates(draft), { firstSeen: firstSeen?.at ?? null, web: WEB_FORMATS.has(ctx.format) });
  return {
    id: ctx.id,
    path: ctx.path,
    format: ctx.format,
    encoding: ctx.encoding,
    meta: {
      title: clip(draft.title),
      url,
      outlet: clip(draft.outlet) ?? outletFromUrl(url),
      published: dates.published,
      publishedFrom: dates.publishedFrom,
      modified: dates.modified,
      modifiedFrom: dates.modifiedFrom,
      firstSeen: firstSeen?.at ?? null,
      firstSeenFrom: firstSeen?.from ?? null,
      author: clip(draft.author),
      declaredLanguage: draft.declaredLanguage ?? null,
    },
    raw,
    hash: contentHash(raw),
    diagnostics: [...ctx.diagnostics, ...(draft.diagnostics ?? []), ...dates.diagnostics],
  };
}
