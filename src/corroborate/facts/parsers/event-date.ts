// Parser `event-date`: when something in the event happened, by the predicate it is attached to ("struck
// on Tuesday", "was arrested Wednesday", "checked into rehab on December 9", "proposed the rule in May").
// Slot: the predicate class (struck ~ hit ~ jolted) within the event; "born on" is a person's fact,
// story-wide. A weekday alone fixes only the weekday (two articles published on different days both
// writing "Tuesday" mean one Tuesday); a written date fixes its day, month and year; "yesterday" fixes
// the day the date stage resolved from the publication date.
// Must not hit: dates of statements ("said on Friday", "announced Monday": reporting verbs), dates of
// other times ("his 2005 arrest", "last year": the date stage marks them relative or past), durations,
// bare years inside names or scores, clock times.

import type { SentenceUnit } from '../../align.js';
import type { DateMention } from '../../../model/article.js';
import type { DateValue, FactMention, FactParser } from '../mention.js';
import { REPORTED, REPORTING } from '../../clause.js';
import type { Token } from '../../../model/article.js';
import { classOfWord, holderBefore, nearestPerson } from '../frame.js';
import { stem } from '../../terms.js';
import { zoneRestatement } from '../normalise/zone.js';
import { bracketRestatement, isBracketRestatement } from '../normalise/restated.js';
import { scheduledClass } from './scheduled.js';
import { MONTH } from '../../rules/date.js';
import { TOLLS } from './toll.js';

/** The verb of an announcement (a reporting verb the date of which is an act the story reports). */
const ANNOUNCE = /^announc(e|ed|es|ing)$/;
/** Nouns of an announcement a date may follow ("in a briefing Wednesday", "its announcement Monday"). */
const ANNOUNCE_NOUN = /^(briefing|announcement)$/;
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
const WEEKDAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
/** Date words resolved from the publication date. */
const RELATIVE = /\b(today|yesterday|tonight|last night|this morning|this afternoon|this evening)\b/i;
/** Shootings and killings of one event are dated together: a date slot merges them. */
const DATE_CLASS: Record<string, string> = { shoot: 'death' };
const LABEL: Record<string, string> = {
  death: 'date of the killing or death', injury: 'date of the injury', arrest: 'date of the arrest', strike: 'date of the quake or strike',
  sign: 'date of the signing', release: 'date of the release', checkin: 'date of the check-in', fire: 'date of the dismissal',
  evacuation: 'date of the evacuation', rescue: 'date of the rescue', missing: 'date of the disappearance', trapped: 'date people were trapped', propose: 'date of the proposal',
  approve: 'date of the approval', announce: 'date of the announcement', win: 'date of the win', game: 'date of the game',
};

/** The calendar parts a date mention fixes, or null when it fixes none worth comparing. */
export function dateValueOf(d: DateMention): DateValue | null {
  const wd = WEEKDAY.exec(d.text);
  const written = MONTH.test(d.text) || /\b\d{1,2}[/.]\d{1,2}\b/.test(d.text);
  if (wd && !written) return { weekday: WEEKDAYS.indexOf(wd[1].toLowerCase()) };
  const m = d.value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d.value) : null;
  if (written || RELATIVE.test(d.text)) {
    if (m) {
      const v: DateValue = { year: Number(m[1]) };
      if (m[2]) v.month = Number(m[2]);
      if (m[3]) v.day = Number(m[3]);
      if (v.day) v.weekday = new Date(Date.UTC(v.year!, v.month! - 1, v.day)).getUTCDay();
      // A year the text does not write is the date stage's inference: compare month and day only.
      if (written && !/\b\d{4}\b/.test(d.text)) v.yearInferred = true;
      return v.month ? v : null;
    }
    const md = /\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([a-z]{3})[a-z]*\b/i.exec(d.text);
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    if (md) {
      const month = months.indexOf((md[1] ?? md[4]).toLowerCase()) + 1;
      const day = Number(md[2] ?? md[3]);
      if (month > 0 && day >= 1 && day <= 31) return { month, day };
    }
    const mo = MONTH.exec(d.text);
    if (mo) return { month: months.indexOf(mo[1].toLowerCase().slice(0, 3)) + 1 };
  }
  return null;
}

const LIGHT = /^(be|is|are|was|were|been|being|have|has|had|do|does|did|will|would|can|could|may|might|shall|should|must|get|got)$/;
const PUNCT = /^[,.;:!?()]$/;

/** The date's first token, past a leading comma the date stage may keep (", on Thursday night"). */
function dateStart(toks: Token[], start: number): number {
  const word = toks.findIndex((t) => t.end > start && !PUNCT.test(t.normal));
  return word >= 0 ? word : toks.findIndex((t) => t.end > start);
}

/**
 * The predicate word a date belongs to, as a class. In order: the nearest verb before it in its phrase (up
 * to BEFORE_WORDS words with no punctuation between: "checked into California's Betty Ford Center rehab facility
 * late Thursday"), else the nearest verb after it within 4 tokens ("Tuesday's quake struck"); a verb
 * without a class ("promised", "sparked") leaves the class to a predicate noun just before the date ("the
 * fatal shooting of X, 15, on Saturday"). A sentence-opening date ("On Friday, X died"; "Early Friday
 * morning, around 1:30 a.m., the actress checked into…") belongs to the sentence's first verb. A
 * capitalised word is never a verb here (wink tags "Promises" of "Promises Treatment Center" as one).
 */
function dateClass(u: SentenceUnit, start: number, end: number): string | null | typeof REPORTED {
  const toks = u.tokens;
  const surface = (t: Token) => u.text.slice(t.start - u.start, t.end - u.start);
  const isVerb = (t: Token) => t.pos === 'VERB' && !LIGHT.test(t.normal) && /^[a-z]/.test(surface(t));
  const first = dateStart(toks, start);
  const last = toks.findIndex((t) => t.start >= end);
  // "In a briefing Wednesday, AMD executives stressed…", "at a news conference Tuesday": a date right
  // after the noun of an announcement dates the announcement, not the sentence's verb.
  if (first > 0 && (ANNOUNCE_NOUN.test(toks[first - 1].normal) || (toks[first - 1].normal === 'conference' && /^(news|press)$/.test(toks[first - 2]?.normal ?? '')))) return 'announce';
  const possessive = possessiveClass(toks, last);
  if (possessive !== null) return possessive || null;
  const before = verbBefore(toks, first, surface, isVerb);
  let after: Token | null = null;
  if (last >= 0) {
    for (let k = last; k < toks.length && k - last < 4; k++) {
      if (PUNCT.test(toks[k].normal)) break;
      if (isVerb(toks[k])) {
        after = toks[k];
        break;
      }
    }
  }
  if (!before && !after && first <= 3 && last >= 0) after = openingVerb(toks, last, isVerb);
  const verb = before ?? after;
  if (verb) {
    const planned = scheduledClass(toks, toks.indexOf(verb));
    if (planned !== undefined) return planned;
  }
  // "the companies announced Monday", "announced Wednesday it is buying X": the date of an announcement is
  // the announcement's day, its own slot (`announce`), never the event's. Two outlets reporting one
  // announcement then face; other reporting verbs ("said Tuesday", "told reporters Friday") stay unread:
  // a story quotes many statements on many days, and an announcement is the one act a story is about.
  if (verb && ANNOUNCE.test(verb.normal)) return 'announce';
  if (verb && REPORTING.has(verb.normal)) return REPORTED;
  // Verbs first ("deliberated seven hours Sunday before convicting" is the conviction's day), then a
  // predicate adjective or noun shortly before the date ("found guilty … Thursday", "the fatal shooting of
  // Alexis Grigoropoulos, 15, on Saturday").
  // A verb after the date with its own subject belongs to another clause ("was captured Thursday after
  // authorities received several tips" is no day of receiving): it classes the date only when no verb
  // stands before it.
  const ownSubject = !!after && last >= 0 && toks.slice(last, toks.indexOf(after)).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON');
  for (const v of before && ownSubject ? [before] : [before, after]) {
    const cls = v ? coordinatedClass(toks, toks.indexOf(v)) ?? classOfWord(v.normal) : null;
    if (cls) return cls;
  }
  for (const pos of ['ADJ', 'NOUN']) {
    for (let k = first - 1; k >= 0 && first - k <= 8; k--) {
      if (toks[k].pos !== pos) continue;
      const c = classOfWord(toks[k].normal);
      if (c) return c;
    }
  }
  // A verb outside the classes still frames its date ("testified Tuesday"), weakly.
  return verb && !GENERIC_VERBS.has(stem(verb.normal)) ? `verb:${stem(verb.normal)}` : null;
}

/**
 * "was hit and killed Friday", "struck and injured": of two coordinated verbs the one that names a toll
 * (death, injury, …) dates the event, which the first verb's class (strike, for a car that hit a
 * pedestrian) would file apart from the other articles' "killed". Null when there is no such pair.
 */
function coordinatedClass(toks: Token[], at: number): string | null {
  const first = classOfWord(toks[at].normal);
  if (first && TOLLS.has(first)) return null;
  for (const k of [at + 2, at - 2]) {
    if (k < 0 || k >= toks.length || toks[(k + at) / 2].normal !== 'and' || toks[k].pos !== 'VERB') continue;
    const other = classOfWord(toks[k].normal);
    if (other && TOLLS.has(other)) return other;
  }
  return null;
}

/**
 * "two officers involved in Saturday's shooting were arrested": a possessive date dates the noun it
 * qualifies, not the clause's verb (the shooting was on Saturday, the arrest on another day). A noun with
 * a class ("Tuesday's quake", "Friday's fire") gives its class; any other noun ("86 arrests over the
 * course of Saturday's protests", "Saturday's game") is the day of that thing, no predicate's: the date
 * is left unframed (`NO_CLASS`). Returns null when the date is not possessive.
 */
const NO_CLASS = '';
function possessiveClass(toks: Token[], last: number): string | null {
  if (last < 0) return null;
  // "Saturday's", or "Friday ’ s" as ECB+ spaces it.
  const spaced = /^['’]$/.test(toks[last].normal) && toks[last + 1]?.normal === 's';
  if (!spaced && !/^['’]s$/.test(toks[last].normal)) return null;
  for (let k = last + (spaced ? 2 : 1); k < toks.length && k - last <= (spaced ? 4 : 3); k++) {
    if (toks[k].pos === 'ADJ') continue;
    return toks[k].pos === 'NOUN' ? classOfWord(toks[k].normal) ?? NO_CLASS : null;
  }
  return null;
}

/** Nouns of one contest: a game, a match, a bout, and its result. */
const GAME = /^(game|games|match|matches|victory|victories|win|wins|loss|losses|defeat|defeats|bout|bouts|matchup|contest|rematch)$/;
/** What may stand between a contest noun and its date: "game against Evansville on", "victory over Tony Thompson on". */
const GAME_LINK = /^(against|over|versus|vs\.?|with|at|in|on|to|the|'s|’s)$/;

/**
 * "the Tar Heels' game against Evansville on Thursday night", "a 91-73 victory over Evansville on Thursday
 * night": a date after a contest noun and its opponent dates the contest, whatever verb stands further
 * back ("needed nine points in … game … to pass", "break the record during … victory"). Only a contest noun
 * reached back through prepositions and names; the opponent is then the participant, so two games against
 * different opponents never meet (sameParticipant). Must not take a noun further back past a verb or a
 * comma ("won the game, and on Friday he signed…").
 */
function gameOf(u: SentenceUnit, start: number): string | null {
  const first = dateStart(u.tokens, start);
  return first > 0 && gameBefore(u.tokens, first) ? 'game' : null;
}

function gameBefore(toks: Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && first - k <= 7; k--) {
    const t = toks[k];
    if (GAME.test(t.normal) && t.pos === 'NOUN') return true;
    if (t.pos === 'PROPN' || GAME_LINK.test(t.normal)) continue;
    return false;
  }
  return false;
}

/** Words, not tokens, measure the reach: ECB+ writes "32 - year - old" as five tokens. */
const isWord = (t: Token) => /[\p{L}\p{N}]/u.test(t.normal);
/** Words a date reaches back to its verb ("fell about 2,000 feet while climbing to a small hut on Mount
 * Sefton in the Aoraki-Mount Cook national park on Saturday": 14); 10 missed that one on the injected edits. */
const BEFORE_WORDS = 16;
/** Words from a sentence-opening date to the sentence's verb. */
const OPENING_WORDS = 16;

/** The nearest verb before the date in its phrase (no punctuation between, a place apposition skipped). */
function verbBefore(toks: Token[], first: number, surface: (t: Token) => string, isVerb: (t: Token) => boolean): Token | null {
  for (let k = first - 1, seen = 0; k >= 0 && seen < BEFORE_WORDS; k--) {
    if (toks[k].normal === ',') {
      // A list's comma ("to retain his WBA, IBF and WBO title belts Saturday night") is inside the phrase,
      // and the list counts as one word of the reach (before the apposition test, which would take
      // "IBF, WBO, WBA" for a place and its state).
      if (listComma(toks, k, first)) {
        seen--;
        continue;
      }
      // A place written as "Rancho Mirage, Calif., on Thursday": the state between commas is skipped.
      const open = placeApposition(toks, k, surface);
      if (open < 0) return null;
      k = open;
      continue;
    }
    if (toks[k].normal === ')') {
      const open = bracketAside(toks, k);
      if (open < 0) return null;
      k = open;
      continue;
    }
    if (PUNCT.test(toks[k].normal)) return null;
    if (isVerb(toks[k])) {
      // "launched a fashion line called Mantra in December": a participle that names the object (between a
      // common noun and a name) belongs to the noun phrase, and the verb before it dates the thing. With
      // no verb before it, it is the statement's own ("officials named Dario Venn as the suspect on Tuesday").
      const naming = NAMING.test(toks[k].normal) && k > 0 && toks[k - 1].pos === 'NOUN' && /^[a-z]/.test(surface(toks[k - 1])) && k + 1 < toks.length && /^\p{Lu}/u.test(surface(toks[k + 1]));
      return (naming ? verbBefore(toks, k, surface, isVerb) : null) ?? toks[k];
    }
    if (isWord(toks[k])) seen++;
  }
  return null;
}

/** Words an aside in brackets may hold between a verb and its date. */
const ASIDE_WORDS = 5;

/**
 * "signed veteran DeShawn Wynn (Florida) on Tuesday", "arrested Dario Venn (Orvel) on Monday": a short
 * bracket with no verb in it is an aside inside the phrase; the verb before it dates the date (the closing
 * bracket ended the phrase, and the date went to "to serve as a backup" after it). Returns the opening
 * bracket's index, or -1. Must not skip a bracket that holds a clause ("(he was released Friday)") or a
 * long one, nor a bracket the date itself restates (the date starts after the bracket here). A bracket
 * with a participle in it ("(pictured)": wink tags it VERB) ends the phrase as before.
 */
function bracketAside(toks: Token[], close: number): number {
  for (let k = close - 1; k >= 0 && close - k <= ASIDE_WORDS + 1; k--) {
    if (toks[k].normal === '(') return k > 0 ? k : -1;
    if (toks[k].pos === 'VERB' || toks[k].pos === 'AUX' || PUNCT.test(toks[k].normal)) return -1;
  }
  return -1;
}

/** Items of a bare list: names, nouns, adjectives, numbers. */
const LIST_ITEM = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
const LIST_JOIN = /^(and|or|&)$/;

/**
 * The comma at `comma` joins the items of a list that runs on to "and"/"or"/"&" before the date ("his
 * WBA, IBF and WBO heavyweight title belts Saturday night", "the IBF, WBO, WBA & IBO titles"): the item
 * before it and every item after it up to the join are bare names, nouns, adjectives or numbers. Must not
 * join clauses: a verb before the comma ("was arrested, and on Friday…"), a determiner or pronoun after it
 * ("the town, and the army on Tuesday shelled…"), or no join before the date ("checked in, her rep said,
 * on Thursday") end the phrase as before.
 */
function listComma(toks: Token[], comma: number, first: number): boolean {
  if (comma === 0 || !LIST_ITEM.has(toks[comma - 1].pos)) return false;
  let items = 0;
  for (let k = comma + 1; k < first && k - comma <= 8; k++) {
    if (LIST_JOIN.test(toks[k].normal)) return items > 0 && k + 1 < first && LIST_ITEM.has(toks[k + 1].pos);
    if (toks[k].normal === ',') continue;
    if (!LIST_ITEM.has(toks[k].pos)) return false;
    items++;
  }
  return false;
}

/** Participles that give a thing its name ("a line called Mantra", "a boat named Vela", "a plan dubbed X"). */
const NAMING = /^(called|named|dubbed|titled|entitled|nicknamed|branded)$/;

/** The first verb after a sentence-opening date ("On Friday, X died"), past appositions' participles. */
function openingVerb(toks: Token[], last: number, isVerb: (t: Token) => boolean): Token | null {
  for (let k = last, seen = 0; k < toks.length && seen < OPENING_WORDS; k++) {
    // A participle opening an apposition is not the sentence's verb ("On Saturday, Robert Buckley,
    // originally from Essex, but living in Christchurch, fell …": the date is the fall's).
    const apposition = /ing$/.test(toks[k].normal) && k > 0 && /^(,|but|and)$/.test(toks[k - 1].normal);
    if (!apposition && isVerb(toks[k])) return toks[k];
    if (isWord(toks[k])) seen++;
  }
  return null;
}

/**
 * The comma that opens a place apposition closed by the comma at `close` ("in Rancho Mirage, Calif., on
 * Thursday": one to three capitalised words or abbreviations between two commas, after a capitalised
 * word), or -1. Must not skip a clause between commas ("checked in, her rep said, on Thursday").
 */
function placeApposition(toks: Token[], close: number, surface: (t: Token) => string): number {
  let k = close - 1;
  while (k >= 0 && close - k <= 4 && toks[k].normal !== ',' && /^[A-Z]/.test(surface(toks[k]))) k--;
  if (k < 0 || toks[k].normal !== ',' || k === close - 1 || close - k > 4) return -1;
  return k > 0 && /^[A-Z]/.test(surface(toks[k - 1])) ? k : -1;
}

/** Verbs too general to say what happened on a day. */
const GENERIC_VERBS = new Set(['go', 'went', 'come', 'came', 'make', 'made', 'take', 'took', 'get', 'give', 'gave', 'put', 'see', 'saw', 'begin', 'began', 'start', 'continu', 'expect', 'plan', 'schedul', 'hold', 'held', 'set', 'keep', 'kept', 'leav', 'left', 'return', 'remain', 'show', 'seem', 'appear', 'includ', 'follow', 'becom', 'became', 'help', 'want', 'need', 'try', 'tri', 'call', 'work', 'look', 'find', 'found', 'use', 'know', 'knew', 'think', 'thought', 'feel', 'felt', 'promis', 'hop', 'wait']);

/** The verb's surface form nearest a date, for the slot's label ("when … testified"). */
function verbSurface(u: SentenceUnit, at: number): string {
  const t = [...u.tokens].filter((x) => x.pos === 'VERB' && !LIGHT.test(x.normal) && /^[a-z]/.test(u.text.slice(x.start - u.start, x.end - u.start))).sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
  return t ? u.text.slice(t.start - u.start, t.end - u.start) : 'happened';
}

/** The planned thing's word as the sentence writes it ("elections" for `plan:elect`). */
function plannedWord(u: SentenceUnit, cls: string): string {
  const t = u.tokens.find((x) => (x.pos === 'NOUN' || x.pos === 'VERB') && (stem(x.normal.toLowerCase()) === cls.slice(5) || classOfWord(x.normal) === cls.slice(5)));
  return t ? u.text.slice(t.start - u.start, t.end - u.start) : cls.slice(5);
}

/** The named participant written nearest before a date in its sentence, for the label ("when Lomar ferry terminal closed"). */
function subjectOf(u: SentenceUnit, at: number): string | null {
  return [...u.entities].filter((e) => e.end <= at).sort((a, b) => b.end - a.end)[0]?.name ?? nearestPerson(u, at);
}

/**
 * "Voters in 2009 approved a $3 million bond": a year written alone after "in" dates a classed predicate
 * (an approval, a signing, a conviction) the way a month does. Only those classes: a year beside any other
 * verb is background ("played in 2005", "moved there in 1998"), which every story is full of.
 */
const YEAR_CLASSES = new Set(['approve', 'propose', 'sign', 'verdict', 'charge', 'born', 'release']);
function yearOf(u: SentenceUnit, d: DateMention): DateValue | null {
  if (!/^(19|20)\d\d$/.test(d.text) || !/\bin\s+$/i.test(u.text.slice(Math.max(0, d.start - u.start - 4), d.start - u.start))) return null;
  return { year: Number(d.text) };
}

/**
 * "Lena Vask (born March 6, 1961) grew up…": a birth date in a bracket right after a person's name is that
 * person's; the clause the holder is read from ends at the bracket. Null otherwise. Must not take a name
 * further back ("Vask's sister (born March 6)"), or a bracket that says more than "born" before the date.
 */
function bracketedBirth(u: SentenceUnit, at: number): string | null {
  const open = u.text.lastIndexOf('(', at - u.start);
  if (open < 0 || !/^\(\s*(born|b\.)\s*(on\s+|in\s+)?$/i.test(u.text.slice(open, at - u.start))) return null;
  const before = u.text.slice(0, open).trimEnd().length + u.start;
  return u.entities.find((e) => (e.type === 'person' || e.type === 'other') && e.end === before)?.name ?? null;
}

/** The bracket's parts over the first date's, but a weekday the first one writes stays: the bracket's is
 * computed from a year the date stage may have inferred wrong ("Thursday (June 13)" read in a year where
 * June 13 is a Friday). */
function restatedValue(first: DateValue | null, bracket: DateValue | null): DateValue | null {
  if (!bracket) return first;
  if (first?.weekday === undefined || first.month !== undefined) return bracket;
  return { ...bracket, weekday: first.weekday };
}

export const eventDate: FactParser = {
  name: 'event-date',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const d of u.dates) {
      const year = yearOf(u, d);
      // "tonight's (August 4)": the bracket restates the date, and its explicit value is the date's.
      const bracket = bracketRestatement(u, d);
      const date = restatedValue(dateValueOf(d), bracket && dateValueOf(bracket)) ?? year;
      if (!date) continue;
      if (/\b(last|next|this|earlier|later)\s+(year|month)|\bago\b|\bsince\b|\buntil\b|\bby\b/i.test(d.text)) continue;
      if (zoneRestatement(u, d.start, d.end) || isBracketRestatement(u, d)) continue;
      const clause = dateClass(u, d.start, d.end);
      if (clause === REPORTED) continue;
      // A contest's date ("a victory over X on Saturday") is also the date of the clause's verb ("retained
      // his titles with …"): both frames are proposed, each its own slot.
      for (const c of new Set([gameOf(u, d.start), clause])) {
        let cls = c;
        if (!cls) continue;
        if (date === year && !YEAR_CLASSES.has(cls)) continue;
        cls = DATE_CLASS[cls] ?? cls;
        const born = cls === 'born';
        const holder = born ? holderBefore(u, d.start, ['person']) ?? bracketedBirth(u, d.start) : null;
        if (born && !holder) continue;
        const precise = date.day !== undefined || date.weekday !== undefined;
        const ownVerb = cls.startsWith('verb:');
        out.push({
          kind: 'date', measure: `date:${cls}`, label: born ? `birth date of ${holder}` : cls.startsWith('plan:') ? `scheduled date of the ${plannedWord(u, cls)}` : LABEL[cls] ?? (ownVerb ? `when ${subjectOf(u, d.start) ?? 'it'} ${verbSurface(u, d.start)}` : `date of the ${cls}`),
          holder, scope: born ? 'story' : 'event', range: null, date, participant: born ? null : nearestPerson(u, d.start),
          display: d.text, unit: u, start: d.start, end: d.end, rule: this.name,
          normalised: date.day === undefined && date.weekday !== undefined ? ['weekday compared as a weekday'] : d.value && RELATIVE.test(d.text) ? [`resolved from the publication date (${d.resolution})`] : [],
          strength: ownVerb ? 0.62 : precise ? (date.month ? 0.8 : 0.7) : 0.6,
        });
      }
    }
    return out;
  },
};
