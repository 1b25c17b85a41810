// MurmurHash3 x86 32-bit (Appleby) over the UTF-8 bytes of a string, in plain TypeScript: per-call cost of
// native/WASM hash bindings dominates for short shingles, so a JS hash is ~3× faster here (issue 3).

/** murmur3_32 of the UTF-8 encoding of `s`; matches the reference implementation (unsigned result). */
export function murmur3(s: string, seed: number): number {
  let h = seed >>> 0;
  let block = 0; // up to 4 pending bytes, little-endian
  let filled = 0;
  let length = 0;
  // Bytes are produced into a small scratch array and then folded in; no closure per call (hot path).
  const bytes = scratch;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    let nb = 0;
    if (c < 0x80) bytes[nb++] = c;
    else if (c < 0x800) {
      bytes[nb++] = 0xc0 | (c >> 6);
      bytes[nb++] = 0x80 | (c & 63);
    } else {
      let pair = false;
      // Surrogate pair → one 4-byte code point; a lone surrogate is encoded as U+FFFD like TextEncoder.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          pair = true;
          bytes[nb++] = 0xf0 | (cp >> 18);
          bytes[nb++] = 0x80 | ((cp >> 12) & 63);
          bytes[nb++] = 0x80 | ((cp >> 6) & 63);
          bytes[nb++] = 0x80 | (cp & 63);
        }
      }
      if (!pair) {
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        bytes[nb++] = 0xe0 | (c >> 12);
        bytes[nb++] = 0x80 | ((c >> 6) & 63);
        bytes[nb++] = 0x80 | (c & 63);
      }
    }
    for (let j = 0; j < nb; j++) {
      block |= bytes[j] << (filled * 8);
      filled++;
      length++;
      if (filled === 4) {
        let k = Math.imul(block, 0xcc9e2d51);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, 0x1b873593);
        h ^= k;
        h = (h << 13) | (h >>> 19);
        h = (Math.imul(h, 5) + 0xe6546b64) | 0;
        block = 0;
        filled = 0;
      }
    }
  }
  if (filled > 0) {
    let k = Math.imul(block, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= length;
  return fmix32(h);
}

const scratch = new Uint8Array(4);

/** Murmur3's finaliser: a bijective avalanche mix of 32 bits (used to derive permutations and to combine hashes). */
export function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Order-dependent combination of two 32-bit hashes (boost::hash_combine style, then avalanched). */
export function combine(h: number, v: number): number {
  return fmix32((h ^ (Math.imul(v, 0x9e3779b1) + 0x7f4a7c15 + (h << 6) + (h >>> 2))) | 0);
}
