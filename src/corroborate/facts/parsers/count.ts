// Parser `count`: an amount of a named participant in the event — "Earl Clark finished with 22 points",
// "Richard Carter scored 14 points", "the company will cut 1,200 jobs". Slot: the holder (nearest named
// participant before the amount in its clause) and the counted noun. Weaker than `toll`: a holder's
// counts are functional only in one event and when the article gives one value (slots.ts checks both).
// Must not hit: tolls (parser `toll` owns people counts), running totals, records and hypotheticals
// ("needed nine points", "last season": never compared; "now has 2,302 for his career" is a total, compared
// only with totals; "Buford's record of 2,116" only with records), counts without a named holder
// ("several boats"), ordinals, numbers inside dates or names ("Boeing 737", "AK-47": not quantities).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { clauseTokens, countQualifier, predicateClass, subjectBefore, wholeOfPart } from '../frame.js';
import { rangeOfQuantity } from '../normalise/range.js';
import { unitKey } from '../../rules/number.js';
import { TOLLS } from './toll.js';

/** Counts these parsers own: people (toll) and things damaged or attacked (affected). */
const OWNED_ELSEWHERE = new Set([...TOLLS, 'damage', 'attack']);

/** "including", "of which", "among them" right before an amount. */
const PART_OF = /\b(?:including|includes|included|of which|of whom|among them|among which)\s+$/i;
/** "$281 million of the purchase price", "14 of his 23 points": the amount is a share of a whole named after it. */
const PART_OF_AFTER = /^\s+of\s+(?:the|its|their|his|her|that)\s+(?:[\w-]+\s+){0,2}(?:price|total|sum|amount|budget|cost|payment|fee|points|yards)\b/i;

/** On the dev gold every holder-count alarm from a sentence with three or more counts was a stat line. */
export const MAX_COUNTS_IN_SENTENCE = 3;

export const count: FactParser = {
  name: 'count',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    const counts = u.quantities.filter((q) => q.kind === 'count');
    for (const q of u.quantities) {
      if (q.kind !== 'count' && q.kind !== 'money') continue;
      // A clause of three or more amounts is a stat line ("12 points, 11 rebounds and six blocks"): its
      // counts belong to one game among many the story's articles report, so they are not compared. The
      // clause, not the sentence: "Drake was paced by 13 points from Seth VanDeest, while Richard Carter had
      // 12 points and four assists" gives each player two (on the dev gold the sentence-wide count left
      // such a player's points unread).
      const clause = clauseTokens(u, q.start);
      const from = clause[0]?.start ?? u.start;
      const to = clause[clause.length - 1]?.end ?? u.start + u.text.length;
      if (counts.filter((c) => c.start >= from && c.end <= to).length >= MAX_COUNTS_IN_SENTENCE) continue;
      if (u.dates.some((d) => q.start < d.end && d.start < q.end)) continue;
      const key = q.kind === 'money' ? `money:${q.unit}` : unitKey(q);
      if (!key) continue;
      const near = predicateClass(u, q.start, q.end);
      if (near && OWNED_ELSEWHERE.has(near.cls)) continue;
      const qualifier = countQualifier(u, q.start);
      if (qualifier === 'other' || qualifier === 'part') continue;
      // A part of a figure before it ("will pay $334 million, including $281 million in cash"; "23 points,
      // including 14 in the second half") or after it ("$281 million of the purchase price"): not the
      // holder's count of the thing.
      if (PART_OF.test(u.text.slice(0, q.start - u.start)) || PART_OF_AFTER.test(u.text.slice(q.end - u.start))) continue;
      const holder = subjectBefore(u, q.start);
      if (!holder) continue;
      const range = rangeOfQuantity(q);
      if (!range) continue;
      const what = q.kind === 'money' ? 'amount' : (q.unit ?? key);
      // "landed 178 of 369 punches": the 369 are the attempts, their own slot beside the 178 landed.
      const attempts = wholeOfPart(u, q.start);
      const suffix = `${qualifier === 'event' ? '' : `:${qualifier}`}${attempts ? ':attempted' : ''}`;
      out.push({
        kind: 'number', measure: `count:${key}${suffix}`,
        label: `${qualifier === 'total' ? 'total ' : qualifier === 'record' ? 'record ' : ''}number of ${what}${attempts ? ' attempted' : ''} (${holder})`, holder, scope: 'event', range: range.range, date: null,
        display: q.text, unit: u, start: q.start, end: q.end, thing: q.kind === 'money' ? null : key, rule: this.name, normalised: range.normalised, strength: 0.62,
      });
    }
    return out;
  },
};
