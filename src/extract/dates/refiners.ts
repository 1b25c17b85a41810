// Refiners over all proposed temporal expressions (chrono's design: parsers propose, refiners filter and
// merge): false-positive filters, each a named unit with its reason, then overlap resolution and
// discourse-level adjustments.

import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, parseYmd } from './calendar.js';
import { anaphorWindow } from './params.js';
import { PART_OF_DAY, type Candidate } from './rules.js';

export interface DateFilter {
  name: string;
  /** True when the candidate is NOT a temporal expression. */
  rejects(c: Candidate, text: string): boolean;
}

const PREPOSITION_BEFORE = /\b(?:in|since|by|until|till|through|from|to|of|early|late|mid|last|next|this|during|before|after|between|and|or|on|around|for|that|each|every)\s+$/i;

/** "may" the modal and "March" the verb/noun ("a march on the capital") are not months unless framed as one. */
export const monthWordIsVerb: DateFilter = {
  name: 'month-word-is-verb',
  rejects(c, text) {
    const word = text.slice(c.start, c.end);
    if (!/^(may|march)$/i.test(word)) return false;
    if (word[0] !== word[0].toUpperCase()) return true;
    const before = text.slice(Math.max(0, c.start - 16), c.start);
    const after = text.slice(c.end, c.end + 8);
    return !(PREPOSITION_BEFORE.test(before) || /^\s*,?\s*\d/.test(after));
  },
};

/** "24/7", "9/11", "50/50": slash numbers without a year are rarely dates in news prose. */
export const slashWithoutYear: DateFilter = {
  name: 'slash-without-year',
  rejects(c, text) {
    const word = text.slice(c.start, c.end);
    return /^\d{1,2}\/\d{1,2}$/.test(word);
  },
};

/** "Shahed-191", "F-16", "COVID-19", "Su-2024": a number glued to a name by a hyphen is a model/name. */
export const partOfName: DateFilter = {
  name: 'part-of-name',
  rejects(c, text) {
    return /[A-Za-z]-$/.test(text.slice(Math.max(0, c.start - 2), c.start)) && /^\d/.test(text.slice(c.start, c.end));
  },
};

/** Scores and ratios ("won 3-1", "a 2:1 vote") and bare clock-like numbers without a clock marker. */
export const scoreOrRatio: DateFilter = {
  name: 'score-or-ratio',
  rejects(c, text) {
    if (c.type !== 'TIME') return false;
    const word = text.slice(c.start, c.end);
    if (/[ap]\.?m\b|noon|midnight|o'clock|morning|afternoon|evening|night|[A-Za-z]{3}/i.test(word)) return false;
    // "3:1" after a score/vote word; a clock "10:30" needs "at"/"by"/… before it.
    const before = text.slice(Math.max(0, c.start - 12), c.start);
    return !(/\d:\d\d/.test(word) && /\b(?:at|by|until|till|from|before|after|around|about|since)\s+$/i.test(before));
  },
};

/** "Sun Microsystems", "Sat" in a name: a bare three-letter weekday abbreviation without a dot is not a date. */
export const weekdayAbbreviation: DateFilter = {
  name: 'weekday-abbreviation',
  rejects(c, text) {
    return /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i.test(text.slice(c.start, c.end)) && text[c.end] !== '.';
  },
};

/** "convicted in November of 54 counts", "in May of 20 percent": chrono reads "<Month> of NN" as a
 * two-digit year even when NN counts the word after it. A year written that way ends the phrase ("in May
 * of 87 when", "of 98."), so a lower-case noun right after the number means it is no year. Dropping the
 * mention loses the month; keeping it put a wrong year (1954) on the timeline. */
export const monthOfCount: DateFilter = {
  name: 'month-of-count',
  rejects(c, text) {
    if (!/\bof\s+\d{1,2}$/i.test(text.slice(c.start, c.end))) return false;
    const next = /^\s+([a-z]+)/.exec(text.slice(c.end, c.end + 24));
    return !!next && !/^(when|as|and|or|but|while|after|before|until|in|at|on|to|with|for|the|a|an)$/.test(next[1]);
  },
};

/** A date phrase needs a head word: a lone lowercase "march"/"may" is dropped above; "second" as ordinal is handled by the duration rule. */
export const dateFilters: DateFilter[] = [monthWordIsVerb, weekdayAbbreviation, slashWithoutYear, partOfName, scoreOrRatio, monthOfCount];

/**
 * Overlaps: the longest expression wins ("last Friday morning" over "Friday"); on equal length the
 * earlier proposer (chrono's calendar reading) wins. Linear after sorting.
 */
export function resolveOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = cands
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.i - b.i);
  const taken: Candidate[] = [];
  for (const { c } of sorted) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start);
}

const CLOCK_BEFORE = /\b(noon|midnight|mid-?\s?(?:morning|afternoon|day)|early morning|late (?:morning|afternoon|evening|night))\s+$/i;

/**
 * A clock word or part of day written before a day ("noon Thursday", "midnight Friday", "mid-afternoon
 * yesterday") makes one TIME expression, as TimeML marks it (TBAQ TimeBank: 4 such phrases, all one span).
 */
export function clockBeforeDay(mentions: Candidate[], text: string): void {
  for (const c of mentions) {
    if (c.type !== 'DATE' || !c.timeml || !/^\d{4}-\d{2}-\d{2}$/.test(c.timeml)) continue;
    const m = CLOCK_BEFORE.exec(text.slice(Math.max(0, c.start - 20), c.start));
    if (!m) continue;
    const word = m[1].toLowerCase();
    const suffix = word === 'noon' ? '12:00' : word === 'midnight' ? '24:00' : /afternoon/.test(word) ? 'AF' : /morning/.test(word) ? 'MO' : /evening/.test(word) ? 'EV' : /night/.test(word) ? 'NI' : 'MI';
    c.start -= m[0].length;
    c.type = 'TIME';
    c.timeml = `${c.timeml}T${suffix}`;
  }
}

const APPROXIMATOR = /\b(?:almost|nearly|about|roughly|approximately|more than|less than|over|at least|up to)\s+$/i;

/**
 * TimeML puts an approximator inside a counted duration or offset ("almost two years ago", "at least 30
 * days", "more than four hours"; the `mod` attribute). TBAQ TimeBank includes it in 13 of 15 such
 * phrases; AQUAINT in 5 of 11 ("only"/"just" are never included, so they are not in the list).
 */
export function includeApproximator(mentions: Candidate[], text: string): void {
  for (const c of mentions) {
    if (c.rule !== 'duration' && c.rule !== 'relative-offset') continue;
    if (!/^(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|fifty|hundred)/i.test(text.slice(c.start, c.end))) continue;
    const m = APPROXIMATOR.exec(text.slice(Math.max(0, c.start - 20), c.start));
    if (m) c.start -= m[0].length;
  }
}

/**
 * Quarter discourse in earnings reports. "a year ago"/"a year earlier"/"year-earlier" after a quarter in the same text means that quarter a
 * year before (earnings reports: "third-quarter profit … compared with $2 a share a year earlier"); TBAQ
 * annotates 30 of 40 such phrases this way.
 */
export function quarterDiscourse(mentions: Candidate[], text: string): void {
  let lastQuarter: { y: number; q: string } | null = null;
  for (const c of mentions) {
    // (Tried: "the quarter" after a named quarter = that quarter. TBAQ value F1 fell 0.2: its annotators
    // mostly read "the quarter" as the one just ended, which the quarter rule already gives.)
    const q = c.timeml && /^(\d{4})-(Q\d|H\d)$/.exec(c.timeml);
    if (q) {
      lastQuarter = { y: +q[1], q: q[2] };
      continue;
    }
    if (c.rule === 'year-quarter' && c.timeml) {
      // "the 1988 quarter" after "the third quarter": 1988's third quarter.
      if (lastQuarter) c.timeml = `${c.timeml}-${lastQuarter.q}`;
      continue;
    }
    if (lastQuarter && c.rule === 'relative-offset' && c.timeml && /^\d{4}$/.test(c.timeml) && /^(?:a|one)\s+year\s+(?:ago|earlier)|^year-(?:earlier|ago)/i.test(text.slice(c.start, c.end))) {
      c.timeml = `${lastQuarter.y - 1}-${lastQuarter.q}`;
      c.resolution = 'relative-offset-quarter';
    }
  }
}

/**
 * "June last year", "January this year", "April next year": the month takes the year of the relative
 * year that follows it, as one mention (TBAQ annotates both "June last year" and "June" alone, both with
 * the shifted year; chrono alone would give the reference year's June).
 */
export function monthWithRelativeYear(mentions: Candidate[], text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (b && a.timeml && /^\d{4}-\d{2}$/.test(a.timeml) && a.rule.startsWith('chrono:') && b.timeml && /^\d{4}$/.test(b.timeml) && /^(?:this|last|next)\s+year$/i.test(text.slice(b.start, b.end)) && /^[\s,]{1,3}$/.test(text.slice(a.end, b.start))) {
      out.push({ ...a, end: b.end, timeml: `${b.timeml}${a.timeml.slice(4)}`, resolution: 'relative-period' });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

// Anaphoric dates: the unit they need from their antecedent, and the shift ("the following month" = +1).
const ANAPHOR = /\b(?:(that(?:\s+same)?|the\s+same)\s+(year|month|week|day|morning|afternoon|evening|night)|(the\s+following)\s+(year|month|week|day)|(the\s+next)\s+(day)|(?<=\b(?:until|till|by)\s)(then))\b(?![-'’]\w|\s+(?:care|trader|traders|after|to|by)\b)/gi;

/**
 * Anaphoric dates take their value from the last explicit date before them, not from the publication
 * date: "On May 22, 1995, she was promoted, and the following year …" is 1996; "imports totaled $37
 * million in 1988, a small share of the total that year" is 1988; "rights terminate on Nov. 30. Until
 * then, …" marks "then" as Nov. 30 (TimeML annotates the "then" alone). The antecedent must lie within
 * `anaphorWindow` characters and be at least as precise as the anaphor (a day for "that day", a month
 * for "that month"); otherwise nothing is proposed, since a generic "that day" ("trades made that day")
 * has no date. Anaphors proposed here are antecedents for later ones. TBAQ TimeBank: 4 annotated
 * anaphors ("the following year", "that year", "The following month", "then"), all resolved.
 */
export function anaphoricDates(mentions: Candidate[], text: string): Candidate[] {
  const out = [...mentions];
  ANAPHOR.lastIndex = 0;
  for (let m = ANAPHOR.exec(text); m; m = ANAPHOR.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((c) => c.start < end && start < c.end)) continue;
    // The antecedent: the nearest earlier dated mention (a calendar value, not a duration, set or vague reference).
    let ante: Candidate | null = null;
    for (const c of out) {
      if (c.end > start) break;
      if ((c.type === 'DATE' || c.type === 'TIME') && c.timeml && /^\d{4}/.test(c.timeml)) ante = c;
    }
    if (!ante || start - ante.end > anaphorWindow) continue;
    const av = ante.timeml!;
    const unit = (m[2] ?? m[4] ?? m[6] ?? 'then').toLowerCase();
    const shift = m[3] || m[5] ? 1 : 0;
    const day = /^\d{4}-\d{2}-\d{2}/.test(av) ? parseYmd(av) : null;
    let timeml: string | null = null;
    let type: Candidate['type'] = 'DATE';
    if (unit === 'then') timeml = av;
    else if (unit === 'year') timeml = String(+av.slice(0, 4) + shift);
    else if (unit === 'month') {
      const mm = /^(\d{4})-(\d{2})(?:$|-\d{2})/.exec(av);
      if (mm) {
        const v = addMonths({ y: +mm[1], m: +mm[2], d: 1 }, shift);
        timeml = fmtMonth(v.y, v.m);
      }
    } else if (unit === 'week') {
      if (day) timeml = fmtWeek(addDays(day, 7 * shift));
      else if (/^\d{4}-W\d{2}$/.test(av) && !shift) timeml = av;
    } else if (day) {
      timeml = fmtDay(addDays(day, shift));
      if (unit !== 'day') {
        type = 'TIME';
        timeml += `T${PART_OF_DAY[unit]}`;
      }
    }
    if (!timeml) continue;
    const absolute = ante.resolution === 'absolute' || ante.resolution === 'anaphoric-absolute';
    out.push({ start: unit === 'then' ? end - 4 : start, end, type, timeml, resolution: absolute ? 'anaphoric-absolute' : 'anaphoric', rule: 'anaphoric' });
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}
