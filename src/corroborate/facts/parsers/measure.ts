// Parser `measure`: a distance or depth with a physical unit, tied to the place it is measured from
// ("about 12 miles north of Banda Aceh", "25 kilometres from the border", "at a depth of 10 km"). Values
// are converted to metres (normalise/units.ts), so "10 miles" and "16 km" are one value.
// Must not hit: lengths without a reference place (a wall "two metres wide", a "100-metre sprint"), areas
// and masses (too often different things in one story), figures inside names ("Route 66").

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause } from '../frame.js';
import { lengthsOf } from '../normalise/units.js';

const DIRECTION = /^\s*(?:\(\s*[\d.,]+\s*\w+\s*\)\s*)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|off|outside|away)\s+)*(?:of|from|off|outside)\s+(?:the\s+)?/i;

export const measure: FactParser = {
  name: 'measure',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const { q, metres, normalised } of lengthsOf(u)) {
      const unitWord = q.unit!;
      const afterAt = q.end - u.start + (u.text.slice(q.end - u.start).toLowerCase().startsWith(' ' + unitWord.toLowerCase()) ? unitWord.length + 1 : 0);
      const rest = u.text.slice(afterAt);
      const before = u.text.slice(Math.max(0, q.start - u.start - 20), q.start - u.start);
      let measureName: string;
      let holder: string | null = null;
      if (/\bdepth of\s*(about|around|some)?\s*$/i.test(before) || /^\s*(deep|below|beneath|underground|under the)\b/i.test(rest)) {
        measureName = 'depth';
      } else {
        const dir = DIRECTION.exec(rest);
        if (!dir) continue;
        const at = q.end + (afterAt - (q.end - u.start)) + dir[0].length;
        const place = u.entities.find((e) => e.start >= at && e.start - at <= 2);
        const noun = /^([a-z]+)/i.exec(u.text.slice(at - u.start))?.[1]?.toLowerCase();
        holder = place?.name ?? (noun && /^(border|capital|city|coast|epicent|town|village|centre|center)/.test(noun) ? noun : null);
        if (!holder) continue;
        measureName = 'distance';
      }
      if (backgroundClause(u, q.start)) continue;
      out.push({
        kind: 'number', measure: measureName, label: measureName === 'depth' ? 'depth' : `distance from ${holder}`, holder, scope: 'event',
        range: metres, date: null, display: `${q.text} ${unitWord}`, unit: u, start: q.start, end: q.end,
        rule: this.name, normalised, strength: 0.7,
      });
    }
    return out;
  },
};
