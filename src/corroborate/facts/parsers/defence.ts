// Parser `defence`: which defence of a title a bout was, as an ordinal ("his sixth defense of the IBF belt",
// "retained his International Boxing Federation title for the fifth time"). A champion defends one title
// once per bout: one value per event and title. Slot `defence:<title>`, the title by its initials (IBF =
// International Boxing Federation), so two belts of one champion ("fifth defence of the WBO title", "sixth
// of the IBF belt") never meet.
// Must not hit: a title with no name ("his sixth title defence": which belt?), a list of titles ("the WBA,
// IBF and WBO titles"), winning a title ("won the title for the third time" is no defence), a defence of
// another time ("his fifth defence in 2007", read in the phrase and up to the next break).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundWords } from '../frame.js';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const ORD = `(${ORDINALS.join('|')}|\\d{1,2}(?:st|nd|rd|th))`;
/** A title's name: capitalised words or an acronym, with "of" inside ("World Boxing Organization"). */
const NAME = "([A-Z][\\w.'-]*(?: (?:of )?[A-Z][\\w.'-]*)*)";
const BELT = '(?:heavyweight |middleweight |welterweight |lightweight |world )?(?:title|belt|crown|championship)';
/** "sixth defense of the IBF belt", "fifth title defence of his WBO crown". */
const NTH_DEFENCE = new RegExp(`\\b${ORD} (?:title )?defen[cs]e of (?:the|his|her) ${NAME} ${BELT}`, 'g');
/** "retained his International Boxing Federation title for the fifth time". */
const FOR_THE_NTH_TIME = new RegExp(`\\b(?:retained|defended|kept|retains|defends|keeps) (?:his|her|the) ${NAME} ${BELT}s? for the ${ORD} time\\b`, 'g');

/** The title by its initials: "IBF" as written, "International Boxing Federation" → "IBF". */
function titleKey(name: string): string {
  const words = name.split(/\s+/).filter((w) => w !== 'of');
  return words.length === 1 ? words[0].toUpperCase() : words.map((w) => w[0]).join('').toUpperCase();
}

const ordinal = (w: string) => (/^\d/.test(w) ? parseInt(w, 10) : ORDINALS.indexOf(w.toLowerCase()) + 1);

export const defence: FactParser = {
  name: 'defence',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    const found = [
      ...[...u.text.matchAll(NTH_DEFENCE)].map((m) => ({ m, ord: m[1], name: m[2] })),
      ...[...u.text.matchAll(FOR_THE_NTH_TIME)].map((m) => ({ m, ord: m[2], name: m[1] })),
    ];
    for (const { m, ord, name } of found) {
      const n = ordinal(ord);
      const start = u.start + m.index + (m[0].startsWith(ord) ? 0 : m[0].lastIndexOf(ord));
      // Another time is read in the phrase and what follows it up to a break, not in the whole clause: "his
      // sixth defense of the IBF belt - and third this year -" is this bout's, its aside another count.
      const rest = u.text.slice(m.index + m[0].length).split(/[,.;()]|\s[-–—]\s/)[0];
      if (n < 1 || backgroundWords(u.text.slice(Math.max(0, m.index - 30), m.index).split(/[,.;()]|\s[-–—]\s/).pop()! + m[0] + rest)) continue;
      const key = titleKey(name);
      out.push({
        kind: 'number', measure: `defence:${key}`, label: `which defence of the ${key} title`, holder: null, scope: 'event', range: { min: n, max: n, exact: true }, date: null,
        thing: null, display: ord, unit: u, start, end: start + ord.length, rule: this.name, normalised: [`the title by its initials (${name} → ${key})`],
        // The title is in the slot key and the ordinal sits in a fixed phrase: a strong frame.
        strength: 0.85,
      });
    }
    return out;
  },
};
