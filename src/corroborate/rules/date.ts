// Rule `date`: two articles state the same claim (aligned sentences) but give a different calendar day
// for the same slot — "on June 8 and July 5" vs "on June 8 and July 15".
// Why it does not fire on the compatible cases it was tested against:
// - omission ("June 8" vs "June 8 and July 15"): a value is only contested when BOTH sides have a date
//   the other lacks, in equal numbers (a substitution, not a missing detail);
// - relative dates ("on Tuesday" vs "on July 12"): only dates written with a month name or numerically
//   are compared; a weekday's resolved value depends on each article's own reference date;
// - inferred years: unless both spans write the year, only month and day are compared;
// - month-level or year-level mentions ("in June") are never compared with days;
// - dates of different predicates ("the union announced on June 2" / "will vote … on June 20"): a day is
//   contested only against days with the same anchor verb, or where either has none found (clause.ts);
//   a statement's date (anchored on a reporting verb) is never compared with an event's;
// - an article that writes out the other side's day anywhere knows of both days: two events, not a
//   disagreement ("closed on June 7 … it had first shut on June 6").
// Frame pass (sentences that did not align as one claim): a date is compared only with a date of the same
// predicate ("closed on March 11" vs "closed on March 12", not "arrive on March 24") in a sentence naming a
// shared participant; and not when the other article itself states the contested day anywhere (then the
// two dates are two events it knows of — "met on May 3 … met again on May 10" — not a disagreement).

import type { Contradiction } from '../../model/report.js';
import type { Alignment, SentenceUnit } from '../align.js';
import { representative } from '../claims.js';
import { CONTRADICTION_MIN_SIMILARITY } from '../params.js';
import { ValueTally } from './evidence.js';
import { byWording, clip, topicPhrase } from './slot.js';
import { MONTH_WORD } from '../../extract/dates/month.js';
import { frameLabel, framePairs } from './frame.js';
import { anchorVerb, REPORTED } from '../clause.js';
import { forComparedPairs } from '../pairs.js';

/**
 * A month name or its abbreviation as a whole word. A bare prefix (`dec[a-z]*`) read "more than two
 * decades" as December (on the ECB+ dev articles it dated a rule "December" twice), and would read
 * "Mayor", "junior", "separate" or "marches" as months too.
 */
export const MONTH = new RegExp(`\\b(${MONTH_WORD})\\b\\.?`, 'i');
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\b/;

interface DayMention {
  value: string;
  /** Offset of the mention in the article's clean text. */
  start: number;
  end: number;
  text: string;
  explicitYear: boolean;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * "July 15" / "15 July" in an article without a publication date stays unresolved (no year to infer);
 * its month and day are still a fact, written as ISO 8601's year-less `--MM-DD`.
 */
export function monthDayOf(text: string): string | null {
  const m = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})\b(?!\s*,?\s*\d{4})|\b(\d{1,2})\s+([a-z]{3})[a-z]*\b/i.exec(text);
  if (!m) return null;
  const mon = MONTH_NAMES.indexOf((m[1] ?? m[4]).toLowerCase()) + 1;
  const day = Number(m[2] ?? m[3]);
  if (mon < 1 || day < 1 || day > 31) return null;
  return `--${String(mon).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day-level dates written out in the sentence (not weekdays or "yesterday"). */
export function explicitDays(u: SentenceUnit): DayMention[] {
  const out: DayMention[] = [];
  for (const d of u.dates) {
    if (!MONTH.test(d.text) && !NUMERIC_DATE.test(d.text)) continue;
    if (!d.value) {
      const md = monthDayOf(d.text);
      if (md) out.push({ value: md, start: d.start, end: d.end, text: d.text, explicitYear: false });
      continue;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.value)) continue;
    out.push({ value: d.value, start: d.start, end: d.end, text: d.text, explicitYear: /\b\d{4}\b/.test(d.text) });
  }
  return out;
}

/** The contested days of both sides belong to compatible predicates (see header). */
function samePredicates(a: SentenceUnit, da: DayMention[], b: SentenceUnit, db: DayMention[]): boolean {
  const va = da.map((d) => anchorVerb(a, d.start, d.end));
  const vb = db.map((d) => anchorVerb(b, d.start, d.end));
  return va.every((x, i) => {
    const y = vb[i];
    if (x === REPORTED || y === REPORTED) return x === y;
    return x === null || y === null || x === y;
  });
}

const keyOf = (d: DayMention, full: boolean) => (full ? d.value : d.value.slice(-5));

/** Every day (month-day key) each article writes out anywhere. */
function daysByArticle(alignment: Alignment): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const u of alignment.units) {
    const set = out.get(u.article) ?? new Set<string>();
    for (const d of explicitDays(u)) set.add(keyOf(d, false));
    out.set(u.article, set);
  }
  return out;
}

export function dateContradictions(alignment: Alignment): Contradiction[] {
  const out: Contradiction[] = [];
  const known = daysByArticle(alignment);
  /** One side's contested day also written out by the other article: two events it knows of. */
  const knownToOther = (ds: DayMention[], other: string) => ds.some((d) => known.get(other)!.has(keyOf(d, false)));
  for (const claim of alignment.claims) {
    if (claim.sources.length < 2) continue;
    const tally = new ValueTally();
    const days = new Map<number, DayMention[]>(claim.units.map((u) => [u.uid, explicitDays(u)]));
    const wordings = byWording(claim.units);
    forComparedPairs(wordings.length, (i, j) => {
      const a = wordings[i][0];
      const b = wordings[j][0];
      const da = days.get(a.uid)!;
      const db = days.get(b.uid)!;
      if (!da.length || !db.length) return;
      if (alignment.similarity(a, b) < CONTRADICTION_MIN_SIMILARITY) return;
      const full = da.every((d) => d.explicitYear) && db.every((d) => d.explicitYear);
      const kb = new Set(db.map((d) => keyOf(d, full)));
      const ka = new Set(da.map((d) => keyOf(d, full)));
      const onlyA = da.filter((d) => !kb.has(keyOf(d, full)));
      const onlyB = db.filter((d) => !ka.has(keyOf(d, full)));
      if (!onlyA.length || onlyA.length !== onlyB.length) return;
      if (!samePredicates(a, onlyA, b, onlyB)) return;
      // Per carrier: an article that writes the other day too knows of two events.
      const carriersA = wordings[i].filter((u) => !knownToOther(onlyB, u.article));
      const carriersB = wordings[j].filter((u) => !knownToOther(onlyA, u.article));
      if (!carriersA.length || !carriersB.length) return;
      for (const u of carriersA) for (const d of onlyA) tally.add(keyOf(d, false), d.value, { article: u.article, group: u.group, evidence: u.text });
      for (const u of carriersB) for (const d of onlyB) tally.add(keyOf(d, false), d.value, { article: u.article, group: u.group, evidence: u.text });
    });
    if (tally.size < 2 || tally.overlapping()) continue;
    const rep = representative(claim, alignment);
    const topic = topicPhrase(rep);
    out.push({ kind: 'date', about: topic ? `date of ${topic}` : `date in “${clip(rep.text)}”`, values: tally.values() });
  }
  return [...out, ...frameDateContradictions(alignment)];
}

/** Dates of the same predicate and participant in sentences that did not align (see header). */
function frameDateContradictions(alignment: Alignment): Contradiction[] {
  const daysOfArticle = daysByArticle(alignment);
  const out: Contradiction[] = [];
  for (const { key, a, b } of framePairs(alignment, explicitDays, (_d, verb) => verb)) {
    const ka = new Set(a.items.map((d) => keyOf(d, false)));
    const kb = new Set(b.items.map((d) => keyOf(d, false)));
    const onlyA = a.items.filter((d) => !kb.has(keyOf(d, false)));
    const onlyB = b.items.filter((d) => !ka.has(keyOf(d, false)));
    if (!onlyA.length || onlyA.length !== onlyB.length) continue;
    if (onlyA.some((d) => daysOfArticle.get(b.unit.article)!.has(keyOf(d, false)))) continue;
    if (onlyB.some((d) => daysOfArticle.get(a.unit.article)!.has(keyOf(d, false)))) continue;
    const tally = new ValueTally();
    for (const d of onlyA) tally.add(keyOf(d, false), d.value, { article: a.unit.article, group: a.unit.group, evidence: a.unit.text });
    for (const d of onlyB) tally.add(keyOf(d, false), d.value, { article: b.unit.article, group: b.unit.group, evidence: b.unit.text });
    if (tally.size < 2 || tally.overlapping()) continue;
    const label = frameLabel(a.unit, b.unit, key);
    const topic = topicPhrase(a.unit);
    const about = label ? `when ${label}` : topic ? `date of ${topic}` : `date in “${clip(a.unit.text)}”`;
    out.push({ kind: 'date', about, values: tally.values() });
  }
  return out;
}
