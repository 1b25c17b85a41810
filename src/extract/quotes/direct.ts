// Direct quotes: stretches between quotation marks (curly or straight, mixed as scrapers leave them),
// attributed by a cue after the closing mark ("…," Kirby said Tuesday) or before the opening one
// (Burns said: "…"), or continuing the previous quote of the paragraph (split and multi-sentence quotes).

import type { Span } from '../../model/article.js';
import type { Word } from '../entities/words.js';
import { CUE_VERBS } from './cues.js';
import { phraseAfter, subjectBefore } from './phrases.js';

export interface SentenceWords {
  index: number;
  start: number;
  end: number;
  paragraph: number;
  words: Word[];
}

export interface Attribution {
  speaker: Span | null;
  /** Sentence holding the speaker phrase. */
  speakerSentence: number;
  cue: Span | null;
}

const OPEN = new Set(['“', '"', '«', '„']);
const CLOSE = new Set(['”', '"', '»', '“']);

/** A quoted stretch, marks included; `unclosed` when no mark closed it before the paragraph's end. */
export interface QuotedStretch {
  start: number;
  end: number;
  unclosed?: true;
}

/** Quoted stretches of one paragraph, marks included; an unclosed quote runs to the paragraph end
 * (news convention for a quote continuing in the next paragraph). */
export function quoteSpans(text: string, start: number, end: number): QuotedStretch[] {
  const spans: QuotedStretch[] = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    let ch = text[i];
    let width = 1;
    // Typewriter marks of some wires and archives: ''quote'' and ``quote''.
    if ((ch === "'" && text[i + 1] === "'") || (ch === '`' && text[i + 1] === '`')) { ch = '"'; width = 2; }
    if (open < 0) {
      if (OPEN.has(ch) && ch !== '”') open = i;
    } else if (CLOSE.has(ch) && (ch !== '“' || text[i - 1] !== ' ')) {
      if (i > open + 1) spans.push({ start: open, end: i + width });
      open = -1;
    }
    i += width - 1;
  }
  if (open >= 0 && end - open > 20) spans.push({ start: open, end, unclosed: true });
  return spans;
}

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function isCue(w: Word): boolean {
  return CUE_VERBS.has(w.lower) && !w.cap && w.pos !== 'NOUN';
}

/** Rule cue-after-quote: `"…," Sullivan said Saturday.` / `"…," said the official.` The cue must come
 * within a few words of the closing mark, with only the speaker phrase in between. */
export function cueAfter(s: SentenceWords, quoteEnd: number, text: string): Attribution | null {
  const ws = s.words;
  let i = ws.findIndex((w) => w.start >= quoteEnd);
  if (i < 0) return null;
  while (i < ws.length && /^[,—–-]$/.test(ws[i].text)) i++;
  if (i >= ws.length) return null;
  if (isCue(ws[i])) {
    const np = phraseAfter(ws, i + 1);
    // `"…," adding that…` continues the sentence's own subject: reported speech takes it from there.
    if (!np && /ing$/.test(ws[i].lower)) return null;
    return {
      speaker: np ? span(text, ws[np.first].start, ws[np.last].end) : null, speakerSentence: s.index,
      cue: span(text, ws[i].start, ws[i].end),
    };
  }
  for (let c = i + 1; c < ws.length && c <= i + 12; c++) {
    if (!isCue(ws[c])) continue;
    const np = subjectBefore(ws, c);
    if (!np || np.first !== i) return null;
    return { speaker: span(text, ws[np.first].start, ws[np.last].end), speakerSentence: s.index, cue: span(text, ws[c].start, ws[c].end) };
  }
  return null;
}

/** Rule cue-before-quote: `Burns said: "…"`, `Burns noted during a visit to Aspen, "…"`. The quote must
 * open right after a colon or comma, else it is a fragment inside reported speech (handled there). */
export function cueBefore(s: SentenceWords, quoteStart: number, text: string): Attribution | null {
  const ws = s.words;
  const before = ws.filter((w) => w.end <= quoteStart);
  if (before.length < 2) return null;
  // `Trump said "Who would have believed…"`: the cue may touch the opening mark with no punctuation.
  const touching = isCue(before[before.length - 1]);
  if (!touching && !/^[,:]$/.test(before[before.length - 1].text)) return null;
  for (let c = before.length - (touching ? 1 : 2); c >= 0; c--) {
    // Rule inverted-opener: 'Said Jonas Verret, a fisherman, "We were lucky."' (capitalised).
    const opener = c === 0 && ws[0].lower === 'said';
    if (!isCue(ws[c]) && !opener) continue;
    let np = opener ? null : subjectBefore(ws, c);
    // Rule saying-quote: 'Brandt urged the council to act, saying, "The cranes are…"': the speaker is
    // the subject of the sentence's first verb, as for reported ", saying…" (shared subject). Seen among the
    // missed "saying"/"telling" quotes of PolNeAR train; with the "Said X," opener whole F1 +0.2 dev, +0.1 train.
    if (!np && c > 1 && ws[c - 1].text === ',' && /ing$/.test(ws[c].lower)) {
      const firstVerb = ws.findIndex((x) => x.pos === 'VERB' || x.pos === 'AUX');
      if (firstVerb > 0 && firstVerb < c - 1) np = subjectBefore(ws, firstVerb);
    }
    if (!np) {
      // "…, said Kirby: "…""
      const after = phraseAfter(ws, c + 1);
      if (!after) return null;
      return { speaker: span(text, ws[after.first].start, ws[after.last].end), speakerSentence: s.index, cue: span(text, ws[c].start, ws[c].end) };
    }
    return { speaker: span(text, ws[np.first].start, ws[np.last].end), speakerSentence: s.index, cue: span(text, ws[c].start, ws[c].end) };
  }
  return null;
}
