// Quantities of an article: counts with their unit noun, money, percentages, measures, vague quantifiers
// ("several hundred" → 200..999) and event frequencies ("twice"), with offsets into `clean.text`.
// Years, dates, clock times, durations (owned by the date stage) and numbers in names ("Shahed-191") are not quantities.

import { MONTH_WORD } from '../dates/month.js';
import type { QuantityMention, TextReady } from '../../model/article.js';
import { dozensRange, fewRange, pluralPowerRange, tensOfRange } from './params.js';
import { sentenceOf } from '../sentence-of.js';

type Kind = QuantityMention['kind'];

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, k: 1e3, mln: 1e6 };

const SPELLED = `(?:(?:${Object.keys(TENS).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${Object.keys(SMALL).join('|')}|a dozen|a hundred|a thousand)`;
const DIGITS = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?`;
// "two dozen" is 24: without `dozen` here, "about two dozen young protesters" was read as "about two".
const SCALE = `(?:[\\s-]?(?:dozen|hundred|thousand|million|billion|trillion)|\\s?(?:bn|mln)|(?<=\\d)(?:m|k))(?![a-z])`;
const NUMBER = `(?:${DIGITS}|${SPELLED})(?:\\s+hundred)?(?:${SCALE})?`;

const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_WORD: Record<string, string> = { dollars: 'USD', dollar: 'USD', euros: 'EUR', euro: 'EUR', pounds: 'GBP', rials: 'IRR', rubles: 'RUB', roubles: 'RUB', yen: 'JPY', yuan: 'CNY', shekels: 'ILS', hryvnias: 'UAH' };
const MEASURES = new Set(['km', 'kilometers', 'kilometres', 'miles', 'mile', 'meters', 'metres', 'feet', 'foot', 'kg', 'kilograms', 'tons', 'tonnes', 'pounds-weight', 'barrels', 'hectares', 'acres', 'liters', 'litres', 'gallons', 'mph', 'km/h', 'degrees', 'mw', 'gw', 'megawatts', 'square']);
/** Time units: a number before them is a duration, which the date stage reports. */
const TIME_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|nights?|a\.m\.?|p\.m\.?|am|pm|o'clock)$/i;
/** Words that are not a count's unit when they follow the number; a preposition or a "when" also ends the
 * noun phrase, so "14 trapped under debris" counts the trapped, not the debris (whose final s passed for a
 * plural: the count left its verb and lost its toll). */
const NOT_UNIT = new Set(['and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'the', 'a', 'an', 'than', 'by', 'from', 'with', 'as', 'per', 'percent', 'was', 'were', 'is', 'are', 'had', 'have', 'has', 'who', 'that', 'which', 'said', 'more', 'other', 'times',
  'under', 'beneath', 'inside', 'into', 'near', 'after', 'before', 'during', 'when', 'while', 'since', 'until', 'among', 'behind', 'across', 'through', 'against']);

/** Parses "1,500", "1.5 million", "twenty-five", "three hundred", "a dozen", "$2bn"'s number part. */
export function parseNumber(phrase: string): number | null {
  const p = phrase.toLowerCase().trim();
  const scaleMatch = /(?:[\s-]?(dozen|hundred|thousand|million|billion|trillion)|\s?(bn|mln)|(?<=\d)(m|k))$/.exec(p);
  let head = p;
  let scale = 1;
  if (scaleMatch && scaleMatch.index > 0) {
    scale = SCALES[scaleMatch[1] ?? scaleMatch[2] ?? scaleMatch[3]];
    head = p.slice(0, scaleMatch.index).trim();
  }
  const hundred = /^(.*?)\s+hundred$/.exec(head);
  if (hundred) {
    const n = parseNumber(hundred[1]);
    return n === null ? null : n * 100 * scale;
  }
  if (/^[\d,.]+$/.test(head)) return Number(head.replace(/,/g, '')) * scale;
  if (head === 'a' && scale > 1) return scale; // "a dozen", "a hundred", "a thousand"
  if (head === 'a dozen') return 12 * scale;
  if (head === 'a hundred') return 100 * scale;
  if (head === 'a thousand') return 1000 * scale;
  const [t, u] = head.split('-');
  if (TENS[t] !== undefined) return (TENS[t] + (u ? SMALL[u] ?? NaN : 0)) * scale || null;
  return SMALL[head] !== undefined ? SMALL[head] * scale : null;
}

interface Found extends Omit<QuantityMention, 'sentence'> {
  rule: string;
}

interface QuantityRule {
  name: string;
  find(text: string): Found[];
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) fn(m);
}

/** The noun a count applies to: the first plural-looking word among the next three ("several hundred unmanned UAVs" → "UAVs"). */
function unitAfter(text: string, end: number): { unit: string | null; end: number } {
  // "landed 178 of 369 punches", "28 of his 68 punches": the part counts the whole's noun (it read "of his"
  // as the noun "his", or left 178 with none). The span stays the part's own.
  const whole = /^\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?\d[\d,]*(?=\s)/.exec(text.slice(end, end + 40));
  if (whole) return { unit: unitAfter(text, end + whole[0].length).unit, end };
  const words = /^(\s+of(?:\s+(?:the|its|their|these|those|his|her|our))?)?((?:\s+[A-Za-z][\w'’-]*){1,3})/.exec(text.slice(end, end + 60));
  if (!words) return { unit: null, end };
  const list = words[2].trim().split(/\s+/);
  let offset = end + (words[1]?.length ?? 0);
  let chosen: string | null = null;
  let chosenEnd = end;
  let cursor = offset;
  for (let i = 0; i < list.length; i++) {
    const w = list[i];
    const at = text.indexOf(w, cursor);
    cursor = at + w.length;
    if (NOT_UNIT.has(w.toLowerCase())) break;
    if (TIME_UNITS.test(w)) return { unit: '__time__', end };
    if (i === 0 && !/s$/i.test(w)) {
      chosen = w;
      chosenEnd = cursor;
    }
    if (/[a-z]s$|[A-Z]s$/.test(w) || MEASURES.has(w.toLowerCase())) {
      chosen = w;
      chosenEnd = cursor;
      break;
    }
  }
  return { unit: chosen, end: chosenEnd };
}

const mention = (text: string, start: number, end: number, f: Omit<Found, 'start' | 'end' | 'text'>): Found => ({ start, end, text: text.slice(start, end), ...f });

const BOUNDS: Record<string, 'min' | 'max' | 'approx'> = {
  'more than': 'min', 'over': 'min', 'at least': 'min', 'upwards of': 'min', 'in excess of': 'min',
  'up to': 'max', 'fewer than': 'max', 'less than': 'max', 'under': 'max', 'no more than': 'max', 'nearly': 'max', 'almost': 'max', 'at most': 'max',
  about: 'approx', around: 'approx', some: 'approx', roughly: 'approx', approximately: 'approx', 'an estimated': 'approx', estimated: 'approx', 'as many as': 'max', 'close to': 'max',
};
const BOUND_RE = Object.keys(BOUNDS).sort((a, b) => b.length - a.length).join('|');

/** A hedge written right before an amount ("worth nearly $80 million", "more than €2m"). */
const MONEY_BOUND_BEFORE = new RegExp(`\\b(${BOUND_RE})\\s+$`, 'i');

/**
 * A money amount with the hedge before it, as counts take theirs ("nearly 300,000 comments"): "a deal worth
 * nearly $80 million" is at most 80 million, not exactly 80 million (it was read as exact, so it stood
 * against an "$82 million" of the same deal as a flat figure). The span takes the hedge in, as a count's
 * does. Must not read a word that only ends like a hedge ("Hoover $5": the bound is a whole word).
 */
function money(text: string, start: number, end: number, value: number, unit: string): Found {
  const hedge = MONEY_BOUND_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
  const bound = hedge ? BOUNDS[hedge[1].toLowerCase()] : null;
  const from = hedge ? start - hedge[0].length : start;
  return mention(text, from, end, { ...hedged(value, bound), unit, kind: 'money', rule: 'money' });
}

/** One amount under its hedge: a floor ("more than") or a ceiling ("nearly") leaves no exact value and no
 *  bound on the other side; "about" keeps the value, marked approximate. */
function hedged(value: number, bound: 'min' | 'max' | 'approx' | null): Pick<Found, 'value' | 'min' | 'max' | 'approx'> {
  return { value: bound === 'min' || bound === 'max' ? null : value, min: bound === 'max' ? null : value, max: bound === 'min' ? null : value, approx: bound !== null };
}

/** Money: "$1.5 billion", "US$ 300", "€2m", "500 million dollars", "2 billion rials". Currency is the unit (ISO code). */
const moneyRule: QuantityRule = {
  name: 'money',
  find(text) {
    const out: Found[] = [];
    each(MONEY_SYMBOL_RE, text, (m) => {
      const value = parseNumber(m[2]);
      if (value !== null) out.push(money(text, m.index, m.index + m[0].length, value, CURRENCY_SYMBOL[m[1].toUpperCase()] ?? m[1]));
    });
    each(MONEY_WORD_RE, text, (m) => {
      const value = parseNumber(m[1]);
      if (value !== null) out.push(money(text, m.index, m.index + m[0].length, value, CURRENCY_WORD[m[2].toLowerCase()]));
    });
    return out;
  },
};

/** Percentages: "12%", "12 percent", "3.5 per cent", "two percentage points". */
const percent: QuantityRule = {
  name: 'percent',
  find(text) {
    const out: Found[] = [];
    each(PERCENT_RE, text, (m) => {
      const value = parseNumber(m[1]);
      if (value !== null) out.push(mention(text, m.index, m.index + m[0].length, { value, min: value, max: value, approx: false, unit: /points?/i.test(m[2]) ? 'percentage points' : '%', kind: 'percent', rule: this.name }));
    });
    return out;
  },
};

/** Event counts: "once", "twice", "three times" (kind frequency). "at once" is an adverb, not a count. */
const frequency: QuantityRule = {
  name: 'frequency',
  find(text) {
    const out: Found[] = [];
    each(FREQUENCY_RE, text, (m) => {
      const w = m[1].toLowerCase();
      if (w === 'once' && /\b(?:at|all at|for|more than)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return;
      if (w === 'once' && /^\s+(?:again|more|upon|the|a|an|it|he|she|they|we)\b/i.test(text.slice(m.index + 4, m.index + 12))) return;
      const value = w === 'once' ? 1 : w === 'twice' ? 2 : w === 'thrice' ? 3 : parseNumber(m[2]);
      if (value !== null) out.push(mention(text, m.index, m.index + m[0].length, { value, min: value, max: value, approx: false, unit: null, kind: 'frequency', rule: this.name }));
    });
    return out;
  },
};

const BASES: Record<string, number> = { hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, dozens: 12, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, dozen: 12 };

/**
 * Vague quantifiers: "hundreds of drones", "several hundred UAVs", "dozens", "tens of thousands",
 * "a few hundred". Ranges follow params.ts; all approx.
 */
const vague: QuantityRule = {
  name: 'vague-quantifier',
  find(text) {
    const out: Found[] = [];
    const re = /\b(?:(several|a few|a couple of|many|some)\s+(hundred|thousand|million|billion|dozen)s?|(tens|hundreds)\s+of\s+(thousands|millions|billions)|(hundreds|thousands|millions|billions|dozens))\b/gi;
    each(re, text, (m) => {
      let min: number;
      let max: number;
      if (m[1]) {
        const base = BASES[m[2].toLowerCase()];
        const q = m[1].toLowerCase();
        const [lo, hi] = q === 'a few' || q === 'a couple of' ? fewRange : base === 12 ? [dozensRange[0] / 12, dozensRange[1] / 12] : pluralPowerRange;
        min = Math.round(lo * base);
        max = Math.round(hi * base) - 1;
      } else if (m[3]) {
        const base = BASES[m[4].toLowerCase()];
        const [lo, hi] = m[3].toLowerCase() === 'tens' ? tensOfRange : [pluralPowerRange[0] * 100, pluralPowerRange[1] * 100];
        min = Math.round(lo * base);
        max = Math.round(hi * base) - 1;
      } else {
        const base = BASES[m[5].toLowerCase()];
        [min, max] = base === 12 ? [dozensRange[0], dozensRange[1] - 1] : [Math.round(pluralPowerRange[0] * base), Math.round(pluralPowerRange[1] * base) - 1];
      }
      const u = unitAfter(text, m.index + m[0].length);
      if (u.unit === '__time__') return; // "for hundreds of years": a duration
      out.push(mention(text, m.index, m.index + m[0].length, { value: null, min, max, approx: true, unit: u.unit, kind: 'count', rule: this.name }));
    });
    return out;
  },
};


// The rules' patterns, built once: they were rebuilt from their source strings (NUMBER alone is ~400
// characters) on every call of every rule. `each` resets lastIndex, so sharing one object is safe.
const MONEY_SYMBOL_RE = new RegExp(`(US\\$|\\$|€|£|¥)\\s?(${NUMBER})`, 'gi');
const MONEY_WORD_RE = new RegExp(`\\b(${NUMBER})\\s+(${Object.keys(CURRENCY_WORD).join('|')})\\b`, 'gi');
const PERCENT_RE = new RegExp(`\\b(${NUMBER})\\s?(%|percent\\b|per cent\\b|percentage points?\\b)`, 'gi');
const FREQUENCY_RE = new RegExp(`\\b(once|twice|thrice|(${NUMBER})\\s+times)\\b(?!\\s+(?:as|more|less|larger|bigger|higher|smaller|faster)\\b)`, 'gi');
const COUNT_RE = new RegExp(`\\b(?:(${BOUND_RE})\\s+)?(?:between\\s+(${NUMBER})\\s+and\\s+|(${NUMBER})\\s?(?:-|–|to)\\s?)?(${NUMBER})(?![\\w/:%])`, 'gi');
const GLUED_UNIT_RE = new RegExp(`\\b(?:(${BOUND_RE})\\s+)?(${DIGITS})(?:(ft|km|mi)\\b|(m)(?=\\s+(?:down|up|from|into|off|high|deep|tall|long|wide|away|above|below|onto|over)\\b))`, 'gi');

/**
 * Counts and measures: "three drones", "1,200 troops", "more than 10 million people", "between 5 and 10
 * km". Not quantities: years ("in 2019"), day numbers next to a month ("June 8"), clock times, numbers
 * glued to names ("Shahed-191", "F-16", "COVID-19"), scores/ratios ("3-1", "24/7"), ordinals ("8th").
 */
const count: QuantityRule = {
  name: 'count',
  find(text) {
    const out: Found[] = [];
    each(COUNT_RE, text, (m) => {
      const start = m.index;
      const before = text.slice(Math.max(0, start - 12), start);
      const after = text.slice(start + m[0].length, start + m[0].length + 12);
      if (/[A-Za-z]-$|[A-Za-z]$|[$€£¥#]$|\d[-/.:,]$/.test(before)) return; // names, money (own rule), "24/7"
      if (/^[-/:.]\d|^(?:st|nd|rd|th)\b|^-[A-Za-z]/.test(after)) return; // scores, times, ordinals, "191-B"
      if (/^\s?[ap]\.?\s?m\b/i.test(after)) return; // "7 p.m.", "7 pm" and tokenised "7 p. m." are clock times
      const lowBound = m[2] ?? m[3];
      // "3-1" between plain small numbers is a score or a range of pages; only take ranges with a unit.
      if (MONTH_BEFORE.test(before) && !lowBound) return; // "June 8"
      if (MONTH_AFTER.test(after) && /^\d{1,2}$/.test(m[4])) return; // "8 June"
      const high = parseNumber(m[4]);
      if (high === null) return;
      // "won 3-1", "a 2-2 draw": a hyphenated pair without a unit noun is a score, not a range.
      if (m[3] && /\d\s?[-–]\s?\d/.test(m[0]) && !/^\s+[a-z]+s\b/.test(after)) return;
      // A bare four-digit number between 1600 and 2099 without a unit is a year.
      const u = unitAfter(text, start + m[0].length);
      if (u.unit === '__time__') return;
      if (/^\d{4}$/.test(m[4]) && high >= 1600 && high <= 2099 && !(u.unit && /s$/.test(u.unit))) return;
      if (/^(?:one|a dozen|a hundred|a thousand)$/i.test(m[4]) && !u.unit) return; // "one of them"
      if (m[4].toLowerCase() === 'one' && !m[1]) return; // "one" is mostly a pronoun/determiner in news
      const bound = m[1] ? BOUNDS[m[1].toLowerCase()] : null;
      const low = lowBound ? parseNumber(lowBound) : null;
      const measure = u.unit !== null && MEASURES.has(u.unit.toLowerCase());
      const f: Omit<Found, 'start' | 'end' | 'text'> = {
        value: low !== null ? null : bound === 'min' || bound === 'max' ? null : high,
        min: low ?? (bound === 'max' ? null : high),
        max: bound === 'min' ? null : high,
        approx: bound !== null,
        unit: u.unit,
        kind: measure ? 'measure' : 'count',
        rule: this.name,
      };
      if (bound === 'approx') f.value = high;
      out.push(mention(text, start, start + m[0].length, f));
    });
    return out;
  },
};

/** Words that open a count even when capitalised ("The 36 passengers", "About 300 people"). */
const OPENERS = new Set('the a an all only just another these those its their his her our my and but with from of in on at by for to about some over nearly almost around roughly up police officials'.split(' '));
const MONTH_OR_DAY = new RegExp(`^${MONTH_WORD}\\.?$|^(mon|tues|wednes|thurs|fri|satur|sun)day$`, 'i');
/** A month just before or after a number makes it a day number ("June 8", "8 June"), not a count. */
const MONTH_BEFORE = new RegExp(`\\b${MONTH_WORD}\\.?\\s+$`, 'i');
const MONTH_AFTER = new RegExp(`^,?\\s+${MONTH_WORD}\\b`, 'i');

/**
 * Rule `name-number` (a filter over `count`): a number right after a capitalised word is part of a name —
 * a model, a route, a version ("Boeing 737 jets", "BlackBerry 10", "Route 66", "Windows 8", "Apollo 11")
 * — never a count of things. Must not hit: a count after a capitalised opener ("The 36 passengers",
 * "About 300"), a day after a month ("June 8" is the date stage's), figures after a comma.
 */
function nameNumber(text: string, q: Found): boolean {
  if (q.kind !== 'count' && q.kind !== 'measure') return false;
  const before = /([A-Z][A-Za-z]*)\s$/.exec(text.slice(Math.max(0, q.start - 24), q.start));
  return !!before && !OPENERS.has(before[1].toLowerCase()) && !MONTH_OR_DAY.test(before[1]);
}

/** Rule `statistic`: a decimal without its leading zero (".312", "hit .300") is a rate or an average, not a count. */
const statistic: QuantityRule = {
  name: 'statistic',
  find(text) {
    const out: Found[] = [];
    each(/(?<![\d\w])\.(\d{2,3})\b/g, text, (m) => {
      const value = Number(`0.${m[1]}`);
      out.push(mention(text, m.index, m.index + m[0].length, { value, min: value, max: value, approx: false, unit: null, kind: 'statistic', rule: this.name }));
    });
    return out;
  },
};

/** Rule `mixed-number`: "4 1/2 miles" is 4.5, not 4 (and not a date "1/2"). */
const mixedNumber: QuantityRule = {
  name: 'mixed-number',
  find(text) {
    const out: Found[] = [];
    each(/\b(\d{1,4})\s+(\d)\/(\d{1,2})\b(?![/\d])/g, text, (m) => {
      const [whole, num, den] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!den || num >= den) return;
      const value = whole + num / den;
      const u = unitAfter(text, m.index + m[0].length);
      if (u.unit === '__time__') return;
      const measure = u.unit !== null && MEASURES.has(u.unit.toLowerCase());
      out.push(mention(text, m.index, m.index + m[0].length, { value, min: value, max: value, approx: false, unit: u.unit, kind: measure ? 'measure' : 'count', rule: this.name }));
    });
    return out;
  },
};

/**
 * Rule `glued-unit`: a length written onto its number ("fell 200ft", "2,000ft", "about 200m down a gully")
 * is a measure; the count rule reads "200m" as 200 million and skips "200ft". Must not hit money ("£200m",
 * "$5m": the money rule's span is longer and wins) or "200m" before anything but a direction ("a 200m
 * deal", "it cost 200m." stay the count rule's million).
 */
const gluedUnit: QuantityRule = {
  name: 'glued-unit',
  find(text) {
    const out: Found[] = [];
    each(GLUED_UNIT_RE, text, (m) => {
      if (/[$€£¥]\s?$/.test(text.slice(Math.max(0, m.index - 2), m.index))) return;
      const value = Number(m[2].replace(/,/g, ''));
      const bound = m[1] ? BOUNDS[m[1].toLowerCase()] : null;
      const unit = { ft: 'feet', km: 'km', mi: 'miles', m: 'metres' }[(m[3] ?? m[4]).toLowerCase()]!;
      out.push(mention(text, m.index, m.index + m[0].length, { ...hedged(value, bound), unit, kind: 'measure', rule: this.name }));
    });
    return out;
  },
};

export const quantityRules: QuantityRule[] = [moneyRule, percent, frequency, statistic, mixedNumber, gluedUnit, vague, count];

/** Quantities of raw text; rules in priority order, the longest span wins on overlap. */
export function extractQuantitiesFromText(text: string, sentences?: { start: number; end: number }[]): QuantityMention[] {
  if (!/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|once|twice|thrice)/i.test(text)) return [];
  const found: { f: Found; order: number }[] = [];
  quantityRules.forEach((rule, order) => {
    for (const f of rule.find(text)) found.push({ f, order });
  });
  found.sort((a, b) => b.f.end - b.f.start - (a.f.end - a.f.start) || a.order - b.order);
  const kept: Found[] = [];
  for (const { f } of found) {
    if (f.rule === 'count' && nameNumber(text, f)) continue;
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept
    .sort((a, b) => a.start - b.start)
    .map(({ rule: _rule, ...q }) => ({ ...q, sentence: sentenceOf(sentences, q.start) }));
}

/** Quantities of an article, offsets into `article.clean.text`. */
export function extractQuantities(article: TextReady): QuantityMention[] {
  return extractQuantitiesFromText(article.clean.text, article.text.sentences);
}

export type { Kind as QuantityKind };
