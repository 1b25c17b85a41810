// Parser `record`: a won-lost record of a team or coach ("Indianapolis (10-5)", "the Colts' record rose to
// 9-5", "Cheeks is 122-147", "compiled a 162-139 record"). One value per holder at one time, so a fact
// of the event (the record after this game). Values are the pair; two records agree only when equal.
// Must not hit: scores ("beat the Jaguars 31-24", "a 65-53 win": a score word or a win/loss verb near),
// date and year ranges ("1995-99", "2007-08"), W-L-T triples, ranges of counts ("35-40 firefighters").

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';

const PAIR = /(?<![\d.,-])(\d{1,3})\s?-\s?(\d{1,3})(?![\d-]|\s?-\s?\d)/g;
/** A record cue right before the pair, or the pair in brackets after a name. */
const CUE_BEFORE = /(record|mark|is|are|was|were|now|to|at|improved to|fell to|rose to|moved to|went|a|an)\s*(?:of\s+)?$/i;
const SCORE_AFTER = /^\s*(win|victory|loss|defeat|lead|score|decision|triumph|rout|overtime|ot\b|run|spurt|edge|advantage|deficit|halftime|margin|count|vote|split|in (?:the|a) )/i;
const SCORE_BEFORE = /(beat|beats|defeated|won|lost|edged|topped|downed|routed|trailing|trailed|leading|led|score|scored|tied|lead|at)\s+(?:\w+\s+){0,3}$/i;

export const record: FactParser = {
  name: 'record',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(u.text); m; m = PAIR.exec(u.text)) {
      const [w, l] = [Number(m[1]), Number(m[2])];
      if (m[1].length === 4 || (w >= 1900 && w <= 2100)) continue;
      const before = u.text.slice(Math.max(0, m.index - 40), m.index);
      const after = u.text.slice(m.index + m[0].length, m.index + m[0].length + 25);
      const bracketed = /\(\s*$/.test(before) && /^\s*\)/.test(after);
      const cued = CUE_BEFORE.test(before) || /^\s*(record|mark)\b/i.test(after);
      if (!bracketed && !cued) continue;
      if (SCORE_AFTER.test(after) || (!bracketed && SCORE_BEFORE.test(before))) continue;
      const at = u.start + m.index;
      // The holder stands right before: "Indianapolis (10-5)", "Cheeks is 122-147", "the Colts' record rose to 9-5".
      const near = u.entities.filter((e) => e.end <= at && at - e.end <= (bracketed ? 3 : 30) && !/[,;:]/.test(u.text.slice(e.end - u.start, at - u.start).replace(/\($/, '')));
      const holder = near.sort((a, b) => b.end - a.end)[0]?.name;
      if (!holder) continue;
      out.push({
        kind: 'number', measure: 'record', label: `won-lost record of ${holder}`, holder, scope: 'event',
        range: { min: w * 10_000 + l, max: w * 10_000 + l, exact: true }, date: null, display: `${w}-${l}`, unit: u,
        start: at, end: at + m[0].length, rule: this.name, normalised: [], strength: 0.6,
      });
    }
    return out;
  },
};
