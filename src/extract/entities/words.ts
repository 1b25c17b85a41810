// Words of a sentence: wink tokens re-joined where wink split a hyphenated or dotted name
// ("Amir-Abdollahian", "Shahed-191", "national-security") by character adjacency of their offsets.

import type { Sentence } from '../../model/article.js';

export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  pos: string;
  /** Starts with an upper-case letter (or is an all-caps acronym). */
  cap: boolean;
}

const JOINERS = new Set(['-', '‑', '–']);

/** Joins token sequences `A - B` with no spaces between into one word; keeps everything else as is. */
export function wordsOf(sentence: Sentence, text: string): Word[] {
  const toks = sentence.tokens;
  const out: Word[] = [];
  let i = 0;
  while (i < toks.length) {
    let start = toks[i].start;
    let end = toks[i].end;
    let pos = toks[i].pos;
    let j = i + 1;
    // Joiners are one character: test that character, not a substring cut per token.
    while (j + 1 < toks.length && toks[j].end - toks[j].start === 1 && JOINERS.has(text[toks[j].start]) && toks[j].start === end
      && toks[j + 1].start === toks[j].end && /[\p{L}\d]/u.test(text[toks[j + 1].start])) {
      end = toks[j + 1].end;
      if (toks[j + 1].pos === 'PROPN') pos = 'PROPN';
      j += 2;
    }
    const w = text.slice(start, end);
    out.push({ start, end, text: w, lower: w.toLowerCase(), pos, cap: /^\p{Lu}/u.test(w) });
    i = j;
  }
  return out;
}

/** The last article's words (see `articleWords`). */
let lastRead: { sentences: readonly Sentence[]; count: number; text: string; words: Word[][] } | null = null;

/** The words of each of an article's sentences, in order; read-only, as they are shared. The extract stage
 * reads an article's entities and then its quotes, and each read every sentence's words (a tenth of the
 * bytes the two allocated): the last article's words are kept, so its second read is free and the memory
 * held stays one article's. */
export function articleWords(sentences: readonly Sentence[], text: string): Word[][] {
  if (lastRead && lastRead.sentences === sentences && lastRead.count === sentences.length && lastRead.text === text) return lastRead.words;
  const words = sentences.map((s) => wordsOf(s, text));
  lastRead = { sentences, count: sentences.length, text, words };
  return words;
}
