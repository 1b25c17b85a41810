// Tuning constants of the reuse stage, in one place. Each says what it does and the measurement behind it
// (figures from `npx tsx eval/reuse.ts` and `npx tsx bench/reuse.ts`; see docs/reuse.md).

export const reuseParams = {
  /** Words per shingle for MinHash. 3-grams: NEWS-COPY (ICLR 2023) finds reprints share ~30% of 3-grams, so
   *  longer shingles would lose even more; shorter ones (1–2) make same-topic articles look alike. */
  shingleSize: 3,
  /** MinHash signature length (Broder 1997), as one-permutation bins (Li et al. 2012, densified): the cost no
   *  longer grows with numPerm (one hash per shingle), but the stored BLOB (4·numPerm bytes) and band count do.
   *  The Jaccard estimate's standard error is ~1/√64 ≈ 0.125, enough because every candidate is verified. */
  numPerm: 64,
  /** LSH banding (Leskovec, Rajaraman & Ullman, MMDS ch. 3): bands × rows = numPerm. The S-curve threshold
   *  (1/bands)^(1/rows) = (1/16)^(1/4) = 0.5 Jaccard; rewrites below it are caught by sentence keys. */
  bands: 16,
  rows: 4,
  /** Seed for the base hash of words/shingles (any constant; fixed for determinism across runs). */
  seed: 0x5eed,
  /** A sentence gets an index key only with at least this many content stems: shorter sentences
   *  ("He declined to comment.") recur across unrelated articles and would flood candidate lists. */
  minKeyStems: 5,
  /** Keys per sentence: each is the pair of the sentence's two smallest-hash content stems under one seed,
   *  so a reworded sentence with stem-set Jaccard J keeps a key with probability ≈ J²; two seeds give
   *  1-(1-J²)² (0.69 at J=0.67, one synonym swap in ten words). Measured: seeds 000/001 share 9 keys with 2. */
  keysPerSentence: 2,
  /** At most this many sentences of an article are keyed (bounds index rows for very long texts). At 40, 12%
   *  of synthetic lifts placed mid-way into long PolNeAR hosts were missed; 100 covers 99% of news articles. */
  maxKeyedSentences: 100,
  /** A pair becomes a candidate with ≥ 1 shared MinHash band, or ≥ this many shared sentence keys: one shared
   *  sentence key is often a common quote repeated by independent reports. */
  minSharedSentenceKeys: 2,
  /** Posting lists longer than this are ignored at query time (stop-keys, like stop words): a key shared by
   *  hundreds of articles is boilerplate, and reading it would break the per-add latency budget. */
  maxPosting: 64,

  /** Sentences with fewer content stems are neither aligned nor counted in coverage: datelines, "ABSTRACT.",
   *  "11:20 p.m." live-blog stamps matched at similarity 1 across unrelated PolNeAR articles. */
  minAlignStems: 3,
  /** Two sentences align when their similarity (Dice over content stems, penalised below) reaches this.
   *  0.5 = half the content words shared; rewrites in the seeds (000/001) align at 0.55–0.95. */
  sentenceThreshold: 0.5,
  /** Multiplier when both sentences carry numbers and none agree ("two displays" vs "three"): a changed number
   *  is a different fact, not a rewording. */
  numberMismatchPenalty: 0.6,
  /** Multiplier when both sentences name people/places and share none. */
  nameMismatchPenalty: 0.8,
  /** Use the small synonym list (synonyms.ts) when comparing stems. Measured on the synthetic synonym set. */
  useSynonyms: true,

  /** Same-article test: aligned sentences cover at least this share of the shorter article ... */
  sameArticleMinCoverSmall: 0.6,
  /** ... and at least this share of the longer one (001 adds paragraphs to 000's text: 000/001 ≈ 0.45). */
  sameArticleMinCoverLarge: 0.35,
  /** Same article whose aligned sentences are this verbatim (mean Dice of words as written) ⇒ near-duplicate
   *  (small edits), else rewrite. Measured: deletions/insertions/shuffles 1.000; the synthetic rewording
   *  0.884–0.968 (p5–p95); seeds 000/001 0.88. One changed word in one sentence of ten stays above 0.99. */
  nearDuplicateMinSimilarity: 0.97,
  /** A partial lift needs at least this many aligned sentences: two independent reports commonly share one
   *  or two quotes of the same statement (seeds 000 vs 004). */
  partialMinShared: 3,
  /** Only aligned pairs at least this similar count towards a lift: lifted paragraphs are near-verbatim, while
   *  independent reports of one event align loosely (seeds 000/004: 0.52–0.84, 002/003: 0.51–0.73). */
  partialMinSimilarity: 0.8,
  /** ... and cover at least this share of the shorter article. Was 0.2: that missed 73 of 150 synthetic lifts
   *  of 3 sentences out of long (15+ sentence) sources; three near-verbatim sentences are already evidence. */
  partialMinCoverSmall: 0,
  /** A partial link joins independence groups only when the lifted part is this share of the smaller article
   *  (one shared wire paragraph must not merge two otherwise independent reports). */
  groupPartialMinCover: 0.5,
  /** Containment direction: the container must be at least this much longer (in sentences) than the
   *  contained article, which must be covered at least `containmentMinCover`. */
  containmentMinRatio: 1.3,
  containmentMinCover: 0.8,
};

export type ReuseParams = typeof reuseParams;
