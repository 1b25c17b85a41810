// Groups events into stories by centroid-linkage agglomeration: the closest pair of stories (weighted
// lemma/entity cosine of their summed event centroids) merges first, and merging stops below the story
// threshold. Unlike single link, a story cannot chain through one borderline event into a neighbouring topic
// (two American-football games), because after each merge the pair is re-scored as a whole. Candidate
// pairs come from an inverted index over each event's heaviest keys, so the pass stays near-linear.

import { SIGNALS, type Signal } from './features.js';
import { combinedScore, topKeys, type SignalVectors } from './vector.js';

export interface StoryEventInput {
  vec: SignalVectors;
  minDay: number | null;
  maxDay: number | null;
  /** How many units the event holds: its weight in a story centroid (default 1). */
  size?: number;
}

export interface StoryOptions {
  weights: Readonly<Record<Signal, number>>;
  threshold: number;
  windowDays: number;
  queryTerms: number;
  postingScan: number;
  /** Pairs scoring at least `threshold * candidateFloor` at the start are kept as candidate pairs: merges
   * can raise a pair's score above the threshold later, but rarely from far below it. */
  candidateFloor: number;
  /** Inconsistency guard (after the inconsistency coefficient of hierarchical clustering, which compares a
   * link's height with the heights of the links below it): two stories that are each already built from
   * several events merge only if their similarity reaches `consistency` × the lower of their strongest
   * internal merge similarities. Two tight stories (events linked at 0.5) that meet at 0.2 are two topics
   * of one genre (two American-football stories), not one story. A single event is never blocked. 0 disables. */
  consistency: number;
}

/** A story being built: weighted sum of its event centroids, with squared norms kept up to date. */
class StoryCentroid {
  readonly sum: Record<Signal, Map<number, number>> = { terms: new Map(), entities: new Map(), numbers: new Map() };
  readonly sq: Record<Signal, number> = { terms: 0, entities: 0, numbers: 0 };
  minDay: number | null = null;
  maxDay: number | null = null;
  /** Similarity of the strongest merge that built this story; null while it is a single event. The strongest
   * rather than the mean link: small outlier events joining late at a low score should not make a tight
   * story look loose (the mean variant let the two football topics of ECB+ merge again with --extract). */
  cohesion: number | null = null;

  addVectors(v: SignalVectors, weight: number): void {
    for (const s of SIGNALS) {
      const m = this.sum[s];
      for (let i = 0; i < v[s].keys.length; i++) m.set(v[s].keys[i], (m.get(v[s].keys[i]) ?? 0) + weight * v[s].weights[i]);
    }
    this.renorm();
  }

  absorb(o: StoryCentroid): void {
    for (const s of SIGNALS) {
      const m = this.sum[s];
      for (const [k, w] of o.sum[s]) m.set(k, (m.get(k) ?? 0) + w);
    }
    this.renorm();
    this.span(o.minDay, o.maxDay);
  }

  span(min: number | null, max: number | null): void {
    if (min === null || max === null) return;
    this.minDay = this.minDay === null ? min : Math.min(this.minDay, min);
    this.maxDay = this.maxDay === null ? max : Math.max(this.maxDay, max);
  }

  private renorm(): void {
    for (const s of SIGNALS) {
      let sq = 0;
      for (const w of this.sum[s].values()) sq += w * w;
      this.sq[s] = sq;
    }
  }

  similarity(o: StoryCentroid, weights: Readonly<Record<Signal, number>>): number {
    const cos = { terms: 0, entities: 0, numbers: 0 } as Record<Signal, number>;
    const present = { terms: false, entities: false, numbers: false } as Record<Signal, boolean>;
    for (const s of SIGNALS) {
      present[s] = this.sq[s] > 0 && o.sq[s] > 0;
      if (!present[s] || weights[s] === 0) continue;
      const [a, b] = this.sum[s].size < o.sum[s].size ? [this.sum[s], o.sum[s]] : [o.sum[s], this.sum[s]];
      let dot = 0;
      for (const [k, w] of a) dot += w * (b.get(k) ?? 0);
      cos[s] = dot / Math.sqrt(this.sq[s] * o.sq[s]);
    }
    return combinedScore(cos, present, weights);
  }

  gapDays(o: StoryCentroid): number {
    if (this.minDay === null || this.maxDay === null || o.minDay === null || o.maxDay === null) return 0;
    return Math.max(0, this.minDay - o.maxDay, o.minDay - this.maxDay);
  }
}

/** Returns groups of event indexes (each group one story), in order of each story's first event. */
export function groupEventsIntoStories(events: readonly StoryEventInput[], opts: StoryOptions): number[][] {
  const parent = Int32Array.from(events.keys());
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const stories = events.map((e) => {
    const c = new StoryCentroid();
    c.addVectors(e.vec, e.size ?? 1);
    c.span(e.minDay, e.maxDay);
    return c;
  });

  // Candidate pairs through the inverted index (newest postings first, bounded scan per key).
  const postings = new Map<number, number[]>();
  let pairs: { a: number; b: number; sim: number }[] = [];
  const floor = opts.threshold * opts.candidateFloor;
  events.forEach((ev, i) => {
    const keys = SIGNALS.filter((s) => opts.weights[s] > 0).flatMap((s) => topKeys(ev.vec[s], opts.queryTerms));
    const seen = new Set<number>();
    for (const key of keys) {
      const list = postings.get(key);
      if (!list) continue;
      const stop = Math.max(0, list.length - opts.postingScan);
      for (let j = list.length - 1; j >= stop; j--) {
        const other = list[j];
        if (seen.has(other)) continue;
        seen.add(other);
        if (stories[i].gapDays(stories[other]) > opts.windowDays) continue;
        const sim = stories[i].similarity(stories[other], opts.weights);
        if (sim >= floor) pairs.push({ a: other, b: i, sim });
      }
    }
    for (const key of keys) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
  });

  // Rounds of greedy merging, best pair first; a pair whose side changed this round is re-scored before it
  // may merge. Repeats until a round merges nothing. Ties break on indexes, so the result is deterministic.
  const order = (x: { a: number; b: number; sim: number }, y: { a: number; b: number; sim: number }): number =>
    y.sim - x.sim || x.a - y.a || x.b - y.b;
  // Stories changed by the previous round: only pairs touching them are re-scored (a blocked or
  // sub-threshold pair between two unchanged stories keeps its score; at 20k articles re-scoring every pair
  // each round was the costliest step of clusterStories).
  let changedLastRound: Set<number> | null = null;
  for (;;) {
    const current = new Map<string, { a: number; b: number; sim: number }>();
    for (const p of pairs) {
      const a = Math.min(find(p.a), find(p.b));
      const b = Math.max(find(p.a), find(p.b));
      if (a === b) continue;
      const key = `${a}:${b}`;
      if (current.has(key)) continue;
      const same = changedLastRound !== null && p.a === a && p.b === b && !changedLastRound.has(a) && !changedLastRound.has(b);
      const sim = same ? p.sim : stories[a].gapDays(stories[b]) > opts.windowDays ? -Infinity : stories[a].similarity(stories[b], opts.weights);
      current.set(key, { a, b, sim });
    }
    pairs = [...current.values()].sort(order);
    const changed = new Set<number>();
    let merged = 0;
    for (const p of pairs) {
      let a = find(p.a);
      let b = find(p.b);
      if (a === b) continue;
      let sim = p.sim;
      if (changed.has(a) || changed.has(b)) {
        if (stories[a].gapDays(stories[b]) > opts.windowDays) continue;
        sim = stories[a].similarity(stories[b], opts.weights);
      }
      if (sim < opts.threshold) continue;
      const ca = stories[a].cohesion;
      const cb = stories[b].cohesion;
      if (ca !== null && cb !== null && sim < opts.consistency * Math.min(ca, cb)) continue;
      if (b < a) [a, b] = [b, a];
      stories[a].cohesion = Math.max(sim, ca ?? -Infinity, cb ?? -Infinity);
      stories[a].absorb(stories[b]);
      parent[b] = a;
      changed.add(a);
      merged++;
    }
    if (merged === 0) break;
    changedLastRound = changed;
  }

  const groups = new Map<number, number[]>();
  events.forEach((_, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  });
  return [...groups.values()];
}
