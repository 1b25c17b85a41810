// Frame helpers shared by the fact parsers: the predicate class of a value (synonym classes of verbs
// and nouns: killed ~ dead ~ deaths), the participant a value belongs to, and background time markers.

import type { Token } from '../../model/article.js';
import type { SentenceUnit } from '../align.js';
import { REPORTING } from '../clause.js';
import { stem } from '../terms.js';

/**
 * Predicate classes: words that state the same functional relation. Each class is one true value per
 * event (a death toll, a number arrested). Killed, injured, missing and evacuated are different classes:
 * "3 killed" and "12 injured" never compete.
 */
const CLASSES: [string, string[]][] = [
  ['death', ['kill', 'dead', 'death', 'die', 'died', 'fatality', 'fatalitie', 'fatal', 'slain', 'slay', 'toll', 'life', 'live', 'perish', 'claim', 'murder', 'bodie', 'body']],
  ['injury', ['injure', 'injury', 'injurie', 'wound', 'hurt', 'hospitalis', 'hospitaliz']],
  ['missing', ['missing', 'unaccount']],
  // People trapped (under rubble, in a mine) are a count of their own, not the dead beside them: "killed six
  // children and left 14 others trapped" gave the 14 to the death toll, and the article then stated two
  // death tolls and left the slot. Not "trap" as a noun of things ("a speed trap"): a toll needs people.
  ['trapped', ['trapped', 'trapp']],
  ['arrest', ['arrest', 'detain', 'apprehend', 'custody', 'nab', 'detention', 'captur', 'capture']],
  ['evacuation', ['evacuat', 'evacuate', 'flee', 'fled', 'displace', 'homeles']],
  ['rescue', ['rescue', 'sav', 'save']],
  ['strike', ['strike', 'struck', 'hit', 'jolt', 'rock', 'shake', 'shook', 'quake', 'tremor', 'rattl', 'rattle', 'bomb', 'bombard', 'shell', 'airstrike']],
  // 'pick' as in "picked up X on Monday" (a signing; on the dev gold one Monday against three Tuesdays).
  ['sign', ['sign', 'ink', 'agree', 'hire', 'pick']],
  ['charge', ['charge', 'indict', 'accus', 'accuse', 'prosecut']],
  ['verdict', ['convict', 'guilty', 'verdict', 'acquit', 'sentenc', 'sentence']],
  ['release', ['release', 'relea', 'free', 'freed', 'unveil', 'launch', 'introduc', 'introduce', 'debut', 'issu', 'issue', 'ship', 'roll']],
  ['checkin', ['check', 'enter', 'admit', 'admitt']],
  ['fire', ['fire', 'sack', 'dismiss', 'oust']],
  ['born', ['born', 'birth']],
  ['shoot', ['shoot', 'shot', 'shooting', 'gun', 'gunn']],
  ['propose', ['propos', 'propose', 'proposal']],
  ['approve', ['approv', 'approve', 'pass', 'passe', 'finaliz', 'finalis', 'enact', 'adopt']],
  ['win', ['win', 'won', 'beat', 'defeat']],
  ['damage', ['damage', 'destroy', 'destroi', 'burn', 'burnt', 'torch', 'loot', 'smash', 'flatten', 'collapse', 'raze', 'vandaliz', 'vandalis', 'wreck']],
  ['attack', ['attack', 'target', 'firebomb', 'storm', 'raid']],
  ['receive', ['receiv', 'receive']],
];
const CLASS_OF = new Map<string, string>();
// Each listed word and its light stem ("charged" → "charg"), so inflections find their class.
for (const [cls, words] of CLASSES) for (const w of words) for (const k of [w, stem(w)]) if (!CLASS_OF.has(k)) CLASS_OF.set(k, cls);

/** Class of one word (its light stem), or null. */
export function classOfWord(normal: string): string | null {
  const w = normal.toLowerCase();
  return CLASS_OF.get(w) ?? CLASS_OF.get(stem(w)) ?? null;
}

const CLAUSE_BREAK = /^[;:()]$|^(but|while|whereas|although)$/;

/** Tokens of the clause around a character offset: bounded by semicolons, brackets and contrastive joins. */
export function clauseTokens(u: SentenceUnit, at: number): Token[] {
  const toks = u.tokens;
  let i = toks.findIndex((t) => t.end > at);
  if (i < 0) i = toks.length - 1;
  let lo = i;
  while (lo > 0 && !CLAUSE_BREAK.test(toks[lo - 1].normal)) lo--;
  let hi = i;
  while (hi + 1 < toks.length && !CLAUSE_BREAK.test(toks[hi + 1].normal)) hi++;
  return toks.slice(lo, hi + 1);
}

/**
 * The predicate class closest to a value inside its clause ("killing at least five people" → death,
 * "five people were injured" → injury). Closest wins: "killing four people, injuring dozens" gives the
 * four to death and the dozens to injury. Reporting verbs and words more than `window` tokens away are ignored.
 */
export function predicateClass(u: SentenceUnit, start: number, end: number, window = 5): { cls: string; distance: number } | null {
  const toks = clauseTokens(u, start);
  const idx = toks.findIndex((t) => t.end > start);
  const last = toks.findIndex((t) => t.start >= end);
  let best: { cls: string; distance: number } | null = null;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.start >= start && t.end <= end) continue;
    if (REPORTING.has(t.normal)) continue;
    if (t.pos !== 'VERB' && t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'ADV') continue;
    const cls = classOfWord(t.normal);
    if (!cls) continue;
    const d = k < idx ? idx - k : k - (last < 0 ? idx : last) + 1;
    if (d > window) continue;
    // A comma between the value and the word belongs to another coordinated phrase, unless the word
    // comes after the value ("five people, all of them killed" is rare; "killing four, injuring" is common).
    const between = k < idx ? toks.slice(k + 1, idx) : toks.slice(last < 0 ? idx : last, k);
    const penalty = between.some((x) => x.normal === ',') ? 2 : 0;
    const score = d + penalty;
    if (!best || score < best.distance) best = { cls, distance: score };
  }
  return best;
}

/**
 * The nearest word before a value in its clause that matches `re`, with at most `gap` words between them
 * ("fell about 200 metres", "hitting Gray eleven times"), and the token after it ("struck out"); or null.
 */
export function wordBefore(u: SentenceUnit, at: number, re: RegExp, gap: number): { word: Token; next: Token | undefined } | null {
  const toks = clauseTokens(u, at);
  const idx = toks.findIndex((t) => t.start >= at);
  if (idx < 0) return null;
  for (let k = idx - 1; k >= Math.max(0, idx - gap - 1); k--) if (re.test(toks[k].normal)) return { word: toks[k], next: toks[k + 1] };
  return null;
}

/** Words that put a value in another time or another scope than the event itself. */
const BACKGROUND = /\b(in|since|of|by)\s+(19|20)\d\d\b|\b(19|20)\d\d\s+(quake|earthquake|tsunami|attack|season|election|arrest|game|crash|disaster|fire|flood)|\blast (year|month|season|week|spring|summer|fall|autumn|winter)\b|\bprevious(ly)?\b|\bprior\b|\bearlier (this|last)\b|\bin the past\b|\bhistory\b|\bever\b|\bcareer\b|\ball[- ]time\b|\bseason\b|\bso far this\b|\bthis year\b|\bformer\b|\bsince\b(?!\s+(?:has|have|had|then)\b)|\brecord\b|\baverage\b|\bper game\b|\btotal\b|\bwould\b|\bcould\b|\bmight\b|\bneed(ed|s)?\b|\bif\b|\bexpected to\b|\bplans? to\b|\bup to\b/i;

/** True when a phrase speaks of another time, a total, a hypothetical or a plan (backgroundClause's words). */
export const backgroundWords = (text: string) => BACKGROUND.test(text);

/** True when the clause of a value speaks of another time, a total, a hypothetical or a plan. */
export function backgroundClause(u: SentenceUnit, at: number): boolean {
  const toks = clauseTokens(u, at);
  if (!toks.length) return false;
  const text = u.text.slice(toks[0].start - u.start, toks[toks.length - 1].end - u.start);
  return BACKGROUND.test(text);
}

const OTHER_TIME = /\b(in|since|of|by)\s+(19|20)\d\d\b|\blast (year|month|season|week|spring|summer|fall|autumn|winter)\b|\bprevious(ly)?\b|\bprior\b|\bearlier (this|last)\b|\bin the past\b|\bformer\b|\bsince\b(?!\s+(?:has|have|had|then)\b)|\bago\b|\baverage\b|\bper game\b|\bcould\b|\bmight\b|\bneed(ed|s|ing)?\b|\bif\b|\bexpected to\b|\bplans? to\b|\bup to\b/i;
/** A part of a game or bout ("28 of his 68 punches during the round", "14 points in the second half"): the
 * whole event's count is another figure. Not "the final" alone (a final is a game), nor the score parser's
 * "a 17-7 lead at halftime" (it reads only `other`). */
const PART_OF_GAME = /\b(?:during|in|into|through) (?:the|that|this) (?:(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|final|opening|last|same|\d{1,2}(?:st|nd|rd|th)) )?(?:round|quarter|half|period|inning|set|frame)\b/i;
const TOTAL = /\bnow has\b|\bcareer\b|\ball[- ]time\b|\btotal\b|\bso far\b|\bto date\b|\bseason\b|\bthis year\b/i;
const RECORD = /\brecord\b/i;
/** "entered the game with 2,282 points", "came into Thursday's game with": the figure before the event, another
 * time than its result ("now has 2,302"); read before the value only (its total cue may follow: "…, eight
 * fewer than Ford's total"). */
const ENTERED_WITH = /\b(?:entered|entering|enters|came into|coming into|went into|going into|headed into|heading into)\b(?:\s+[\w'’-]+){0,4}\s+with\s+$/i;
/** After the value, not "the record-setting basket" / "a record-breaking night": they describe another noun. */
const RECORD_AFTER = /\brecord\b(?![- ](?:setting|breaking|tying)\b)/i;
/** Words that open the next coordinated phrase after a value (see countQualifier). Not a comma: "scored
 * 50 points, a record for the club" is the count's own apposition. "including" opens the phrase of a part
 * ("23 points, including 14 in the second half": the half is the 14's, not the 23's). */
const COORDINATION = new Set(['and', 'but', 'while', 'whereas', ';', 'including']);

/**
 * How a holder's count relates to the event: `other` (another time, a hypothetical or a plan: never
 * compared), `part` (a round, quarter or half of the game: not compared), `total` (a running or season total: compared only with totals), `record` (a record to beat:
 * compared only with records), or `event` (the count of the event itself).
 */
export function countQualifier(u: SentenceUnit, at: number): 'other' | 'part' | 'total' | 'record' | 'event' {
  const toks = clauseTokens(u, at);
  if (!toks.length) return 'event';
  // The clause up to the value, and after it only the value's own phrase up to a coordination: "finished
  // with 20 points and now has 2,302 for his career" gives the 20 to the game and only the 2,302 to the
  // career (the whole clause made the game's 20 a career total on the ECB+ dev gold).
  const i = toks.findIndex((t) => t.end > at);
  let j = i < 0 ? toks.length - 1 : i;
  while (j + 1 < toks.length && !COORDINATION.has(toks[j + 1].normal)) j++;
  // Before the value only what follows the clause's previous amount: "X, who now has 2,302 points, scored
  // 20 points" leaves "now has" to the 2,302.
  const previous = u.quantities.filter((q) => q.end <= at && q.start >= toks[0].start).reduce((e, q) => Math.max(e, q.end), toks[0].start);
  const before = u.text.slice(previous - u.start, at - u.start);
  const after = u.text.slice(at - u.start, toks[j].end - u.start);
  const text = before + after;
  if (OTHER_TIME.test(text) || ENTERED_WITH.test(before)) return 'other';
  if (PART_OF_GAME.test(text)) return 'part';
  // "a record-breaking 50 points" is a record; "2,302 points, made the record-setting basket" is not.
  if (RECORD.test(before) || RECORD_AFTER.test(after)) return 'record';
  if (TOTAL.test(text)) return 'total';
  return 'event';
}

/** The amount is the whole of "N of M" ("178 of 369 punches", "connected on 30 of 207"): the attempts,
 * another figure than the N that landed. */
export function wholeOfPart(u: SentenceUnit, at: number): boolean {
  return /\d[\d,]*\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?$/i.test(u.text.slice(Math.max(0, at - u.start - 30), at - u.start));
}

/** The named participant a value belongs to: the nearest person/organisation/place entity before it in its clause. */
export function holderBefore(u: SentenceUnit, at: number, types = ['person', 'organization', 'other']): string | null {
  const toks = clauseTokens(u, at);
  const from = toks.length ? toks[0].start : u.start;
  const cands = u.entities.filter((e) => e.end <= at && e.start >= from && types.includes(e.type));
  cands.sort((a, b) => b.end - a.end);
  return cands[0]?.name ?? null;
}

/**
 * The participant a count belongs to: the clause's subject, read as its first named person before the
 * value ("Klitschko, who was coming off a knockout of Tony Thompson in July, landed 178 punches" →
 * Klitschko; "Cheeks, who played for the Sixers for 11 seasons" → Cheeks), else the nearest name before it.
 */
export function subjectBefore(u: SentenceUnit, at: number): string | null {
  const toks = clauseTokens(u, at);
  const clauseStart = toks.length ? toks[0].start : u.start;
  // A person named after the clause's previous amount opens the amount's own coordinated statement:
  // "Ivo Kell scored 14 points and Dara Quill scored 22 points" gives the 22 to Quill, not to the clause's
  // first name (which made an article state two point counts for Kell and leave his slot). Without a
  // person there, the clause's subject stands ("Kell, who had 2 steals, scored 14 points").
  const previous = u.quantities.filter((q) => q.end <= at && q.start >= clauseStart).reduce((e, q) => Math.max(e, q.end), -1);
  const own = previous < 0 ? [] : u.entities.filter((e) => (e.type === 'person' || e.type === 'other') && e.start >= previous && e.end <= at);
  const from = own.length ? previous : clauseStart;
  const people = u.entities.filter((e) => (e.type === 'person' || e.type === 'other') && e.end <= at && e.start >= from).sort((a, b) => a.start - b.start);
  return people[0]?.name ?? holderBefore(u, at, ['person', 'organization', 'other']);
}

/**
 * The person named nearest a value in its clause, before or after it ("signed Joique Bell on Wednesday").
 * Names the extractor left untyped count too ("Climber Duncan Reith" is typed `other` without a role
 * word it knows); places do not (two facts of one place are the event's).
 */
export function nearestPerson(u: SentenceUnit, at: number): string | null {
  const toks = clauseTokens(u, at);
  if (!toks.length) return null;
  const from = toks[0].start;
  const to = toks[toks.length - 1].end;
  // The speaker of a reporting clause ("…, Bower said", "said Bower") reports the fact, he is not in it:
  // on the dev gold he made one approval's year Bower's and the other's Palmer's, and they never met.
  const speaker = (e: { start: number; end: number }) => {
    const i = u.tokens.findIndex((t) => t.start >= e.end);
    const j = u.tokens.findIndex((t) => t.end > e.start) - 1;
    return (i >= 0 && REPORTING.has(u.tokens[i].normal)) || (j >= 0 && REPORTING.has(u.tokens[j].normal));
  };
  const people = u.entities.filter((e) => (e.type === 'person' || e.type === 'other') && e.start >= from && e.end <= to && !speaker(e));
  // A typed person before an untyped name: in "Reid entered the clinic on Tuesday, her rep told People"
  // the magazine is nearer the date than the person who checked in.
  const rank = (e: (typeof people)[number]) => (e.type === 'person' ? 0 : 1);
  people.sort((a, b) => rank(a) - rank(b) || Math.abs(a.start - at) - Math.abs(b.start - at));
  return people[0]?.name ?? null;
}
