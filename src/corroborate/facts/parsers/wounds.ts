// Parser `wounds`: how many times a person was shot, hit or stabbed ("hitting Gray eleven times", "Gray
// was shot seven times", "stabbed him 14 times"). One value per person and event. Slot: the person.
// Must not hit: a count with no named person in the clause, a batter who "struck out" or a team "hit"
// by losses, "times" after other verbs ("arrested four times", "in trouble three times"), another time
// or a plan (frame.ts backgroundClause).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause, nearestPerson, wordBefore } from '../frame.js';

const WOUNDING = /^(shot|shoot|shooting|hit|hitting|struck|striking|stabbed|stabbing|stab|knifed|wounded)$/i;
/** Tokens between the verb and the count: "hitting Gray eleven times", "was shot in the back seven times". */
const MAX_GAP = 5;

export const wounds: FactParser = {
  name: 'wounds',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const q of u.quantities) {
      if (q.kind !== 'frequency' || q.value === null) continue;
      const verb = wordBefore(u, q.start, WOUNDING, MAX_GAP);
      if (!verb || verb.next?.normal.toLowerCase() === 'out') continue;
      const holder = nearestPerson(u, q.start);
      if (!holder || backgroundClause(u, q.start)) continue;
      const n = q.value;
      out.push({
        kind: 'number', measure: 'wounds', label: `times ${holder} was ${/stab|knif/i.test(verb.word.normal) ? 'stabbed' : 'shot or hit'}`, holder, scope: 'event',
        range: { min: n, max: n, exact: !q.approx }, date: null, thing: 'wounds', display: q.text, unit: u, start: q.start, end: q.end,
        // Strong: the person is in the slot key and the verb fixes what is counted, so the two sentences need
        // not be related (an autopsy report and an account of the shooting word it apart).
        rule: this.name, normalised: [], strength: 0.85,
      });
    }
    return out;
  },
};
