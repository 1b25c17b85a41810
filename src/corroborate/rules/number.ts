// Rules `number` and `quantity`: aligned sentences give incompatible amounts of the same thing
// ("300 drones" vs "350 drones"; "hundreds of drones" vs "several dozen drones").
// Amounts are compared as ranges {min, max}; they conflict only when the ranges do not overlap.
// Why it does not fire on the compatible cases it was tested against:
// - vagueness: "hundreds" vs "several hundred" vs "about 300" are overlapping ranges;
// - open floors: "at least 70" and "more than 75" agree (within APPROX_TOLERANCE); "at least 70" and
//   "at least 217" are two different counts and do conflict;
// - decimals: "6.2 miles" vs "6 miles" is the same figure at another precision;
// - rounding: an exact figure within APPROX_TOLERANCE of a round one ("1,000" vs "1,023") is a rounding;
// - different things counted: amounts are paired only with the same unit (light-stemmed), or, without a
//   unit on either side, only when each sentence has exactly one amount of that kind;
// - ordinals ("second visit") and numbers inside dates are never compared.
// Frame pass (sentences that did not align as one claim, "would recall 80,000 batteries" vs "is recalling
// 60,000 e-bike batteries"): only amounts with a unit, the same predicate and a shared named participant
// are compared, and not when the other article states a compatible amount of that unit anywhere (then
// both figures are known to it: a running total, a subset — "12 of the 40 ships" — not a disagreement);
// and only for units that are a single fact in each article: an article giving two different amounts of
// the unit ("rushed for 63 yards" … "716 yards this season") counts it for several things (stats, parts,
// dates), and the frame cannot tell which one the other article meant.

import type { QuantityMention } from '../../model/article.js';
import type { Contradiction } from '../../model/report.js';
import type { Alignment, SentenceUnit } from '../align.js';
import { CONTRADICTION_MIN_SIMILARITY, APPROX_TOLERANCE } from '../params.js';
import { stem } from '../terms.js';
import { ValueTally } from './evidence.js';
import { byWording, clip } from './slot.js';
import { framePairs } from './frame.js';
import { forComparedPairs } from '../pairs.js';

export interface Range {
  min: number;
  max: number;
  exact: boolean;
}

/** The range an amount stands for; a bare vague value gets ±APPROX_TOLERANCE. */
export function rangeOf(q: QuantityMention): Range | null {
  let lo = q.min ?? q.value;
  let hi = q.max ?? q.value;
  // Open-ended amounts: "at least 70" is [70, ∞); "nearly 100" / "up to 100" is read as [100·(1−2·tol), 100]
  // — "nearly" rarely means less than two tolerances below.
  if (lo !== null && hi === null) hi = Infinity;
  if (lo === null && hi !== null) lo = hi * (1 - 2 * APPROX_TOLERANCE);
  if (lo === null || hi === null) return null;
  if (q.approx && lo === hi) return { min: lo * (1 - APPROX_TOLERANCE), max: hi * (1 + APPROX_TOLERANCE), exact: false };
  return { min: Math.min(lo, hi), max: Math.max(lo, hi), exact: !q.approx && lo === hi };
}

/** True when "round" (ends in at least two zeros relative to its size): such figures are often rounded. */
function isRound(x: number): boolean {
  if (x < 100) return x % 10 === 0;
  const mag = 10 ** (Math.floor(Math.log10(x)) - 1);
  return x % mag === 0;
}

const decimals = (x: number) => (Number.isInteger(x) ? 0 : String(x).split('.')[1]?.length ?? 0);

/** "6.2 miles" and "6 miles": the finer figure rounded to the coarser one's decimals gives the coarser. */
function sameAtCoarserPrecision(x: number, y: number): boolean {
  const dx = decimals(x);
  const dy = decimals(y);
  if (dx === dy) return false;
  const [fine, coarse, d] = dx > dy ? [x, y, dy] : [y, x, dx];
  return Number(fine.toFixed(d)) === coarse;
}

export function compatible(a: Range, b: Range): boolean {
  // Two floors for the same count ("at least 70" / "at least 217" people arrested) are two counts: they
  // agree only when the floors are within APPROX_TOLERANCE of each other. (Open ranges overlap always.)
  if (a.max === Infinity && b.max === Infinity) return Math.abs(a.min - b.min) <= APPROX_TOLERANCE * Math.max(a.min, b.min);
  if (a.max >= b.min && b.max >= a.min) return true;
  if (a.exact && b.exact && sameAtCoarserPrecision(a.min, b.min)) return true;
  if (a.exact && b.exact) {
    const [r, o] = isRound(a.min) ? [a.min, b.min] : isRound(b.min) ? [b.min, a.min] : [NaN, NaN];
    if (!Number.isNaN(r) && Math.abs(r - o) <= APPROX_TOLERANCE * Math.max(r, o) / 3) return true;
  }
  return false;
}

/** Unit nouns that count the same thing under another word ("70 people" / "70 persons"). */
const SAME_UNIT: Record<string, string> = { people: 'person', persons: 'person', person: 'person', individuals: 'person', residents: 'resident', inhabitants: 'resident', kids: 'child', children: 'child', child: 'child' };
export const unitKey = (q: QuantityMention) => {
  if (!q.unit) return null;
  const last = q.unit.toLowerCase().split(/[\s-]+/).pop()!;
  return SAME_UNIT[last] ?? stem(last);
};

/** Quantities worth comparing: not ordinals, not inside a date span of the same sentence. */
function amounts(u: SentenceUnit): QuantityMention[] {
  return u.quantities.filter((q) => q.kind !== 'ordinal' && !u.dates.some((d) => q.start < d.end && d.start < q.end) && rangeOf(q) !== null);
}

/**
 * Pairs the amounts of two sentences that count the same thing: same kind and unit, and the same number
 * of such amounts on both sides (then paired in order: "50 people … three people" vs "157 people … three
 * people"). Unit-less amounts pair only one-to-one.
 */
function pairAmounts(qa: QuantityMention[], qb: QuantityMention[]): [QuantityMention, QuantityMention][] {
  const out: [QuantityMention, QuantityMention][] = [];
  const slots = new Map<string, [QuantityMention[], QuantityMention[]]>();
  for (const [i, list] of [qa, qb].entries()) {
    for (const q of list) {
      const key = `${q.kind}:${unitKey(q) ?? ''}`;
      const slot = slots.get(key) ?? [[], []];
      slot[i].push(q);
      slots.set(key, slot);
    }
  }
  for (const [key, [xs, ys]] of slots) {
    if (!xs.length || xs.length !== ys.length) continue;
    if (key.endsWith(':') && xs.length !== 1) continue;
    xs.sort((x, y) => x.start - y.start);
    ys.sort((x, y) => x.start - y.start);
    xs.forEach((x, i) => out.push([x, ys[i]]));
  }
  return out;
}

export interface Stated {
  range: Range;
  text: string;
  unit: SentenceUnit;
}

/**
 * Splits the amounts stated for one slot into sides of mutually compatible values, so "hundreds" and
 * "several hundred" stand together against "several dozen" instead of as three disagreeing values.
 */
export function sides(statements: Stated[]): Stated[][] {
  const out: Stated[][] = [];
  // The lowest upper bound on each side: a side whose lowest `max` lies further below s than any
  // compatibility allows (overlap, coarser precision ≤ 0.5, rounding or floors within APPROX_TOLERANCE of
  // s.max) has a member incompatible with s, so its members need not be compared one by one. Same sides
  // as comparing every member; a claim of 5,000 near-identical articles with 5,000 distinct figures spent
  // 1.4 s in `compatible` (bench/near-identical.ts), and this grows with n².
  const lowestMax: number[] = [];
  const ordered = [...statements].sort((a, b) => a.range.min - b.range.min || a.range.max - b.range.max || a.unit.uid - b.unit.uid);
  for (const s of ordered) {
    const reach = s.range.min - Math.max(0.5, APPROX_TOLERANCE * s.range.max);
    const at = out.findIndex((g, i) => !(lowestMax[i] < reach) && g.every((x) => compatible(x.range, s.range)));
    if (at >= 0) {
      out[at].push(s);
      lowestMax[at] = Math.min(lowestMax[at], s.range.max);
    } else {
      out.push([s]);
      lowestMax.push(s.range.max);
    }
  }
  return out;
}

export function numberContradictions(alignment: Alignment): Contradiction[] {
  const out: Contradiction[] = [];
  for (const claim of alignment.claims) {
    if (claim.sources.length < 2) continue;
    const bySlot = new Map<string, { statements: Map<string, Stated>; exact: boolean; unit: string | null; rep: SentenceUnit }>();
    const wordings = byWording(claim.units);
    forComparedPairs(wordings.length, (i, j) => {
      const a = wordings[i][0];
      const b = wordings[j][0];
      const qa = amounts(a);
      const qb = amounts(b);
      if (!qa.length || !qb.length) return;
      if (alignment.similarity(a, b) < CONTRADICTION_MIN_SIMILARITY) return;
      for (const [x, y] of pairAmounts(qa, qb)) {
        const key = `${x.kind}:${unitKey(x) ?? ''}`;
        const slot = bySlot.get(key) ?? { statements: new Map<string, Stated>(), exact: true, unit: x.unit, rep: a };
        for (const u of wordings[i]) slot.statements.set(`${u.uid}:${x.start - a.start}`, { range: rangeOf(x)!, text: x.text, unit: u });
        for (const u of wordings[j]) slot.statements.set(`${u.uid}:${y.start - b.start}`, { range: rangeOf(y)!, text: y.text, unit: u });
        bySlot.set(key, slot);
      }
    });
    for (const { statements, unit, rep } of bySlot.values()) {
      const split = sides([...statements.values()]);
      if (split.length < 2) continue;
      const tally = new ValueTally();
      let exact = true;
      for (const side of split) {
        const key = side.map((s) => `${s.range.min}-${s.range.max}`).join('|');
        const display = [...new Set(side.map((s) => s.text))].join(' / ');
        for (const s of side) {
          exact &&= s.range.exact;
          tally.add(key, display, { article: s.unit.article, group: s.unit.group, evidence: s.unit.text });
        }
      }
      // One article on two sides means its own sentences disagree, or the pairing is wrong: stay silent.
      if (tally.overlapping()) continue;
      out.push({
        kind: exact ? 'number' : 'quantity',
        about: unit ? `number of ${unit}` : `figure in “${clip(rep.text)}”`,
        values: tally.values(),
      });
    }
  }
  return [...out, ...frameNumberContradictions(alignment)];
}

/** Amounts of the same unit, predicate and participant in sentences that did not align (see header). */
function frameNumberContradictions(alignment: Alignment): Contradiction[] {
  const withUnit = (u: SentenceUnit) => amounts(u).filter((q) => unitKey(q) !== null);
  const byArticle = new Map<string, QuantityMention[]>();
  for (const u of alignment.units) byArticle.set(u.article, [...(byArticle.get(u.article) ?? []), ...withUnit(u)]);
  const singleValued = (article: string, q: QuantityMention) => {
    const same = byArticle.get(article)!.filter((o) => o.kind === q.kind && unitKey(o) === unitKey(q));
    return same.every((o) => compatible(rangeOf(o)!, rangeOf(same[0])!));
  };
  const knows = (article: string, q: QuantityMention) =>
    byArticle.get(article)!.some((o) => o.kind === q.kind && unitKey(o) === unitKey(q) && compatible(rangeOf(o)!, rangeOf(q)!));
  const out: Contradiction[] = [];
  for (const { a, b } of framePairs(alignment, withUnit, (q, verb) => `${verb}:${q.kind}:${unitKey(q)}`)) {
    // One amount per side: with several, which one pairs with which is a guess.
    if (a.items.length !== 1 || b.items.length !== 1) continue;
    const [x] = a.items;
    const [y] = b.items;
    const rx = rangeOf(x)!;
    const ry = rangeOf(y)!;
    if (compatible(rx, ry) || knows(b.unit.article, x) || knows(a.unit.article, y)) continue;
    if (!singleValued(a.unit.article, x) || !singleValued(b.unit.article, y)) continue;
    const tally = new ValueTally();
    tally.add(`${rx.min}-${rx.max}`, x.text, { article: a.unit.article, group: a.unit.group, evidence: a.unit.text });
    tally.add(`${ry.min}-${ry.max}`, y.text, { article: b.unit.article, group: b.unit.group, evidence: b.unit.text });
    if (tally.overlapping()) continue;
    out.push({ kind: rx.exact && ry.exact ? 'number' : 'quantity', about: `number of ${x.unit ?? unitKey(x)}`, values: tally.values() });
  }
  return out;
}
