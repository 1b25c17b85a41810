// What changed between two versions of an article's text, sentence by sentence: the sentences the later
// version took out and put in, in text order. Reordering alone is no change; a sentence edited is one out
// and one in, which is how a reader compares them.

import type { ArticleRevision } from '../store/types.js';
import type { ArticleRevisionDiff } from '../model/report.js';

/** Sentences listed per side at most: a rewritten article says "and N more" through the count, not 500 lines. */
export const MAX_DIFF_SENTENCES = 20;

/** Sentence-ish pieces of a clean text: paragraphs split after ., ! or ? followed by a space. */
function pieces(text: string): string[] {
  return text.split(/\n\s*\n/).flatMap((p) => p.split(/(?<=[.!?]["”’)]?)\s+(?=\S)/)).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

export function sentenceDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = pieces(before);
  const b = pieces(after);
  const inA = new Set(a);
  const inB = new Set(b);
  return { removed: a.filter((s) => !inB.has(s)), added: b.filter((s) => !inA.has(s)) };
}

/** Each stored earlier version against the one after it (the last against the current text). */
export function revisionDiffs(revisions: ArticleRevision[], current: string): ArticleRevisionDiff[] {
  return revisions.map((r, i) => {
    const next = i + 1 < revisions.length ? revisions[i + 1].text : current;
    const { removed, added } = sentenceDiff(r.text, next);
    return { version: r.version, seenAt: r.seenAt, removed: removed.slice(0, MAX_DIFF_SENTENCES), added: added.slice(0, MAX_DIFF_SENTENCES) };
  });
}
