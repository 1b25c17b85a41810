// What a report lists of an article (corpus/report.ts: its entry, its share of the reuse links' sentences, its
// source), without tokens, paragraphs or extractions. The store keeps it beside the full record: a story page
// of a 1,000-member story read every member's whole record (~41 kB of JSON each on the bench corpus, 0.9 ms
// to inflate and parse) where the listing is ~5.6 kB (0.04 ms to parse), scratch measure on a 12k corpus.

import type { AnalysedArticle, CleanSlot, RemovedLine } from './article.js';

export interface ListedArticle {
  id: string;
  path: string;
  meta: AnalysedArticle['meta'];
  diagnostics: AnalysedArticle['diagnostics'];
  /** The sentences' text only (the reuse links' shared sentences, the sentence count). */
  text: { language: string | null; sentences: { text: string }[] };
  clean: Pick<CleanSlot, 'text'> & { removed: RemovedLine[] };
}

/** The listing of an analysed article (a full record is one already: it has every field). */
export function listingOf(a: AnalysedArticle | ListedArticle): ListedArticle {
  return {
    id: a.id,
    path: a.path,
    meta: a.meta,
    diagnostics: a.diagnostics,
    text: { language: a.text.language, sentences: a.text.sentences.map((s) => ({ text: s.text })) },
    clean: { text: a.clean.text, removed: a.clean.removed.map((r) => ({ text: r.text, reason: r.reason })) },
  };
}
