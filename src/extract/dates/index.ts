// Date mentions of an article, normalised against its publication date with a news (past) bias:
// chrono-node proposes calendar forms, news rules propose relative/vague/duration forms, refiners filter
// and merge. Pure and cheap, so the lead can call it again when an undated article gets a date.

import type { DateMention, TextReady } from '../../model/article.js';
import { addDays, fmtMonth, parseYmd, toDays } from './calendar.js';
import { proposeCalendar } from './calendar-parser.js';
import { futureCueWindow } from './params.js';
import { reportingClause } from './governing-clause.js';
import { anaphoricDates, clockBeforeDay, dateFilters, includeApproximator, monthWithRelativeYear, quarterDiscourse, resolveOverlaps } from './refiners.js';
import { newsRules, type Candidate, type RuleContext, type TimexType } from './rules.js';
import { sentenceOf } from '../sentence-of.js';

/** A mention with its TimeML reading (what eval/timex.ts scores) beside the contract value. */
export interface TimexMention extends DateMention {
  type: TimexType;
  /** TimeML TIMEX3 value: `2022-W28`, `1998-Q1`, `PRESENT_REF`, `PXY`, `1998-08-07TMO`, … */
  timeml: string | null;
  rule: string;
}

// Future cues: modal/intention words, and the schedule words of notices ("payable Jan. 2", "effective
// Feb. 1", "as soon as Tuesday", "set to resume Monday"); each seen on TBAQ future-dated expressions.
const FUTURE_CUE = /\b(?:will|won't|shall|'ll|next|upcoming|scheduled|expected to|plans? to|planned|due to|to be held|is to|are to|going to|would|as soon as|as early as|set to|effective|payable|expires?|starting|beginning)\b/i;

// A deadline preposition right before the expression points ahead ("talks until Friday", "ahead of
// March"). TBAQ: no change either way; "by" and "through" were tried too and cost 0.2 value F1 on
// TimeBank ("through March" mostly closes a past span), so they are left out.
const DEADLINE_BEFORE = /\b(?:until|till|ahead of)\s+(?:early\s+|mid-?|late\s+)?$/i;

// A schedule told in the past ("had been due to expire Friday", "was scheduled to end Monday") was set
// before the report and mostly concerns a day already past: the future cue does not apply. TBAQ TimeBank:
// 2 such weekdays, both past.
const PAST_SCHEDULE = /\b(?:had been|was|were)\s+(?:scheduled|due|expected|set|supposed|planned)\b/i;

type Bounds = { start: number; end: number }[];

/**
 * Contract form of a TimeML value: days, months, years and plain durations pass; weeks become the month
 * holding their Thursday, quarters/halves/seasons their year; vague values (PRESENT_REF, PXY, decades) and
 * frequencies (SET) have no contract value (null) — `resolution` still says what they were.
 */
export function contractValue(timeml: string | null, type: TimexType): string | null {
  if (!timeml || type === 'SET') return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(timeml)) return timeml.slice(0, 10);
  if (/^\d{4}(-\d{2})?$/.test(timeml)) return timeml;
  const week = /^(\d{4})-W(\d{2})/.exec(timeml);
  if (week) {
    // ISO week 1 holds Jan 4th; the week's Thursday decides its month.
    const jan4 = { y: +week[1], m: 1, d: 4 };
    const dow = (new Date(toDays(jan4) * 86_400_000).getUTCDay() + 6) % 7;
    const thursday = addDays(jan4, (+week[2] - 1) * 7 - dow + 3);
    return fmtMonth(thursday.y, thursday.m);
  }
  const part = /^(\d{4})-(?:Q\d|H\d|SP|SU|FA|WI)$/.exec(timeml);
  if (part) return part[1];
  const dur = /^P(T?)(\d+)(DE|CE|Q|[YMWDHS])$/.exec(timeml);
  if (dur) {
    const n = +dur[2];
    if (dur[3] === 'DE') return `P${n * 10}Y`;
    if (dur[3] === 'CE') return `P${n * 100}Y`;
    if (dur[3] === 'Q') return `P${n * 3}M`;
    return timeml;
  }
  return null;
}

/** All temporal expressions of `text` with TimeML and contract values. `published` is YYYY-MM-DD or null. */
export function detectTimexes(text: string, published: string | null, sentences?: Bounds): TimexMention[] {
  const ref = parseYmd(published);
  const ctx: RuleContext = {
    text,
    ref,
    futureCue(pos) {
      let from = Math.max(0, pos - futureCueWindow);
      const window = text.slice(from, pos);
      const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'), window.lastIndexOf('; '));
      // Only the date's own clause decides its tense, not a quote or reported clause before its verb.
      const clause = reportingClause(cut >= 0 ? window.slice(cut + 1) : window);
      if (PAST_SCHEDULE.test(clause) && !/\b(?:will|next)\b/i.test(clause)) return false;
      return FUTURE_CUE.test(clause) || DEADLINE_BEFORE.test(window);
    },
  };
  const proposed: Candidate[] = proposeCalendar(ctx);
  for (const rule of newsRules) for (const c of rule.propose(ctx)) proposed.push(c);
  const kept = monthWithRelativeYear(resolveOverlaps(proposed.filter((c) => !dateFilters.some((f) => f.rejects(c, text)))), text);
  quarterDiscourse(kept, text);
  includeApproximator(kept, text);
  clockBeforeDay(kept, text);
  return anaphoricDates(kept, text).map((c) => {
    // Without a reference date only absolute values survive (an explicit year, a duration, or an
    // anaphoric date whose antecedent was explicit).
    const absolute = c.resolution === 'absolute' || c.resolution === 'duration' || c.resolution === 'set' || c.resolution === 'anaphoric-absolute';
    const timeml = ref || absolute ? c.timeml : null;
    return {
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      value: contractValue(timeml, c.type),
      resolution: ref || absolute ? c.resolution : 'unresolved-no-reference',
      timex: timeml,
      sentence: sentenceOf(sentences, c.start),
      type: c.type,
      timeml,
      rule: c.rule,
    };
  });
}

/** Date mentions of raw text (evaluation, tests). Offsets index `text`; `sentence` is -1 without bounds. */
export function extractDatesFromText(text: string, published: string | null, sentences?: { start: number; end: number }[]): DateMention[] {
  return detectTimexes(text, published, sentences).map(({ start, end, text: t, value, resolution, timex, sentence }) => ({ start, end, text: t, value, resolution, timex, sentence }));
}

/** Date mentions of an article, offsets into `article.clean.text`, resolved against `published`. */
export function extractDates(article: TextReady, published: string | null): DateMention[] {
  return extractDatesFromText(article.clean.text, published, article.text.sentences);
}
