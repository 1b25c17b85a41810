// Parser `fall`: how far a person fell ("Robert Buckley fell about 2,000 feet", "slipped and fell
// approximately 200 metres down a gully", "died after falling about 150 metres"). One true value per
// person and event, in metres (normalise/units.ts), so "200 feet" and "60 metres" are one value.
// The holder is the person named in the clause, or the person an "N-year-old" stands for (resolved
// story-wide by `byAge` below: "a 36-year-old Australian climber" is the Duncan Rait whose age is 36).
// Must not hit: heights and depths without a fall ("a 200-metre cliff"), a fall of a price or a figure
// ("shares fell 20 points": no length unit), a fall with no person to hold it (two climbers of one story
// fell different distances).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause, nearestPerson, wordBefore } from '../frame.js';
import { YEAR_OLD } from './age.js';
import { lengthsOf } from '../normalise/units.js';
import { REPORTING } from '../../clause.js';

const FALL = /^(fell|fall|falls|falling|fallen|plunged|plunging|plummeted|plummeting|tumbled|tumbling|dropped|slid|sliding)$/i;
/** Tokens between the verb and the distance: "fell about 200 metres", "has fallen some 700 metres to his death". */
const MAX_GAP = 3;
/** "36-year-old" or "36 - year - old" (ECB+ tokenises hyphens): the age parser's own pattern, one match. */
const AGE_DESCRIPTOR = new RegExp(YEAR_OLD.source, 'i');

export const fall: FactParser = {
  name: 'fall',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    let said: Set<string> | null = null;
    for (const { q, metres, normalised } of lengthsOf(u)) {
      if (!wordBefore(u, q.start, FALL, MAX_GAP) || backgroundClause(u, q.start)) continue;
      said ??= speakers(u);
      const near = nearestPerson(u, q.start);
      const named = fallerBefore(u, q.start, said) ?? (near && !said.has(near) ? near : null);
      const age = named ? null : AGE_DESCRIPTOR.exec(u.text)?.[1];
      const holder = named ?? (age ? `age:${age}` : null);
      if (!holder) continue;
      out.push({
        kind: 'number', measure: 'fall', label: `distance ${named ?? 'the person'} fell`, holder, scope: 'event', range: metres,
        date: null, display: /[a-z]$/i.test(q.text) ? q.text : `${q.text} ${q.unit}`, unit: u, start: q.start, end: q.end, rule: this.name,
        normalised, strength: 0.8,
      });
    }
    return out;
  },
};

/**
 * The person who fell: the nearest name typed as a person before the distance in the sentence, past
 * clause breaks and appositions ("31-year-old Robert Buckley of the U.K. but living in Christchurch, New
 * Zealand, slipped on ice and fell 700 meters": nearestPerson, bound to the clause after "but", gave
 * "Zealand", so the fall was nobody's the other articles' Buckley could face). A speaker ("Inspector Dave
 * Gaskin said the man fell") is not the faller.
 */
function fallerBefore(u: SentenceUnit, at: number, said: ReadonlySet<string>): string | null {
  return u.entities.filter((e) => e.type === 'person' && e.end <= at && !said.has(e.name)).sort((a, b) => b.end - a.end)[0]?.name ?? null;
}

/** Names that attribute the sentence: followed by a reporting verb, past an apposition ("Dara Quill, a
 * police spokesman, said …"), or after "according to". */
function speakers(u: SentenceUnit): Set<string> {
  const out = new Set<string>();
  const toks = u.tokens;
  for (const e of u.entities) {
    let k = toks.findIndex((t) => t.start >= e.end);
    if (k >= 0 && toks[k].normal === ',') {
      const close = toks.findIndex((t, j) => j > k && j <= k + APPOSITION_WORDS + 1 && t.normal === ',');
      if (close > 0) k = close + 1;
    }
    const at = toks.findIndex((t) => t.end > e.start);
    const according = at >= 2 && toks[at - 2].normal === 'according' && toks[at - 1].normal === 'to';
    if (according || (k >= 0 && k < toks.length && REPORTING.has(toks[k].normal))) out.add(e.name);
  }
  return out;
}

/** Words of an apposition between a speaker and the verb ("a police spokesman"). */
const APPOSITION_WORDS = 6;

/**
 * Resolves `age:N` holders to the one person of the story whose age is N (spelling variants of one name
 * count once), and drops those that name no one or several people.
 */
export function byAge(mentions: FactMention[], names: (a: string, b: string) => boolean): FactMention[] {
  const ages = new Map<number, string[]>();
  for (const m of mentions) {
    if (m.measure !== 'age' || !m.holder || !m.range) continue;
    const list = ages.get(m.range.min) ?? [];
    if (!list.some((n) => names(n, m.holder!))) list.push(m.holder);
    ages.set(m.range.min, list);
  }
  const out: FactMention[] = [];
  for (const m of mentions) {
    if (!m.holder?.startsWith('age:')) {
      out.push(m);
      continue;
    }
    const people = ages.get(Number(m.holder.slice(4))) ?? [];
    if (people.length === 1) out.push({ ...m, holder: people[0], label: m.label.replace('the person', people[0]) });
  }
  return out;
}
