// Parser `employer`: the organisation a named person's job title names, before the name ("Harbour Safety
// Board director Ilse Varga") or in an apposition after it ("Ilse Varga, director of the Harbour Safety
// Council"). One person's post of one rank is one organisation: story scope, slot `employer:<rank>`.
// The values disagree only when the two names are one name with a word swapped ("… Safety Board" /
// "… Safety Council": two shared words, each side a word of its own); a name that only adds words
// ("Safety Board" / "Port of Calder Safety Board") or an acronym agrees, and two names sharing under two
// words are two posts, not one misnamed (sameOrganisation).
// Must not hit: a title with no organisation entity at its place, a name that is not a person, a rank
// word that is no rank ("Varga, a friend of the Harbour…"), a place after the rank ("director at Calder").

import type { SentenceUnit } from '../../align.js';
import type { EntityMention } from '../../../model/article.js';
import type { FactMention, FactParser } from '../mention.js';
import { RANK } from './title.js';

/** "<rank> " right before the name, the rank one or two lower-case words ("executive director"). */
const BEFORE_NAME = /^\s+(?:[a-z][a-z-]*\s+)?([a-z][a-z-]*)\s+$/;
/** ", [a|an|the] [a word] <rank> of|at|for|with [the] " right after the name. */
const AFTER_NAME = /^\s*,\s*(?:(?:a|an|the)\s+)?(?:[a-z][a-z-]*\s+)?([a-z][a-z-]*)\s+(?:of|at|for|with)\s+(?:the\s+)?$/;

const isPerson = (e: EntityMention) => e.type === 'person' || (e.type === 'other' && /\s/.test(e.name));

export const employer: FactParser = {
  name: 'employer',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    const orgs = u.entities.filter((e) => e.type === 'organization');
    for (const p of u.entities.filter(isPerson)) {
      for (const o of orgs) {
        const between = o.end <= p.start ? u.text.slice(o.end - u.start, p.start - u.start) : p.end <= o.start ? u.text.slice(p.end - u.start, o.start - u.start) : null;
        const rank = between === null ? null : (o.end <= p.start ? BEFORE_NAME : AFTER_NAME).exec(between)?.[1];
        if (!rank || !RANK.test(rank)) continue;
        out.push({
          kind: 'name', measure: `employer:${rank}`, label: `organisation ${p.name} is ${rank} of`, holder: p.name, scope: 'story', range: null, date: null,
          name: o.name, display: o.name, unit: u, start: o.start, end: o.end, rule: this.name, normalised: ['an organisation named with more or fewer words agrees'],
          // The person and the rank are in the slot key and the organisation is read from a fixed title
          // phrase: a strong frame, as `title` is.
          strength: 0.85,
        });
      }
    }
    return out;
  },
};

const orgWords = (name: string) => new Set(name.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w && w !== 'the' && w !== 'of'));
/** Words two names of one organisation share at least, for a swapped word to be a misnaming. */
const SHARED_FOR_SWAP = 2;

/** Two names of a person's employer agree unless one word is swapped in a shared name (see header). */
export function sameOrganisation(x: string, y: string): boolean {
  const a = orgWords(x);
  const b = orgWords(y);
  const shared = [...a].filter((w) => b.has(w)).length;
  const onlyA = a.size - shared;
  const onlyB = b.size - shared;
  return !(shared >= SHARED_FOR_SWAP && onlyA > 0 && onlyB > 0);
}
