// Parser `duration`: how long a bounded activity of the event lasted ("after 30 hours of deliberation",
// "deliberated for 40 hours over four days", "the standoff lasted nine hours"). One value per activity and
// event, in hours (a TIMEX3 duration: PT30H, P4D). Slot: the activity's class, within one event.
// Must not hit: durations of nothing in the classes ("five days of riots" is no bounded activity a reader
// checks), ages and spans of a life ("a 30-year career"), durations of another time or plan
// (frame.ts backgroundClause: "could take weeks"), spans of a sentence ("sentenced to 40 years").
// Also how long a standing practice had gone on ("reviews scientists have performed for 35 years"):
// `practiceSpan`, in months, keyed by the perfect's verb.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause, clauseTokens, subjectBefore } from '../frame.js';
import type { DateMention } from '../../../model/article.js';
import { stem } from '../../terms.js';

/** Activities whose length is one true value per event, by light stem. */
const ACTIVITIES: Record<string, string> = {
  deliberation: 'deliberation', deliberat: 'deliberation', standoff: 'standoff', siege: 'siege', search: 'search', blackout: 'blackout',
  lockdown: 'lockdown', shutdown: 'shutdown', surgery: 'surgery', interrogation: 'interrogation', interrogat: 'interrogation',
};
/** Words between the activity and the duration ("deliberated Nichols' fate for 40 hours"): a small window. */
const WINDOW = 6;
const HOURS: Record<string, number> = { M: 1 / 60, H: 1, D: 24, W: 168 };

/** Hours and unit of an ISO 8601 duration of one unit (PT30H, P4D), or null. */
function hoursOf(value: string | null | undefined): { hours: number; unit: string } | null {
  const m = /^PT?(\d+(?:\.\d+)?)([MHDW])$/.exec(value ?? '');
  if (!m) return null;
  // P3M is three months, PT3M three minutes: only the time part has minutes.
  if (m[2] === 'M' && !value!.startsWith('PT')) return null;
  return { hours: Number(m[1]) * HOURS[m[2]], unit: m[2] };
}

/** Years, months or weeks of an ISO duration of one unit (P35Y, P6M), as months; null for hours and days. */
function monthsOf(value: string | null | undefined): { months: number; unit: string } | null {
  const m = /^P(\d+(?:\.\d+)?)([YMW])$/.exec(value ?? '');
  if (!m) return null;
  return { months: Number(m[1]) * ({ Y: 12, M: 1, W: 12 / 52 } as Record<string, number>)[m[2]], unit: m[2] };
}

/** "have performed for 35 years", "has been run for two decades": the perfect and its verb before "for". */
const PERFECT_FOR = /\b(?:has|have|had)\s+(?:been\s+)?(?:[a-z]+ly\s+)?([a-z]+ed|run|done|made|held|kept|built|taught|led)\b(?:\s+[\w'’-]+){0,3}\s+for\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|over\s+|some\s+)?$/i;

/**
 * How long a standing practice had gone on when the event changed it ("reviews that government scientists
 * have performed for 35 years are being eliminated"): one value per practice and event, keyed by the
 * perfect's verb, in months. Must not hit: a span with no perfect before it ("served 35 years in
 * prison", "a 35-year career"), a plan or another time (backgroundClause), two named people's spans
 * (the participant keeps them apart), hours and days (the bounded activities above).
 */
function practiceSpan(u: SentenceUnit, d: DateMention): FactMention | null {
  const span = monthsOf(d.timex ?? d.value);
  if (!span) return null;
  const perfect = PERFECT_FOR.exec(u.text.slice(Math.max(0, d.start - u.start - 80), d.start - u.start));
  if (!perfect || backgroundClause(u, d.start)) return null;
  const verb = stem(perfect[1].toLowerCase());
  const approx = /\b(about|around|nearly|almost|roughly|some|more than|over)\b/i.test(d.text + perfect[0]);
  const m = span.months;
  return {
    kind: 'number', measure: `duration:practice:${verb}`, label: `how long it had been ${perfect[1].toLowerCase()}`, holder: null, scope: 'event',
    // The one whose practice it is: the clause's subject before the perfect ("Ivo Kellam, who has worked for 20
    // years at the Dellmar plant": not the nearer plant).
    participant: subjectBefore(u, d.start),
    range: approx ? { min: m * 0.85, max: m * 1.15, exact: false } : { min: m, max: m, exact: true }, date: null, thing: `duration:practice:${verb}`,
    display: d.text, unit: u, start: d.start, end: d.end, rule: 'duration', normalised: ['unit: → months', ...(approx ? ['hedge: approximate ±15%'] : [])], strength: 0.7,
  };
}

export const duration: FactParser = {
  name: 'duration',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const d of u.dates) {
      const practice = practiceSpan(u, d);
      if (practice) out.push(practice);
      const span = hoursOf(d.timex ?? d.value);
      if (span === null) continue;
      const hours = span.hours;
      const toks = clauseTokens(u, d.start);
      const at = toks.findIndex((t) => t.start >= d.start);
      if (at < 0) continue;
      const near = toks.slice(Math.max(0, at - WINDOW), Math.min(toks.length, at + WINDOW + 2));
      const activity = near.map((t) => ACTIVITIES[stem(t.normal.toLowerCase())]).find(Boolean);
      if (!activity || backgroundClause(u, d.start)) continue;
      const approx = /\b(about|around|nearly|almost|roughly|some|more than|over)\b/i.test(d.text);
      out.push({
        // Hours and days of one activity are two measures: "40 hours over four days" is the work and its
        // calendar span, and "30 hours" against "four days" was the dev gold's one false alarm of this parser.
        kind: 'number', measure: `duration:${activity}:${span.unit}`, label: `length of the ${activity}`, holder: null, scope: 'event',
        range: approx ? { min: hours * 0.85, max: hours * 1.15, exact: false } : { min: hours, max: hours, exact: true }, date: null, thing: `duration:${activity}:${span.unit}`,
        display: d.text, unit: u, start: d.start, end: d.end, rule: this.name, normalised: ['unit: → hours', ...(approx ? ['hedge: approximate ±15%'] : [])], strength: 0.7,
      });
    }
    return out;
  },
};
