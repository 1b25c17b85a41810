// Parser `affected`: how many things the event damaged or attacked ("565 shops suffered serious damage",
// "355 damaged shops", "attacked at least three banks", the last item of "attacked a building, four shops
// and two banks"). Slot: the predicate class and the thing counted,
// within one event.
// Must not hit: people (parser `toll`), things counted without a damage or attack predicate ("300
// shops in the district"), other times ("the 2003 fire destroyed two buildings"), money (parser `money`).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause, classOfWord, clauseTokens, predicateClass } from '../frame.js';
import { rangeOfQuantity } from '../normalise/range.js';
import { unitKey } from '../../rules/number.js';
import { PEOPLE } from './toll.js';

/** Predicate classes (frame.ts) whose count of things is one value per event, with the label's verb. */
export type ThingVerbs = Record<string, string>;

/**
 * The class of the verb a count is the object of across a list ("attacked a government building, four
 * shops and two banks", "attacked a police station … as well as at least three banks"): the nearest verb
 * before the count in its clause, when no other verb stands between them.
 */
function listVerbClass(u: SentenceUnit, at: number, verbs: ThingVerbs): string | null {
  const toks = clauseTokens(u, at);
  const idx = toks.findIndex((t) => t.start >= at);
  for (let k = idx - 1; k >= 0; k--) {
    if (toks[k].pos !== 'VERB' && toks[k].pos !== 'AUX') continue;
    const cls = classOfWord(toks[k].normal);
    return cls && verbs[cls] ? cls : null;
  }
  return null;
}

/** A parser of the things counted under the given predicate classes, as the object of their verb. */
export function thingCounts(name: string, verbs: ThingVerbs, things?: RegExp): FactParser {
  return {
  name,
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const q of u.quantities) {
      if (q.kind !== 'count' || !q.unit) continue;
      const word = q.unit.toLowerCase().split(/[\s-]+/).pop()!;
      if (PEOPLE.test(word) || (things && !things.test(word))) continue;
      const key = unitKey(q);
      const near = predicateClass(u, q.start, q.end, 6);
      const cls = near && verbs[near.cls] ? near.cls : listVerbClass(u, q.start, verbs);
      if (!key || !cls) continue;
      if (backgroundClause(u, q.start)) continue;
      const range = rangeOfQuantity(q);
      if (!range) continue;
      out.push({
        kind: 'number', measure: `${cls}:${key}`, label: `${q.unit} ${verbs[cls]}`, holder: null, scope: 'event', range: range.range,
        date: null, display: q.text, unit: u, start: q.start, end: q.end, thing: key, rule: name, normalised: range.normalised, strength: 0.8,
      });
    }
    return out;
  },
  };
}

export const affected = thingCounts('affected', { damage: 'damaged or destroyed', attack: 'attacked' });
