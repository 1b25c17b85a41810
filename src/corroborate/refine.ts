// Refiners over every rule's contradictions (chrono-node style: rules propose, refiners merge and
// filter): event scope (facts of different events of one story are two incidents, not a disagreement),
// amounts of independent articles that are no single fact, one figure in two units or scales, spelling
// variants (fiber/fibre, a name with and without its accent), and the same disagreement found by a
// sentence rule and by a fact slot reported once.

import type { Contradiction } from '../model/report.js';
import { sameSpelling } from './facts/normalise/spelling.js';
import { canonicalUnit, toCanonical } from './facts/normalise/units.js';
import { CONVERSION_TOLERANCE } from './facts/normalise/compatible.js';
import { FACT_PARAMS } from './facts/params.js';
import { MAX_COUNTS_IN_SENTENCE } from './facts/parsers/count.js';
import { byCodePoint } from './order.js';

export interface Refiner {
  name: string;
  refine(list: Contradiction[], ctx: RefineContext): Contradiction[];
}

export interface RefineContext {
  eventOf(article: string): string | null;
  /** The articles an article shares text with (reuse links). */
  neighbours(a: string): ReadonlySet<string>;
}

/**
 * `event-scope`: a date, number or name contradiction stands only between articles of one event. Each
 * value keeps the sources of the event where most sides meet; a contradiction whose sides never meet in
 * one event is dropped (two captures of pirates three years apart; two ceremonies' dates). Quotes and
 * headlines are a speaker's or an article's own: not scoped. Fact slots of a person (`event: null`) neither.
 */
export const eventScope: Refiner = {
  name: 'event-scope',
  refine(list, ctx) {
    const out: Contradiction[] = [];
    for (const c of list) {
      if (c.kind === 'quote' || c.kind === 'headline' || c.event === null || (c.event !== undefined && c.rule?.startsWith('fact:'))) {
        out.push(c);
        continue;
      }
      const events = new Map<string, number>();
      for (const v of c.values) for (const e of new Set(v.sources.map((s) => ctx.eventOf(s) ?? '*'))) events.set(e, (events.get(e) ?? 0) + 1);
      const best = [...events].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))[0];
      if (!best || best[1] < 2) continue;
      const values = c.values
        .map((v) => {
          const sources = v.sources.filter((s) => (ctx.eventOf(s) ?? '*') === best[0]);
          if (sources.length === v.sources.length) return v;
          const kept = new Set(sources);
          return { ...v, sources, mentions: v.mentions?.filter((m) => kept.has(m.article)) };
        })
        .filter((v) => v.sources.length > 0);
      if (values.length < 2) continue;
      out.push({ ...c, values, event: best[0] === '*' ? c.event : best[0] });
    }
    return out;
  },
};

/** `spelling`: values that are one word or name spelled two ways are one value; a contradiction left with one value is dropped. */
export const spelling: Refiner = {
  name: 'spelling',
  refine(list) {
    return list.filter((c) => {
      if (c.kind !== 'name' && c.kind !== 'quote') return true;
      const vs = c.values.map((v) => v.value);
      return !vs.every((v) => sameSpelling(v, vs[0]));
    });
  },
};

/**
 * `one-finding`: a fact slot and a sentence rule that report the same disagreement (same kind family,
 * two values of one share articles with the other's) are one finding. For dates and amounts the fact
 * slot's version is kept (offsets, slot, confidence); for quotes the sentence rule's, which names the
 * speaker and carries every wording of the quote group, while the cross-attribution pass only adds the
 * misquotes the speaker grouping missed.
 */
export const oneFinding: Refiner = {
  name: 'one-finding',
  refine(list) {
    const family = (k: string) => (k === 'quantity' ? 'number' : k);
    const isFact = (c: Contradiction) => c.rule?.startsWith('fact:') ?? false;
    // Source sets per value, built once: stories of hundreds of copies make these lists long, and the
    // pairwise check over arrays was quadratic in them (a 200-copy story spent 6 s here).
    const sets = new Map(list.map((c) => [c, c.values.map((v) => new Set(v.sources))]));
    const meets = (x: Set<string>, y: Set<string>) => {
      const [small, large] = x.size <= y.size ? [x, y] : [y, x];
      for (const a of small) if (large.has(a)) return true;
      return false;
    };
    // Two values of one meet two different values of the other: two values on one side of a finding are
    // another disagreement (".357" stated by two articles that disagree about how often a man was arrested).
    const same = (a: Contradiction, b: Contradiction) => {
      if (family(a.kind) !== family(b.kind)) return false;
      const va = sets.get(a)!;
      const vb = sets.get(b)!;
      for (let i = 0; i < va.length; i++) for (let j = i + 1; j < va.length; j++) {
        for (let x = 0; x < vb.length; x++) for (let y = 0; y < vb.length; y++) if (x !== y && meets(va[i], vb[x]) && meets(va[j], vb[y])) return true;
      }
      return false;
    };
    const facts = list.filter(isFact);
    const sentences = list.filter((c) => !isFact(c));
    return list.filter((c) => {
      const keepSentence = c.kind === 'quote';
      if (isFact(c)) return !keepSentence || !sentences.some((o) => same(c, o));
      return keepSentence || !facts.some((o) => same(c, o));
    });
  },
};

const NUMBER_WORD = /\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?)\b/gi;

/** A sentence of three or more figures is a stat line ("29 of 34 passes for 364 yards and 3 touchdowns"),
 * the same threshold as the count parser's. */
const statLine = (text: string) => (text.match(NUMBER_WORD) ?? []).length >= MAX_COUNTS_IN_SENTENCE;

/** Two values of a finding are stated by articles that share text (a reuse link between them). */
export function valuesShareText(c: Contradiction, neighbours: (article: string) => ReadonlySet<string>): boolean {
  const sets = c.values.map((v) => new Set(v.sources));
  for (let i = 0; i < c.values.length; i++) {
    for (const a of c.values[i].sources) {
      for (const b of neighbours(a)) if (sets.some((s, j) => j !== i && s.has(b))) return true;
    }
  }
  return false;
}

/** Markers of another time or a plan, a narrower set than the fact parsers' (facts/frame.ts): "would" is
 * not among them: "said it would recall 80,000 batteries" reports the event itself. On the dev
 * gold this removed the two wrong amount findings left ("four prior arrests", "will miss two games"). */
const OTHER_TIME = /\b(will|could|might|prior|previously|since|career|last (year|season|month)|in (19|20)\d\d)\b/i;

/**
 * `independent-amounts`: the sentence rules' number and quantity findings between articles that share no
 * text stand only when no evidence sentence is a stat line. On the dev gold the sentence rules' amount
 * findings between independent outlets were right 3 times in 22; nearly all the wrong ones compared two
 * box-score sentences of a sports story (a player's points in two games, a game's and a season's yards).
 * Between copies (a reuse link) the rules stand as they are.
 */
export const independentAmounts: Refiner = {
  name: 'independent-amounts',
  refine(list, ctx) {
    return list.filter((c) => {
      if (c.rule?.startsWith('fact:') || (c.kind !== 'number' && c.kind !== 'quantity')) return true;
      if (valuesShareText(c, ctx.neighbours)) return true;
      if (c.values.some((v) => v.evidence.some(statLine))) return false;
      // A figure of another time or a plan ("has four prior arrests", "will miss the final two games"):
      // the fact parsers' background markers, applied to the sentence rules' evidence.
      if (c.values.some((v) => v.evidence.some((e) => OTHER_TIME.test(e)))) return false;
      // A figure written as an age apposition ("LuAnn Johnson, 66, of Burnsville") is a person's age:
      // fact slot `age` compares it with the same person's, never with another figure of the sentence.
      if (c.values.some((v) => v.evidence.some((e) => e.includes(`, ${v.value},`)))) return false;
      // Figures an order of magnitude apart are two different figures (a game's yards and a season's).
      const figures = c.values.map((v) => Number(v.value.replace(/,/g, ''))).filter((x) => Number.isFinite(x) && x > 0);
      return !(figures.length === c.values.length && Math.max(...figures) / Math.min(...figures) > FACT_PARAMS.maxCountRatio);
    });
  },
};

const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A value's figure in its evidence with the unit written after it, in the canonical unit; null when none. */
function canonicalFigure(value: string, evidence: string[]): { dimension: string; value: number } | null {
  const n = Number(value.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  for (const e of evidence) {
    const m = new RegExp(`${escape(value)}\\s*((?:square|sq\\.?)\\s+)?([a-z]+)`, 'i').exec(e);
    if (!m) continue;
    const unit = canonicalUnit(`${m[1] ?? ''}${m[2]}`.trim());
    if (unit) return { dimension: unit.dimension, value: toCanonical(n, n, unit)[0] };
  }
  return null;
}

/**
 * `units-and-scale`: a sentence rule's amount finding whose values are one figure in two units ("1,500
 * square feet" / "139 square metres", within the conversion tolerance) or one mantissa with and without
 * its scale ("$2.6 million" / "$2.6") is a normalisation, not a disagreement. The fact slots convert
 * units themselves (facts/normalise/units.ts); the sentence rules compare unit nouns as words.
 */
export const unitsAndScale: Refiner = {
  name: 'units-and-scale',
  refine(list) {
    return list.filter((c) => {
      if (c.rule?.startsWith('fact:') || (c.kind !== 'number' && c.kind !== 'quantity')) return true;
      const mantissa = (v: string) => v.replace(/[$€£¥,\s]|million|billion|thousand|bn|m\b/gi, '');
      if (c.values.every((v) => mantissa(v.value) === mantissa(c.values[0].value))) return false;
      const figures = c.values.map((v) => canonicalFigure(v.value, v.evidence));
      if (figures.some((f) => !f) || figures.some((f) => f!.dimension !== figures[0]!.dimension)) return true;
      const xs = figures.map((f) => f!.value);
      return Math.max(...xs) - Math.min(...xs) > CONVERSION_TOLERANCE * Math.max(...xs);
    });
  },
};

export const REFINERS: Refiner[] = [eventScope, independentAmounts, unitsAndScale, spelling, oneFinding];

export function refine(list: Contradiction[], ctx: RefineContext, refiners = REFINERS): Contradiction[] {
  return refiners.reduce((xs, r) => r.refine(xs, ctx), list);
}
