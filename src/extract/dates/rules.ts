// News rules that propose temporal expressions chrono's calendar parsers do not cover (relative periods,
// quarters, vague references, durations, frequencies), each a named unit resolved against the reference
// (publication) date. Values are TimeML (TIMEX3) strings; `index.ts` maps them to the report contract.

import {
  addDays,
  addMonths,
  addQuarters,
  fmtDay,
  fmtMonth,
  fmtWeek,
  lastMonthYear,
  quarterOf,
  SEASON_START,
  SEASONS,
  weekday,
  type Ymd,
} from './calendar.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A proposed temporal expression; `timeml` null means it needed a reference date that is missing. */
export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  timeml: string | null;
  resolution: string;
  rule: string;
}

export interface RuleContext {
  text: string;
  ref: Ymd | null;
  /** True when a future cue ("will", "next", "scheduled") closely precedes `pos` in its clause. */
  futureCue(pos: number): boolean;
}

export interface DateRule {
  name: string;
  propose(ctx: RuleContext): Candidate[];
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90, hundred: 100,
  'a couple of': 2, 'a few': -1, few: -1, several: -1, some: -1, many: -1,
};
const NUM = `(\\d+(?:\\.\\d+)?|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|few|several|some|many)`;
const UNIT = `(second|minute|hour|day|week|month|quarter|year|decade|century)`;

/** TimeML duration letters; time units go after `T`. -1 (vague count) becomes `X`. */
function duration(n: number, unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, '');
  const count = n < 0 ? 'X' : String(n);
  switch (u) {
    case 'second': return `PT${count}S`;
    case 'minute': return `PT${count}M`;
    case 'hour': return `PT${count}H`;
    case 'day': return `P${count}D`;
    case 'week': return `P${count}W`;
    case 'month': return `P${count}M`;
    case 'quarter': return `P${count}Q`;
    // TimeML writes counted decades and centuries in years ("two decades" = P20Y; TBAQ: "two decades",
    // "past decade" = P10Y, "this century" = P100Y); a vague count keeps the unit letter (PXDE).
    case 'decade': return n < 0 ? 'PXDE' : `P${n * 10}Y`;
    case 'century': return n < 0 ? 'PXCE' : `P${n * 100}Y`;
    default: return `P${count}Y`;
  }
}

function numberOf(word: string): number {
  const w = word.toLowerCase();
  if (/^\d/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? NaN;
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) fn(m);
}

/** Resolves a period named relative to the reference ("this week", "last year", "next quarter"). */
function relativePeriod(ref: Ymd, unit: string, shift: number): string {
  switch (unit) {
    case 'week': return fmtWeek(addDays(ref, 7 * shift));
    case 'month': {
      const v = addMonths({ ...ref, d: 1 }, shift);
      return fmtMonth(v.y, v.m);
    }
    case 'quarter': {
      const q = addQuarters(ref.y, quarterOf(ref.m), shift);
      return `${q.y}-Q${q.q}`;
    }
    case 'weekend': {
      // "the weekend" in a weekday report is the one just past; on Saturday/Sunday it is this one.
      const dow = weekday(ref);
      const base = dow === 0 || dow === 6 ? ref : addDays(ref, -((dow + 6) % 7) - 1);
      return `${fmtWeek(addDays(base, 7 * shift))}-WE`;
    }
    default: return String(ref.y + shift);
  }
}

/**
 * Year of the most recent (or, with a future cue, the next) occurrence of a season. `explicitThis`
 * ("this summer", "the current season") names the reference year's season even before it has started:
 * "protests this summer" in a March report is the coming summer, not last year's, which would be "last
 * summer". TBAQ TimeBank: 2 "this summer" written in March, both annotated as the coming summer (one
 * was read so through a future cue, the other was last year's: value F1 +0.08); the 2 written after the
 * season started agree either way. A bare "the spring" keeps the past reading.
 */
function seasonYear(ref: Ymd, code: string, shift: number, future: boolean, explicitThis = false): number {
  const start = SEASON_START[code];
  // A season "has started" this year when its first month is not after the reference month (winter
  // counts from December, so a January report's "this winter" is the previous December's year).
  const startedYear = code === 'WI' ? (ref.m === 12 ? ref.y : ref.y - 1) : ref.m >= start ? ref.y : ref.y - 1;
  if (shift === 0) return (future || explicitThis) && startedYear < ref.y && code !== 'WI' ? ref.y : startedYear;
  if (shift < 0) {
    // "last summer" written in summer is the previous year's.
    const inSeason = code === 'WI' ? ref.m === 12 || ref.m <= 2 : ref.m >= start && ref.m < start + 3;
    return inSeason ? startedYear - 1 : startedYear;
  }
  return startedYear + 1;
}

const SHIFT: Record<string, number> = { this: 0, current: 0, 'the current': 0, last: -1, past: -1, previous: -1, 'the previous': -1, 'the past': -1, 'the last': -1, next: 1, coming: 1, 'the coming': 1, 'the next': 1 };

/** "today", "yesterday", "tomorrow", "tonight", "last night", "this morning": days named from the reference. */
export const relativeDay: DateRule = {
  name: 'relative-day',
  propose(ctx) {
    const out: Candidate[] = [];
    const re = /\b(today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))(?:\s+(morning|afternoon|evening|night))?\b/gi;
    each(re, ctx.text, (m) => {
      const head = m[1].toLowerCase();
      const part = (m[2] ?? '').toLowerCase();
      const shift = head === 'yesterday' || head === 'last night' ? -1 : head === 'tomorrow' ? 1 : 0;
      const suffix = PART_OF_DAY[part] ?? (head === 'tonight' || head === 'last night' ? 'NI' : PART_OF_DAY[head.split(' ')[1] ?? ''] ?? '');
      const timeml = ctx.ref ? fmtDay(addDays(ctx.ref, shift)) + (suffix ? `T${suffix}` : '') : null;
      out.push({ start: m.index, end: m.index + m[0].length, type: suffix ? 'TIME' : 'DATE', timeml, resolution: 'relative-day', rule: this.name });
    });
    return out;
  },
};

export const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };

/**
 * "now", "currently", "recently", "in the future": TimeML's vague references (PRESENT_REF, PAST_REF,
 * FUTURE_REF). They are frequent in news (TBAQ: 154 of 1,855 expressions) and carry no calendar value.
 */
export const vagueReference: DateRule = {
  name: 'vague-reference',
  propose(ctx) {
    const out: Candidate[] = [];
    const table: [RegExp, string][] = [
      [/\b(?:right now|now|nowadays|currently|at present|these days|at the moment|the current (?:time|period)|current(?!\s+(?:accounts?|affairs|events?|prices?|dollars?|form|state|levels?|rate|rates|year|quarter|month|week|fiscal)\b))\b/gi, 'PRESENT_REF'],
      // Left out after measuring on TBAQ: "previously" (20 unannotated vs 5 annotated), bare "recent"
      // (9 vs 6): annotators rarely mark them, and they date nothing.
      // "the then-current price", "the then current chairman": current at a time before the report, not now
      // (TBAQ TimeBank: "then current" = PAST_REF, 1 of 1; we gave "current" alone as PRESENT_REF).
      [/\bthen[-\s]current\b/gi, 'PAST_REF'],
      [/\b(?:recently|recent\s+(?:years|months|weeks|days|times)|formerly|in the past|the past(?!\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve|year|month|week|day|decade|quarter|century))|once upon a time)\b/gi, 'PAST_REF'],
      // "soon" (13 unannotated vs 4) and "eventually" (6 vs 0) are left out on the same TBAQ count.
      // "in coming months", "in the coming weeks": an unbounded stretch ahead, FUTURE_REF like "the near
      // future" (TBAQ TimeBank: 3 such phrases, all annotated, 2 of them FUTURE_REF and 1 PXW; we had none).
      // A preposition is required so that the verb ("buses kept coming days later") is not read as one.
      [/\b(?:the (?:near |distant )?future|in future|the short term|the near term|the long term)\b|(?<=\b(?:in|over|during|within|for|into)\s)(?:the\s+)?coming\s+(?:days|weeks|months|quarters|years)\b/gi, 'FUTURE_REF'],
    ];
    for (const [re, value] of table) {
      each(re, ctx.text, (m) => {
        let start = m.index;
        let text = m[0];
        // TimeML marks "the past" but not the preposition of "in the past".
        if (/^in /i.test(text) && value !== 'FUTURE_REF') {
          start += 3;
          text = text.slice(3);
        }
        // "now" in "now-defunct", "currently" inside "concurrently" are excluded by \b and this check.
        if (/^now$/i.test(text) && ctx.text[m.index + 3] === '-') return;
        out.push({ start, end: start + text.length, type: 'DATE', timeml: value, resolution: 'vague-reference', rule: this.name });
      });
    }
    return out;
  },
};

/** "this week", "last month", "next year", "earlier this year", "the current quarter", "last fall", "the weekend". */
export const relativePeriodRule: DateRule = {
  name: 'relative-period',
  propose(ctx) {
    const out: Candidate[] = [];
    const re = /\b((?:early|late|mid-?|earlier|later)\s+)?(this|current|the current|last|past|previous|the previous|next|coming|the coming|the)\s+(?:fiscal\s+)?(week|month|quarter|year|weekend|spring|summer|fall|autumn|winter)\b/gi;
    each(re, ctx.text, (m) => {
      const shiftWord = m[2].toLowerCase();
      const unit = m[3].toLowerCase();
      // "the week"/"the month"/"the year" alone are mostly durations or generic ("the year's best"): only
      // "the weekend" and seasons take a bare "the".
      if ((shiftWord === 'the' || /fiscal/i.test(m[0]) && unit !== 'year') && !(unit === 'weekend' || unit in SEASONS)) return;
      // "past year" without a number is a duration-like span in TimeML ("the past year" = P1Y): left to
      // the duration rule.
      if (shiftWord === 'past') return;
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      // "last year's" keeps the date; "last year-end" does too. "the year 1998" is absolute: skip.
      if (/^\s+\d{4}\b/.test(after)) return;
      const shift = SHIFT[shiftWord] ?? 0;
      let timeml: string | null = null;
      if (ctx.ref) {
        if (unit in SEASONS) {
          const code = SEASONS[unit as keyof typeof SEASONS];
          timeml = `${seasonYear(ctx.ref, code, shift, ctx.futureCue(m.index), /^(?:this|current|the current)$/.test(shiftWord))}-${code}`;
        } else timeml = relativePeriod(ctx.ref, unit, shift);
      }
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml, resolution: ctx.ref ? 'relative-period' : 'unresolved-no-reference', rule: this.name });
    });
    return out;
  },
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * "last May", "next March", "this June": chrono's month parser misses some of these ("last May." at a
 * sentence end), so the rule proposes them itself. "last May" is the previous year's May (TimeML practice;
 * "in May" covers the recent one), "next May" the coming one, "this May" the reference year's.
 */
export const relativeMonth: DateRule = {
  name: 'relative-month',
  propose(ctx) {
    const out: Candidate[] = [];
    each(/\b(last|next|this)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/gi, ctx.text, (m) => {
      const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
      const prefix = m[1].toLowerCase();
      let timeml: string | null = null;
      if (ctx.ref) {
        const y = prefix === 'last' ? lastMonthYear(ctx.ref, month) : prefix === 'next' ? (month > ctx.ref.m ? ctx.ref.y : ctx.ref.y + 1) : ctx.ref.y;
        timeml = fmtMonth(y, month);
      }
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml, resolution: ctx.ref ? `relative-${prefix}-month` : 'unresolved-no-reference', rule: this.name });
    });
    return out;
  },
};

/** "three days ago", "a year earlier", "two weeks later", "year-earlier": offsets from the reference. */
export const offsetRule: DateRule = {
  name: 'relative-offset',
  propose(ctx) {
    const out: Candidate[] = [];
    const re = new RegExp(`\\b${NUM}\\s+${UNIT}s?\\s+(ago|earlier|later|from now|hence)\\b|\\b(year|month|week|day)-(earlier|ago|before)\\b`, 'gi');
    each(re, ctx.text, (m) => {
      const n = m[1] ? numberOf(m[1]) : 1;
      const unit = (m[2] ?? m[4]).toLowerCase();
      const dir = (m[3] ?? m[5]).toLowerCase();
      // "three days later" counts from the event told before it, not from the publication date, and
      // TimeML marks "three days" as the duration with "later" as a signal: the duration rule proposes it.
      // TBAQ TimeBank: "Three days later" (P3D) and "A few days later" (PXD), both annotated this way.
      if (dir === 'later') return;
      const sign = dir === 'from now' || dir === 'hence' ? 1 : -1;
      let timeml: string | null = null;
      if (ctx.ref && n > 0 && Number.isInteger(n)) {
        const r = ctx.ref;
        if (unit === 'day') timeml = fmtDay(addDays(r, sign * n));
        else if (unit === 'week') timeml = fmtWeek(addDays(r, sign * 7 * n));
        else if (unit === 'month') { const v = addMonths(r, sign * n); timeml = fmtMonth(v.y, v.m); }
        else if (unit === 'quarter') timeml = relativePeriod(r, 'quarter', sign * n);
        else if (unit === 'year') timeml = String(r.y + sign * n);
        else if (unit === 'decade') timeml = String(r.y + sign * 10 * n).slice(0, 3);
      } else if (n < 0) {
        // "several years ago" is a vague past; "several months later" is left to the duration rule.
        if (dir !== 'ago') return;
        timeml = 'PAST_REF';
      }
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml, resolution: ctx.ref ? 'relative-offset' : 'unresolved-no-reference', rule: this.name });
    });
    return out;
  },
};

/**
 * Durations: "three days", "the past two months", "the first nine months", "two-year", "years". A vague
 * count ("several weeks", bare "years") gives `PXW`/`PXY` as TimeML does.
 */
export const durationRule: DateRule = {
  name: 'duration',
  propose(ctx) {
    const out: Candidate[] = [];
    const re = new RegExp(`\\b((?:the\\s+)?(?:(?:first|past|last|next|previous|coming|following|preceding|final|latest|remaining|entire|full)\\s+)?)?${NUM}[\\s-]+(?:more\\s+|full\\s+|straight\\s+|consecutive\\s+)?${UNIT}s?\\b(?![-\\s]+(?:old|olds)\\b)`, 'gi');
    each(re, ctx.text, (m) => {
      const word = m[2].toLowerCase();
      const n = numberOf(word);
      if (Number.isNaN(n)) return;
      const unit = m[3].toLowerCase();
      // "the 1988 quarter", "a 2030 year-end": a year before a singular unit names the period, it does not count it.
      if (/^(?:1[6-9]|20)\d\d$/.test(word) && !/s$/i.test(m[0])) return;
      // "a second attempt", "one second-quarter": an article + "second" is an ordinal, not a duration.
      if (unit === 'second' && !/^\d/.test(word)) return;
      // "the last year"/"the past year" (no number) are read as durations only with "past"/"last"/"first".
      const prefix = (m[1] ?? '').trim().toLowerCase();
      if ((word === 'a' || word === 'an') && prefix) return;
      // "24 hours a day", "700 seats a week": "a" + unit after a count is a rate, not a duration.
      if ((word === 'a' || word === 'an') && /(?:\d|\b\w+s|\btimes|\bonce|\btwice)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 12), m.index))) return;
      // "three-quarters of its food": a fraction.
      if (unit === 'quarter' && /^s?\s+of\b/i.test(ctx.text.slice(m.index + m[0].length - (m[0].endsWith('s') ? 1 : 0)))) return;
      // "some 30 years": "some" is a quantifier before a number, handled when the number matches.
      if (word === 'some' && /^\s+\d/.test(ctx.text.slice(m.index + m[0].length))) return;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DURATION', timeml: duration(n, unit), resolution: 'duration', rule: this.name });
    });
    // "the past year", "the last decade": a period of one unit back from now.
    each(/\b(?:the\s+)?(?:past|last|previous|next|coming)\s+(year|month|week|decade|century)\b(?!\s*'s)/gi, ctx.text, (m) => {
      if (!/^the\s/i.test(m[0]) && /^(last|next|previous)/i.test(m[0])) return; // "last year" is a date
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DURATION', timeml: duration(1, m[1]), resolution: 'duration', rule: this.name });
    });
    // Bare plurals after a preposition ("for years", "in weeks", "over decades").
    each(/\b(?:for|in|over|within|after|of|took|take|takes|lasted)\s+((?:the\s+)?(?:past\s+)?(years|months|weeks|days|hours|minutes|decades))\b/gi, ctx.text, (m) => {
      const start = m.index + m[0].length - m[1].length;
      out.push({ start, end: start + m[1].length, type: 'DURATION', timeml: duration(-1, m[2]), resolution: 'duration', rule: this.name });
    });
    return out;
  },
};

const ORDINAL_Q: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 };

/**
 * Fiscal quarters and halves: "the third quarter", "third-quarter", "the first half of 1998", "the
 * quarter" / "the latest quarter" (the last complete one, as in earnings reports). Without a year the
 * quarter is its most recent past occurrence (news reports results after the fact).
 */
export const quarterRule: DateRule = {
  name: 'quarter',
  propose(ctx) {
    const out: Candidate[] = [];
    const re = /\b(?:the\s+|(this|last|next) year's\s+)?(?:(fiscal|calendar)\s+)?(?:(\d{4})\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|final)[\s-](quarter|half|period)(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(\d{4}))?\b/gi;
    each(re, ctx.text, (m) => {
      // Groups: 1 "this/last/next year's", 2 fiscal, 3 year before, 4 ordinal, 5 unit, 6 year after.
      if (m[5].toLowerCase() === 'period') return;
      const ordWord = m[4].toLowerCase();
      const ord = ORDINAL_Q[ordWord];
      const half = m[5].toLowerCase() === 'half';
      if (half && ord > 2 && ordWord !== 'final') return;
      const idx = half ? (ordWord === 'final' ? 2 : ord) : ord;
      const code = `${half ? 'H' : 'Q'}${idx}`;
      let year = m[3] ? +m[3] : m[6] ? +m[6] : null;
      let timeml: string | null = null;
      let resolution = 'absolute';
      if (year === null && m[1]) {
        // "this year's third quarter", "next year's first quarter".
        if (ctx.ref) year = ctx.ref.y + (SHIFT[m[1].toLowerCase()] ?? 0);
        resolution = 'relative-period';
      }
      if (year !== null) timeml = `${year}-${code}`;
      else if (ctx.ref) {
        resolution = 'relative-past-quarter';
        const cur = half ? (ctx.ref.m <= 6 ? 1 : 2) : quarterOf(ctx.ref.m);
        // The quarter being named is this year's if it has started by the reference date, else last year's.
        const y = idx <= cur || ctx.futureCue(m.index) ? ctx.ref.y : ctx.ref.y - 1;
        timeml = `${y}-${code}`;
      } else resolution = 'unresolved-no-reference';
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml, resolution, rule: this.name });
    });
    // "the 1988 quarter", "the 1989 period": a named year of the quarter under discussion. The quarter
    // number comes from the discourse (quarterDiscourse in refiners.ts); alone it is that year.
    each(/\bthe\s+((?:1[6-9]|20)\d\d)\s+(quarter|period)\b/gi, ctx.text, (m) => {
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml: m[1], resolution: 'absolute', rule: 'year-quarter' });
    });
    each(/\b(?:the|that|this)\s+(?:latest\s+|most recent\s+|same\s+|recent\s+)?(quarter|period)\b/gi, ctx.text, (m) => {
      if (m[1].toLowerCase() === 'period' && !/latest|most recent/i.test(m[0])) return;
      const current = /^this/i.test(m[0]);
      const timeml = ctx.ref ? relativePeriod(ctx.ref, 'quarter', current ? 0 : -1) : null;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml, resolution: ctx.ref ? 'relative-past-quarter' : 'unresolved-no-reference', rule: this.name });
    });
    return out;
  },
};

/**
 * Years alone ("in 2019", "fiscal 1989", "the 1990s", "mid-1998"). Guarded against model numbers
 * ("Shahed-191", "F-16"), money ("$1998"), counts ("2,000 people") and scores by the neighbours.
 */
export const yearRule: DateRule = {
  name: 'year',
  propose(ctx) {
    const out: Candidate[] = [];
    const re = /\b(?:(fiscal|calendar)\s+)?(?:(early|late|mid)[\s-]+)?((?:1[6-9]|20)\d\d)(s)?\b/gi;
    each(re, ctx.text, (m) => {
      const before = ctx.text.slice(Math.max(0, m.index - 2), m.index);
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (/[$£€#-]\s?$|[A-Za-z]-$|\d[.,]$/.test(before)) return; // "$2000", "Shahed-1910", "3,2019"
      if (/^(?:[.,:/-]\d|\s*(?:%|percent|people|troops|soldiers|dollars|euros|km|miles|meters|feet|tons|votes|times|members|cases|units|deaths))/i.test(after)) return;
      const year = m[3];
      let start = m.index;
      if (m[4]) {
        // Decades: TimeML writes "199" for the 1990s.
        const headStart = /\bthe\s+$/i.test(ctx.text.slice(Math.max(0, start - 4), start)) ? start - 4 : start;
        out.push({ start: headStart, end: m.index + m[0].length, type: 'DATE', timeml: year.slice(0, 3), resolution: 'absolute', rule: this.name });
        return;
      }
      out.push({ start, end: m.index + m[0].length, type: 'DATE', timeml: year, resolution: 'absolute', rule: this.name });
    });
    return out;
  },
};

/**
 * "the year" in results language: "for the year ended Sept. 30" is a one-year span (`P1Y`); "for the full
 * year", "a high for the year", "the first nine months of the year" are the reference year.
 */
export const theYearRule: DateRule = {
  name: 'the-year',
  propose(ctx) {
    const out: Candidate[] = [];
    each(/\b(for|of|in|during|through|throughout)\s+(the\s+(?:full\s+|fiscal\s+|entire\s+|whole\s+)?year)\b(?![-'’])/gi, ctx.text, (m) => {
      const start = m.index + m[0].length - m[2].length;
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      if (/^\s+\d{4}\b/.test(after)) return; // "the year 1998" is the year rule's
      const span = /^\s+(?:that\s+)?(?:ended|ending|ends|to)\b/i.test(after);
      const timeml = span ? 'P1Y' : ctx.ref ? String(ctx.ref.y) : null;
      out.push({ start, end: start + m[2].length, type: span ? 'DURATION' : 'DATE', timeml, resolution: span ? 'duration' : ctx.ref ? 'relative-period' : 'unresolved-no-reference', rule: this.name });
    });
    return out;
  },
};

/** Frequencies ("daily", "every week", "each year", "annually"): TimeML SET with a period value. */
export const frequencyRule: DateRule = {
  name: 'frequency',
  propose(ctx) {
    const out: Candidate[] = [];
    // "quarterly" and "annually" are mostly adjectives of money ("quarterly dividend", "$5 million
    // annually"): TBAQ annotates 1 of 11 "quarterly" and 1 of 5 "annually", so they are left out.
    const units: Record<string, string> = { hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', yearly: 'P1Y' };
    each(/\b(hourly|daily|nightly|weekly|monthly|yearly|(?:every|each|per)\s+(?:(\w+)\s+)?(hour|day|week|month|quarter|year)s?)\b/gi, ctx.text, (m) => {
      const head = m[1].toLowerCase();
      let timeml = units[head];
      if (!timeml) {
        const n = m[2] ? numberOf(m[2]) : 1;
        if (Number.isNaN(n)) return;
        timeml = duration(n, m[3]);
      }
      out.push({ start: m.index, end: m.index + m[0].length, type: 'SET', timeml, resolution: 'set', rule: this.name });
    });
    return out;
  },
};

const WEEKDAY_NUMBER: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };

/**
 * Recurring weekdays ("every Thursday", "each Monday", "on Tuesdays"): a TimeML SET on the weekday
 * (`XXXX-WXX-4`), not the past Thursday a bare weekday would give.
 */
export const weekdaySetRule: DateRule = {
  name: 'weekday-set',
  propose(ctx) {
    const out: Candidate[] = [];
    each(/\b(?:(?:every|each)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?<=\bon\s)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s)\b/g, ctx.text, (m) => {
      const day = WEEKDAY_NUMBER[(m[1] ?? m[2]).toLowerCase()];
      out.push({ start: m.index, end: m.index + m[0].length, type: 'SET', timeml: `XXXX-WXX-${day}`, resolution: 'set', rule: this.name });
    });
    return out;
  },
};

const DECADE_WORDS: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };

/**
 * Centuries and decades named without four digits: "the 20th century" → `19`, "the nineties" / "the '80s"
 * → `199` / `198` (TimeML truncates the value to the known digits). A spelled decade without "the" ("in
 * their forties") is an age, so "the" is required; a bare two-digit decade needs the apostrophe.
 */
export const centuryDecadeRule: DateRule = {
  name: 'century-decade',
  propose(ctx) {
    const out: Candidate[] = [];
    each(/\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]century\b/gi, ctx.text, (m) => {
      const n = +m[1];
      if (n < 1 || n > 21) return;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml: String(n - 1).padStart(2, '0'), resolution: 'absolute', rule: this.name });
    });
    each(/\bthe\s+(?:(?:late|early|mid)[\s-]+)?(?:(nineteen)[\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|\bthe\s+(?:(?:late|early|mid)[\s-]+)?['’]([2-9])0s\b/gi, ctx.text, (m) => {
      const digit = m[2] ? DECADE_WORDS[m[2].toLowerCase()] : +m[3];
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml: `19${digit}`, resolution: 'absolute', rule: this.name });
    });
    return out;
  },
};

/**
 * Years spelled out, as in broadcast transcripts ("nineteen ninety-six", "the year two thousand"):
 * TBAQ's spoken-news files have 8 of them.
 */
export const spelledYearRule: DateRule = {
  name: 'spelled-year',
  propose(ctx) {
    const out: Candidate[] = [];
    const units = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const tens: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
    each(/\b(?:(nineteen)\s+(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](one|two|three|four|five|six|seven|eight|nine))?|(?:the\s+year\s+)?two thousand(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine))?)\b/gi, ctx.text, (m) => {
      if (/\d/.test(m[0])) return;
      const year = m[1] ? 1900 + tens[m[2].toLowerCase()] + (m[3] ? units.indexOf(m[3].toLowerCase()) : 0) : 2000 + (m[4] ? units.indexOf(m[4].toLowerCase()) : 0);
      // "two thousand" alone is mostly a count ("two thousand people") unless framed as a year.
      if (!m[1] && !/^the\s+year/i.test(m[0]) && !/\b(?:in|since|by|until|of)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 7), m.index))) return;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml: String(year), resolution: 'absolute', rule: this.name });
    });
    return out;
  },
};

/** Fixed holidays and Thanksgiving (fourth Thursday of November), in their most recent past occurrence. */
export const holidayRule: DateRule = {
  name: 'holiday',
  propose(ctx) {
    const out: Candidate[] = [];
    each(/\b(Christmas Day|Christmas Eve|Christmas|New Year's Day|New Year's Eve|Independence Day|Thanksgiving(?: Day)?|Halloween|Valentine's Day)\b/g, ctx.text, (m) => {
      if (!ctx.ref) {
        out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml: null, resolution: 'unresolved-no-reference', rule: this.name });
        return;
      }
      const name = m[1].toLowerCase();
      const on = (y: number) => {
        if (name.startsWith('thanksgiving')) {
          const nov1 = weekday({ y, m: 11, d: 1 });
          return { y, m: 11, d: 1 + ((4 - nov1 + 7) % 7) + 21 };
        }
        const fixed: Record<string, [number, number]> = { 'christmas day': [12, 25], 'christmas eve': [12, 24], christmas: [12, 25], "new year's day": [1, 1], "new year's eve": [12, 31], 'independence day': [7, 4], halloween: [10, 31], "valentine's day": [2, 14] };
        const [mm, dd] = fixed[name];
        return { y, m: mm, d: dd };
      };
      let day = on(ctx.ref.y);
      const future = ctx.futureCue(m.index);
      if (!future && toDaysCmp(day, ctx.ref) > 0) day = on(ctx.ref.y - 1);
      out.push({ start: m.index, end: m.index + m[0].length, type: 'DATE', timeml: fmtDay(day), resolution: 'relative-holiday', rule: this.name });
    });
    return out;
  },
};

const toDaysCmp = (a: Ymd, b: Ymd) => (a.y - b.y) * 400 + (a.m - b.m) * 32 + (a.d - b.d);

export const newsRules: DateRule[] = [weekdaySetRule, centuryDecadeRule, theYearRule, spelledYearRule, holidayRule, relativeDay, relativeMonth, vagueReference, relativePeriodRule, offsetRule, durationRule, quarterRule, yearRule, frequencyRule];
