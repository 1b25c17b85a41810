// Names of an article in a language the entity rules are not written for. The English rules read every
// capitalised run as a name, and in German every noun is capitalised ("Boote", "Schäden", "Zeit" came out
// as entities); their roles come from English title words. What still holds across languages: the
// gazetteer's names and a known first name followed by capitalised words. Those are kept, without roles,
// so such articles cluster by who and where; everything else is dropped.

import type { EntityMention } from '../../model/article.js';
import { firstNameGender, lookupName } from '../gazetteer/index.js';

const CAPITALISED = /^\p{Lu}/u;

/** "Bürgermeisterin Marta Okafor" → "Marta Okafor": from the first known first name to the end, when
 * every word from there on is capitalised and there is a surname. */
function personFromFirstName(name: string): string | null {
  const words = name.split(/\s+/);
  for (let i = 0; i < words.length - 1; i++) {
    if (!firstNameGender(words[i].toLowerCase())) continue;
    const rest = words.slice(i);
    return rest.every((w) => CAPITALISED.test(w)) ? rest.join(' ') : null;
  }
  return null;
}

/**
 * Rule `languageNeutralNames`: keeps the mentions whose name the gazetteer knows (typed by it) and persons
 * whose name holds a known first name and a surname (any title words before it cut off), each without
 * roles. Must not hit: capitalised common nouns ("Hafenbehörde", "Schäden"), a noun phrase with a
 * lower-case word inside ("Hafen von Velmar"), or a lone first name ("Marta") — none says who.
 */
export function languageNeutralNames(mentions: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const known = lookupName(m.name.toLowerCase().replace(/’/g, "'"));
    if (known) {
      out.push({ ...m, name: known.canonical ?? m.name, type: known.type, roles: [] });
      continue;
    }
    const person = personFromFirstName(m.name);
    if (!person) continue;
    // The mention itself may be the whole run with its title ("Bürgermeisterin Marta Okafor") or an
    // alias ("Okafor"): only the first is cut down to the name.
    const cut = m.text !== person && m.text.endsWith(` ${person}`) ? m.text.length - person.length : 0;
    out.push({ ...m, start: m.start + cut, text: m.text.slice(cut), name: person, type: 'person', roles: [] });
  }
  return out;
}
