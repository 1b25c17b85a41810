// Speaker noun phrases next to a cue: the subject before it ("US national security adviser Jake Sullivan
// said", "John Kirby, a spokesman for the National Security Council, told") or the phrase after it
// ("…, said Sullivan", "according to national security adviser Jake Sullivan").

import type { Run } from '../entities/runs.js';
import { isTitleHead } from '../gazetteer/index.js';
import type { Word } from '../entities/words.js';
import { maxAppositiveWords, maxSpeakerWords } from './params.js';

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PART']);
const HEAD_POS = new Set(['PROPN', 'NOUN']);
export const SPEAKER_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'who', 'it', 'you']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my']);
const INNER_ADP = new Set(['of', 'for', 'at', 'to']);
/** Adverbs and auxiliaries between subject and cue: "Sullivan also said", "officials have repeatedly warned". */
const BETWEEN = new Set(['also', 'later', 'previously', 'reportedly', 'repeatedly', 'then', 'once', 'again', 'recently',
  'earlier', 'further', 'publicly', 'privately', 'immediately', 'quickly', 'flatly', 'simply', 'has', 'have', 'had',
  'had', 'would', 'will', 'could', 'may', 'might', 'did', 'does', 'do', 'had', 'not', 'never', 'often', 'already', 'just',
  'first', 'separately', 'repeatedly', 'openly', 'explicitly', 'specifically', 'bluntly', 'angrily']);
const NON_HEADS = new Set(['that', 'this', 'which', 'what', 'there', 'these', 'those']);

/** A capitalised word that wink tags as a verb or adjective inside a name ("Cook/VERB said", "The Gazette said
 * Cook/VERB wrote"): read as a proper noun unless it ends in -ing/-ed. Surnames such as Cook or Rice hid
 * subjects among the missed "say" cues of PolNeAR train; whole F1 +0.8 dev, +0.4 train, precision up. */
export function nameLike(w: Word): boolean {
  return w.cap && (w.pos === 'VERB' || w.pos === 'ADJ') && /^\p{Lu}\p{Ll}+$/u.test(w.text) && !/(ing|ed)$/.test(w.lower);
}

function isHead(w: Word): boolean {
  return HEAD_POS.has(w.pos) || nameLike(w);
}

function npWord(words: Word[], i: number): boolean {
  const w = words[i];
  if (NON_HEADS.has(w.lower)) return false;
  if (nameLike(w)) return true;
  if (POSSESSIVES.has(w.lower)) return true;
  // Titles the tagger reads as verbs ("according to engineer Jonas Verret").
  if (!w.cap && isTitleHead(w.lower)) return true;
  if (NP_POS.has(w.pos)) return w.pos !== 'PART' || /^['’]s?$/.test(w.text);
  return false;
}

/** Left edge of a noun phrase ending at `e` (inclusive), or -1 when `e` is no noun head. */
export function npStart(words: Word[], e: number, limit: number): number {
  const head = words[e];
  if (SPEAKER_PRONOUNS.has(head.lower) && head.pos === 'PRON') return e;
  // Poll shares as subjects: "Six in 10 say", "about 4 in 10 said", "Most say".
  // PolNeAR annotates these respondents as sources (seen among the missed "say" cues of train).
  if (head.pos === 'NUM' && words[e - 1]?.lower === 'in' && words[e - 2]?.pos === 'NUM' && e - 2 >= limit) {
    let f = e - 2;
    while (f - 1 >= limit && /^(about|nearly|only|roughly|almost|than|more|fewer|less|just)$/.test(words[f - 1].lower)) f--;
    return f;
  }
  if (/^(three-quarters|two-thirds|most|half|majorities|majority)$/.test(head.lower) && !NP_POS.has(words[e - 1]?.pos ?? '')) return e;
  if (!isHead(head) || NON_HEADS.has(head.lower)) return -1;
  let f = e;
  while (f - 1 >= limit && e - f < maxSpeakerWords) {
    if (npWord(words, f - 1)) { f--; continue; }
    // "spokesman for the Kremlin", "chief of the CIA".
    if (INNER_ADP.has(words[f - 1].lower) && f - 2 >= limit && HEAD_POS.has(words[f - 2].pos)) { f -= 2; continue; }
    break;
  }
  return f;
}

/** Index of the "(" that opens a short parenthesis closed at `e` ("Rep. John Mica (R-Fla.)"), or -1. */
function parenthesisOpen(words: Word[], e: number): number {
  if (words[e]?.text !== ')') return -1;
  for (let k = e - 1; k >= 0 && e - k <= 5; k--) if (words[k].text === '(') return k;
  return -1;
}

const TIME_HEADS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tonight', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night']);
const TIME_OPENERS = new Set(['this', 'last', 'next', 'on', 'in', 'earlier', 'late', 'early', 'that', 'the', 'each', 'every']);

/** Rule time-adjunct: a time phrase between the subject and its cue ("Wells Fargo just this month
 * announced", "Trump on Tuesday said") is skipped with the adverbs: its head is no speaker. PolNeAR dev
 * whole F1 of the rules +0.2, rules + tagger unchanged (R +0.1; measured beside a rule since reverted, so
 * the absolute figures of that commit are not today's: see docs/entities.md). Returns the index
 * before the phrase ending at `e`, else `e`. */
function skipTimePhrase(words: Word[], e: number): number {
  if (e < 1 || !TIME_HEADS.has(words[e].lower)) return e;
  let k = e - 1;
  while (k >= 0 && TIME_OPENERS.has(words[k].lower)) k--;
  // A bare day name may be the subject itself only at the sentence's start ("Tuesday was…"): keep it then.
  return k < 0 ? e : k;
}

/** The subject phrase ending right before cue word `c`, appositive included, or null. */
export function subjectBefore(words: Word[], c: number): Run | null {
  let e = c - 1;
  const skippable = (k: number) => (BETWEEN.has(words[k].lower) || words[k].pos === 'ADV') && words[k].lower !== 'who';
  while (e >= 0 && skippable(e)) e--;
  if (e >= 0) {
    const k = skipTimePhrase(words, e);
    if (k !== e) {
      e = k;
      while (e >= 0 && skippable(e)) e--;
    }
  }
  if (e < 0) return null;
  const last = e;
  if (words[e].text === ',') {
    // Appositive: "Kirby, a spokesman for the National Security Council, told" — appositives of experts
    // run long ("Leonard Burman, director of the … Center and a professor at …, said").
    let k = e - 1;
    while (k >= 0 && e - k <= maxAppositiveWords && words[k].text !== ',') k--;
    if (k <= 0 || words[k].text !== ',') return null;
    let h = k - 1;
    // An age between name and appositive: "Jonas Verret, 58, a fisherman from the pier, said" (vox-pop
    // speakers among the missed "say" cues of PolNeAR train): whole F1 +0.1 dev, +0.1 train.
    if (h > 1 && words[h].pos === 'NUM' && /^\d{1,3}$/.test(words[h].text) && words[h - 1].text === ',') h -= 2;
    const open = parenthesisOpen(words, h);
    if (open > 0) h = open - 1;
    // The head before the first comma is a name or pronoun, or a common noun when the appositive is the
    // name ("The state's campaign chairman, Phil Lovas, said").
    const inner = words.slice(k + 1, e);
    const nameInside = inner.length > 0 && inner.every((w) => w.pos === 'PROPN' || w.text === '.');
    if (h < 0 || !(/^(PROPN|PRON)$/.test(words[h].pos) || (words[h].pos === 'NOUN' && nameInside))) return null;
    const f = npStart(words, h, 0);
    if (f < 0) return null;
    return { first: f, last: e - 1 };
  }
  // "Rep. John Mica (R-Fla.) said": the party-and-state parenthesis belongs to the name.
  const open = parenthesisOpen(words, e);
  const f = npStart(words, open > 0 ? open - 1 : e, 0);
  return f < 0 ? null : { first: f, last };
}

/** The noun phrase starting at `i` ("Sullivan", "the official", "national security adviser Jake Sullivan"),
 * cut at a conjunction, comma or verb; null when none starts there. */
export function phraseAfter(words: Word[], i: number): Run | null {
  if (i >= words.length) return null;
  if (SPEAKER_PRONOUNS.has(words[i].lower) && words[i].pos === 'PRON') return { first: i, last: i };
  let last = i - 1;
  while (last + 1 < words.length && last + 1 - i < maxSpeakerWords) {
    const j = last + 1;
    if (npWord(words, j)) { last = j; continue; }
    if (INNER_ADP.has(words[j].lower) && last >= i && HEAD_POS.has(words[last].pos) && j + 1 < words.length && npWord(words, j + 1)) { last = j; continue; }
    break;
  }
  while (last >= i && !isHead(words[last])) last--;
  if (last < i) return null;
  // "said Rep. John Mica (R-Fla.)".
  if (words[last + 1]?.text === '(') {
    for (let k = last + 2; k < words.length && k - last <= 5; k++) if (words[k].text === ')') return { first: i, last: k };
  }
  return { first: i, last };
}
