// Rule quote-across-paragraphs: a quotation opened in one paragraph and closed in the next, with no
// opening mark before the close ("“I believe Brian Nichols did not win." / "In his own words, … to stay
// in jail,” said Christina Greenway"). Sources that put every sentence on its own line split quotes this
// way, and read paragraph by paragraph the second half looked like reported speech ("he said it's not
// his DNA…,” said Christina Greenway": the quote given to "he", the closing mark and the real cue inside
// the content). The two halves are one quoted stretch, so the cue after the close attributes all of it.
// Must not hit: the multi-paragraph convention, where the next paragraph opens a mark of its own (each
// paragraph stays its own stretch, joined by the continued-quote rule); a straight mark, which cannot
// be told open from close; a quote closed in its own paragraph.

import type { Paragraph } from '../../model/article.js';
import { quoteSpans, type QuotedStretch } from './direct.js';

const CURLY_CLOSE = new Set(['”', '»']);
const ANY_OPEN = new Set(['“', '"', '«', '„', '`']);

/** Paragraphs after the opening one a quote may run through to its close: one-sentence-per-line sources
 * quote three or four sentences at a time; the bound keeps a stray unclosed mark from swallowing an
 * article. */
const MAX_LATER_PARAGRAPHS = 3;

/** In `p`: the end (after the mark) of a closing curly mark met before any opening mark; −1 when an
 * opening mark comes first; −2 when the paragraph holds no mark at all. */
function closeBeforeOpen(text: string, p: Paragraph): number {
  for (let i = p.start; i < p.end; i++) {
    if (ANY_OPEN.has(text[i]) || (text[i] === "'" && text[i + 1] === "'")) return -1;
    if (CURLY_CLOSE.has(text[i])) return i + 1;
  }
  return -2;
}

/** Where the quote left open at the end of paragraph `pi` closes: [paragraph, offset after the mark], or
 * null. Paragraphs between hold no mark at all (they are inside the quote). */
function closingAfter(text: string, paragraphs: readonly Paragraph[], pi: number): [number, number] | null {
  for (let k = pi + 1; k < paragraphs.length && k <= pi + MAX_LATER_PARAGRAPHS; k++) {
    if (paragraphs[k].heading) return null;
    const close = closeBeforeOpen(text, paragraphs[k]);
    if (close >= 0) return [k, close];
    if (close === -1) return null;
  }
  return null;
}

/** The last article's stretches (see `quotesByParagraph`). */
let lastRead: { text: string; paragraphs: readonly Paragraph[]; count: number; stretches: QuotedStretch[][] } | null = null;

/** Quoted stretches of each paragraph (marks included; none for headings), a stretch left open at its
 * paragraph's end running on to the close a later paragraph begins with (it is listed under the paragraph
 * where it opens, the paragraphs it runs through list none). Read-only, as they are shared: the rules and
 * then the tagger's view read the same article's stretches, so the last article's are kept (reading them
 * twice was 3% of the whole extraction in a profile). */
export function quotesByParagraph(text: string, paragraphs: readonly Paragraph[]): QuotedStretch[][] {
  if (lastRead && lastRead.paragraphs === paragraphs && lastRead.count === paragraphs.length && lastRead.text === text) return lastRead.stretches;
  const stretches = readStretches(text, paragraphs);
  lastRead = { text, paragraphs, count: paragraphs.length, stretches };
  return stretches;
}

function readStretches(text: string, paragraphs: readonly Paragraph[]): QuotedStretch[][] {
  const out: QuotedStretch[][] = paragraphs.map(() => []);
  // Where the paragraph's own stretches begin: after the close of a quote carried into it.
  let resume = -1;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    const from = resume >= 0 ? resume : p.start;
    resume = -1;
    if (p.heading) continue;
    const spans = (out[pi] = quoteSpans(text, from, p.end));
    const last = spans[spans.length - 1];
    const close = last?.unclosed ? closingAfter(text, paragraphs, pi) : null;
    if (!close) continue;
    last.end = close[1];
    delete last.unclosed;
    resume = close[1];
    pi = close[0] - 1;
  }
  return out;
}
