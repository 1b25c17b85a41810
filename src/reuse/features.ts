// Words, light stems and per-sentence features (content stems, numbers, names, weekdays) used both for index
// keys and for sentence alignment. One fast regex tokenizer so signatures do not need the NLP model.

import { reuseParams } from './params.js';
import { synonymTable } from './synonyms.js';

const WORD = /\p{N}+(?:[.,]\p{N}+)*|\p{L}+(?:['’]\p{L}+)*/gu;

/** Word tokens of `text` in original case (numbers keep their inner `,`/`.`; hyphenated words split). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

// Function words plus attribution verbs: "said"/"told" appear in most news sentences and say nothing about
// whether two sentences report the same thing.
const STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my no nor not now of
off on once only or other our ours out over own same she should so some such than that the their theirs them
then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yet s t mr mrs ms dr said says say saying told tell according
reported reportedly added adding stated noted one's it's that's however still even though although since
per via upon within without among amid well much many every another either neither may might must shall
would've could've should've don't doesn't didn't isn't aren't wasn't weren't won't can't cannot`.split(/\s+/),
);

/** Is this lower-cased word a function word (ignored for content overlap)? */
export function isStopword(lower: string): boolean {
  return STOP.has(lower);
}

/** Light suffix stripping (S-stemmer–like, Harman 1991, plus -ed/-ing): enough to match "visited"/"visit"
 *  and "drones"/"drone" without Porter's over-stemming of names. */
export function stem(lower: string): string {
  let cached = stemCache.get(lower);
  if (cached === undefined) {
    cached = stemUncached(lower);
    // Bounded memo: news vocabulary is Zipfian, so a small cache serves most words (signature hot path).
    if (stemCache.size >= 200_000) stemCache.clear();
    stemCache.set(lower, cached);
  }
  return cached;
}

const stemCache = new Map<string, string>();

function stemUncached(lower: string): string {
  let w = lower.replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ed') && w.length > 4) return undouble(w.endsWith('eed') ? w.slice(0, -1) : w.slice(0, -2));
  if (w.endsWith('es') && /(?:ss|x|ch|sh|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}

function undouble(w: string): string {
  // "planned" → "plann" → "plan"; keeps "ll"/"ss" words like "call"/"pass".
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !/[lsz]/.test(w[w.length - 1])) return w.slice(0, -1);
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}

const SYNONYMS = synonymTable(stem);

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', hundred: '100', thousand: '1000', million: '1000000',
  billion: '1000000000', once: '1', twice: '2', dozen: '12',
};

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Features of one sentence for alignment. */
export interface SentenceFeatures {
  /** Content stems (synonyms mapped to one head when enabled). */
  stems: Set<string>;
  /** Numbers, digits normalised ("1,000" → "1000", "two" → "2"). */
  numbers: Set<string>;
  /** Lower-cased proper names (capitalised non-initial words, or PROPN tokens when given). */
  names: Set<string>;
  /** Weekday names mentioned (lower case). */
  weekdays: Set<string>;
  /** Every lower-cased word as written (no stemming, no synonyms): tells verbatim copy from rewording. */
  surface: Set<string>;
}

/** Features of a sentence; `tokens` (wink-nlp, optional) give POS for names. */
export function sentenceFeatures(
  text: string,
  tokens?: { normal: string; pos: string }[],
  useSynonyms: boolean = reuseParams.useSynonyms,
): SentenceFeatures {
  const stems = new Set<string>();
  const numbers = new Set<string>();
  const names = new Set<string>();
  const weekdays = new Set<string>();
  const surface = new Set<string>();
  const ws = words(text);
  const posNames = tokens !== undefined && tokens.length > 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const lower = w.toLowerCase();
    surface.add(lower);
    const c = w.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      numbers.add(w.replace(/,/g, ''));
      continue;
    }
    if (NUMBER_WORDS[lower]) numbers.add(NUMBER_WORDS[lower]);
    if (STOP.has(lower)) continue;
    if (WEEKDAYS.includes(lower)) weekdays.add(lower);
    let s = stem(lower);
    if (useSynonyms) s = SYNONYMS.get(s) ?? s;
    stems.add(s);
    if (!posNames && i > 0 && w !== lower && w[0] !== lower[0]) names.add(lower);
  }
  if (posNames) for (const t of tokens!) if (t.pos === 'PROPN' && !STOP.has(t.normal)) names.add(t.normal);
  return { stems, numbers, names, weekdays, surface };
}

/** The content stem of a lower-cased content word (synonyms mapped to their group head when enabled). */
export function contentStemOf(lower: string, useSynonyms: boolean = reuseParams.useSynonyms): string {
  const s = stem(lower);
  return useSynonyms ? (SYNONYMS.get(s) ?? s) : s;
}

/** Content stems of a sentence in order, with repeats (for index keys; cheaper than sentenceFeatures). */
export function contentStems(text: string, useSynonyms: boolean = reuseParams.useSynonyms): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const lower = w.toLowerCase();
    const c = lower.charCodeAt(0);
    if ((c >= 48 && c <= 57) || STOP.has(lower)) continue;
    const s = stem(lower);
    out.push(useSynonyms ? (SYNONYMS.get(s) ?? s) : s);
  }
  return out;
}
