// Parser `toll`: counts of people killed, injured, missing, arrested, evacuated or rescued in the event
// ("killing at least five people", "24 dead", "three were arrested"). One true value per event, so these
// are the strongest functional slots (Ritter et al. 2008: functional relations are where real
// contradictions are found).
// "The death toll … has risen to nine" is a toll whose subject stands far from the figure.
// Must not hit: increments ("recovered six more bodies"), background tolls ("the 2004 tsunami killed 230,000 people"), counts of things ("destroyed
// 300 houses"), a count whose nearest predicate is another class ("killing four, injuring dozens": the
// dozens are injured), hypotheticals ("could kill thousands").

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { unitKey } from '../../rules/number.js';
import { backgroundClause, classOfWord, predicateClass } from '../frame.js';
import { rangeOfQuantity } from '../normalise/range.js';

/** The predicate classes a toll counts (slots.ts reads them for updates, count.ts leaves them to this parser). */
export const TOLLS: ReadonlySet<string> = new Set(['death', 'injury', 'missing', 'trapped', 'arrest', 'evacuation', 'rescue']);
const VERB: Record<string, string> = { death: 'killed', injury: 'injured', missing: 'missing', trapped: 'trapped', arrest: 'arrested', evacuation: 'evacuated', rescue: 'rescued' };
/** Unit nouns that count people: a toll counts people, never houses or boats. */
export const PEOPLE = /^(people|persons?|residents?|civilians?|soldiers?|troops|children|kids|students?|victims?|men|women|officers?|police(men)?|passengers?|workers?|miners?|militants?|protesters?|demonstrators?|suspects?|pirates?|tourists?|fans|villagers?|inhabitants?|patients?|employees?|others?|adults?|teenagers?|crew|crewmen|fishermen|policemen|rebels?|insurgents?|guards?|prisoners?|inmates?|hostages?|climbers?|survivors?|citizens?|nationals?|americans|britons|foreigners)$/i;

const TOLL_RISEN = /\b(death|casualty)\s+toll\b[^.;:]*\b(rose|risen|climbed|reached|stood|stands|jumped|increased|grew|is|was|now)\s+(to\s+|at\s+)?(at least\s+|more than\s+|over\s+|about\s+)?$/i;

export const toll: FactParser = {
  name: 'toll',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const q of u.quantities) {
      if (q.kind !== 'count') continue;
      if (u.dates.some((d) => q.start < d.end && d.start < q.end)) continue;
      const unitWord = q.unit?.toLowerCase().split(/[\s-]+/).pop() ?? null;
      const unitCls = unitWord ? classOfWord(unitWord) : null;
      if (unitWord && !PEOPLE.test(unitWord) && !(unitCls && TOLLS.has(unitCls))) continue;
      // "six more bodies", "two other victims": an increment, not the toll.
      if (/^\s+(more|additional|further|other|new)\b/i.test(u.text.slice(q.end - u.start))) continue;
      // "The death toll from Wednesday's landslide … has risen to nine": the toll's subject is far away.
      const risen = TOLL_RISEN.test(u.text.slice(0, q.start - u.start));
      const near = risen ? { cls: 'death', distance: 1 } : unitCls && TOLLS.has(unitCls) ? { cls: unitCls, distance: 0 } : predicateClass(u, q.start, q.end);
      if (!near || !TOLLS.has(near.cls)) continue;
      if (backgroundClause(u, q.start)) continue;
      // "about 60m" is metres as often as millions: never a toll.
      if (/\d\s?[mk]$/i.test(q.text)) continue;
      const range = rangeOfQuantity(q);
      if (!range) continue;
      out.push({
        kind: 'number', measure: near.cls, label: `${unitWord && PEOPLE.test(unitWord) ? unitWord : 'people'} ${VERB[near.cls]}`, holder: null, scope: 'event', range: range.range, date: null,
        display: q.text, unit: u, start: q.start, end: q.end, thing: q.unit ? unitKey(q) : null, rule: this.name, normalised: range.normalised,
        strength: near.distance <= 2 ? 0.9 : 0.75,
      });
    }
    return out;
  },
};
