// Parser `age`: a person's age written as an apposition ("Anthony LaSalle, 36, of Minneapolis"), as
// "36-year-old Anthony LaSalle", "LaSalle, a 36-year-old", "aged 36" or "(36)". A fact of the person,
// compared across the story (articles a year apart are kept apart by the slot's time check).
// Must not hit: an unnamed person ("a 59-year-old woman": no holder to compare), a number after a name
// that is not an age ("Smith, 2,302 points"; scores "Colts, 31-24"), ages over 120.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';

const APPOSITION = /^\s*,\s*(\d{1,3})\s*(?:,|$|\bof\b|\band\b)|^\s*\((\d{1,3})\)/;
/** "36-year-old", "36 - year - old" (ECB+ tokenises hyphens); also read by parser `fall`. */
export const YEAR_OLD = /(\d{1,3})[\s-]+years?[\s-]+old\b/gi;
const AGED = /\baged\s+(\d{1,3})\b/gi;

export const age: FactParser = {
  name: 'age',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    const people = u.entities.filter((e) => e.type === 'person');
    const push = (holder: string, n: number, start: number, end: number, how: string) => {
      if (n < 1 || n > 120) return;
      if (out.some((m) => m.holder === holder)) return;
      out.push({
        kind: 'number', measure: 'age', label: `age of ${holder}`, holder, scope: 'story', range: { min: n, max: n, exact: true }, date: null,
        display: u.text.slice(start - u.start, end - u.start), unit: u, start, end, rule: this.name, normalised: [how], strength: 0.9,
      });
    };
    for (const p of people) {
      const after = u.text.slice(p.end - u.start, p.end - u.start + 12);
      const m = APPOSITION.exec(after);
      if (m && !/^\s*,\s*\d{1,3}\s*,\s*\d/.test(after)) {
        const digits = m[1] ?? m[2];
        const at = p.end + after.indexOf(digits);
        push(p.name, Number(digits), at, at + digits.length, 'apposition');
      }
    }
    for (const re of [YEAR_OLD, AGED]) {
      re.lastIndex = 0;
      for (let m = re.exec(u.text); m; m = re.exec(u.text)) {
        const at = u.start + m.index;
        const end = at + m[0].length;
        // "36-year-old Anthony LaSalle" names the person right after; "LaSalle, a 36-year-old" right before.
        // "32-year-old Englishman Robert Buckley": up to three words (no punctuation) may stand between.
        const next = people.find((p) => p.start >= end && /^[\s]*(?:[A-Za-z-]+\s+){0,3}$/.test(u.text.slice(end - u.start, p.start - u.start)));
        const prev = people.find((p) => p.end <= at && /^\s*,\s*(an?\s+)?$/i.test(u.text.slice(p.end - u.start, at - u.start)));
        const holder = next ?? prev;
        if (holder) push(holder.name, Number(m[1]), at, at + m[1].length, re === AGED ? 'aged N' : 'N-year-old');
      }
    }
    return out;
  },
};
