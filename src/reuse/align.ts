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
  if (x === y) return 1;
  let common = 0;
  for (const w of x.surface) if (y.surface.has(w)) common++;
  return (2 * common) / (x.surface.size + y.surface.size);
}

/** Similarity of two sentences in [0, 1]. */
export function sentenceSimilarity(x: SentenceFeatures, y: SentenceFeatures, params: ReuseParams = reuseParams): number {
  if (x.stems.size === 0 || y.stems.size === 0) return 0;
  // Dice of a set with itself is 1, and it shares its numbers and names with itself.
  if (x === y) return 1;
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

/** Features of every sentence of an article (computed once per article, reused across its candidate pairs).
 *  A sentence carried by many articles gets one features object: the same object twice is similarity 1 at once
 *  (surfaceSimilarity, sentenceSimilarity) and its exact key is computed once. */
export function articleFeatures(
  sentences: { text: string; tokens?: { normal: string; pos: string }[] }[],
  params: ReuseParams = reuseParams,
): SentenceFeatures[] {
  return sentences.map((s) => internedFeatures(s.text, s.tokens, params.useSynonyms));
}

/** Distinct sentences kept: the 10k bench corpus has 147,501 sentences of 13,506 distinct texts (recombined
 *  and copied, as wire copy is), so this holds a corpus several times that; full, it starts again (the
 *  objects already handed out stay valid, only sharing is lost). */
const INTERNED_MAX = 100_000;
const interned = new Map<string, SentenceFeatures>();

/** sentenceFeatures, shared by sentences alike in everything it reads: the text, whether tokens were given,
 *  and the tokens tagged PROPN (the only ones it looks at). */
function internedFeatures(text: string, tokens: { normal: string; pos: string }[] | undefined, useSynonyms: boolean): SentenceFeatures {
  let propn = tokens && tokens.length > 0 ? '\u0001' : '\u0002';
  for (const t of tokens ?? []) if (t.pos === 'PROPN') propn += t.normal + '\u0001';
  const key = `${useSynonyms ? 1 : 0}${propn}\u0000${text}`;
  let f = interned.get(key);
  if (!f) {
    if (interned.size >= INTERNED_MAX) interned.clear();
    interned.set(key, (f = sentenceFeatures(text, tokens, useSynonyms)));
  }
  return f;
}

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

/** An article's alignable sentences by exact key and by stem, in sentence order. */
interface SentenceIndex {
  minStems: number;
  exact: Map<string, number[]>;
  byStem: Map<string, number[]>;
}

/** Built once per article (its features array) and params object (one per detectReuse call, so the indexes
 *  go with it rather than live as long as the article records), not once per candidate pair it is the second
 *  article of: an article of a big story is in hundreds of pairs, and rebuilding both maps was ~1.4 s of the
 *  reuse stage's 10 s at 10k (profile, 2026-12-01). */
const indexes = new WeakMap<ReuseParams, WeakMap<SentenceFeatures[], SentenceIndex>>();
function sentenceIndex(b: SentenceFeatures[], params: ReuseParams): SentenceIndex {
  const minStems = params.minAlignStems;
  let byParams = indexes.get(params);
  if (!byParams) indexes.set(params, (byParams = new WeakMap()));
  const hit = byParams.get(b);
  if (hit && hit.minStems === minStems) return hit;
  const exact = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  b.forEach((f, j) => {
    if (f.stems.size < minStems) return;
    push(exact, exactKey(f), j);
    for (const s of f.stems) push(byStem, s, j);
  });
  const index = { minStems, exact, byStem };
  byParams.set(b, index);
  return index;
}

function push(map: Map<string, number[]>, key: string, j: number): void {
  const list = map.get(key);
  if (list) list.push(j);
  else map.set(key, [j]);
}

/** One-to-one alignment of sentences (with ≥ minAlignStems content stems) whose similarity reaches
 *  `sentenceThreshold`, greedy by similarity (ties by index, so the result is deterministic). Candidate pairs
 *  come from a stem → sentence inverted index, so long unrelated articles cost little. */
export function alignSentences(a: SentenceFeatures[], b: SentenceFeatures[], params: ReuseParams = reuseParams): AlignedPair[] {
  const index = sentenceIndex(b, params);
  // Sentences copied word for word pair first, by key: they would win the greedy matching at similarity 1
  // anyway, and in a wire story carried by many outlets they are nearly all of the k² candidate pairs'
  // sentences (the inverted index below cost most of the reuse stage on a 10k-article corpus).
  const pairs: AlignedPair[] = [];
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  a.forEach((fa, i) => {
    if (fa.stems.size < params.minAlignStems) return;
    const j = index.exact.get(exactKey(fa))?.find((x) => usedB[x] === 0);
    if (j === undefined) return;
    usedA[i] = 1;
    usedB[j] = 1;
    pairs.push({ a: i, b: j, similarity: 1 });
  });
  const scored = scoredPairs(a, b, index, usedA, usedB, params);
  scored.sort((p, q) => q.similarity - p.similarity || p.a - q.a || p.b - q.b);
  for (const p of scored) {
    if (usedA[p.a] || usedB[p.b]) continue;
    usedA[p.a] = 1;
    usedB[p.b] = 1;
    pairs.push({ a: p.a, b: p.b, similarity: Math.round(p.similarity * 1000) / 1000 });
  }
  return pairs.sort((p, q) => p.a - q.a);
}

/** sentenceSimilarity by pair of (interned) sentences, per params object (one per detectReuse call, so the
 *  memo goes with it). The 10k bench corpus scores 5,503,324 sentence pairs in alignments, of which 385,541
 *  are distinct. */
const similarities = new WeakMap<ReuseParams, WeakMap<SentenceFeatures, Map<SentenceFeatures, number>>>();

function similaritiesOf(fa: SentenceFeatures, params: ReuseParams): Map<SentenceFeatures, number> {
  let byParams = similarities.get(params);
  if (!byParams) similarities.set(params, (byParams = new WeakMap()));
  let row = byParams.get(fa);
  if (!row) byParams.set(fa, (row = new Map()));
  return row;
}

/** Pairs of sentences not yet paired that share a stem and reach the threshold, each pair once. */
function scoredPairs(a: SentenceFeatures[], b: SentenceFeatures[], index: SentenceIndex, usedA: Uint8Array, usedB: Uint8Array, params: ReuseParams): AlignedPair[] {
  const scored: AlignedPair[] = [];
  // seen[j] === i + 1: b's sentence j was scored against a's sentence i already (one array, no Set per i).
  const seen = new Int32Array(b.length);
  a.forEach((fa, i) => {
    if (fa.stems.size < params.minAlignStems || usedA[i]) return;
    const known = similaritiesOf(fa, params);
    for (const s of fa.stems) {
      for (const j of index.byStem.get(s) ?? []) {
        if (usedB[j] || seen[j] === i + 1) continue;
        seen[j] = i + 1;
        let similarity = known.get(b[j]);
        if (similarity === undefined) known.set(b[j], (similarity = sentenceSimilarity(fa, b[j], params)));
        if (similarity >= params.sentenceThreshold) scored.push({ a: i, b: j, similarity });
      }
    }
  });
  return scored;
}
