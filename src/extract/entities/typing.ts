// Typing rules, tried in order: the first that answers wins. Gazetteer first (most precise), then
// surface patterns, then context. compromise is consulted later, only for runs nothing here typed.

import type { EntityType } from '../../model/article.js';
import {
  firstNameGender, isHonorific, isLastName, isNameTitle, isOrgSuffix, isPlaceSuffix, lookupName,
} from '../gazetteer/index.js';

export interface TypingContext {
  /** Name words as written. */
  words: string[];
  /** The word before the name (after any role), lower-cased, or null. */
  before: string | null;
  /** The word after the name, lower-cased, or null. */
  after: string | null;
  /** Roles attached to this mention. */
  roles: string[];
  /** A lower-case place noun followed the name ("Kashan airfield"). */
  placeNoun: boolean;
}

export interface Typed {
  type: EntityType;
  canonical: string | null;
  rule: string;
}

type TypingRule = (c: TypingContext) => Typed | null;

/** Rule product-pattern: model designations "Shahed-191", "F-16", "Su-35", "Orlan-10", "MiG-29"; why:
 * compromise reads them as numbers, yet weapon/product names in news almost always have this shape. */
const productPattern: TypingRule = (c) =>
  c.words.length === 1 && /^\p{Lu}[\p{L}]{0,9}-\d{1,4}[\p{L}]{0,2}$/u.test(c.words[0])
    ? { type: 'product', canonical: null, rule: 'product-pattern' } : null;

/** Rule gazetteer: whole-name lookup in the shipped gazetteer. */
const gazetteer: TypingRule = (c) => {
  const hit = lookupName(c.words.join(' ').toLowerCase().replace(/[’]/g, "'"));
  return hit ? { type: hit.type, canonical: hit.canonical, rule: 'gazetteer' } : null;
};

/** Rule lost-apostrophe: "Moscows", "Irans" in text whose apostrophes were stripped by a scraper. */
const lostApostrophe: TypingRule = (c) => {
  if (c.words.length !== 1 || !/\p{Ll}s$/u.test(c.words[0]) || /ss$/.test(c.words[0])) return null;
  const hit = lookupName(c.words[0].slice(0, -1).toLowerCase());
  return hit && hit.type !== 'person'
    ? { type: hit.type, canonical: hit.canonical ?? c.words[0].slice(0, -1), rule: 'lost-apostrophe' } : null;
};

/** Rule place-noun: "Kashan airfield", "Idlib province", and names ending "Airfield", "Sea", "Valley". */
const placeNoun: TypingRule = (c) =>
  c.placeNoun || (c.words.length > 1 && isPlaceSuffix(c.words[c.words.length - 1].toLowerCase()))
    ? { type: 'place', canonical: null, rule: 'place-noun' } : null;

/** Rule org-suffix: "… Agency", "… Council", "… Ministry", "… Inc". */
const orgSuffix: TypingRule = (c) =>
  c.words.length > 1 && isOrgSuffix(c.words[c.words.length - 1].toLowerCase())
    ? { type: 'organization', canonical: null, rule: 'org-suffix' } : null;

/** Rule ministry-pattern: "Ministry of Defence", "Department of Justice". */
const ministryPattern: TypingRule = (c) =>
  c.words.length > 2 && /^(ministry|department|office|bureau|university|bank|house|council|court)$/i.test(c.words[0]) && c.words[1].toLowerCase() === 'of'
    ? { type: 'organization', canonical: null, rule: 'ministry-pattern' } : null;

/** Rule honorific: "Mr. Peskov", "Dr. Smith". */
const honorific: TypingRule = (c) =>
  c.before && isHonorific(c.before) ? { type: 'person', canonical: null, rule: 'honorific' } : null;

/** Rule person-title: a name carrying a role title ("CIA Director William Burns") is a person. Roles of
 * organisations are rarer and come with org suffixes, tried before. */
const personTitle: TypingRule = (c) =>
  c.roles.length > 0 ? { type: 'person', canonical: null, rule: 'person-title' } : null;

/** Rule first-name: a known first name followed by more capitalised words ("Hossein Amir-Abdollahian"). */
const firstName: TypingRule = (c) =>
  c.words.length >= 2 && c.words.length <= 4 && firstNameGender(c.words[0].toLowerCase())
    ? { type: 'person', canonical: null, rule: 'first-name' } : null;

/** Rule last-name: a single known surname ("Sullivan" with no full form in the article). */
const lastName: TypingRule = (c) =>
  c.words.length === 1 && isLastName(c.words[0].toLowerCase())
    ? { type: 'person', canonical: null, rule: 'last-name' } : null;

/** Rule acronym: an all-caps word of 2–6 letters that is no known place is most often an organisation
 * (NYPD, IRGC). */
const acronym: TypingRule = (c) =>
  c.words.length === 1 && /^[A-Z]{2,6}$/.test(c.words[0])
    ? { type: 'organization', canonical: null, rule: 'acronym' } : null;

/** Rule speaker-cue: an unknown single name that says something ("Quill said", "Verren told") is a
 * person; places and organisations that speak were typed by the gazetteer or acronym rules before. */
const speakerCue: TypingRule = (c) =>
  c.words.length === 1 && c.after && /^(said|says|told|added|argued|insisted|noted|warned|explained|recalled)$/.test(c.after)
    ? { type: 'person', canonical: null, rule: 'speaker-cue' } : null;

/** Rule location-preposition: "in Kashan", "near Kherson" — a weak hint, tried late. */
const locationPreposition: TypingRule = (c) =>
  c.before && /^(in|near|outside|across|into|toward|towards)$/.test(c.before) && c.words.length <= 3
    ? { type: 'place', canonical: null, rule: 'location-preposition' } : null;

const RULES: TypingRule[] = [
  productPattern, gazetteer, lostApostrophe, placeNoun, ministryPattern, orgSuffix, honorific, personTitle, firstName,
  lastName, acronym, speakerCue, locationPreposition,
];

/** The first rule that types the name, or null (left for aliases and compromise). */
export function typeName(c: TypingContext): Typed | null {
  for (const rule of RULES) {
    const t = rule(c);
    if (t) return t;
  }
  return null;
}

/** A single word that reads as a title ("President") is not a name by itself. */
export function isBareTitle(words: string[]): boolean {
  return words.length === 1 && isNameTitle(words[0].toLowerCase());
}
