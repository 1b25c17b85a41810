// Order-free sentence alignment of two articles, tolerant to rewording: Dice overlap of content stems
// (synonyms mapped), weakened when numbers or names disagree, then a greedy one-to-one matching by
// similarity (sentences may be shuffled, so no monotone/DTW alignment).

import { sentenceFeatures, type SentenceFeatures } from './features.js';
import { reuseParams, type ReuseParams } from './params.js';

export interface AlignedPair {
  a: number;
  b: number;
  similarity: number;
}

/** Dice overlap of the words as written: 1 for a verbatim copy, lower for a reworded one. */
export function surfaceSimilarity(x: SentenceFeatures, y: SentenceFeatures): number {
  if (x.surface.size === 0 || y.surface.size === 0) return 0;
  let common = 0;
  for (const w of x.surface) if (y.surface.has(w)) common++;
  return (2 * common) / (x.surface.size + y.surface.size);
}

/** Similarity of two sentences in [0, 1]. */
export function sentenceSimilarity(x: SentenceFeatures, y: SentenceFeatures, params: ReuseParams = reuseParams): number {
  if (x.stems.size === 0 || y.stems.size === 0) return 0;
  let common = 0;
  const [small, large] = x.stems.size <= y.stems.size ? [x.stems, y.stems] : [y.stems, x.stems];
  for (const s of small) if (large.has(s)) common++;
  let sim = (2 * common) / (x.stems.size + y.stems.size);
  // Numbers and names are the facts: a reworded sentence keeps them, a different report changes them.
  if (x.numbers.size > 0 && y.numbers.size > 0 && !intersects(x.numbers, y.numbers)) sim *= params.numberMismatchPenalty;
  if (x.names.size > 0 && y.names.size > 0 && !intersects(x.names, y.names)) sim *= params.nameMismatchPenalty;
  return sim;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const v of a) if (b.has(v)) return true;
  return false;
}

/** Features of every sentence of an article (computed once per article, reused across its candidate pairs). */
export function articleFeatures(
  sentences: { text: string; tokens?: { normal: string; pos: string }[] }[],
  params: ReuseParams = reuseParams,
): SentenceFeatures[] {
  return sentences.map((s) => sentenceFeatures(s.text, s.tokens, params.useSynonyms));
}

/** One-to-one alignment of sentences (with ≥ minAlignStems content stems) whose similarity reaches `sentenceThreshold`, greedy by similarity
 *  (ties by index, so the result is deterministic). Candidate pairs come from a stem → sentence inverted
 *  index, so long unrelated articles cost little. */
/** Stems, numbers and names of a sentence as one string: equal keys mean similarity exactly 1. */
const keys = new WeakMap<SentenceFeatures, string>();
function exactKey(f: SentenceFeatures): string {
  let k = keys.get(f);
  if (k === undefined) {
    k = `${[...f.stems].sort().join(' ')}\u0000${[...f.numbers].sort().join(' ')}\u0000${[...f.names].sort().join(' ')}`;
    keys.set(f, k);
  }
  return k;
}

export function alignSentences(a: SentenceFeatures[], b: SentenceFeatures[], params: ReuseParams = reuseParams): AlignedPair[] {
  // Sentences copied word for word pair first, by key: they would win the greedy matching at similarity 1
  // anyway, and in a wire story carried by many outlets they are nearly all of the k² candidate pairs'
  // sentences (the inverted index below cost most of the reuse stage on a 10k-article corpus).
  const exactB = new Map<string, number[]>();
  b.forEach((f, j) => {
    if (f.stems.size < params.minAlignStems) return;
    const k = exactKey(f);
    const list = exactB.get(k);
    if (list) list.push(j);
    else exactB.set(k, [j]);
  });
  const exact: AlignedPair[] = [];
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  a.forEach((fa, i) => {
    if (fa.stems.size < params.minAlignStems) return;
    const list = exactB.get(exactKey(fa));
    const j = list?.find((x) => !takenB.has(x));
    if (j === undefined) return;
    takenA.add(i);
    takenB.add(j);
    exact.push({ a: i, b: j, similarity: 1 });
  });
  const byStem = new Map<string, number[]>();
  b.forEach((f, j) => {
    if (f.stems.size < params.minAlignStems || takenB.has(j)) return;
    for (const s of f.stems) {
      const list = byStem.get(s);
      if (list) list.push(j);
      else byStem.set(s, [j]);
    }
  });
  const scored: AlignedPair[] = [];
  const seen = new Set<number>();
  a.forEach((fa, i) => {
    if (fa.stems.size < params.minAlignStems || takenA.has(i)) return;
    seen.clear();
    for (const s of fa.stems) {
      for (const j of byStem.get(s) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        const similarity = sentenceSimilarity(fa, b[j], params);
        if (similarity >= params.sentenceThreshold) scored.push({ a: i, b: j, similarity });
      }
    }
  });
  scored.sort((p, q) => q.similarity - p.similarity || p.a - q.a || p.b - q.b);
  const usedA = takenA;
  const usedB = takenB;
  const pairs: AlignedPair[] = exact;
  for (const p of scored) {
    if (usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    pairs.push({ a: p.a, b: p.b, similarity: Math.round(p.similarity * 1000) / 1000 });
  }
  return pairs.sort((p, q) => p.a - q.a);
}
