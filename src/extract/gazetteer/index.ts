// The gazetteer that ships in the repo: compromise's built-in lexicon (first names, last names, countries,
// cities, regions, organisations, demonyms, actor nouns), read at load time, plus hand-written additions.

import { createRequire } from 'node:module';
// compromise's one-file CommonJS build: the same code as its ESM entry, which loads as 436 modules (~100 ms
// more at start-up). The gazetteer and the entities must load the same build, or it loads twice.
const nlpc = createRequire(import.meta.url)('compromise') as typeof import('compromise').default;
import type { EntityType } from '../../model/article.js';
import {
  HONORIFICS, NOT_NAMES, ORG_SUFFIXES, ORGANIZATIONS, PLACE_NOUNS_AFTER, PLACE_SUFFIXES, PLACES, PRODUCTS, TITLE_HEADS,
} from './data.js';

export interface GazetteerEntry {
  type: EntityType;
  /** Display name, e.g. "United States" for "U.S.". */
  canonical: string | null;
}

interface Lexicon {
  names: Map<string, GazetteerEntry>;
  firstNames: Map<string, 'male' | 'female' | 'either'>;
  lastNames: Set<string>;
  demonyms: Set<string>;
  titleHeads: Set<string>;
  handTitles: Set<string>;
  commonWords: Set<string>;
  placeNounsAfter: Set<string>;
  honorifics: Set<string>;
  orgSuffixes: Set<string>;
  placeSuffixes: Set<string>;
  notNames: Set<string>;
}

let lexicon: Lexicon | null = null;

/** Builds the lookup tables once; compromise's lexicon is a plain word → tags map (~25k entries). */
function load(): Lexicon {
  if (lexicon) return lexicon;
  const raw = (nlpc as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const names = new Map<string, GazetteerEntry>();
  const firstNames = new Map<string, 'male' | 'female' | 'either'>();
  const lastNames = new Set<string>();
  const demonyms = new Set<string>();
  const titleHeads = new Set<string>(TITLE_HEADS);
  const commonWords = new Set<string>();
  for (const [word, tagValue] of Object.entries(raw)) {
    const tags = String(tagValue);
    // Place kinds: compromise separates countries, cities, regions and other places.
    if (/\b(Country|City|Region|Place)\b/.test(tags)) names.set(word, { type: 'place', canonical: null });
    else if (/\bOrganization\b|\bSportsTeam\b/.test(tags)) names.set(word, { type: 'organization', canonical: null });
    else if (/^Person$/.test(tags) && word.includes(' ')) names.set(word, { type: 'person', canonical: null });
    if (/MaleName/.test(tags)) firstNames.set(word, /FemaleName/.test(tags) ? 'either' : 'male');
    else if (/FemaleName/.test(tags)) firstNames.set(word, 'female');
    else if (/FirstName/.test(tags)) firstNames.set(word, 'either');
    if (/LastName/.test(tags)) lastNames.add(word);
    if (/Demonym/.test(tags)) demonyms.add(word);
    // Actor nouns (spokesman, analyst, activist…) head role phrases; plural forms are not titles.
    if (/^Actor$/.test(tags)) titleHeads.add(word);
    if (!/Name|Person|Place|Country|City|Region|Organization|SportsTeam|Demonym|Actor/.test(tags)) commonWords.add(word);
  }
  for (const [k, v] of Object.entries(PLACES)) names.set(k, { type: 'place', canonical: v });
  for (const [k, v] of Object.entries(ORGANIZATIONS)) names.set(k, { type: 'organization', canonical: v });
  for (const [k, v] of Object.entries(PRODUCTS)) names.set(k, { type: 'product', canonical: v });
  // Hand list wins over compromise's words that are rarely names in news ("who" is the WHO only in capitals).
  for (const w of ['iranian', 'russian', 'ukrainian', 'turkish', 'israeli', 'palestinian', 'saudi', 'syrian', 'emirati', 'jewish',
    'muslim', 'christian', 'arab', 'kurdish', 'sunni', 'shiite', 'western', 'soviet', 'european', 'democratic', 'republican']) demonyms.add(w);
  lexicon = {
    names, firstNames, lastNames, demonyms, titleHeads, handTitles: new Set(TITLE_HEADS), commonWords,
    placeNounsAfter: new Set(PLACE_NOUNS_AFTER),
    honorifics: new Set(HONORIFICS), orgSuffixes: new Set(ORG_SUFFIXES),
    placeSuffixes: new Set(PLACE_SUFFIXES), notNames: new Set(NOT_NAMES),
  };
  return lexicon;
}

/** A known name (lower-cased, spaces between words), or undefined. */
export function lookupName(lower: string): GazetteerEntry | undefined {
  return load().names.get(lower);
}

/** Gender evidence of a first name, or undefined when it is not a known first name. */
export function firstNameGender(lower: string): 'male' | 'female' | 'either' | undefined {
  return load().firstNames.get(lower);
}

export function isLastName(lower: string): boolean {
  return load().lastNames.has(lower);
}

/** "Iranian", "Russian", "US-made" style nationality words. */
export function isDemonym(lower: string): boolean {
  const l = load();
  // The pattern needs a hyphen: most words are tested for none, not by the regex.
  return l.demonyms.has(lower) || (lower.includes('-') && /^[a-z]+-(made|built|based|backed|led|owned|supplied)$/.test(lower));
}

/** Heads of role phrases: "adviser", "spokesman", "director", and compromise's actor nouns. */
export function isTitleHead(lower: string): boolean {
  return load().titleHeads.has(lower);
}

/** Only the hand-written title list: used inside capitalised runs, where compromise's actor nouns
 * ("Baker", "Smith") would cut real surnames off. */
export function isNameTitle(lower: string): boolean {
  return load().handTitles.has(lower);
}

/** A word compromise knows as an ordinary (non-name) word: a capitalised sentence opener of this kind is
 * not a name ("Drones have played…"). */
export function isCommonWord(lower: string): boolean {
  return load().commonWords.has(lower);
}

/** Lower-case place nouns that extend a name into a place: "Kashan airfield". */
export function isPlaceNounAfter(lower: string): boolean {
  return load().placeNounsAfter.has(lower);
}

export function isHonorific(lower: string): boolean {
  return load().honorifics.has(lower);
}

export function isOrgSuffix(lower: string): boolean {
  return load().orgSuffixes.has(lower);
}

export function isPlaceSuffix(lower: string): boolean {
  return load().placeSuffixes.has(lower);
}

/** Capitalised words that are never a name by themselves (sentence starters, weekdays, months). */
export function isNotName(lower: string): boolean {
  return load().notNames.has(lower);
}
