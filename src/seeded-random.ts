// One seeded random generator for everything that must repeat itself exactly: the quote tagger's training
// shuffles, the benches' corpora and the tests' generated articles.

/** Mulberry32: tiny, fast and deterministic; numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
