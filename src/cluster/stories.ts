// Groups events into stories: single link over event centroids when their weighted lemma/entity cosine
// reaches the story threshold and their date spans are within the story window. Candidate pairs come from
// an inverted index over each event's heaviest keys, so the pass stays near-linear in the number of events.

import { SIGNALS, type Signal } from './features.js';
import { combinedScore, topKeys, type SignalVectors, type SparseVector } from './vector.js';

export interface StoryEventInput {
  vec: SignalVectors;
  minDay: number | null;
  maxDay: number | null;
}

export interface StoryOptions {
  weights: Readonly<Record<Signal, number>>;
  threshold: number;
  windowDays: number;
  queryTerms: number;
  postingScan: number;
}

function dot(a: SparseVector, b: Map<number, number>): number {
  let s = 0;
  for (let i = 0; i < a.keys.length; i++) s += a.weights[i] * (b.get(a.keys[i]) ?? 0);
  return s;
}

function asMap(v: SparseVector): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < v.keys.length; i++) m.set(v.keys[i], v.weights[i]);
  return m;
}

export function storySimilarity(a: SignalVectors, bMaps: Record<Signal, Map<number, number>>, weights: Readonly<Record<Signal, number>>): number {
  const cos = { terms: 0, entities: 0, numbers: 0 } as Record<Signal, number>;
  const present = { terms: false, entities: false, numbers: false } as Record<Signal, boolean>;
  for (const s of SIGNALS) {
    present[s] = a[s].keys.length > 0 && bMaps[s].size > 0;
    if (present[s] && weights[s] > 0) cos[s] = dot(a[s], bMaps[s]);
  }
  return combinedScore(cos, present, weights);
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
  const postings = new Map<number, number[]>();
  const maps = events.map((e) => ({ terms: asMap(e.vec.terms), entities: asMap(e.vec.entities), numbers: asMap(e.vec.numbers) }));
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
        if (find(other) === find(i)) continue;
        const o = events[other];
        if (ev.minDay !== null && o.minDay !== null && o.maxDay !== null && ev.maxDay !== null) {
          const gap = Math.max(0, ev.minDay - o.maxDay, o.minDay - ev.maxDay);
          if (gap > opts.windowDays) continue;
        }
        if (storySimilarity(ev.vec, maps[other], opts.weights) >= opts.threshold) parent[find(other)] = find(i);
      }
    }
    for (const key of keys) {
      let list = postings.get(key);
      if (!list) postings.set(key, (list = []));
      list.push(i);
    }
  });
  const groups = new Map<number, number[]>();
  events.forEach((_, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  });
  return [...groups.values()];
}
