// Parser `count`: an amount of a named participant in the event — "Earl Clark finished with 22 points",
// "Richard Carter scored 14 points", "the company will cut 1,200 jobs". Slot: the holder (nearest named
// participant before the amount in its clause) and the counted noun. Weaker than `toll`: a holder's
// counts are functional only in one event and when the article gives one value (slots.ts checks both).
// Must not hit: tolls (parser `toll` owns people counts), running totals, records and hypotheticals
// ("needed nine points", "last season": never compared; "now has 2,302 for his career" is a total, compared
// only with totals; "Buford's record of 2,116" only with records), counts without a named holder
// ("several boats"), ordinals, numbers inside dates or names ("Boeing 737", "AK-47": not quantities).

import type { SentenceUnit } from '../../align.js';
import type { QuantityMention } from '../../../model/article.js';
import { stem } from '../../terms.js';
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

/** "sent eight experts to monitor the poll", "deployed 300 soldiers to guard the border". */
const SENT_BEFORE = /\b(?:sent|sends|send|sending|deployed|deploys|deploy|dispatched|dispatches|dispatch|assigned)\s+(?:only\s+|just\s+)?$/i;
/** The counted noun (and up to one word more) then "to <verb>": the quantity span ends before its noun. */
const TO_VERB_AFTER = /^\s+(?:[a-z-]+\s+){1,2}?to\s+([a-z]+)\b/i;

/**
 * People sent to do something are counted by what they were sent to do, not by the word for them: "sent
 * eight experts to monitor the poll" and "sent only three observers to monitor the vote" count one team
 * (key `sent-to:monitor`). Only after a verb of sending and before "to <verb>"; must not hit "scored 20
 * points to lead the team" (no sending verb), "sent 8 letters" (no purpose) or "sent 70,000 comments to
 * officials" (where they went, no verb).
 */
function sentFor(u: SentenceUnit, q: QuantityMention): string | null {
  if (!q.unit || !SENT_BEFORE.test(u.text.slice(0, q.start - u.start))) return null;
  const purpose = TO_VERB_AFTER.exec(u.text.slice(q.end - u.start));
  if (!purpose) return null;
  // "to monitor" (a verb), not "to officials" (where the things went).
  const at = q.end + purpose[0].length - purpose[1].length;
  return u.tokens.find((t) => t.start === at)?.pos === 'VERB' ? `sent-to:${stem(purpose[1].toLowerCase())}` : null;
}

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
      const key = q.kind === 'money' ? `money:${q.unit}` : sentFor(u, q) ?? unitKey(q);
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
      // "landed 178 of 369 punches", "won 44 of the 50 delegates": the 369 and the 50 are the whole (the
      // punches thrown, the delegates at stake), their own slot beside the part.
      const whole = wholeOfPart(u, q.start);
      const suffix = `${qualifier === 'event' ? '' : `:${qualifier}`}${whole ? ':whole' : ''}`;
      out.push({
        kind: 'number', measure: `count:${key}${suffix}`,
        label: `${qualifier === 'total' ? 'total ' : qualifier === 'record' ? 'record ' : ''}number of ${what}${whole ? ' in all' : ''} (${holder})`, holder, scope: 'event', range: range.range, date: null,
        display: q.text, unit: u, start: q.start, end: q.end, thing: q.kind === 'money' ? null : key, rule: this.name, normalised: range.normalised, strength: 0.62,
      });
    }
    return out;
  },
};
