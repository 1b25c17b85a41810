// The date candidates an HTML page offers, in the order they are trusted within their source: the meta
// tags a CMS writes for Open Graph, schema.org microdata, Dublin Core and analytics; the JSON-LD Article
// node (found in @graph too, by the caller); the page's URL path; and the dateline of its text.

import type { DateSource } from '../../model/article.js';
import { candidate, textCandidates, urlCandidate, type DateCandidate } from './candidate.js';
import { yearOnly } from './guard.js';

/** The few DOM calls this needs, so it runs on any DOM (linkedom here). */
interface DocLike {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null; parentElement?: unknown } | null;
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; textContent: string | null; parentElement?: unknown }>;
}

/** article:published_time is Open Graph's own field and the one CMSs fill from the publication record,
 *  so it goes before JSON-LD (kept from the first ingest: on extraction-zyte they agree when both exist). */
const FIRST_META_PUBLISHED = ['meta[property="article:published_time"]', 'meta[name="article:published_time"]'];
const OTHER_META_PUBLISHED = [
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
  'meta[name="DCTERMS.issued"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[property="og:published_time"]',
  'time[itemprop="datePublished"]',
];
/** Open Graph's modification field, trusted like its publication field: before JSON-LD. */
const FIRST_META_MODIFIED = ['meta[property="article:modified_time"]', 'meta[name="article:modified_time"]'];
const OTHER_META_MODIFIED = [
  'meta[property="og:updated_time"]',
  'meta[itemprop="dateModified"]',
  'meta[name="dcterms.modified"]',
  'meta[name="DC.date.modified"]',
  'time[itemprop="dateModified"]',
];
/** `<time datetime>` elements read as datelines: the first few, since later ones date comments and
 *  related articles. */
const MAX_TIME_ELEMENTS = 3;

function attr(el: { getAttribute(name: string): string | null }): string | null {
  const v = el.getAttribute('content') ?? el.getAttribute('datetime');
  return v && v.trim() ? v.trim() : null;
}

/** Candidates from a list of selectors; a year-only value is kept (the guard refuses it, saying so). */
function fromSelectors(doc: DocLike, selectors: string[], field: DateCandidate['field'], from: DateSource): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    const raw = el ? attr(el) : null;
    const detail = selector.replace(/^meta\[|^time\[|\]$/g, '').replace(/"/g, '');
    if (yearOnly(raw)) out.push(yearOnlyCandidate(field, raw as string, from, detail));
    const c = candidate(field, raw, from, detail);
    if (c) out.push(c);
  }
  return out;
}

/** A year standing for a date (`"2019"`): proposed as the 1 January a naive reader makes of it, with the
 *  raw value as context, so the guard's year-only rule refuses it in the open. */
function yearOnlyCandidate(field: DateCandidate['field'], raw: string, from: DateSource, detail: string): DateCandidate {
  return { field, value: `${/\d{4}/.exec(raw)?.[0]}-01-01`, from, detail, context: raw, yearOnly: true };
}

function jsonLdCandidates(ld: Record<string, unknown> | null, type: string): DateCandidate[] {
  if (!ld) return [];
  const out: DateCandidate[] = [];
  for (const [key, field] of [['datePublished', 'published'], ['dateModified', 'modified']] as const) {
    const raw = typeof ld[key] === 'string' ? (ld[key] as string) : typeof ld[key] === 'number' ? String(ld[key]) : null;
    const detail = `${type || 'JSON-LD'}.${key}`;
    if (yearOnly(raw)) out.push(yearOnlyCandidate(field, raw as string, 'json-ld', detail));
    const c = candidate(field, raw, 'json-ld', detail);
    if (c) out.push(c);
  }
  return out;
}

/** Visible `<time datetime>` stamps, with the text of the element around them as context. */
function timeCandidates(doc: DocLike): DateCandidate[] {
  const out: DateCandidate[] = [];
  let n = 0;
  for (const el of doc.querySelectorAll('time[datetime]')) {
    if (n++ >= MAX_TIME_ELEMENTS) break;
    if (/date(?:Modified|Published)/.test(el.getAttribute('itemprop') ?? '')) continue;
    const c = candidate('published', el.getAttribute('datetime'), 'text', '<time datetime>');
    const around = (el.parentElement as { textContent?: string | null } | undefined)?.textContent ?? el.textContent ?? '';
    if (c) out.push({ ...c, context: around.slice(0, 200) });
  }
  return out;
}

/** Every date candidate of a page, before its body text is known (meta, JSON-LD, `<time>`). */
export function pageDateCandidates(doc: DocLike, ld: Record<string, unknown> | null, ldType: string): DateCandidate[] {
  return [
    ...fromSelectors(doc, FIRST_META_PUBLISHED, 'published', 'meta'),
    ...fromSelectors(doc, FIRST_META_MODIFIED, 'modified', 'meta'),
    ...jsonLdCandidates(ld, ldType),
    ...fromSelectors(doc, OTHER_META_PUBLISHED, 'published', 'meta'),
    ...fromSelectors(doc, OTHER_META_MODIFIED, 'modified', 'meta'),
    ...timeCandidates(doc),
  ];
}

/** The candidates only known once the page is read: its URL and its body's dateline (before `<time>`
 *  stamps, which may belong to the sidebar). */
export function bodyDateCandidates(url: string | null, body: string): DateCandidate[] {
  const fromUrl = urlCandidate(url);
  return [...(fromUrl ? [fromUrl] : []), ...textCandidates(body)];
}
