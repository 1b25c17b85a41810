// Content terms of a sentence for alignment: lower-cased, stop-words dropped, light suffix stemming
// (Harman's S-stemmer plus -ing/-ed), so "displays"/"displayed"/"display" meet without a full Porter stemmer
// whose over-stemming ("general"/"generous") would merge unrelated claims.

import type { Token } from '../model/article.js';

const STOP = new Set(
  ('a an the and or but if of at by for with about against between into through during before after above below to from up down in out on off ' +
    'over under again further then once here there when where why how all any both each few more most other some such no nor not only own same so ' +
    'than too very s t can will just don should now is are was were be been being have has had having do does did doing would could might must shall ' +
    'may i me my we our ours you your he him his she her it its they them their what which who whom this that these those am as until while also ' +
    'said says say told tell according added add reported report reportedly')
    .split(' '),
);

/** Content-bearing parts of speech in wink's Universal tags. */
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV', 'X']);

/**
 * Stems by word: the number rule and the fact frames stem the same story words at every story view, and a
 * view of a 1,362-article story spent 1.0 s of 26.6 in `stem` (V8 profile, docs/performance.md). Bounded:
 * emptied past STEM_MEMO_CAPACITY words; the whole 10k-article bench corpus (ECB+ recombined, renamed) has
 * 16,245 distinct lower-cased words, so 100,000 holds a long-running corpus's working set (≈10 MB).
 */
const stems = new Map<string, string>();
const STEM_MEMO_CAPACITY = 100_000;

/** Light stemmer: plural -s/-es/-ies, -ing, -ed; hyphenated words keep their parts joined. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= STEM_MEMO_CAPACITY) stems.clear();
    s = stemOf(word);
    stems.set(word, s);
  }
  return s;
}

function stemOf(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '').replace(/[’'.]/g, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function isStopword(normal: string): boolean {
  return STOP.has(normal);
}

/** Content stems of a token list, in order (duplicates kept: callers decide). */
export function contentTerms(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const n = t.normal.toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(n)) continue;
    if (STOP.has(n)) continue;
    if (t.pos && !CONTENT_POS.has(t.pos) && !/\d/.test(n)) continue;
    out.push(stem(n));
  }
  return out;
}

/** Content stems of free text (titles, quotes) without wink tokens: split on non-word characters. */
export function contentTermsOfText(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}’'-]+/u)) {
    const w = raw.replace(/^[-’']+|[-’']+$/g, '');
    if (!w || STOP.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}
