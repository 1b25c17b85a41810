// Corpus evidence for the cleaner: in how many distinct articles of one outlet a line occurs. Site
// furniture ("Advertisement", a sign-off, a promo line) recurs across an outlet's articles; story text
// does not, except in republished wire copies, which the cleaner tells apart by comparison with the
// article's other lines (see COPY_RATIO). Only hashes are kept, never text.

import { logicalLines } from './layout.js';
import { SEEN_FILTER_BITS } from './params.js';

/**
 * Two independent 32-bit FNV-1a hashes of outlet + normalised line (lower case, digits folded to 0,
 * punctuation dropped, so "Comments (12)" and "Comments (3)" are one line). 64 bits make a collision
 * between two lines of one corpus negligible (≈ n²/2^65).
 */
export function lineHash(outlet: string, line: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  const mix = (c: number) => {
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  };
  for (let i = 0; i < outlet.length; i++) mix(outlet.charCodeAt(i));
  mix(0);
  let space = false;
  for (let i = 0; i < line.length; i++) {
    let c = line.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 48 && c <= 57) c = 48;
    const letterOrDigit = (c >= 97 && c <= 122) || c === 48 || c > 127;
    if (!letterOrDigit) {
      space = true;
      continue;
    }
    if (space) mix(32);
    space = false;
    mix(c > 127 ? line[i].toLowerCase().charCodeAt(0) : c);
  }
  return [h1 >>> 0, h2 >>> 0];
}

/** What the cleaner asks of corpus statistics: the batch's own (OutletLineStats), or the batch's added to a
 *  stored corpus's (src/corpus/line-stats.ts). */
export interface LineRecurrence {
  recurrence(outlet: string | null, line: string): number;
  articles(outlet: string | null): number;
}

/** The distinct line hashes of one article, as `observe` counts them (what a store keeps per outlet). */
export function distinctLineHashes(outlet: string, raw: string): [number, number][] {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (const line of logicalLines(raw)) {
    const h = lineHash(outlet, line);
    // 52 bits of the pair as one number: a repeat inside one article is told apart without a string.
    const once = h[0] * 0x100000 + (h[1] & 0xfffff);
    if (seen.has(once)) continue;
    seen.add(once);
    out.push(h);
  }
  return out;
}

/** Distinct-article counts per (outlet, line) hash, in an open-addressing table of typed arrays. */
export class OutletLineStats implements LineRecurrence {
  /** "Seen once" bit filter: a line's first sighting costs two bits, not a table slot. */
  private seen: Uint32Array | null = null;
  private keys1 = new Uint32Array(1 << 12);
  private keys2 = new Uint32Array(1 << 12);
  /** Sightings after the first (0 = empty slot). */
  private extra = new Uint32Array(1 << 12);
  private size = 0;
  private perOutlet = new Map<string, number>();

  /** Records one article's lines (each distinct line once). Call it once per distinct article. */
  observe(outlet: string | null, raw: string): void {
    if (outlet) this.observeHashes(outlet, distinctLineHashes(outlet, raw));
  }

  /** `observe` for an article whose distinct line hashes are already computed (a corpus stores them too). */
  observeHashes(outlet: string, hashes: [number, number][]): void {
    this.perOutlet.set(outlet, (this.perOutlet.get(outlet) ?? 0) + 1);
    this.seen ??= new Uint32Array(SEEN_FILTER_BITS >>> 5);
    for (const [h1, h2] of hashes) if (this.testAndSet(h1, h2)) this.increment(h1, h2);
  }

  /** Number of distinct observed articles of `outlet` that contain `line` (normalised). */
  recurrence(outlet: string | null, line: string): number {
    if (!outlet || !this.seen) return 0;
    const [h1, h2] = lineHash(outlet, line);
    if (!this.isSeen(h1, h2)) return 0;
    const slot = this.find(h1, h2);
    return 1 + (slot >= 0 ? this.extra[slot] : 0);
  }

  /** Articles observed for `outlet`. */
  articles(outlet: string | null): number {
    return outlet ? (this.perOutlet.get(outlet) ?? 0) : 0;
  }

  /** Lines seen in at least two articles of an outlet (the exact table's size). */
  get repeatedLines(): number {
    return this.size;
  }

  /** Approximate heap bytes held (filter + table), for the bench. */
  get bytes(): number {
    return (this.seen?.byteLength ?? 0) + this.keys1.byteLength * 3;
  }

  private isSeen(h1: number, h2: number): boolean {
    const seen = this.seen!;
    const mask = SEEN_FILTER_BITS - 1;
    const a = h1 & mask;
    const b = h2 & mask;
    return (seen[a >>> 5] & (1 << (a & 31))) !== 0 && (seen[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  /** Sets the line's bits; true when both were already set (seen before, or a rare false positive). */
  private testAndSet(h1: number, h2: number): boolean {
    if (this.isSeen(h1, h2)) return true;
    const seen = this.seen!;
    const mask = SEEN_FILTER_BITS - 1;
    const a = h1 & mask;
    const b = h2 & mask;
    seen[a >>> 5] |= 1 << (a & 31);
    seen[b >>> 5] |= 1 << (b & 31);
    return false;
  }

  private find(h1: number, h2: number): number {
    const mask = this.extra.length - 1;
    for (let i = (h1 ^ (h2 >>> 7)) & mask; ; i = (i + 1) & mask) {
      if (this.extra[i] === 0) return -1;
      if (this.keys1[i] === h1 && this.keys2[i] === h2) return i;
    }
  }

  private increment(h1: number, h2: number): void {
    const mask = this.extra.length - 1;
    let i = (h1 ^ (h2 >>> 7)) & mask;
    while (this.extra[i] !== 0 && !(this.keys1[i] === h1 && this.keys2[i] === h2)) i = (i + 1) & mask;
    if (this.extra[i] === 0) {
      this.keys1[i] = h1;
      this.keys2[i] = h2;
      this.size++;
    }
    this.extra[i]++;
    if (this.size * 2 > this.extra.length) this.grow();
  }

  private grow(): void {
    const [k1, k2, ex] = [this.keys1, this.keys2, this.extra];
    const cap = ex.length * 2;
    this.keys1 = new Uint32Array(cap);
    this.keys2 = new Uint32Array(cap);
    this.extra = new Uint32Array(cap);
    const mask = cap - 1;
    for (let j = 0; j < ex.length; j++) {
      if (ex[j] === 0) continue;
      let i = (k1[j] ^ (k2[j] >>> 7)) & mask;
      while (this.extra[i] !== 0) i = (i + 1) & mask;
      this.keys1[i] = k1[j];
      this.keys2[i] = k2[j];
      this.extra[i] = ex[j];
    }
  }
}
