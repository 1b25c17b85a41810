// Parser `mark`: the figure of a named person's standing record, written as a possessive ("broke Rodney
// Vane's school scoring record of 2,116 points", "needed 11 points to break Vane's scoring record of
// 2,106"). The mark a record stands at is one value per person and kind of record, whoever breaks it and
// whenever the article was written: story scope. The kind is the word before "record" ("scoring",
// "rushing"), so two kinds of one person's records never face each other.
// Must not hit: a record with no named possessor ("the school record of 2,116"), a won-lost record
// ("Vane's record of 52-3": parser `record`), a record described by an adjective alone ("Vane's school
// record of …" has no kind: its slot is the bare record, never met by a kind), a possessive of a team
// or organisation (only people hold a career mark).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';

/** "'s [up to three words] record|mark of N": ECB+ writes the possessive with spaces ("Buford ’ s"). */
const MARK = /^\s*['’]\s*s\s+((?:[a-z][a-z-]*\s+){0,3})(?:record|mark)\s+of\s+(\d{1,3}(?:,\d{3})+|\d+)(?!\d|[,.-]\d)/i;
/** Words before "record" that say where it counts, not what it counts: not a kind. */
const WHERE = /^(school|club|team|franchise|career|all-time|national|world|league|state|conference|program|personal|previous|old|longstanding|long-standing|former|the|a|an)$/i;

export const mark: FactParser = {
  name: 'mark',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    const people = u.entities.filter((e) => e.type === 'person' || (e.type === 'other' && /\s/.test(e.name)));
    for (const p of people) {
      const m = MARK.exec(u.text.slice(p.end - u.start));
      if (!m) continue;
      const kind = m[1].trim().split(/\s+/).filter((w) => w && !WHERE.test(w)).pop()?.toLowerCase() ?? '';
      const n = Number(m[2].replace(/,/g, ''));
      const start = p.end + m[0].length - m[2].length;
      out.push({
        kind: 'number', measure: `mark:${kind}`, label: `${kind ? `${kind} ` : ''}record of ${p.name}`, holder: p.name, scope: 'story',
        range: { min: n, max: n, exact: true }, date: null, thing: null, display: m[2], unit: u, start, end: start + m[2].length,
        // The person and the kind of record are in the slot key and the figure follows them in a fixed
        // phrase: a strong frame (the articles' sentences need not be related), as `record` is.
        rule: this.name, normalised: [], strength: 0.85,
      });
    }
    return out;
  },
};
