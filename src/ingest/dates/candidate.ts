// Date candidates: every date an article's source offers for its publication or last modification, with
// where it was read. Format readers propose (HTML meta and JSON-LD in html-dates.ts, feed fields in
// feed.ts); this module adds the two sources every format shares, the URL path and the text's own
// dateline or byline. choose.ts ranks them and the guard refuses the impossible ones.

import * as chrono from 'chrono-node/en';
import type { DateSource } from '../../model/article.js';
import { normaliseDate } from '../dates.js';

export interface DateCandidate {
  field: 'published' | 'modified';
  /** YYYY-MM-DD as the source wrote it. */
  value: string;
  from: DateSource;
  /** The field, tag or pattern it was read from: `article:published_time`, `NewsArticle.datePublished`. */
  detail: string;
  /** Text around a date read from prose (the line), for the cookie and copyright rules. */
  context?: string;
  /** The source wrote a year alone ("2019"); `value` is the 1 January a naive reader would make of it. */
  yearOnly?: boolean;
}

/** A candidate from a source string, or null when the string names no full calendar date. */
export function candidate(field: DateCandidate['field'], raw: string | null | undefined, from: DateSource, detail: string): DateCandidate | null {
  const value = normaliseDate(raw);
  return value ? { field, value, from, detail } : null;
}

function ymd(y: string, m: string, d: string): string | null {
  return normaliseDate(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

/** Dates CMSs put in article paths: /2031/03/14/slug, /2031-03-14-slug, /20310314/slug. A year and month
 *  alone (/2031/03/slug) name no day and are not taken. */
const URL_DATES: Array<{ re: RegExp; detail: string }> = [
  { re: /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?=\/|$|[-_.])/, detail: '/YYYY/MM/DD/ in the path' },
  { re: /[/_-]((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?=\/|$|[-_.])/, detail: 'YYYY-MM-DD in the path' },
  { re: /\/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\/|$|[-_.])/, detail: '/YYYYMMDD/ in the path' },
];

/** The publication date written in a URL's path, or null. The query and fragment are not read: tracking
 *  parameters carry campaign dates. */
export function urlCandidate(url: string | null | undefined): DateCandidate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const { re, detail } of URL_DATES) {
    const m = re.exec(path);
    const value = m ? ymd(m[1], m[2], m[3]) : null;
    if (value) return { field: 'published', value, from: 'url', detail };
  }
  return null;
}

/** A dateline or byline is short: "By Jane Doe | March 14, 2031", "Published 14 March 2031, 10:02". A
 *  lede that mentions a date is a sentence, longer than this. */
const MAX_DATELINE_CHARS = 100;
const MAX_DATELINE_WORDS = 14;
/** Datelines sit above or just under the headline: the first lines of the body. */
const DATELINE_SCAN_LINES = 12;
/** A line announcing an update dates the modification, not the publication. */
const UPDATE_LINE = /^\s*(?:last\s+)?updated\b/i;

/** A full date (year, month and day all written) in a short line, or null. */
function lineDate(line: string): string | null {
  const first = chrono.strict.parse(line, new Date(Date.UTC(2000, 0, 1)))[0];
  if (!first || !first.start.isCertain('year') || !first.start.isCertain('month') || !first.start.isCertain('day')) return null;
  return ymd(String(first.start.get('year')), String(first.start.get('month')), String(first.start.get('day')));
}

/** Dates in the first short lines of the body text, each with its line as context (the guard reads it
 *  for cookie and copyright wording). In page order: the first is the likeliest dateline. */
export function textCandidates(body: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  const lines = body.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, DATELINE_SCAN_LINES);
  for (const line of lines) {
    if (line.length > MAX_DATELINE_CHARS || line.split(/\s+/).length > MAX_DATELINE_WORDS || UPDATE_LINE.test(line)) continue;
    const value = lineDate(line);
    if (value) out.push({ field: 'published', value, from: 'text', detail: 'a dateline or byline date', context: line });
  }
  return out;
}
