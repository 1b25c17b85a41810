// chrono-node proposes the calendar forms it reads well (month names with days and years, weekdays,
// numeric dates, clock times); we keep which components it was *certain* of and resolve the rest ourselves
// with a past bias, because chrono's own guesses (forwardDate off) take the nearest weekday, not the past one.

// The English build only: the other locales cost ~75 ms to load and are never used.
import * as chrono from 'chrono-node/en';
import { addDays, fmtDay, fmtMonth, lastMonthYear, toDays, weekday, type Ymd } from './calendar.js';
import { futureDayTolerance, futureMonthTolerance } from './params.js';
import { PART_OF_DAY, type Candidate, type RuleContext } from './rules.js';

// Only the calendar parsers: chrono's casual/relative parsers ("now", "last month") are replaced by the
// news rules (which know TimeML granularity), and its range/relative merging refiners are dropped so that
// "June 8 and July 5" stays two mentions and "last month, this week" is not fused into one.
const KEEP_PARSERS = new Set([
  'ENYearMonthDayParser', 'ISOFormatParser', 'SlashDateFormatParser', 'ENMonthNameLittleEndianParser',
  'ENMonthNameMiddleEndianParser', 'ENWeekdayParser', 'ENSlashMonthFormatParser', 'ENTimeExpressionParser',
  'ENYearMonthNameParser', 'ENMonthNameParser',
]);
const DROP_REFINERS = new Set(['ENMergeDateRangeRefiner', 'ENMergeRelativeAfterDateRefiner', 'ENMergeRelativeFollowByDateRefiner', 'ForwardDateRefiner', 'ENEndOfPeriodRefiner']);

const parser = chrono.casual.clone();
parser.parsers = parser.parsers.filter((p) => KEEP_PARSERS.has(p.constructor.name));
parser.refiners = parser.refiners.filter((r) => !DROP_REFINERS.has(r.constructor.name));

/**
 * Trigger words: every calendar form chrono's kept parsers read holds a month or weekday name, a digit
 * with a separator (dates, clock times), a digit with am/pm, or a clock word. chrono costs about 80 µs per
 * 1,000 characters whatever the text holds, so it only reads windows around triggers (bench/dates.ts).
 */
const TRIGGER = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:r(?:s)?)?|fri|sat(?:ur)?|sun)(?:day)?s?)\b|\d[/:.-]\d|\d\s*[ap]\.?m\b|\b(?:noon|midnight|o'clock)\b/gi;

/**
 * Margin (characters) kept on each side of a trigger: the longest calendar phrase we expect around its
 * trigger word ("the 5th of July" to the left, "July 12, 2022 at 10:30 a.m." to the right) is about 30
 * characters; 60 leaves room, and windows closer than that merge. Checked: TBAQ scores are identical
 * with and without windows (eval/timex.ts).
 */
const WINDOW_MARGIN = 60;

/** Character windows around trigger words, snapped to whitespace and merged when they touch. */
export function triggerWindows(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    let start = Math.max(0, m.index - WINDOW_MARGIN);
    let end = Math.min(text.length, m.index + m[0].length + WINDOW_MARGIN);
    // Snap outwards to whitespace so no word is cut in half (a cut "2022" could read as a different number).
    while (start > 0 && !/\s/.test(text[start - 1])) start--;
    while (end < text.length && !/\s/.test(text[end])) end++;
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

const CLOCK_MARK = /[ap]\.?m\b|\bnoon\b|\bmidnight\b|o'clock|\d:\d\d/i;
const CALENDAR_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i;
const LEADING = /^(?:on|in|at|by|since|until|till|from|during|of|before|after|around|about|to)\s+/i;

/** Weekday: past bias ("said Tuesday" is the last Tuesday, the same day counting), future with a cue. */
function resolveWeekday(ref: Ymd, target: number, prefix: string, future: boolean): { day: Ymd; resolution: string } {
  const dow = weekday(ref);
  const back = (dow - target + 7) % 7;
  const ahead = (target - dow + 7) % 7;
  if (prefix === 'last') return { day: addDays(ref, -(back === 0 ? 7 : back)), resolution: 'relative-last-weekday' };
  if (prefix === 'next') return { day: addDays(ref, ahead === 0 ? 7 : ahead), resolution: 'relative-next-weekday' };
  if (prefix === 'this') {
    // "this Friday": the one of the reference's (Monday-based) week.
    const monday = addDays(ref, -((dow + 6) % 7));
    return { day: addDays(monday, (target + 6) % 7), resolution: 'relative-this-weekday' };
  }
  if (future && ahead !== 0) return { day: addDays(ref, ahead), resolution: 'relative-future-weekday' };
  return { day: addDays(ref, -back), resolution: 'relative-past-weekday' };
}

/** Year of a month(/day) given without one: the reference year unless that puts it clearly in the future. */
function inferYear(ref: Ymd, month: number, day: number | null, future: boolean): number {
  if (future) {
    const thisYear = day === null ? month >= ref.m - 0 : toDays({ y: ref.y, m: month, d: day }) >= toDays(ref) - 7;
    return thisYear ? ref.y : ref.y + 1;
  }
  if (day === null) {
    if (month - ref.m > futureMonthTolerance) return ref.y - 1;
    return wrapsAhead(month - ref.m + 12, futureMonthTolerance) ? ref.y + 1 : ref.y;
  }
  const ahead = toDays({ y: ref.y, m: month, d: day }) - toDays(ref);
  if (ahead > futureDayTolerance) return ref.y - 1;
  return wrapsAhead(toDays({ y: ref.y + 1, m: month, d: day }) - toDays(ref), futureDayTolerance) ? ref.y + 1 : ref.y;
}

/**
 * Year-end wrap: the tolerance for a near-future month also holds across New Year. "in January" in a
 * November report is two months ahead, not ten months back (the tolerance alone only compared months
 * within the reference year). TBAQ TimeBank: the one bare month of this kind ("… company in January",
 * written Nov. 2) is annotated as the coming January; no past month or month-day lies this close.
 */
function wrapsAhead(distance: number, tolerance: number): boolean {
  return distance > 0 && distance <= tolerance;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function proposeCalendar(ctx: RuleContext): Candidate[] {
  const out: Candidate[] = [];
  const refDate = ctx.ref ? new Date(Date.UTC(ctx.ref.y, ctx.ref.m - 1, ctx.ref.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const results: { r: chrono.ParsedResult; offset: number }[] = [];
  for (const w of triggerWindows(ctx.text)) {
    for (const r of parser.parse(ctx.text.slice(w.start, w.end), { instant: refDate, timezone: 0 }, { forwardDate: false })) results.push({ r, offset: w.start });
  }
  for (const { r, offset } of results) {
    let start = r.index + offset;
    let text = r.text;
    const lead = LEADING.exec(text);
    if (lead) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    text = text.replace(/[\s,.;:]+$/, (s) => (/^\.$/.test(s) && /\b[A-Z][a-z]{2}\.$/.test(text) ? s : ''));
    const s = r.start;
    // chrono reads "6.43, on Friday" and "at 20 million" as clock times: without a clock marker we keep only
    // the calendar part (or nothing, when there is none).
    let clock = s.isCertain('hour') && CLOCK_MARK.test(text);
    if (s.isCertain('hour') && !clock) {
      const word = CALENDAR_WORD.exec(text);
      if (!word || !(s.isCertain('weekday') || s.isCertain('month'))) continue;
      start += word.index;
      text = text.slice(word.index).replace(/[\s,.;:]+$/, '');
    }
    // "March of the Combatant Mothers": a month name followed by "of" + a non-number is a name.
    text = text.replace(/\s+of$/i, '');
    const certain = (c: 'year' | 'month' | 'day' | 'weekday' | 'hour') => s.isCertain(c);
    const tags = r.tags();
    const future = ctx.futureCue(start);
    let day: string | null = null;
    let resolution = 'absolute';
    let granularity: 'day' | 'month' | 'year' | null = null;
    let prefix = /^(last|next|this)\s/i.exec(text)?.[1].toLowerCase() ?? '';
    // chrono's month parser leaves out "last"/"next"/"this" ("last May"): take them into the span.
    const before = /\b(last|next|this)\s+$/i.exec(ctx.text.slice(Math.max(0, start - 6), start));
    if (!prefix && before && s.isCertain('month') && !s.isCertain('day') && !s.isCertain('year')) {
      prefix = before[1].toLowerCase();
      start -= before[0].length;
      text = ctx.text.slice(start, start + before[0].length + text.length);
    }
    if (certain('month') && certain('day')) {
      granularity = 'day';
      if (certain('year')) day = fmtDay({ y: s.get('year')!, m: s.get('month')!, d: s.get('day')! });
      else if (ctx.ref) {
        const y = inferYear(ctx.ref, s.get('month')!, s.get('day')!, future);
        day = fmtDay({ y, m: s.get('month')!, d: s.get('day')! });
        resolution = 'relative-inferred-year';
      } else resolution = 'unresolved-no-reference';
    } else if (certain('month')) {
      granularity = 'month';
      if (certain('year')) day = fmtMonth(s.get('year')!, s.get('month')!);
      else if (ctx.ref) {
        const month = s.get('month')!;
        // "last May" is the most recent past May (see lastMonthYear), "next May" the coming one, "this
        // May" the reference year's.
        const y = prefix === 'last' ? lastMonthYear(ctx.ref, month) : prefix === 'next' ? (month > ctx.ref.m ? ctx.ref.y : ctx.ref.y + 1) : prefix === 'this' ? ctx.ref.y : inferYear(ctx.ref, month, null, future);
        day = fmtMonth(y, month);
        resolution = prefix ? `relative-${prefix}-month` : 'relative-past-month';
      } else resolution = 'unresolved-no-reference';
    } else if (certain('weekday')) {
      granularity = 'day';
      if (ctx.ref) {
        const w = resolveWeekday(ctx.ref, s.get('weekday')!, prefix, future);
        day = fmtDay(w.day);
        resolution = w.resolution;
      } else resolution = 'unresolved-no-reference';
    } else if (certain('year')) {
      granularity = 'year';
      day = String(s.get('year'));
    } else if (certain('hour')) {
      // A clock time alone ("at 10 a.m.") is taken on the reference day.
      if (ctx.ref) {
        day = fmtDay(ctx.ref);
        resolution = 'relative-reference-day';
      } else resolution = 'unresolved-no-reference';
    }
    let type: Candidate['type'] = 'DATE';
    let timeml = day;
    if (clock && (granularity === 'day' || granularity === null)) {
      type = 'TIME';
      if (day) timeml = `${day}T${pad2(s.get('hour')!)}:${pad2(s.get('minute') ?? 0)}`;
    }
    // "Friday morning", "Wednesday night": TimeML appends the part of day.
    let end = start + text.length;
    const part = /^\s+(morning|afternoon|evening|night)\b/i.exec(ctx.text.slice(end, end + 12));
    if (part && type === 'DATE' && granularity === 'day') {
      end += part[0].length;
      type = 'TIME';
      if (timeml) timeml += `T${PART_OF_DAY[part[1].toLowerCase()]}`;
    }
    out.push({ start, end, type, timeml, resolution, rule: `chrono:${[...tags].find((t) => t.startsWith('parser/'))?.slice(7) ?? 'weekday'}` });
  }
  return out;
}
