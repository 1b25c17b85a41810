// Candidate names: maximal runs of capitalised words (wink's PROPN, or any capitalised noun-like word
// mid-sentence), joined through lower-case name particles ("Times of Israel", "Bashar al Assad").

import { isNotName, lookupName } from '../gazetteer/index.js';
import { titleCaseShare } from './params.js';
import type { Word } from './words.js';

export interface Run {
  /** Word indices, inclusive. */
  first: number;
  last: number;
}

/** Lower-case words that may sit inside a name between two capitalised words. */
const PARTICLES = new Set(['of', 'al', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'la', 'le', 'du', 'el', '&']);
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'NUM']);
const OPENERS = new Set(['"', '“', '‘', "'", ':', '(', '[', '—', '–', '-']);

/** Why: sentence openers are capitalised anyway, so only wink's PROPN plus "not an ordinary word" makes
 * them names; mid-sentence, capitalisation itself is the signal. */
function nameLike(words: Word[], i: number): boolean {
  const w = words[i];
  if (!w.cap || !/\p{L}/u.test(w.text)) return false;
  if (isNotName(w.lower)) return false;
  const opener = i === 0 || OPENERS.has(words[i - 1].text);
  if (opener) {
    if (lookupName(w.lower)) return true;
    // Ordinary words ("Drones", "Satellite") reach here only when wink says PROPN; single-word openers
    // are filtered later unless the article also capitalises them mid-sentence ("Burns said:").
    return w.pos === 'PROPN';
  }
  return NAME_POS.has(w.pos);
}

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'and', 'or', 'with', 'from', 'as', 'vs']);

/** Headlines in title case ("Russian Officials Reportedly Visit Iran") capitalise every word but small
 * function words; a name-dense body sentence still has lower-case verbs ("… met CIA Director …"). */
export function isTitleCase(words: Word[]): boolean {
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (!/^\p{L}/u.test(w.text)) continue;
    letters++;
    if (w.cap) caps++;
    else if (!SMALL_WORDS.has(w.lower)) return false;
  }
  return letters >= 4 && caps / letters >= titleCaseShare;
}

/** Maximal name runs of one sentence. In title-case sentences only gazetteer words and patterned product
 * names count, each alone, since capitalisation says nothing there. */
export function findRuns(words: Word[]): Run[] {
  const runs: Run[] = [];
  if (isTitleCase(words)) {
    words.forEach((w, i) => {
      if (w.cap && (lookupName(w.lower) || /\d/.test(w.text)) && !isNotName(w.lower)) runs.push({ first: i, last: i });
    });
    return runs;
  }
  let i = 0;
  while (i < words.length) {
    if (!nameLike(words, i)) { i++; continue; }
    let last = i;
    while (true) {
      if (last + 1 < words.length && nameLike(words, last + 1) && words[last + 1].start - words[last].end <= 1) { last++; continue; }
      if (last + 2 < words.length && PARTICLES.has(words[last + 1].text) && nameLike(words, last + 2)) { last += 2; continue; }
      break;
    }
    // Datelines: "WASHINGTON Russian officials…" — an all-caps word glued to a title-case word starts a
    // new sentence in all but name, so the run is cut after the capitals.
    for (let k = i; k < last; k++) {
      if (/^\p{Lu}{4,}$/u.test(words[k].text) && /\p{Ll}/u.test(words[k + 1].text)) {
        runs.push({ first: i, last: k });
        i = k + 1;
      }
    }
    runs.push({ first: i, last });
    i = last + 1;
  }
  return runs;
}
