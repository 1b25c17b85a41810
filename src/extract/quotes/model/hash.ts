// 32-bit feature ids of the quote tagger: strings hashed once per token (FNV-1a), combinations mixed as
// integers (a murmur3-style finaliser), so building a token's features allocates no strings. Ids are
// signed (see `mix`); 0 is never returned: the weight table uses it as its empty-slot marker.

/** FNV-1a over the UTF-16 units of `s`, continued from `seed`. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish(h);
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  // Signed, as `mix` returns: the view copies a word's hashes into every token, and an unsigned hash of
  // 2^31 or more made each copy a heap number of its own.
  return h || 1;
}

/** Order-sensitive combination of two ids (or small codes): one multiply and one xor-shift, cheap enough
 * for the ~60 feature ids of every word (the table spreads ids again before probing). The result is the
 * id's 32 bits as a signed integer, which the feature sink's Uint32Array stores as the same unsigned id:
 * an unsigned result of 2^31 or more is no small integer to V8, so half the ids were boxed, a heap
 * number each (17% of the bytes the whole extraction allocated). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x01000193) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) || 1;
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

export function mix4(a: number, b: number, c: number, d: number): number {
  return mix(mix(mix(a, b), c), d);
}
