// Parser `residence`: where a named person lives, as news writes it after the name ("Anthony LaSalle, 36,
// of Minneapolis", "Raj Chohan, who lived in South Ozone Park", "LaSalle, of Bloomington,"). A fact of
// the person, compared story-wide; two places that share a word ("Bloomington" / "Bloomington, Minn.")
// agree.
// Must not hit: organisations and titles after a name ("John Bond, an inspector with the Fire Marshal's
// Office", "Mike Reavey, director of the Security Response Center": no "of" right after the name or
// age), a place that is not capitalised, people without a name.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';

/** ", 36, of " / ", of " / ", who lived in " / ", who lives in " right after the name. */
const CUE = /^\s*,\s*(?:\d{1,3}\s*,\s*)?(?:of|from|who (?:lived|lives|had lived) (?:half a mile away )?in)\s+/;
/** Capitalised words of a place name ("South Ozone Park", "College Point"), not a title or an org word. */
const PLACE = /^((?:[A-Z][a-z]+(?:[\s-](?=[A-Z]))?){1,4})(?=\s*[,.;]|\s+(?:was|is|who|when|and|had|has|died|said)\b)/;
const NOT_PLACE = /\b(University|College of|Department|Office|Police|Court|Council|Company|Corp|Inc|Association|Center|Centre|Agency|Ministry|Party|Bank|Church|School|Hospital|Service|Services)\b/;

export const residence: FactParser = {
  name: 'residence',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const p of u.entities) {
      // A name the extractor left untyped ("Raj Orsini" as `other`) is a person when an age or "who lived" follows it.
      if (p.type !== 'person' && p.type !== 'other') continue;
      const rest = u.text.slice(p.end - u.start);
      const cue = CUE.exec(rest);
      if (!cue || (p.type === 'other' && !/\d|who/.test(cue[0]))) continue;
      const place = PLACE.exec(rest.slice(cue[0].length));
      if (!place || NOT_PLACE.test(place[1])) continue;
      const start = p.end + cue[0].length;
      const name = place[1].trim();
      if (out.some((m) => m.holder === p.name)) continue;
      out.push({
        kind: 'name', measure: 'residence', label: `home town of ${p.name}`, holder: p.name, scope: 'story', range: null, date: null, name,
        display: name, unit: u, start, end: start + name.length, rule: this.name, normalised: ['place names sharing a word agree'], strength: 0.7,
      });
    }
    return out;
  },
};
