// Rule `elided-total` (a pass over the `count` mentions of an article): a running total written without its
// noun, "Vane now has 2,301." or "Vane finished with 20 points and now has 2,302 for his career", counts
// what the holder's last count before it in the article counts (points): the noun is left out because
// the sentence or the one before named it. The total is then a `count:<noun>:total` of the holder, compared
// with the totals other articles write with the noun ("Vane, who now has 2,302 points, …").
// Must not hit: a bare number with no running-total cue before it ("has 2,301 fans" has its noun; "the
// team has 300" no "now"), a small number (under MIN_TOTAL: "now has two" is anyone's count of anything),
// a holder with no earlier count in the article, an unnamed holder.

import type { SentenceUnit } from '../../align.js';
import type { FactMention } from '../mention.js';
import { subjectBefore } from '../frame.js';
import { rangeOfQuantity } from '../normalise/range.js';
import { unitKey } from '../../rules/number.js';
import { holderKey } from '../normalise/spelling.js';

/** "now has", "currently has", "now stands at" right before the figure. */
const CUE_BEFORE = /\b(?:now|currently)\s+(?:has|have|had|stands? at|sits? at)\s+$/i;
/** A running total is large: on the dev gold every bare "now has N" of a game story is a career figure (2,301, 2,302). */
export const MIN_TOTAL = 100;

export function elidedTotals(mentions: FactMention[], units: SentenceUnit[]): FactMention[] {
  const counts = mentions.filter((m) => m.rule === 'count' && m.thing && m.holder);
  const out: FactMention[] = [];
  for (const u of units) {
    for (const q of u.quantities) {
      if (q.kind !== 'count' || unitKey(q) || q.value === null || q.value < MIN_TOTAL) continue;
      if (!CUE_BEFORE.test(u.text.slice(0, q.start - u.start))) continue;
      const holder = subjectBefore(u, q.start);
      if (!holder) continue;
      // The holder's last counted noun before the figure, in this sentence or an earlier one of the article.
      const earlier = counts.filter((m) => m.unit.article === u.article && m.end <= q.start && holderKey(m.holder!) === holderKey(holder)).sort((a, b) => b.end - a.end)[0];
      const range = earlier ? rangeOfQuantity(q) : null;
      if (!earlier || !range) continue;
      const thing = earlier.thing!;
      out.push({
        kind: 'number', measure: `count:${thing}:total`, label: `total ${earlier.label.replace(/^(?:total|record) /, '')}`, holder, scope: 'event',
        range: range.range, date: null, display: q.text, unit: u, start: q.start, end: q.end, thing, rule: 'count',
        normalised: [...range.normalised, `the noun of ${holder}’s earlier count (${earlier.display})`], strength: earlier.strength,
      });
    }
  }
  return [...mentions, ...out];
}
