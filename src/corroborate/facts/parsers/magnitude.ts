// Parser `magnitude`: an earthquake's magnitude ("a 6.1-magnitude quake", "magnitude 6.1", "measuring 6.1
// on the Richter scale"). One value per quake, so an event fact.
// Must not hit: "the magnitude of the problem" (no number), earlier quakes named for background ("since the
// 7.6 and 7.5 magnitude quakes of 2009"), aftershocks ("a 5.2 aftershock" has no magnitude word; "two
// aftershocks of more than 5.0 magnitude"), one of two quakes' figures ("the 7.6 and 7.5 magnitude quakes").

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause } from '../frame.js';

/** Characters before a magnitude read for the aftershock it belongs to ("two aftershocks of more than 5.0": 26). */
const AFTERSHOCK_BEFORE = 32;

const PATTERN = /\b(\d(?:\.\d)?)[\s-]*(?:-?\s*magnitude|on the richter scale)\b|\bmagnitude(?:\s+of)?[\s-]+(\d(?:\.\d)?)\b/gi;

export const magnitude: FactParser = {
  name: 'magnitude',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const m of u.text.matchAll(PATTERN)) {
      const digits = m[1] ?? m[2];
      const at = u.start + m.index + m[0].indexOf(digits);
      // An aftershock's magnitude, named after it ("a 5.2 aftershock") or before it ("two aftershocks of more
      // than 5.0 magnitude"), is not the quake's.
      if (/aftershock|foreshock/i.test(u.text.slice(Math.max(0, m.index - AFTERSHOCK_BEFORE), m.index + m[0].length + 20))) continue;
      // One of two quakes' magnitudes ("hit by the 7.6 and 7.5 magnitude quakes"): no single quake's value.
      if (/\d(?:\.\d)?\s*(?:and|or|,)\s*$/.test(u.text.slice(Math.max(0, m.index - 12), m.index))) continue;
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
