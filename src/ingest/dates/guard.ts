// The guard against impossible dates: a candidate publication or modification date that cannot be right
// is refused with a reason, so the next source is used and the user sees why. Each check is one rule
// with its own diagnostic origin (`ingest:date-future`, …).

import type { DateCandidate } from './candidate.js';

/** The web went public in 1991 (CERN put WWW in the public domain in 1993); a web page or feed dated
 *  before 1990 is a parser's default (1970-01-01), a birth date or an archive date, never its own. */
export const MIN_WEB_YEAR = 1990;

/** A page dated up to a day after we first saw it is a time zone (written in Auckland, fetched in
 *  UTC), not a future date. */
export const FUTURE_TOLERANCE_DAYS = 1;

/** Words around a date that make it a cookie or consent lifetime rather than the article's date. */
const COOKIE_CONTEXT = /\b(?:cookies?|consent|expir(?:es|y|ation|ing)|valid until|stored until|privacy (?:settings|choices))\b/i;
/** A copyright line ("© 2019 Example News", "Copyright January 1, 2019"): the year of a notice. */
const COPYRIGHT_CONTEXT = /©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b/i;
/** A value that names a year only: a copyright year or a CMS field, not a day. */
const YEAR_ONLY = /^\s*(?:©|copyright)?\s*(?:19|20)\d{2}\s*$/i;

export interface GuardContext {
  /** ISO instant the text was first seen (fetch, feed poll, WARC-Date); null for files. */
  firstSeen: string | null;
  /** A web page or feed item: the before-the-web rule applies (not to text files of 1989 wire copy). */
  web: boolean;
  /** The chosen publication date, which a modification date may not precede. */
  published?: string | null;
}

/** Why a candidate cannot be the date, or null when it may be. */
export interface Refusal {
  origin: string;
  reason: string;
}

const DAY_MS = 86_400_000;

/** The latest calendar day a date may name: first-seen's UTC day plus the tolerance. */
function latestDay(firstSeen: string): string | null {
  const t = Date.parse(firstSeen);
  if (Number.isNaN(t)) return null;
  return new Date(t + FUTURE_TOLERANCE_DAYS * DAY_MS).toISOString().slice(0, 10);
}

export function refusal(c: DateCandidate, ctx: GuardContext): Refusal | null {
  const what = `${c.field} ${c.value} from ${c.from} (${c.detail})`;
  if (c.yearOnly) {
    return { origin: 'ingest:date-year-only', reason: `${c.field} "${clip(c.context ?? c.value)}" from ${c.from} (${c.detail}) names a year only (a copyright year?), not a day` };
  }
  if (c.context && COOKIE_CONTEXT.test(c.context)) {
    return { origin: 'ingest:date-cookie', reason: `${what} is a cookie or consent expiry ("${clip(c.context)}")` };
  }
  if (c.context && COPYRIGHT_CONTEXT.test(c.context)) {
    return { origin: 'ingest:date-copyright', reason: `${what} is a copyright notice ("${clip(c.context)}")` };
  }
  const latest = ctx.firstSeen ? latestDay(ctx.firstSeen) : null;
  if (latest && c.value > latest) {
    return { origin: 'ingest:date-future', reason: `${what} is in the future: first seen ${ctx.firstSeen}` };
  }
  if (ctx.web && Number(c.value.slice(0, 4)) < MIN_WEB_YEAR) {
    return { origin: 'ingest:date-before-web', reason: `${what} is before ${MIN_WEB_YEAR}, older than the web` };
  }
  if (c.field === 'modified' && ctx.published && c.value < ctx.published) {
    return { origin: 'ingest:date-modified-before-published', reason: `${what} is before the publication date ${ctx.published}` };
  }
  return null;
}

/** A source value that was a year only ("2019", "© 2019"): said, since it looks like a date but names no day. */
export function yearOnly(raw: string | null | undefined): boolean {
  return !!raw && YEAR_ONLY.test(raw);
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 79)}…` : t;
}
