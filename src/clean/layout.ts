// Paragraph layout of a raw body: which lines form one paragraph (hard-wrapped text is rejoined), and
// which kept paragraphs are section headings (kept in the text, but not sentences).

import { HEADING_MAX_WORDS, HEADING_NEXT_WORDS, HEADING_PLAIN_WORDS, WRAP_MAX_CHARS } from './params.js';

/** Invisible characters that break regexes and tokenisers: zero-width space/joiners, BOM, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** Horizontal whitespace runs (tabs, NBSP, thin spaces) → one space; extraction doubles spaces around lost punctuation. */
const HSPACE = /[\t\f\v \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** One cheap test first: most lines need no replacement, and two global replaces cost more than the test. */
const NEEDS_NORMALISING = /[\u200B-\u200D\u2060\uFEFF\u00AD\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]| {2}/;

export function normaliseLine(line: string): string {
  return NEEDS_NORMALISING.test(line) ? line.replace(INVISIBLE, '').replace(HSPACE, ' ').trim() : line.trim();
}

export function wordCount(line: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const space = line.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const SENTENCE_END = /[.!?:;"”’)\]…]$/;

/**
 * Splits a raw body into logical lines: blocks are separated by blank lines; inside a block each line is
 * its own paragraph (how HTML extraction and the seeds write them), unless the block is hard-wrapped —
 * all lines but the last short, and most of them running on into a lower-case next line — in which case
 * it is rejoined.
 */
export function logicalLines(raw: string): string[] {
  const out: string[] = [];
  const blocks = (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw).split(/\n[ \t\u00A0]*\n/);
  for (const block of blocks) {
    const lines: string[] = [];
    for (const l of block.split('\n')) {
      const n = normaliseLine(l);
      if (n !== '') lines.push(n);
    }
    if (lines.length === 0) continue;
    if (lines.length >= 3 && isHardWrapped(lines)) out.push(lines.join(' '));
    // One line at a time: spreading a block of 150,000 lines into push() overflows the call stack.
    else for (const l of lines) out.push(l);
  }
  return out;
}

function isHardWrapped(lines: string[]): boolean {
  // A wrap breaks mid-sentence, so most continuation lines start in lower case; stacked furniture lines
  // ("Share this article" / "Follow us on …") each start with a capital and stay separate.
  let continued = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    if (lines[i].length > WRAP_MAX_CHARS || lines[i].length < WRAP_MAX_CHARS / 3) return false;
    if (!SENTENCE_END.test(lines[i]) && /^[\p{Ll}\d(]/u.test(lines[i + 1])) continued++;
  }
  return continued * 2 > lines.length - 1;
}

/** Words that stay lower-case in Title Case headings. */
const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'of', 'in', 'on', 'at', 'to', 'by', 'as', 'up', 'via', 'with', 'from', 'into', 'over', 'vs', 'vs.', 'is', 'its', 'it']);

function isTitleCase(words: string[]): boolean {
  let major = 0;
  let capital = 0;
  for (const w of words) {
    const bare = w.replace(/^[^\p{L}\p{N}]+/u, '');
    if (bare === '' || MINOR_WORDS.has(bare.toLowerCase())) continue;
    major++;
    if (/^[\p{Lu}\p{N}]/u.test(bare)) capital++;
  }
  return major >= 2 && capital >= major * 0.8;
}

/**
 * A section heading: a short line without final punctuation, in Title Case or very short, not a quote,
 * followed by a longer paragraph. Why these cues: they are what distinguishes "Russia's Plan To Buy Drones"
 * from a one-line paragraph ("There was no comment from Russia on the report." ends in a full stop).
 */
export function isHeading(line: string, next: string | undefined): boolean {
  if (next === undefined || line.length > HEADING_MAX_WORDS * 12) return false;
  if (/[.!,;:"”…]$/.test(line) || /^["“'‘(\-–—•]/.test(line)) return false;
  const words = line.split(' ');
  // A question can be a heading ("What Happens Next?") but only in Title Case: "Why?" alone is speech.
  if (line.endsWith('?')) return words.length >= 3 && words.length <= HEADING_MAX_WORDS && isTitleCase(words) && wordCount(next) >= HEADING_NEXT_WORDS;
  if (words.length > HEADING_MAX_WORDS || wordCount(next) < Math.max(HEADING_NEXT_WORDS, words.length + 1)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(line)) return false;
  return words.length <= HEADING_PLAIN_WORDS || isTitleCase(words);
}
