// Turns what a format parser found (body text + metadata) into the pipeline's Article record: id, stable
// content hash, outlet from the URL host when none was declared, normalised line breaks.

import { createHash } from 'node:crypto';
import type { Article, Diagnostic, PublishedFrom, SourceFormat } from '../model/article.js';

/** What a format parser found for one article, before the record is assembled. */
export interface ArticleDraft {
  raw: string;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
  /** Already normalised YYYY-MM-DD, or null. */
  published?: string | null;
  publishedFrom: PublishedFrom;
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
}

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
  return {
    id: ctx.id,
    path: ctx.path,
    format: ctx.format,
    encoding: ctx.encoding,
    meta: {
      title: clip(draft.title),
      url,
      outlet: clip(draft.outlet) ?? outletFromUrl(url),
      published: draft.published ?? null,
      publishedFrom: draft.published ? draft.publishedFrom : null,
      author: clip(draft.author),
      declaredLanguage: draft.declaredLanguage ?? null,
    },
    raw,
    hash: contentHash(raw),
    diagnostics: [...ctx.diagnostics, ...(draft.diagnostics ?? [])],
  };
}
