// Per-article signatures for candidate generation: MinHash over word 3-gram shingles with LSH band keys
// (Broder 1997; Indyk & Motwani 1998), a 64-bit SimHash (Charikar 2002), and sentence keys so that reworded
// copies and partial lifts, which share few shingles (NEWS-COPY, ICLR 2023), still meet in the index.

import { combine, fmix32, murmur3 } from './murmur3.js';
import { words } from './features.js';
import { reuseParams, type ReuseParams } from './params.js';
import { CONTENT, SKIP, STOP, vocabularyFor } from './vocabulary.js';

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
  /** Tokens per sentence from the text stage (`Sentence.tokens`, lower-case `normal`): when given, the
   *  article is not re-tokenised (the regex tokenizer is the fallback for plain strings). */
  tokens?: ArrayLike<{ normal: string } | string>[];
}

// Key namespaces: the top bits say what a key is, so band 3's value never meets a sentence key.
const KIND_CONTENT = 1;
const KIND_SENTENCE = 2;
const KIND_BAND = 16; // + band number

/** A 45-bit key from two 32-bit hashes, tagged by kind (kind < 256): kind·2^45 + (h1 & 0x1fff)·2^32 + h2. */
function makeKey(kind: number, h1: number, h2: number): number {
  return kind * 2 ** 45 + (h1 & 0x1fff) * 2 ** 32 + (h2 >>> 0);
}

/**
 * MinHash signature of a set of 32-bit shingle hashes by one-permutation hashing (Li, Owen & Zhang, NIPS 2012):
 * each shingle is hashed once and falls in one of numPerm bins, whose minimum is the slot value; empty bins
 * borrow a filled bin's value along a fixed probe sequence ("optimal densification", Shrivastava, ICML 2017),
 * which keeps P(slot equal) = Jaccard and so keeps LSH banding valid. Profiled: numPerm independent
 * permutations per shingle were 35% of signature time; this is one hash per shingle.
 */
export function minhashOf(shingles: ArrayLike<number>, numPerm: number, seed: number): Uint32Array {
  const sig = new Uint32Array(numPerm).fill(EMPTY);
  let filled = 0;
  for (let i = 0; i < shingles.length; i++) {
    const v = fmix32(shingles[i] ^ seed);
    // The bin is the hash's high part (v·numPerm / 2^32), the value compared within a bin the whole hash.
    const bin = Math.floor((v / 4294967296) * numPerm);
    if (v < sig[bin]) {
      if (sig[bin] === EMPTY) filled++;
      sig[bin] = v;
    }
  }
  if (filled === 0 || filled === numPerm) return sig;
  const original = sig.slice();
  for (let i = 0; i < numPerm; i++) {
    if (original[i] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const j = fmix32(Math.imul(i + 1, 0x9e3779b9) ^ Math.imul(attempt, 0x85ebca6b) ^ seed) % numPerm;
      if (original[j] !== EMPTY) {
        sig[i] = original[j];
        break;
      }
    }
  }
  return sig;
}

const EMPTY = 0xffffffff;

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
  const scanned = scan(input, params, hash);
  const ws = scanned.words;
  // Shingle hashes mix word hashes (rotate-multiply, one avalanche per shingle), so each distinct word is
  // hashed once however long the shingle and however often it occurs.
  const n = Math.max(0, ws.length - shingleSize + 1);
  const shingles = shingleBuffer(ws.length > 0 && n === 0 ? 1 : n);
  if (n === 0 && ws.length > 0) shingles[0] = shingleHash(ws, 0, ws.length);
  for (let i = 0; i < n; i++) shingles[i] = shingleHash(ws, i, shingleSize);
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
    simhash: scanned.simhash,
    bandKeys,
    sentenceKeys: scanned.sentenceKeys,
    contentKey: makeKey(KIND_CONTENT, hash(input.hash, seed ^ 1), hash(input.hash, seed ^ 2)),
  };
}

function shingleHash(ws: Uint32Array, from: number, length: number): number {
  let h = 0x9747b28c;
  for (let j = from; j < from + length; j++) {
    h = Math.imul(h ^ ws[j], 0x9e3779b1);
    h = (h << 15) | (h >>> 17);
  }
  return fmix32(h);
}

/** Sentence keys: per sentence with ≥ minKeyStems content stems, for each of keysPerSentence seeds, the pair of
 *  its two smallest-hash stems (a 2-element bottom-k sketch). Reworded sentences keep most stems, so they keep
 *  the key with probability ≈ J² per seed; sorted-stem keys of whole sentences would break on one synonym. */
export function sentenceKeysOf(sentences: string[], params: ReuseParams = reuseParams, hash: StringHash = murmur3): number[] {
  return scan({ id: '', hash: '', text: '', sentences }, params, hash).sentenceKeys;
}

// Scratch buffers reused across calls (signatures are computed one at a time per thread): no per-article
// allocation in the hot loop. `words`/shingles are copied out only as the MinHash they produce.
let wordBuffer = new Uint32Array(1 << 12);
let shingles = new Uint32Array(1 << 12);
let stemBuffer = new Uint32Array(256);
// 32 bit-planes count up to 2^32 votes: more than any article's words.
const planesHi = new Int32Array(33);
const planesLo = new Int32Array(33);

/** Bits whose bit-sliced counter exceeds `t` (2·count > votes ⇔ count > ⌊votes/2⌋): a bitwise comparator,
 *  most significant plane first, so all 32 counters are compared at once. */
function countsAbove(planes: Int32Array, t: number): number {
  let gt = 0;
  let eq = -1;
  for (let j = 31; j >= 0; j--) {
    const tj = (t >>> j) & 1 ? -1 : 0;
    gt |= eq & planes[j] & ~tj;
    eq &= ~(planes[j] ^ tj);
  }
  return gt;
}

function shingleBuffer(n: number): Uint32Array {
  if (shingles.length < n) shingles = new Uint32Array(n * 2);
  return shingles.subarray(0, n);
}

const keySeedCache = new Map<number, Uint32Array>();

/**
 * One pass over an article's tokens: word hashes in order (for shingles), the SimHash over content words and
 * numbers (weighted by frequency; function words would pull every English text towards one fingerprint), and
 * the sentence keys. Tokens come from the text stage when given, else from the regex tokenizer.
 */
function scan(input: SignatureInput, params: ReuseParams, hash: StringHash): { words: Uint32Array; simhash: [number, number]; sentenceKeys: number[] } {
  const vocab = vocabularyFor(hash, params.seed, params.useSynonyms);
  vocab.checkCapacity();
  let keySeeds = keySeedCache.get(params.seed ^ (params.keysPerSentence << 24));
  if (!keySeeds) {
    keySeeds = new Uint32Array(params.keysPerSentence);
    for (let k = 0; k < params.keysPerSentence; k++) keySeeds[k] = fmix32(Math.imul(k + 101, 0x9e3779b9) ^ params.seed);
    keySeedCache.set(params.seed ^ (params.keysPerSentence << 24), keySeeds);
  }
  const keys = new Set<number>();
  let nWords = 0;
  let nVotes = 0;
  planesHi.fill(0);
  planesLo.fill(0);
  let keyed = 0;
  const sentenceCount = input.tokens ? input.tokens.length : input.sentences.length || (input.text ? 1 : 0);
  for (let si = 0; si < sentenceCount; si++) {
    const toks = input.tokens ? input.tokens[si] : words(input.sentences.length ? input.sentences[si] : input.text);
    const sentenceMark = vocab.nextEpoch();
    let nStems = 0;
    if (wordBuffer.length < nWords + toks.length) {
      const b = new Uint32Array((nWords + toks.length) * 2);
      b.set(wordBuffer.subarray(0, nWords));
      wordBuffer = b;
    }
    if (stemBuffer.length < toks.length) stemBuffer = new Uint32Array(toks.length * 2);
    for (let t = 0; t < toks.length; t++) {
      const tok = toks[t];
      const id = vocab.id(typeof tok === 'string' ? tok : tok.normal);
      const cls = vocab.wordClass[id];
      if (cls === SKIP) continue;
      wordBuffer[nWords++] = vocab.wordHash[id];
      if (cls === STOP) continue;
      // SimHash votes kept bit-sliced: planes[j] holds bit j of 32 per-bit counters, so one vote is a
      // ripple-carry add of ~2 word operations instead of 32 per-bit updates (profiled: was 1/5 of scan).
      nVotes++;
      let carry = vocab.wordHash[id];
      for (let j = 0; carry !== 0; j++) {
        const p = planesHi[j];
        planesHi[j] = p ^ carry;
        carry = p & carry;
      }
      carry = vocab.wordHash2[id];
      for (let j = 0; carry !== 0; j++) {
        const p = planesLo[j];
        planesLo[j] = p ^ carry;
        carry = p & carry;
      }
      if (cls !== CONTENT) continue;
      const st = vocab.wordStem[id];
      if (vocab.stemMark[st] !== sentenceMark) {
        vocab.stemMark[st] = sentenceMark;
        stemBuffer[nStems++] = vocab.stemHash[st];
      }
    }
    if (nStems < params.minKeyStems || keyed >= params.maxKeyedSentences) continue;
    keyed++;
    for (let k = 0; k < keySeeds.length; k++) {
      const ks = keySeeds[k];
      let m1 = 0xffffffff;
      let m2 = 0xffffffff;
      let v1 = 0;
      let v2 = 0;
      for (let j = 0; j < nStems; j++) {
        const h = stemBuffer[j];
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
  // SimHash (Charikar 2002): bit b is set when most content words/numbers (with repeats) have bit b set.
  const half = Math.floor(nVotes / 2);
  const hi = countsAbove(planesHi, half);
  const lo = countsAbove(planesLo, half);
  return { words: wordBuffer.subarray(0, nWords), simhash: [hi >>> 0, lo >>> 0], sentenceKeys: [...keys] };
}
