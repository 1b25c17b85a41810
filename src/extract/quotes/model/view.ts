// The tagger's view of an article: its words in one array, each with sentence, paragraph, quotation-mark
// state, cue-lexicon bits, what the rules' finds made of it, and the hashes its features start from.

import type { Span, TextReady } from '../../../model/article.js';
import { wordsOf, type Word } from '../../entities/words.js';
import { BARE_CLAUSE_VERBS, CUE_NOUNS, CUE_VERBS, OBJECT_CUES, OBJECT_VERBS, cueLemma } from '../cues.js';
import { quotesByParagraph } from '../across-paragraphs.js';
import { hashString } from './hash.js';

export interface DocToken extends Word {
  lemma: string;
  shape: string;
  /** Position in `DocView.sentences`. */
  sentence: number;
  paragraph: number;
  /** 0 outside quotation marks, 1 inside, 2 the opening mark, 3 the closing mark. */
  quote: number;
  /** Cue-lexicon bits (LEX_NAMES order). */
  lex: number;
  /** What the rules made of this word (RULE_* bits). */
  rule: number;
  /** Hashes of the lower-cased word, lemma, POS and shape. */
  wh: number;
  lh: number;
  ph: number;
  shh: number;
  /** Hash of the word's last three letters (`suffixOf`). */
  sfh: number;
  /** Verbs and auxiliaries before it in its sentence, at most 3. */
  verbsBefore: number;
}

export interface ViewSentence {
  /** Token range [first, last] in `DocView.tokens`. */
  first: number;
  last: number;
  paragraph: number;
  /** `Sentence.index` in the article. */
  index: number;
  /** Whether the sentence holds a quotation mark. */
  quoted: boolean;
}

/** A rule attribution as the tagger reads it (combine.ts `Found`, structurally). */
export interface RuleFind {
  attribution: { cue: Span | null; speaker: Span | null } | null;
  content: Span;
  direct: boolean;
}

export interface DocView {
  text: string;
  tokens: DocToken[];
  sentences: ViewSentence[];
  /** Tokens of each sentence (the phrase finders of phrases.ts read one sentence's words). */
  words: DocToken[][];
  rules: RuleFind[];
}

export const LEX_NAMES = ['cue', 'bare', 'hearer', 'stance', 'noun'];
const LEXICON = [CUE_VERBS, BARE_CLAUSE_VERBS, OBJECT_VERBS, OBJECT_CUES, CUE_NOUNS];

export const RULE_CUE = 1;
export const RULE_CONTENT = 2;
export const RULE_SPEAKER = 4;
export const RULE_DIRECT = 8;

function lexBits(lower: string): number {
  let bits = 0;
  for (let b = 0; b < LEXICON.length; b++) if (LEXICON[b].has(lower)) bits |= 1 << b;
  return bits;
}

/** The lexicon's base form, else a stem shared by a verb's forms (tokens carry no lemma): "announces",
 * "announced", "announcing" and "announce" all give "announc", "planned" gives "plan", so a cue seen
 * once in one form lends its weight to the others. Against the earlier suffix cut, which kept "announce"
 * and "announc" apart: dev whole F1 of rules + tagger 72.7 → 73.2 (P 80.5 → 81.2, R 66.4 → 66.6). */
function lemmaOf(lower: string): string {
  const known = cueLemma(lower);
  if (known) return known;
  let stem = lower;
  if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.length > 5 && lower.endsWith('ing')) stem = lower.slice(0, -3);
  else if (lower.length > 4 && lower.endsWith('ed')) stem = lower.slice(0, -2);
  else if (lower.length > 4 && lower.endsWith('es') && !lower.endsWith('sses')) stem = lower.slice(0, -2);
  else if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) stem = lower.slice(0, -1);
  if (stem === lower) return lower.length > 4 && lower.endsWith('e') ? lower.slice(0, -1) : lower;
  const n = stem.length;
  // "planned" → plan, but "called" stays call and "passed" pass.
  if (n > 3 && stem[n - 1] === stem[n - 2] && !'lsz'.includes(stem[n - 1]) && !'aeiou'.includes(stem[n - 1])) return stem.slice(0, -1);
  return stem.endsWith('e') && n > 3 ? stem.slice(0, -1) : stem;
}

/** A word's last three letters, or the word when it has four letters or fewer. */
export function suffixOf(lower: string): string {
  return lower.length > 4 ? lower.slice(-3) : lower;
}

const QUOTE_CHARS = /^(["“”«»„‘’']|''|``)$/;

/** Shape classes: q quote mark, d has a digit, p punctuation (or the mark itself when one character),
 * X all capitals, Xx capitalised, xX inner capital, x lower case. Counted by code unit: letters are those
 * whose case maps differ, so accented and non-Latin capitals count too. */
function shapeOf(w: string): string {
  if (QUOTE_CHARS.test(w)) return 'q';
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return 'd';
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c > 127) {
      const ch = w[i];
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
    }
  }
  if (upper + lower === 0) return w.length === 1 ? w : 'p';
  if (lower === 0) return w.length > 1 ? 'X' : 'Xx';
  const c0 = w[0];
  if (c0 !== c0.toLowerCase()) return 'Xx';
  return upper > 0 ? 'xX' : 'x';
}

/** Hashes of the few distinct POS tags and shapes, computed once. */
const smallHashes = new Map<string, number>();
function smallHash(s: string): number {
  let h = smallHashes.get(s);
  if (h === undefined) smallHashes.set(s, (h = hashString(s)));
  return h;
}

/** View tokens overlapping [start, end), by binary search on token starts. */
export function tokensOverlapping(tokens: DocToken[], start: number, end: number): [number, number] | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo - 1;
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++;
  return last >= lo ? [lo, last] : null;
}

function markRules(tokens: DocToken[], rules: RuleFind[]): void {
  const mark = (sp: Span | null | undefined, bit: number) => {
    const r = sp ? tokensOverlapping(tokens, sp.start, sp.end) : null;
    if (r) for (let k = r[0]; k <= r[1]; k++) tokens[k].rule |= bit;
  };
  for (const f of rules) {
    mark(f.attribution?.cue, RULE_CUE);
    mark(f.attribution?.speaker, RULE_SPEAKER);
    mark(f.content, f.direct ? RULE_CONTENT | RULE_DIRECT : RULE_CONTENT);
  }
}

/** What a token's features read of its written form alone, computed once per form: its lower-cased
 * type (lemma, lexicon bits, hashes) and its shape. */
interface WordType { lemma: string; lex: number; wh: number; lh: number; sfh: number; shape: string; shh: number }

/** Word forms seen so far, emptied when large (a corpus's vocabulary, not its text, is what repeats):
 * hashing each word three times, five lexicon lookups and the shape were a third of building the view. */
const types = new Map<string, WordType>();
const MAX_TYPES = 1 << 17;

function wordType(text: string, lower: string): WordType {
  let t = types.get(text);
  if (t) return t;
  if (types.size >= MAX_TYPES) types.clear();
  const lemma = lemmaOf(lower);
  const wh = hashString(lower);
  const shape = shapeOf(text);
  t = { lemma, lex: lexBits(lower), wh, lh: lemma === lower ? wh : hashString(lemma), sfh: hashString(suffixOf(lower)), shape, shh: smallHash(shape) };
  types.set(text, t);
  return t;
}

function token(w: Word, sentence: number, paragraph: number, quote: number): DocToken {
  const type = wordType(w.text, w.lower);
  return {
    start: w.start, end: w.end, text: w.text, lower: w.lower, cap: w.cap, pos: w.pos, lemma: type.lemma, shape: type.shape,
    sentence, paragraph, quote, lex: type.lex, rule: 0,
    wh: type.wh, lh: type.lh, ph: smallHash(w.pos), shh: type.shh,
    sfh: type.sfh, verbsBefore: 0,
  };
}

/** Words of the article's sentences with quotation state (inside a stretch found by `quotesByParagraph`) and
 * what the rules' finds `rules` made of them; `sentenceWords`, when given, holds each sentence's words
 * already read (quotes/index.ts `sentenceWords`). */
export function docView(article: TextReady, rules: RuleFind[] = [], sentenceWords?: Word[][]): DocView {
  const text = article.clean.text;
  const marks: { start: number; end: number }[] = [];
  for (const spans of quotesByParagraph(text, article.clean.paragraphs)) for (const m of spans) marks.push(m);
  const tokens: DocToken[] = [];
  const sentences: ViewSentence[] = [];
  const words: DocToken[][] = [];
  let q = 0;
  const all = article.text.sentences;
  for (let si = 0; si < all.length; si++) {
    const s = all[si];
    const first = tokens.length;
    const own: DocToken[] = [];
    let verbs = 0;
    for (const w of sentenceWords?.[si] ?? wordsOf(s, text)) {
      while (q < marks.length && marks[q].end <= w.start) q++;
      const m = marks[q];
      const quote = !(m && w.start >= m.start && w.end <= m.end) ? 0
        : w.start === m.start && QUOTE_CHARS.test(w.text) ? 2 : w.end === m.end && QUOTE_CHARS.test(w.text) ? 3 : 1;
      const t = token(w, sentences.length, s.paragraph, quote);
      t.verbsBefore = verbs;
      if ((w.pos === 'VERB' || w.pos === 'AUX') && verbs < 3) verbs++;
      tokens.push(t);
      own.push(t);
    }
    if (own.length === 0) continue;
    words.push(own);
    sentences.push({ first, last: tokens.length - 1, paragraph: s.paragraph, index: s.index, quoted: own.some((t) => t.quote >= 2) });
  }
  markRules(tokens, rules);
  return { text, tokens, sentences, words, rules };
}
