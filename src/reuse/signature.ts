// Per-article signatures for candidate generation: MinHash over word 3-gram shingles with LSH band keys
// (Broder 1997; Indyk & Motwani 1998), a 64-bit SimHash (Charikar 2002), and sentence keys so that reworded
// copies and partial lifts, which share few shingles (NEWS-COPY, ICLR 2023), still meet in the index.

import { combine, fmix32, murmur3 } from './murmur3.js';
import { contentStems, isStopword, words } from './features.js';
import { reuseParams, type ReuseParams } from './params.js';

/** A hash of a string under a seed, unsigned 32-bit. Injectable so tests can use exact, hand-checkable hashes. */
export type StringHash = (s: string, seed: number) => number;

/** What the index stores per article. */
export interface ReuseSignature {
  id: string;
  /** MinHash values, length numPerm. */
  minhash: Uint32Array;
  /** SimHash as [high 32 bits, low 32 bits]. */
  simhash: [number, number];
  /** LSH band keys (one per band) followed by sentence keys; all are safe integers < 2^53. */
  bandKeys: number[];
  sentenceKeys: number[];
  /** Key of the content hash: equal keys ⇒ same text (exact duplicates are always candidates). */
  contentKey: number;
}

/** What a signature is computed from: the cleaned text and its sentences' text. */
export interface SignatureInput {
  id: string;
  /** sha256 (or any identity) of the normalised text; equal ⇒ duplicate. */
  hash: string;
  text: string;
  sentences: string[];
}

// Key namespaces: the top bits say what a key is, so band 3's value never meets a sentence key.
const KIND_CONTENT = 1;
const KIND_SENTENCE = 2;
const KIND_BAND = 16; // + band number

/** A 45-bit key from two 32-bit hashes, tagged by kind (kind < 256): kind·2^45 + (h1 & 0x1fff)·2^32 + h2. */
function makeKey(kind: number, h1: number, h2: number): number {
  return kind * 2 ** 45 + (h1 & 0x1fff) * 2 ** 32 + (h2 >>> 0);
}

/** Per-permutation seeds: MinHash permutation k is x ↦ fmix32(x ⊕ seed_k), a bijection on 32 bits. */
function permutationSeeds(numPerm: number, seed: number): Uint32Array {
  const seeds = new Uint32Array(numPerm);
  for (let k = 0; k < numPerm; k++) seeds[k] = fmix32(Math.imul(k + 1, 0x9e3779b9) ^ seed);
  return seeds;
}

const seedCache = new Map<string, Uint32Array>();

/** MinHash signature of a set of 32-bit shingle hashes (one cheap permutation per slot). */
export function minhashOf(shingles: ArrayLike<number>, numPerm: number, seed: number): Uint32Array {
  const cacheKey = `${numPerm}:${seed}`;
  let seeds = seedCache.get(cacheKey);
  if (!seeds) seedCache.set(cacheKey, (seeds = permutationSeeds(numPerm, seed)));
  const sig = new Uint32Array(numPerm).fill(0xffffffff);
  for (let i = 0; i < shingles.length; i++) {
    const x = shingles[i];
    for (let k = 0; k < numPerm; k++) {
      // Inlined fmix32(x ^ seed_k): this loop is the hot path of indexing.
      let v = x ^ seeds[k];
      v ^= v >>> 16;
      v = Math.imul(v, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

/** Share of equal MinHash slots: an unbiased estimate of the shingle-set Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) eq++;
  return a.length ? eq / a.length : 0;
}

/** Hamming distance between two 64-bit SimHashes. */
export function hamming(a: [number, number], b: [number, number]): number {
  return popcount(a[0] ^ b[0]) + popcount(a[1] ^ b[1]);
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Computes an article's signature. `hash` defaults to murmur3; `params` to reuseParams. */
export function signatureOf(input: SignatureInput, params: ReuseParams = reuseParams, hash: StringHash = murmur3): ReuseSignature {
  const { shingleSize, numPerm, bands, rows, seed } = params;
  const ws = words(input.text);
  const wordHashes = new Uint32Array(ws.length);
  const simCounts = new Float64Array(64);
  for (let i = 0; i < ws.length; i++) {
    const lower = ws[i].toLowerCase();
    const h = hash(lower, seed) >>> 0;
    wordHashes[i] = h;
    // SimHash over content words only: function words would pull every English text towards one fingerprint.
    if (!isStopword(lower)) {
      const h2 = fmix32(h ^ 0x27d4eb2f);
      for (let bit = 0; bit < 32; bit++) {
        simCounts[bit] += (h >>> bit) & 1 ? 1 : -1;
        simCounts[32 + bit] += (h2 >>> bit) & 1 ? 1 : -1;
      }
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (simCounts[bit] > 0) hi |= 1 << bit;
    if (simCounts[32 + bit] > 0) lo |= 1 << bit;
  }
  // Shingle hashes combine word hashes, so each word is hashed once however long the shingle.
  const n = Math.max(0, ws.length - shingleSize + 1);
  const shingles = new Uint32Array(ws.length > 0 && n === 0 ? 1 : n);
  if (n === 0 && ws.length > 0) {
    let h = 0;
    for (let j = 0; j < ws.length; j++) h = combine(h, wordHashes[j]);
    shingles[0] = h;
  }
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let j = 0; j < shingleSize; j++) h = combine(h, wordHashes[i + j]);
    shingles[i] = h;
  }
  const minhash = minhashOf(shingles, numPerm, seed);
  const bandKeys: number[] = [];
  if (shingles.length > 0) {
    for (let b = 0; b < bands; b++) {
      let h1 = 0x1234567 + b;
      let h2 = 0x7654321 ^ b;
      for (let r = 0; r < rows; r++) {
        h1 = combine(h1, minhash[b * rows + r]);
        h2 = combine(h2, minhash[b * rows + r] ^ 0x5bd1e995);
      }
      bandKeys.push(makeKey(KIND_BAND + b, h1, h2));
    }
  }
  return {
    id: input.id,
    minhash,
    simhash: [hi >>> 0, lo >>> 0],
    bandKeys,
    sentenceKeys: sentenceKeysOf(input.sentences, params, hash),
    contentKey: makeKey(KIND_CONTENT, hash(input.hash, seed ^ 1), hash(input.hash, seed ^ 2)),
  };
}

/** Sentence keys: per sentence with ≥ minKeyStems content stems, for each of keysPerSentence seeds, the pair of
 *  its two smallest-hash stems (a 2-element bottom-k sketch). Reworded sentences keep most stems, so they keep
 *  the key with probability ≈ J² per seed; sorted-stem keys of whole sentences would break on one synonym. */
export function sentenceKeysOf(sentences: string[], params: ReuseParams = reuseParams, hash: StringHash = murmur3): number[] {
  const keys = new Set<number>();
  let keyed = 0;
  for (const sentence of sentences) {
    if (keyed >= params.maxKeyedSentences) break;
    const stems = contentStems(sentence, params.useSynonyms);
    if (new Set(stems).size < params.minKeyStems) continue;
    keyed++;
    const stemHashes = stems.map((s) => hash(s, params.seed) >>> 0);
    for (let k = 0; k < params.keysPerSentence; k++) {
      const ks = fmix32(Math.imul(k + 101, 0x9e3779b9) ^ params.seed);
      let m1 = 0xffffffff;
      let m2 = 0xffffffff;
      let v1 = 0;
      let v2 = 0;
      for (const h of stemHashes) {
        const v = fmix32(h ^ ks);
        if (v === m1 || v === m2) continue;
        if (v < m1) {
          m2 = m1;
          v2 = v1;
          m1 = v;
          v1 = h;
        } else if (v < m2) {
          m2 = v;
          v2 = h;
        }
      }
      keys.add(makeKey(KIND_SENTENCE, combine(v1, v2) ^ k, combine(v2 ^ k, v1)));
    }
  }
  return [...keys];
}
