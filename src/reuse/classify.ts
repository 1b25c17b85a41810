// Turns an aligned pair of articles into a reuse kind and a score: how much of each article the aligned
// sentences cover, and how verbatim they are.

import type { ReuseKind } from '../model/report.js';
import type { AlignedPair } from './align.js';
import { reuseParams, type ReuseParams } from './params.js';

export interface PairMeasure {
  /** Alignable sentences of each article (denominators of coverage). */
  sentencesA: number;
  sentencesB: number;
  pairs: AlignedPair[];
  /** Mean surface (as-written) similarity of the aligned pairs: near 1 for verbatim copy. */
  verbatim: number;
}

export interface Verdict {
  kind: ReuseKind;
  score: number;
  /** Share of the shorter article's sentences that are aligned. */
  coverSmall: number;
  coverLarge: number;
}

/** Classifies a non-identical pair, or returns null when the shared text is too little to call reuse. */
export function classifyPair(m: PairMeasure, params: ReuseParams = reuseParams): Verdict | null {
  const shared = m.pairs.length;
  if (shared === 0) return null;
  const small = Math.max(1, Math.min(m.sentencesA, m.sentencesB));
  const large = Math.max(1, m.sentencesA, m.sentencesB);
  const coverSmall = Math.min(1, shared / small);
  const coverLarge = Math.min(1, shared / large);
  const sumSim = m.pairs.reduce((s, p) => s + p.similarity, 0);
  const score = Math.round(Math.min(1, sumSim / small) * 1000) / 1000;
  if (coverSmall >= params.sameArticleMinCoverSmall && coverLarge >= params.sameArticleMinCoverLarge) {
    // Same article: verbatim sentences with a few edits, or the same sentences reworded. Verbatimness is
    // judged on words as written, since stems and synonyms deliberately hide rewording.
    const nearDuplicate = m.verbatim >= params.nearDuplicateMinSimilarity && coverLarge >= params.sameArticleMinCoverSmall;
    return { kind: nearDuplicate ? 'near-duplicate' : 'rewrite', score, coverSmall, coverLarge };
  }
  const strong = m.pairs.filter((p) => p.similarity >= params.partialMinSimilarity).length;
  if (strong >= params.partialMinShared && strong / small >= params.partialMinCoverSmall) {
    return { kind: 'partial', score, coverSmall, coverLarge };
  }
  return null;
}
