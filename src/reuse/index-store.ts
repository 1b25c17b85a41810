// The candidate index: key → articles posting lists over LSH band keys, sentence keys and content keys.
// Lookup is one hash/B-tree probe per key, so adding an article costs O(keys), not O(articles): the
// sub-quadratic, incremental part of reuse detection. In memory for a batch; the persistent one lives in the store adapter (src/store/sqlite-reuse-index.ts).

import { reuseParams } from './params.js';
import type { ReuseSignature } from './signature.js';

/** How strongly a stored article meets a query signature. */
export interface CandidateHits {
  /** Shared LSH bands (≥ 1 ⇒ estimated Jaccard above the S-curve threshold). */
  bands: number;
  /** Shared sentence keys. */
  sentences: number;
  /** Same content hash. */
  content: boolean;
}

/** The index contract `detectReuse` uses; both implementations below satisfy it. */
export interface ReuseIndexStore {
  readonly size: number;
  has(id: string): boolean;
  /** Adds an article's keys; adding an id that is already present is a no-op (re-runs are idempotent). */
  add(signature: ReuseSignature): void;
  /** Stored articles sharing enough keys with `signature` to be verified (`isCandidate`; itself excluded).
   *  Posting lists longer than `maxPosting` are skipped as stop-keys (content keys never are). */
  query(signature: ReuseSignature): Map<string, CandidateHits>;
}

/** Is a pair with these hits worth verifying? */
export function isCandidate(hits: CandidateHits, minSharedSentenceKeys = reuseParams.minSharedSentenceKeys): boolean {
  return hits.content || hits.bands > 0 || hits.sentences >= minSharedSentenceKeys;
}

export type KeyKind = 'band' | 'sentence' | 'content';

/** Calls `visit` for every key of a signature (content key, band keys, sentence keys): no per-key allocation,
 *  as this runs ~55 times per add and per query. */
export function forEachKey(sig: ReuseSignature, visit: (key: number, kind: KeyKind) => void): void {
  visit(sig.contentKey, 'content');
  for (let i = 0; i < sig.bandKeys.length; i++) visit(sig.bandKeys[i], 'band');
  for (let i = 0; i < sig.sentenceKeys.length; i++) visit(sig.sentenceKeys[i], 'sentence');
}

function tally(hits: Map<string, CandidateHits>, id: string, kind: KeyKind): void {
  let h = hits.get(id);
  if (!h) hits.set(id, (h = { bands: 0, sentences: 0, content: false }));
  if (kind === 'band') h.bands++;
  else if (kind === 'sentence') h.sentences++;
  else h.content = true;
}

// A JS Map holds at most 2^24 entries; a million articles have ~50M keys, so postings are sharded.
const SHARDS = 64;

/** In-memory index (a batch, or a long-running process). */
export class ReuseIndex implements ReuseIndexStore {
  private readonly shards: Map<number, number[]>[] = Array.from({ length: SHARDS }, () => new Map());
  private readonly ids: string[] = [];
  private readonly docOf = new Map<string, number>();
  constructor(private readonly maxPosting: number = reuseParams.maxPosting) {}

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.docOf.has(id);
  }

  add(signature: ReuseSignature): void {
    if (this.docOf.has(signature.id)) return;
    const doc = this.ids.length;
    this.ids.push(signature.id);
    this.docOf.set(signature.id, doc);
    forEachKey(signature, (key) => {
      const shard = this.shards[key % SHARDS];
      const list = shard.get(key);
      if (list) {
        // Past the stop-key cap the list is never read again; stop growing it (bounded memory).
        if (list.length <= this.maxPosting) list.push(doc);
      } else shard.set(key, [doc]);
    });
  }

  query(signature: ReuseSignature): Map<string, CandidateHits> {
    const hits = new Map<string, CandidateHits>();
    const self = this.docOf.get(signature.id);
    forEachKey(signature, (key, kind) => {
      const list = this.shards[key % SHARDS].get(key);
      if (!list || (list.length > this.maxPosting && kind !== 'content')) return;
      for (const doc of list) if (doc !== self) tally(hits, this.ids[doc], kind);
    });
    for (const [id, h] of hits) if (!isCandidate(h)) hits.delete(id);
    return hits;
  }
}
