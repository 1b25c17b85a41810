// Splits one event in two when its units fall into two groups that each share their own DISCRIMINATIVE
// features: keys (lemmas, names, dates) frequent in a subset of the event and absent from the rest. What
// every member shares (the story's actors and theme) is dropped, so two same-kind sub-events of one story
// ("visits to an airfield" vs "training") separate, where whole-article cosines see one blur. The split is
// a deterministic 2-means over these keys, kept only when the silhouette shows two real groups.

import { SIGNALS, type Signal } from './features.js';

export type UnitCounts = Record<Signal, Map<string, number>>;

export interface BisectOptions {
  weights: Readonly<Record<Signal, number>>;
  /** A key counts as discriminative when it occurs in at least `minDf` units and at most `maxShare` of them. */
  minDf: number;
  maxShare: number;
  /** Each side needs at least this many units: a lone outlier is not a sub-event. */
  minSide: number;
  /** Mean silhouette (cosine distance, over the discriminative keys) a split must reach. */
  threshold: number;
  /** Events with more units than this are not bisected (2-means init is quadratic). */
  maxUnits: number;
  /** Recursion depth: an event ends up in at most 2^depth parts. */
  depth: number;
  /** Each side needs a signature: a key in at least this share of its units and in none of the other side's.
   * Guards small events, where a silhouette over a handful of keys is high by chance. */
  signatureShare: number;
  /** Bisect on the lead (title + first sentences) lemmas only, rather than on whole-article counts. */
  lead: boolean;
}

type Vec = Record<Signal, Map<string, number>>;

function restrict(units: readonly UnitCounts[], opts: BisectOptions): Vec[] {
  const n = units.length;
  const out: Vec[] = units.map(() => ({ terms: new Map(), entities: new Map(), numbers: new Map() }));
  for (const s of SIGNALS) {
    if (opts.weights[s] === 0) continue;
    const df = new Map<string, number>();
    for (const u of units) for (const k of u[s].keys()) df.set(k, (df.get(k) ?? 0) + 1);
    units.forEach((u, i) => {
      let sq = 0;
      const v = out[i][s];
      for (const [k, tf] of u[s]) {
        const d = df.get(k)!;
        if (d < opts.minDf || d > opts.maxShare * n) continue;
        // Sublinear tf × within-event idf: a key in half the units weighs more than one in most of them.
        const w = (1 + Math.log(tf)) * Math.log(n / d);
        v.set(k, w);
        sq += w * w;
      }
      const norm = Math.sqrt(sq);
      if (norm > 0) for (const [k, w] of v) v.set(k, w / norm);
    });
  }
  return out;
}

function cos(a: Map<string, number>, b: Map<string, number>): number {
  const [x, y] = a.size < b.size ? [a, b] : [b, a];
  let d = 0;
  for (const [k, w] of x) d += w * (y.get(k) ?? 0);
  return d;
}

function similarity(a: Vec, b: Vec, weights: Readonly<Record<Signal, number>>): number {
  let num = 0;
  let den = 0;
  for (const s of SIGNALS) {
    if (weights[s] === 0 || a[s].size === 0 || b[s].size === 0) continue;
    num += weights[s] * cos(a[s], b[s]);
    den += weights[s];
  }
  return den === 0 ? 0 : num / den;
}

/** Mean silhouette of a 2-way partition under distance 1 − similarity. */
function silhouette(sim: number[][], side: Uint8Array): number {
  const n = side.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let own = 0;
    let nOwn = 0;
    let other = 0;
    let nOther = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      if (side[j] === side[i]) {
        own += 1 - sim[i][j];
        nOwn++;
      } else {
        other += 1 - sim[i][j];
        nOther++;
      }
    }
    if (nOwn === 0) continue; // singleton side: silhouette 0 by convention
    const a = own / nOwn;
    const b = other / nOther;
    total += (b - a) / Math.max(a, b, 1e-12);
  }
  return total / n;
}

/** True when some key occurs in at least `signatureShare` of `own` and in no unit of `other`. */
function hasSignature(units: readonly UnitCounts[], own: number[], other: number[], opts: BisectOptions): boolean {
  for (const s of SIGNALS) {
    if (opts.weights[s] === 0) continue;
    const df = new Map<string, number>();
    for (const i of own) for (const k of units[i][s].keys()) df.set(k, (df.get(k) ?? 0) + 1);
    for (const [k, d] of df) {
      if (d < Math.max(opts.minDf, opts.signatureShare * own.length)) continue;
      if (other.every((j) => !units[j][s].has(k))) return true;
    }
  }
  return false;
}

/** One split attempt: returns the two sides (unit indexes) and their silhouette, or null. */
export function bestSplit(units: readonly UnitCounts[], opts: BisectOptions): { sides: [number[], number[]]; silhouette: number } | null {
  const n = units.length;
  if (n < 2 * opts.minSide || n > opts.maxUnits) return null;
  const vecs = restrict(units, opts);
  const sim: number[][] = vecs.map((a) => vecs.map((b) => similarity(a, b, opts.weights)));
  // Deterministic 2-means seeds: the least similar pair (lowest indexes on ties).
  let s0 = 0;
  let s1 = 1;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (sim[i][j] < sim[s0][s1]) [s0, s1] = [i, j];
  const side = new Uint8Array(n);
  for (let i = 0; i < n; i++) side[i] = sim[i][s1] > sim[i][s0] ? 1 : 0;
  side[s0] = 0;
  side[s1] = 1;
  // Average-similarity reassignment (k-means in the similarity space): stable for the small n we see.
  for (let it = 0; it < 10; it++) {
    let moved = false;
    const next = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const mean = [0, 0];
      const cnt = [0, 0];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        mean[side[j]] += sim[i][j];
        cnt[side[j]]++;
      }
      const m0 = cnt[0] ? mean[0] / cnt[0] : -1;
      const m1 = cnt[1] ? mean[1] / cnt[1] : -1;
      next[i] = m1 > m0 ? 1 : m0 > m1 ? 0 : side[i];
      if (next[i] !== side[i]) moved = true;
    }
    side.set(next);
    if (!moved) break;
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) (side[i] ? b : a).push(i);
  if (a.length < opts.minSide || b.length < opts.minSide) return null;
  if (!hasSignature(units, a, b, opts) || !hasSignature(units, b, a, opts)) return null;
  return { sides: [a, b], silhouette: silhouette(sim, side) };
}

/** Recursively bisects an event; returns groups of unit indexes (one group when no split is accepted). */
export function bisectEvent(units: readonly UnitCounts[], opts: BisectOptions, depth = opts.depth): number[][] {
  const all = [...units.keys()];
  if (depth <= 0) return [all];
  const split = bestSplit(units, opts);
  if (!split || split.silhouette < opts.threshold) return [all];
  return split.sides.flatMap((side) => bisectEvent(side.map((i) => units[i]), opts, depth - 1).map((g) => g.map((i) => side[i])));
}
