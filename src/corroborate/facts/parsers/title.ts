// Parser `title`: the rank in a named person's job title, as an apposition ("Dave Marcus, security
// research and communications manager for McAfee" / "…, security research and communications director at
// McAfee Labs"). The rest of the title is the slot (the same job described), its last word the value:
// manager against director of one job is a disagreement; two different jobs are two slots.
// Must not hit: a title with no words before its rank ("Marcus, director of…": nothing says it is the
// same job), a residence (", of Minneapolis": parser residence), an age, a title of an unnamed person.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { isStopword, stem } from '../../terms.js';

/** ", [a|the] <up to six lower-case words> <for|at|of|with> <Capitalised>" right after the name. */
const APPOSITION = /^\s*,\s*(?:(?:a|an|the)\s+)?((?:[a-z][a-z-]*\s+){1,6}?)([a-z][a-z-]*)\s+(?:for|at|of|with)\s+(?:the\s+)?\p{Lu}/u;
/** Heads that are ranks; "said" or "who" after a name is not a title. */
export const RANK = /^(manager|director|president|vice-president|chief|head|officer|editor|analyst|inspector|spokesman|spokeswoman|spokesperson|secretary|chairman|chairwoman|chair|executive|minister|commissioner|superintendent|captain|lieutenant|sergeant|professor|researcher|coordinator|supervisor|administrator|lead|principal|partner|founder|deputy|assistant|associate)$/;

export const title: FactParser = {
  name: 'title',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const p of u.entities) {
      if (p.type !== 'person' && !(p.type === 'other' && /\s/.test(p.name))) continue;
      const m = APPOSITION.exec(u.text.slice(p.end - u.start));
      if (!m || !RANK.test(m[2])) continue;
      const job = m[1].trim().split(/\s+/).filter((w) => !isStopword(w)).map(stem);
      if (job.length < 2) continue;
      const start = p.end + m[0].indexOf(m[2], m[1].length);
      out.push({
        kind: 'name', measure: `title:${job.join('-')}`, label: `${p.name}’s title (${m[1].trim()} …)`, holder: p.name, scope: 'story', range: null, date: null,
        name: m[2], display: m[2], unit: u, start, end: start + m[2].length, rule: this.name, normalised: [],
        // The job's own words are in the slot key, so two articles' sentences need not be related.
        strength: 0.85,
      });
    }
    return out;
  },
};
