// Parser `magnitude`: an earthquake's magnitude ("a 6.1-magnitude quake", "magnitude 6.1", "measuring 6.1
// on the Richter scale"). One value per quake, so an event fact.
// Must not hit: "the magnitude of the problem" (no number), earlier quakes named for background ("since the
// 7.6 and 7.5 magnitude quakes of 2009"), aftershocks ("a 5.2 aftershock" has no magnitude word).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause } from '../frame.js';

const PATTERN = /\b(\d(?:\.\d)?)[\s-]*(?:-?\s*magnitude|on the richter scale)\b|\bmagnitude(?:\s+of)?[\s-]+(\d(?:\.\d)?)\b/gi;

export const magnitude: FactParser = {
  name: 'magnitude',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const m of u.text.matchAll(PATTERN)) {
      const digits = m[1] ?? m[2];
      const at = u.start + m.index + m[0].indexOf(digits);
      if (/aftershock|foreshock/i.test(u.text.slice(m.index, m.index + m[0].length + 20))) continue;
      if (backgroundClause(u, at)) continue;
      const n = Number(digits);
      if (n < 1 || n > 10) continue;
      out.push({
        kind: 'number', measure: 'magnitude', label: 'magnitude of the quake', holder: null, scope: 'event', range: { min: n, max: n, exact: true }, date: null,
        display: digits, unit: u, start: at, end: at + digits.length, rule: this.name, normalised: [], strength: 0.85,
      });
    }
    return out;
  },
};
