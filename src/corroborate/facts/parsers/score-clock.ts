// Parser `score-clock`: the score of a lead at a game clock ("open a 45-36 lead with 13:41 to play", "take
// its first double-digit lead at 45-35 on a pair of free throws with 13:41 to go"). A clock read to the
// second is one moment of the game, and a game has one score at one moment: slot `score:<clock>`, within
// one event (two halves reaching the same M:SS with a lead written in both is the rare coincidence the
// slot accepts). The score compares as a pair in either order (45-36 = 36-45), valued as `score` values
// its pairs (scoreValue), so no lead reads as a rounding of another (20-0 against 20-13).
// Must not hit: a score with no lead word before the clock ("won 91-73 with 7:41 left for the record" is
// not a lead), a score and a clock of two clauses (a join, a semicolon or another score between them), a
// clock counted up ("at 7:41": a clock of another kind), a time of day ("7:41 p.m."), a won-lost record.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { scoreValue } from './score.js';
import { COUNTDOWN_SOURCE } from './record-clock.js';

/** "45-36 lead with 13:41 to play", "lead … at 45 - 35 … with 13:41 to go" (ECB+ spaces the dash and colon). */
const SCORE_THEN_CLOCK = new RegExp(String.raw`\b(\d{1,3}) ?- ?(\d{1,3})\b((?:[^;\d]|\d(?! ?: ?\d)){0,80}?)` + COUNTDOWN_SOURCE, 'gi');
/** The score is a lead's: the word before it ("a 45-36 lead", "lead of the day at 45-35"). */
const LEAD = /\b(lead|leads|led|leading|advantage|edge|cushion)\b/i;
/** A new clause between the score and the clock: its clock is another play's. */
const CLAUSE_JOIN = /(?:,? (?:and|but|before|after|while|when|then)|;) (?=\p{Lu}|(?:he|she|they|it|we)\b)/u;

export const scoreClock: FactParser = {
  name: 'score-clock',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const m of u.text.matchAll(SCORE_THEN_CLOCK)) {
      const before = u.text.slice(Math.max(0, m.index - 60), m.index);
      const ownLead = LEAD.test(before.split(/[,;]/).pop()! + ' ' + m[3]);
      if (!ownLead || CLAUSE_JOIN.test(m[3]) || /\d ?- ?\d/.test(m[3])) continue;
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (a === b) continue;
      const v = scoreValue(a, b);
      const seconds = Number(m[4]) * 60 + Number(m[5]);
      const start = u.start + m.index;
      const end = start + /^\d{1,3} ?- ?\d{1,3}/.exec(m[0])![0].length;
      out.push({
        kind: 'number', measure: `score:${seconds}`, label: `score with ${m[4]}:${m[5]} left`, holder: null, scope: 'event',
        range: { min: v, max: v, exact: true }, date: null, thing: null,
        display: `${m[1]}-${m[2]}`, unit: u, start, end, rule: this.name, normalised: ['score as a pair at one game clock'],
        // The clock to the second is in the slot key: the moment is not in doubt whatever the sentences say.
        strength: 0.85,
      });
    }
    return out;
  },
};
