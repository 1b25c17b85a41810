// In-article alias merging: a later "Sullivan" or a glued handle "JakeSullivan46" takes the canonical
// full name of a person mentioned in the same article; "CIA" can take "Central Intelligence Agency".

import type { EntityType } from '../../model/article.js';
import { firstNameGender } from '../gazetteer/index.js';

export interface Draft {
  start: number;
  end: number;
  text: string;
  /** Words used for matching (a glued handle is split here). */
  words: string[];
  sentence: number;
  roles: string[];
  type: EntityType | null;
  name: string;
  /** True when the name came from the gazetteer's canonical form (never re-aliased). */
  fixed: boolean;
  /** Sentence-initial (or after an opening quote): capitalisation there is no evidence of a name. */
  opener: boolean;
}

/** "JakeSullivan46" → ["Jake", "Sullivan"]; why: social-media handles pasted into articles name people. */
export function splitHandle(word: string): string[] | null {
  const m = /^@?(\p{Lu}\p{Ll}+)(\p{Lu}[\p{Ll}'-]+)_?\d*$/u.exec(word);
  return m ? [m[1], m[2]] : null;
}

function initials(words: string[]): string {
  return words.filter((w) => !/^(of|the|for|and|&)$/i.test(w)).map((w) => w[0]).join('').toUpperCase();
}

/** Rewrites drafts in place: names, types. Nearest preceding full name wins, else the nearest following. */
export function resolveAliases(drafts: Draft[]): void {
  for (const d of drafts) {
    if (d.words.length !== 1 || d.fixed) continue;
    const parts = splitHandle(d.words[0]);
    if (parts && firstNameGender(parts[0].toLowerCase())) {
      d.words = parts;
      d.name = parts.join(' ');
      d.type = 'person';
    }
  }
  const persons = drafts.filter((d) => d.type === 'person' && d.words.length >= 2);
  const orgs = drafts.filter((d) => d.type === 'organization' && d.words.length >= 2);
  for (const d of drafts) {
    if (d.fixed) continue;
    if (d.type === null || d.type === 'person' || d.type === 'other') {
      const key = d.words.join(' ').toLowerCase();
      let best: Draft | null = null;
      let bestDistance = Infinity;
      for (const p of persons) {
        if (p === d) continue;
        const pw = p.words.map((w) => w.toLowerCase());
        const joined = pw.join(' ');
        const matches = joined === key
          || (d.words.length === 1 && (pw[pw.length - 1] === key || (pw[0] === key && firstNameGender(key) !== undefined)));
        if (!matches) continue;
        // Preceding mentions are preferred: distance after the mention counts double.
        const distance = p.start <= d.start ? d.start - p.start : 2 * (p.start - d.start);
        if (distance < bestDistance) { best = p; bestDistance = distance; }
      }
      if (best) {
        d.name = best.name;
        d.type = 'person';
        continue;
      }
    }
    if (d.words.length === 1 && /^[A-Z]{2,6}$/.test(d.words[0]) && d.type !== 'place') {
      const full = orgs.find((o) => initials(o.words) === d.words[0]);
      if (full) {
        d.name = full.name;
        d.type = 'organization';
      }
    }
  }
}
