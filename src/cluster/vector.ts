// Sparse TF-IDF vectors over an interned vocabulary, and running centroids whose norm is kept up to date
// incrementally, so an article-vs-event cosine costs O(article keys), independent of the event's size.

import { SIGNALS, type ArticleFeatures, type Signal } from './features.js';

/** Interned, L2-normalised sparse vector; keys are vocabulary ids. */
export interface SparseVector {
  keys: Int32Array;
  weights: Float64Array;
}

export type SignalVectors = Record<Signal, SparseVector>;

export const EMPTY: SparseVector = { keys: new Int32Array(0), weights: new Float64Array(0) };

/** String → integer ids (keys are prefixed by signal, so ids of different signals never collide). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
    }
    return id;
  }
  /** The key of an id, without its signal prefix. */
  key(id: number): string {
    return this.keys[id].slice(2);
  }
  /** The key of an id with its signal prefix (`t|word`), as a store keys it. */
  signalKey(id: number): string {
    return this.keys[id];
  }
  get size(): number {
    return this.ids.size;
  }
}

/** Document frequencies per signal over the batch: IDF comes from the batch itself (no external corpus). */
/** The clusterer's IDF: log((N + 1) / (df + 1)) + 1, also the weight of a stored corpus's index terms. */
export function smoothedIdf(documents: number, df: number): number {
  return Math.log((documents + 1) / (df + 1)) + 1;
}

/** One key space for all three signals (`t|word`, `e|name`, `n|12`): the vocabulary's and a store's. */
export function signalKey(signal: Signal, key: string): string {
  return signal[0] + '|' + key;
}

export class DocumentFrequencies {
  readonly df: Record<Signal, Map<string, number>> = { terms: new Map(), entities: new Map(), numbers: new Map() };
  n = 0;
  add(counts: Record<Signal, Map<string, number>>): void {
    this.n++;
    for (const s of SIGNALS) for (const k of counts[s].keys()) this.df[s].set(k, (this.df[s].get(k) ?? 0) + 1);
  }
  /** Smoothed IDF. With N=1 (a single article) every key gets the same weight, which is what we want. */
  idf(signal: Signal, key: string): number {
    return smoothedIdf(this.n, this.df[signal].get(key) ?? 0);
  }
}

/** Sublinear tf × idf, L2-normalised; ids carry a signal prefix so the one inverted index can hold all three. */
export function vectorise(
  counts: Record<Signal, Map<string, number>>,
  df: DocumentFrequencies,
  vocab: Vocabulary,
): SignalVectors {
  const out = {} as SignalVectors;
  for (const s of SIGNALS) {
    const m = counts[s];
    const keys = new Int32Array(m.size);
    const weights = new Float64Array(m.size);
    let i = 0;
    let sq = 0;
    for (const [k, tf] of m) {
      const w = (1 + Math.log(tf)) * df.idf(s, k);
      keys[i] = vocab.id(signalKey(s, k));
      weights[i] = w;
      sq += w * w;
      i++;
    }
    const norm = Math.sqrt(sq) || 1;
    for (let j = 0; j < weights.length; j++) weights[j] /= norm;
    out[s] = { keys, weights };
  }
  return out;
}

/** Adds several normalised vectors into one (used for a reuse group: copies count once). */
export function sumVectors(parts: SignalVectors[]): SignalVectors {
  if (parts.length === 1) return parts[0];
  const out = {} as SignalVectors;
  for (const s of SIGNALS) {
    const acc = new Map<number, number>();
    for (const p of parts) for (let i = 0; i < p[s].keys.length; i++) acc.set(p[s].keys[i], (acc.get(p[s].keys[i]) ?? 0) + p[s].weights[i]);
    let sq = 0;
    for (const w of acc.values()) sq += w * w;
    const norm = Math.sqrt(sq) || 1;
    out[s] = { keys: Int32Array.from(acc.keys()), weights: Float64Array.from(acc.values(), (w) => w / norm) };
  }
  return out;
}

/** The heaviest `k` keys of a vector (for index look-ups). */
export function topKeys(v: SparseVector, k: number): number[] {
  if (v.keys.length <= k) return Array.from(v.keys);
  const order = Array.from(v.keys.keys()).sort((a, b) => v.weights[b] - v.weights[a] || v.keys[a] - v.keys[b]);
  return order.slice(0, k).map((i) => v.keys[i]);
}

/** Sum of member vectors per signal with squared norms maintained on every add/remove. */
export class Centroid {
  readonly sum: Record<Signal, Map<number, number>> = { terms: new Map(), entities: new Map(), numbers: new Map() };
  readonly sq: Record<Signal, number> = { terms: 0, entities: 0, numbers: 0 };

  add(v: SignalVectors, sign: 1 | -1 = 1): void {
    for (const s of SIGNALS) {
      const { keys, weights } = v[s];
      const sum = this.sum[s];
      let sq = this.sq[s];
      for (let i = 0; i < keys.length; i++) {
        const old = sum.get(keys[i]) ?? 0;
        const next = old + sign * weights[i];
        sq += next * next - old * old;
        if (Math.abs(next) < 1e-12) sum.delete(keys[i]);
        else sum.set(keys[i], next);
      }
      this.sq[s] = Math.max(0, sq);
    }
  }

  /** Cosine between a normalised vector and this centroid in one signal. */
  cosine(v: SparseVector, s: Signal): number {
    const sq = this.sq[s];
    if (sq <= 1e-12 || v.keys.length === 0) return 0;
    const sum = this.sum[s];
    let dot = 0;
    for (let i = 0; i < v.keys.length; i++) dot += v.weights[i] * (sum.get(v.keys[i]) ?? 0);
    return dot / Math.sqrt(sq);
  }

  /** The centroid as normalised vectors. */
  vectors(): SignalVectors {
    const out = {} as SignalVectors;
    for (const s of SIGNALS) {
      const norm = Math.sqrt(this.sq[s]) || 1;
      const m = this.sum[s];
      out[s] = { keys: Int32Array.from(m.keys()), weights: Float64Array.from(m.values(), (w) => w / norm) };
    }
    return out;
  }
}

/** Weighted combination of per-signal cosines; signals absent on either side drop out of the weighting
 * so an article without numbers is not punished for it. */
export function combinedScore(
  cos: Record<Signal, number>,
  present: Record<Signal, boolean>,
  weights: Readonly<Record<Signal, number>>,
): number {
  let num = 0;
  let den = 0;
  for (const s of SIGNALS) {
    if (!present[s] || weights[s] === 0) continue;
    num += weights[s] * cos[s];
    den += weights[s];
  }
  return den === 0 ? 0 : num / den;
}
