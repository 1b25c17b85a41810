// Interned words for signatures: each distinct word is hashed, lower-cased, stop-checked and stemmed once,
// then every later occurrence costs one Map lookup. Profiling showed per-occurrence murmur3 + stemming +
// stop-word checks were over half of signature time (news vocabulary is Zipfian: few distinct words).

import { contentStemOf, isStopword } from './features.js';
import { fmix32 } from './murmur3.js';
import type { StringHash } from './signature.js';

/** Word classes, stored per word id. */
export const SKIP = 0; // punctuation or symbol: not a word
export const STOP = 1; // function word: in shingles, not in SimHash or sentence keys
export const NUMBER = 2; // digits: in shingles and SimHash, not a stem
export const CONTENT = 3; // in shingles, SimHash and sentence keys

/** Words at which a vocabulary starts afresh (bounds memory over a firehose; ids live for one article). */
const MAX_WORDS = 1 << 21;

const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Word → id with per-id hash, class and stem id; stem → id with per-stem hash. One per (hash, seed,
 * synonyms) triple, so an injected hash never meets cached values of another.
 */
export class Vocabulary {
  private readonly wordIds = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();
  wordHash = new Uint32Array(1 << 14);
  /** A second, independent 32-bit hash per word: the low half of the 64-bit SimHash. */
  wordHash2 = new Uint32Array(1 << 14);
  wordClass = new Uint8Array(1 << 14);
  wordStem = new Int32Array(1 << 14);
  stemHash = new Uint32Array(1 << 14);
  /** Scratch per stem id for de-duplication inside one sentence (epoch-stamped, never cleared). */
  stemMark = new Int32Array(1 << 14);
  private epoch = 0;

  constructor(
    private readonly hash: StringHash,
    private readonly seed: number,
    private readonly useSynonyms: boolean,
  ) {}

  /** A fresh stamp for stemMark: a slot is "seen" when it holds the current stamp. */
  nextEpoch(): number {
    if (this.epoch >= 0x3fffffff) {
      this.epoch = 0;
      this.stemMark.fill(0);
    }
    return ++this.epoch;
  }

  /** Call between articles: starts afresh past MAX_WORDS (ids are only meaningful inside one article). */
  checkCapacity(): void {
    if (this.wordIds.size < MAX_WORDS) return;
    this.wordIds.clear();
    this.stemIds.clear();
    this.stemMark.fill(0);
  }

  /** Id of a token as given (case kept: "Court" and "court" are two ids with the same hash and stem). */
  id(token: string): number {
    const known = this.wordIds.get(token);
    if (known !== undefined) return known;
    const id = this.wordIds.size;
    if (id >= this.wordHash.length) this.growWords();
    // "doctor's" and "doctor" + "'s" must give one word sequence: wink-nlp splits the possessive in some
    // contexts and not others (seen on two builds of one text: a byte-identical copy lost its SimHash match).
    let lower = token.toLowerCase();
    if (lower.length > 2 && (lower.endsWith("'s") || lower.endsWith('’s'))) lower = lower.slice(0, -2);
    this.wordHash[id] = this.hash(lower, this.seed) >>> 0;
    this.wordHash2[id] = fmix32(this.wordHash[id] ^ 0x27d4eb2f);
    let cls = CONTENT;
    const c = lower.charCodeAt(0);
    if (c >= 48 && c <= 57) cls = NUMBER;
    else if (!WORD_START.test(lower)) cls = SKIP;
    else if (isStopword(lower)) cls = STOP;
    this.wordClass[id] = cls;
    this.wordStem[id] = cls === CONTENT ? this.stemId(contentStemOf(lower, this.useSynonyms)) : -1;
    this.wordIds.set(token, id);
    return id;
  }

  private stemId(stem: string): number {
    const known = this.stemIds.get(stem);
    if (known !== undefined) return known;
    const id = this.stemIds.size;
    if (id >= this.stemHash.length) {
      this.stemHash = grow(this.stemHash);
      this.stemMark = grow(this.stemMark);
    }
    this.stemHash[id] = this.hash(stem, this.seed) >>> 0;
    this.stemIds.set(stem, id);
    return id;
  }

  private growWords(): void {
    this.wordHash = grow(this.wordHash);
    this.wordHash2 = grow(this.wordHash2);
    this.wordClass = grow(this.wordClass);
    this.wordStem = grow(this.wordStem);
  }
}

function grow<T extends Uint32Array | Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

const vocabularies = new WeakMap<StringHash, Map<string, Vocabulary>>();

/** The shared vocabulary for this hash function, seed and synonym setting. */
export function vocabularyFor(hash: StringHash, seed: number, useSynonyms: boolean): Vocabulary {
  let bySetting = vocabularies.get(hash);
  if (!bySetting) vocabularies.set(hash, (bySetting = new Map()));
  const key = `${seed}:${useSynonyms}`;
  let v = bySetting.get(key);
  if (!v) bySetting.set(key, (v = new Vocabulary(hash, seed, useSynonyms)));
  return v;
}
