// Sentence and token segmentation of cleaned text with wink-nlp, with character offsets into that text
// (wink reports token indices; offsets are rebuilt from each token's preceding whitespace and value).

import type { CleanSlot, Sentence, Token } from '../model/article.js';
import { nlp } from './nlp.js';

/** Splits one paragraph into sentences; offsets are shifted by `base` so they index the whole text. */
export function segmentParagraph(text: string, base: number, paragraph: number, firstIndex: number): Sentence[] {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const normals = doc.tokens().out(its.normal) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const starts: number[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    cursor += spaces[i].length;
    // wink normalises some whitespace; resynchronise on the token text so offsets never drift.
    const found = text.indexOf(values[i], cursor);
    if (found >= 0 && found - cursor < 8) cursor = found;
    starts[i] = cursor;
    cursor += values[i].length;
  }
  const sentences: Sentence[] = [];
  doc.sentences().each((s: any) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const tokens: Token[] = [];
    for (let i = first; i <= last; i++) {
      tokens.push({ start: base + starts[i], end: base + starts[i] + values[i].length, normal: normals[i], pos: pos[i] });
    }
    if (tokens.length === 0) return;
    const start = tokens[0].start;
    const end = tokens[tokens.length - 1].end;
    sentences.push({
      index: firstIndex + sentences.length,
      start,
      end,
      text: text.slice(start - base, end - base),
      paragraph,
      tokens,
    });
  });
  return sentences;
}

/** Segments every non-heading paragraph of a cleaned article. */
export function segment(clean: CleanSlot): Sentence[] {
  const out: Sentence[] = [];
  clean.paragraphs.forEach((p, i) => {
    if (p.heading) return;
    out.push(...segmentParagraph(clean.text.slice(p.start, p.end), p.start, i, out.length));
  });
  return out;
}
