// Parser `duration`: how long a bounded activity of the event lasted ("after 30 hours of deliberation",
// "deliberated for 40 hours over four days", "the standoff lasted nine hours"). One value per activity and
// event, in hours (a TIMEX3 duration: PT30H, P4D). Slot: the activity's class, within one event.
// Must not hit: durations of nothing in the classes ("five days of riots" is no bounded activity a reader
// checks), ages and spans of a life ("a 30-year career"), durations of another time or plan
// (frame.ts backgroundClause: "could take weeks"), spans of a sentence ("sentenced to 40 years").

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause, clauseTokens } from '../frame.js';
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

export const duration: FactParser = {
  name: 'duration',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const d of u.dates) {
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
