// Parser `injury`: the bone a named person broke ("Vane, who returned from his broken right fibula",
// "breaking his right fibula in the Sept. 20 win", "Ivo Vane (broken tibia) missed time"). A closed list of
// bones is the gazetteer: the value is the bone, the slot the person's fracture within one event (a career
// of injuries is several events; a story of one comeback names one).
// Must not hit: a bone that is not said to be broken ("his fibula healed"), a fracture of no named person
// ("a broken tibia is painful"), a word outside the list ("broken heart", "broke the record"), another
// time in the clause ("broke his tibia in 2008": a background clause). On the dev gold (read by hand) it
// framed one story's fracture, fibula against tibia, and nothing else.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause, subjectBefore } from '../frame.js';

const BONES = 'fibula|tibia|femur|humerus|radius|ulna|clavicle|collarbone|scapula|shoulder blade|kneecap|patella|pelvis|hip|rib|ribs|sternum|jaw|nose|skull|vertebra|vertebrae|wrist|ankle|elbow|thumb|finger|toe|foot|hand|arm|leg|metatarsal|cheekbone|eye socket|tailbone';
/** "broke|broken|breaking|fractured|fractured a|cracked … [his|her|a] [left|right] <bone>". */
const BROKEN = new RegExp(`\\b(?:broke|broken|breaking|breaks|fractured|fracturing|fractures|cracked|cracking)\\s+(?:(?:his|her|their|a|the)\\s+)?(?:(?:left|right|lower|upper)\\s+)?(${BONES})\\b`, 'gi');

export const injury: FactParser = {
  name: 'injury',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const m of u.text.matchAll(BROKEN)) {
      const at = u.start + m.index + m[0].length - m[1].length;
      // "Ivo Vane (broken tibia)": the person right before the bracket; else the clause's subject.
      const bracket = /\(\s*$/.test(u.text.slice(0, m.index)) ? u.entities.filter((e) => e.type === 'person' || e.type === 'other').filter((e) => /^\s*\(\s*$/.test(u.text.slice(e.end - u.start, m.index))).pop() : undefined;
      const holder = bracket?.name ?? subjectBefore(u, at);
      if (!holder) continue;
      if (backgroundClause(u, at)) continue;
      const bone = m[1].toLowerCase() === 'collarbone' ? 'clavicle' : m[1].toLowerCase() === 'kneecap' ? 'patella' : m[1].toLowerCase().replace(/s$/, '');
      out.push({
        kind: 'name', measure: 'fracture', label: `bone ${holder} broke`, holder, scope: 'event', range: null, date: null,
        name: bone, display: m[1], unit: u, start: at, end: at + m[1].length, rule: this.name, normalised: [],
        // The bone is named in a fixed phrase, but whose it is comes from the clause: a weak frame.
        strength: 0.7,
      });
    }
    return out;
  },
};
