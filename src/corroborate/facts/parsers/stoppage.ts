// Parser `stoppage`: how far into a round, quarter or period a bout or a game was stopped ("the referee
// stopped the fight 44 seconds into the seventh round", "after 44 seconds of the seventh round",
// "stopping the fight at the 2:15 mark", "stopped it at 2:56 of the sixth round"), as seconds elapsed.
// One value per event: a fight is stopped once, and outlets copy the official time. Slot: `stoppage`,
// within one event.
// Must not hit: a time with no stopping verb in its clause ("scored with 7:41 left in the first half" is
// one play among many), a time of day ("stopped at 2:15 p.m."), a time counted down ("with two seconds
// remaining": elapsed and remaining are compared only through a round length the text does not give),
// a sentence that names no round, quarter, half or period, or a clause of another time (backgroundClause).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause, clauseTokens } from '../frame.js';

const SPELLED: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50 };
/** "44 seconds into the seventh (round)", "after 44 seconds of the seventh round", "at 2:56 (of the sixth
 * round)", "at the 2:15 mark"; ECB+ spaces the colon ("2 : 56"). */
const ELAPSED = /\b(?:(\d{1,2}|[a-z]+) seconds (?:into|of) the (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))\b|at (?:the )?(\d{1,2}) ?: ?(\d{2})\b(?! ?[ap]\.? ?m\b))/gi;
const STOP = /^(stop|stops|stopped|stopping|halt|halted|halting|wave|waved|waving|end|ended|ending)$/;
const PERIOD = /\b(round|quarter|half|period|inning|frame)s?\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b/i;

export const stoppage: FactParser = {
  name: 'stoppage',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    if (!PERIOD.test(u.text)) return out;
    for (const m of u.text.matchAll(ELAPSED)) {
      const seconds = m[1] !== undefined ? (/^\d/.test(m[1]) ? Number(m[1]) : SPELLED[m[1].toLowerCase()]) : Number(m[2]) * 60 + Number(m[3]);
      if (seconds === undefined || Number.isNaN(seconds)) continue;
      const start = u.start + m.index + (m[1] !== undefined ? 0 : m[0].search(/\d/));
      const end = u.start + m.index + m[0].length;
      // The stopping verb in the time's own clause ("… before stopping the fight at 2:56", "finished the
      // job 44 seconds into the seventh round when … stepped in to stop the fight").
      if (!clauseTokens(u, start).some((t) => STOP.test(t.normal))) continue;
      if (backgroundClause(u, start)) continue;
      out.push({
        kind: 'number', measure: 'stoppage', label: 'time into the round when it was stopped', holder: null, scope: 'event', range: { min: seconds, max: seconds, exact: true },
        date: null, thing: 'second', display: u.text.slice(start - u.start, end - u.start), unit: u, start, end, rule: this.name, normalised: m[1] === undefined ? ['clock M:SS as seconds'] : [],
        strength: 0.85,
      });
    }
    return out;
  },
};
