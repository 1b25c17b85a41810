// Short descriptions of what a contradiction is about ("date of the displays at Kashan airfield"), from
// the representative sentence: the first noun after the first non-reporting verb, and the first place.

import type { SentenceUnit } from '../align.js';

const REPORTING = /^(say|said|says|tell|told|add|added|state|stated|report|reported|claim|claimed|believe|believes|believed|announce|announced)$/;

/** The first `maxWords` words of a sentence, with an ellipsis when cut. */
export function clip(text: string, maxWords = 10): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length <= maxWords ? words.join(' ') : `${words.slice(0, maxWords).join(' ')}…`;
}

/** A noun phrase naming what the sentence is about, or null when none is found. */
export function topicPhrase(u: SentenceUnit): string | null {
  const toks = u.tokens;
  let i = toks.findIndex((t) => t.pos === 'VERB' && !REPORTING.test(t.normal));
  if (i < 0) i = 0;
  let j = -1;
  for (let k = i + 1; k < toks.length; k++) {
    if (toks[k].pos === 'NOUN') {
      j = k;
      break;
    }
  }
  if (j < 0) return null;
  // Extend over a compound ("security adviser"): following nouns join the head.
  let end = j;
  while (end + 1 < toks.length && toks[end + 1].pos === 'NOUN') end++;
  const rel = (k: number) => k - u.start;
  const noun = u.text.slice(rel(toks[j].start), rel(toks[end].end));
  const place = u.entities.find((e) => e.type === 'place' && e.start > toks[j].start);
  return place ? `the ${noun} at ${place.name}` : `the ${noun}`;
}

/**
 * A claim's units grouped by wording: same text and the same resolved names, dates and amounts. Rules compare
 * one unit per wording and credit every carrier, because a claim carried word for word by 200 outlets is
 * 20,000 unit pairs but one comparison (this was most of corroborate's time on a 10k-article run).
 */
export function byWording(units: SentenceUnit[]): SentenceUnit[][] {
  const groups = new Map<string, SentenceUnit[]>();
  for (const u of units) {
    const key = [
      u.text,
      u.entities.map((e) => e.name).sort().join('|'),
      u.dates.map((d) => d.value).join('|'),
      u.quantities.map((q) => `${q.value}:${q.min}:${q.max}`).join('|'),
    ].join('\u0000');
    const list = groups.get(key);
    if (list) list.push(u);
    else groups.set(key, [u]);
  }
  return [...groups.values()];
}
