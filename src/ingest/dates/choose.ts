// Choosing an article's dates from its candidates: the most reliable source that passes the guard wins
// (declared metadata, then the feed, then the URL, then the text's dateline), and every refused
// candidate becomes a diagnostic naming its rule, so a wrong date is explained rather than silently lost.

import type { DateSource, Diagnostic, FirstSeenFrom, ModifiedFrom, PublishedFrom } from '../../model/article.js';
import type { DateCandidate } from './candidate.js';
import { refusal, type GuardContext } from './guard.js';

/** Lower is more reliable. What a page or file declares for machines (meta tags, JSON-LD, a text
 *  header, a JSON field) is written by its CMS from the publication record; a feed's date is the
 *  syndication time (often minutes later, sometimes a re-push); a URL's date is the day the slug was
 *  made; a dateline found in the text is the weakest (it may be a related article's). Within one rank
 *  the reader's own order stands (article:published_time before JSON-LD before other metas). */
export const SOURCE_RANK: Record<DateSource, number> = { meta: 0, 'json-ld': 0, header: 0, json: 0, feed: 1, url: 2, text: 3 };

/** A refused candidate of a declared source is worth a warning; a refused dateline guess is a note. */
const WARN_AT_RANK = 1;

export interface FirstSeen {
  /** ISO 8601 instant. */
  at: string;
  from: Exclude<FirstSeenFrom, null>;
}

export interface ChosenDates {
  published: string | null;
  publishedFrom: PublishedFrom;
  modified: string | null;
  modifiedFrom: ModifiedFrom;
  diagnostics: Diagnostic[];
}

const MODIFIED_SOURCES: ReadonlySet<DateSource> = new Set<DateSource>(['meta', 'json-ld', 'feed']);

function ranked(candidates: DateCandidate[], field: DateCandidate['field']): DateCandidate[] {
  // Array.prototype.sort is stable, so each reader's own order survives within a rank.
  return candidates.filter((c) => c.field === field).sort((a, b) => SOURCE_RANK[a.from] - SOURCE_RANK[b.from]);
}

/** The first candidate the guard lets through; the refused ones before it as diagnostics. */
function firstAllowed(candidates: DateCandidate[], ctx: GuardContext, notes: Diagnostic[]): DateCandidate | null {
  const said = new Set<string>();
  for (const c of candidates) {
    const no = refusal(c, ctx);
    if (!no) return c;
    // Two readers of one field (a meta tag, and Readability reading the same tag) are one refusal.
    const key = `${no.origin}\u0000${c.field}\u0000${c.value}`;
    if (said.has(key)) continue;
    said.add(key);
    notes.push({ origin: no.origin, level: SOURCE_RANK[c.from] <= WARN_AT_RANK ? 'warning' : 'info', message: `date refused: ${no.reason}` });
  }
  return null;
}

/** Published and modified from the candidates, guarded against `firstSeen` (null for files). */
export function chooseDates(candidates: DateCandidate[], opts: { firstSeen: string | null; web: boolean }): ChosenDates {
  const diagnostics: Diagnostic[] = [];
  const published = firstAllowed(ranked(candidates, 'published'), { ...opts }, diagnostics);
  const modifiable = ranked(candidates, 'modified').filter((c) => MODIFIED_SOURCES.has(c.from));
  const modified = firstAllowed(modifiable, { ...opts, published: published?.value ?? null }, diagnostics);
  return {
    published: published?.value ?? null,
    publishedFrom: published?.from ?? null,
    modified: modified?.value ?? null,
    modifiedFrom: (modified?.from as ModifiedFrom | undefined) ?? null,
    diagnostics,
  };
}
