// Parser `calibre`: the calibre of the gun in the event ("pointed a .38 caliber revolver", "a . 357
// caliber revolver", "a .38-calibre handgun"). One value per event: the weapon a suspect held or a shot
// came from is what outlets copy from the police account, and a changed calibre is a changed fact.
// Must not hit: millimetre calibres next to other figures ("9mm rounds, 40 of them": read only the inch
// form written as a decimal), a number without "caliber"/"calibre" or a gun word after it.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause } from '../frame.js';

/** ".38 caliber", ". 357 - calibre", ".38-caliber", ".357 revolver" / "magnum"; "a. 38" where a tokeniser
 * glued the point to the article. */
const CALIBRE = /(?:^|[\s(]|(?<=\ba))\.\s?(\d{2,3})\s*(?:-\s*)?(?:(?:caliber|calibre)\b|(?=(?:revolver|handgun|pistol|magnum|rifle)\b))/gi;

export const calibre: FactParser = {
  name: 'calibre',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const m of u.text.matchAll(CALIBRE)) {
      const start = u.start + m.index + m[0].indexOf('.');
      if (backgroundClause(u, start)) continue;
      const v = Number(`0.${m[1]}`);
      out.push({
        kind: 'number', measure: 'calibre', label: 'calibre of the gun', holder: null, scope: 'event', range: { min: v, max: v, exact: true },
        date: null, thing: 'calibre', display: `.${m[1]}`, unit: u, start, end: u.start + m.index + m[0].length, rule: this.name, normalised: [],
        strength: 0.7,
      });
    }
    return out;
  },
};
