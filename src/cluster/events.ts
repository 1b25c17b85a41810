// Online event clustering (after Miranda et al., EMNLP 2018): each unit (an article, or a reuse group of
// copies) is scored against the events that share its heaviest keys (inverted index, so cost does not grow
// with the number of events), joins the best one above a threshold or opens a new event; refinement passes
// then re-place every unit with itself removed, which takes out most of the input-order dependence.

import { SIGNALS, type Signal } from './features.js';
import { Centroid, combinedScore, type SignalVectors } from './vector.js';

export interface ClusterUnit {
  vec: SignalVectors;
  /** Days since epoch, or null when undated. */
  day: number | null;
  /** Year of the unit (dated, or latest mentioned), or null. */
  year: number | null;
  /** Vocabulary ids the unit is looked up and indexed under (its heaviest keys). */
  query: number[];
}

export interface EventOptions {
  weights: Readonly<Record<Signal, number>>;
  threshold: number;
  timePenalty: number;
  windowDays: number;
  yearPenalty: number;
  refinePasses: number;
  postingScan: number;
  candidates: number;
}

interface EventCluster {
  centroid: Centroid;
  members: Set<number>;
  indexed: Set<number>;
  days: Map<number, number>;
  minDay: number;
  maxDay: number;
  years: Map<number, number>;
  yearTotal: number;
}

/** Distance in days from a day to an event's span; 0 when either side is undated. */
function gapDays(day: number | null, ev: EventCluster): number {
  if (day === null || ev.days.size === 0) return 0;
  if (day < ev.minDay) return ev.minDay - day;
  if (day > ev.maxDay) return day - ev.maxDay;
  return 0;
}

export class OnlineEventClusterer {
  private readonly events: EventCluster[] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly assignment: Int32Array;
  /** Instrumentation for the bench: how many events were fully scored. */
  scored = 0;

  constructor(
    private readonly units: readonly ClusterUnit[],
    private readonly opts: EventOptions,
  ) {
    this.assignment = new Int32Array(units.length).fill(-1);
  }

  /** Runs the online pass over `order` (unit indexes), then the refinement passes; returns unit groups. */
  run(order: readonly number[]): number[][] {
    for (const u of order) this.place(u);
    for (let p = 0; p < this.opts.refinePasses; p++) {
      let moved = 0;
      for (const u of order) if (this.replace(u)) moved++;
      if (moved === 0) break;
    }
    return this.groups(order);
  }

  /** Number of events opened so far (including ones emptied by refinement). */
  get eventCount(): number {
    return this.events.length;
  }

  /** Online step: one unit joins its best candidate event or opens a new one. */
  place(u: number): void {
    const best = this.best(u, -1);
    this.join(u, best ?? this.open());
  }

  private replace(u: number): boolean {
    const from = this.assignment[u];
    this.leave(u);
    const best = this.best(u, this.events[from].members.size > 0 ? from : -1);
    const to = best ?? (this.events[from].members.size === 0 ? from : this.open());
    this.join(u, to);
    return to !== from;
  }

  private best(u: number, include: number): number | null {
    const unit = this.units[u];
    const cands = this.candidates(unit, include);
    let best: number | null = null;
    let bestScore = this.opts.threshold;
    for (const e of cands) {
      const s = this.score(unit, this.events[e]);
      if (s > bestScore || (s === bestScore && best !== null && e < best)) {
        best = e;
        bestScore = s;
      }
    }
    return best;
  }

  score(unit: ClusterUnit, ev: EventCluster): number {
    this.scored++;
    const gap = gapDays(unit.day, ev);
    if (gap > this.opts.windowDays) return -Infinity;
    const cos = { terms: 0, entities: 0, numbers: 0 } as Record<Signal, number>;
    const present = { terms: false, entities: false, numbers: false } as Record<Signal, boolean>;
    for (const s of SIGNALS) {
      present[s] = unit.vec[s].keys.length > 0 && ev.centroid.sq[s] > 0;
      if (present[s]) cos[s] = ev.centroid.cosine(unit.vec[s], s);
    }
    let penalty = (this.opts.timePenalty * gap) / this.opts.windowDays;
    // Undated on either side: fall back to years. The share of the event's members from another year
    // says how likely this is a same-kind event from another time (an election, a patch, a DUI arrest).
    if ((unit.day === null || ev.days.size === 0) && unit.year !== null && ev.yearTotal > 0) {
      penalty += this.opts.yearPenalty * (1 - (ev.years.get(unit.year) ?? 0) / ev.yearTotal);
    }
    return combinedScore(cos, present, this.opts.weights) - penalty;
  }

  // Scratch counters for candidate retrieval, indexed by event and reset by generation stamp: a Map per
  // article cost 5x more (bench/cluster.ts).
  private hitCount: number[] = [];
  private hitStamp: number[] = [];
  private stamp = 0;

  /** Events sharing the unit's heaviest keys, most shared keys first, newest postings scanned first. */
  private candidates(unit: ClusterUnit, include: number): number[] {
    const stamp = ++this.stamp;
    const touched: number[] = [];
    let maxHits = 0;
    for (const key of unit.query) {
      const list = this.postings.get(key);
      if (!list) continue;
      const stop = Math.max(0, list.length - this.opts.postingScan);
      for (let j = list.length - 1; j >= stop; j--) {
        const e = list[j];
        if (this.hitStamp[e] !== stamp) {
          if (this.events[e].members.size === 0) continue;
          this.hitStamp[e] = stamp;
          this.hitCount[e] = 0;
          touched.push(e);
        }
        const n = ++this.hitCount[e];
        if (n > maxHits) maxHits = n;
      }
    }
    let out: number[];
    if (touched.length <= this.opts.candidates) out = touched;
    else {
      // Counting selection by number of shared keys (small integers): no sort per article. Ties keep scan
      // order (newest postings of the heaviest keys first), which is deterministic.
      out = [];
      for (let n = maxHits; n > 0 && out.length < this.opts.candidates; n--) {
        for (let i = 0; i < touched.length && out.length < this.opts.candidates; i++) if (this.hitCount[touched[i]] === n) out.push(touched[i]);
      }
    }
    if (include >= 0 && this.hitStamp[include] !== stamp) out.push(include);
    return out;
  }

  private open(): number {
    this.events.push({ centroid: new Centroid(), members: new Set(), indexed: new Set(), days: new Map(), minDay: Infinity, maxDay: -Infinity, years: new Map(), yearTotal: 0 });
    return this.events.length - 1;
  }

  private join(u: number, e: number): void {
    const unit = this.units[u];
    const ev = this.events[e];
    ev.centroid.add(unit.vec, 1);
    ev.members.add(u);
    this.assignment[u] = e;
    if (unit.year !== null) {
      ev.years.set(unit.year, (ev.years.get(unit.year) ?? 0) + 1);
      ev.yearTotal++;
    }
    if (unit.day !== null) {
      ev.days.set(unit.day, (ev.days.get(unit.day) ?? 0) + 1);
      ev.minDay = Math.min(ev.minDay, unit.day);
      ev.maxDay = Math.max(ev.maxDay, unit.day);
    }
    for (const key of unit.query) {
      if (ev.indexed.has(key)) continue;
      ev.indexed.add(key);
      let list = this.postings.get(key);
      if (!list) this.postings.set(key, (list = []));
      list.push(e);
    }
  }

  private leave(u: number): void {
    const unit = this.units[u];
    const ev = this.events[this.assignment[u]];
    ev.centroid.add(unit.vec, -1);
    ev.members.delete(u);
    if (unit.year !== null) {
      ev.years.set(unit.year, ev.years.get(unit.year)! - 1);
      ev.yearTotal--;
    }
    if (unit.day !== null) {
      const n = ev.days.get(unit.day)! - 1;
      if (n > 0) ev.days.set(unit.day, n);
      else {
        ev.days.delete(unit.day);
        if (unit.day === ev.minDay || unit.day === ev.maxDay) {
          ev.minDay = Math.min(Infinity, ...ev.days.keys());
          ev.maxDay = Math.max(-Infinity, ...ev.days.keys());
        }
      }
    }
    this.assignment[u] = -1;
  }

  /** Non-empty events as unit lists, in order of their first unit in `order`. */
  private groups(order: readonly number[]): number[][] {
    const byEvent = new Map<number, number[]>();
    for (const u of order) {
      const e = this.assignment[u];
      let g = byEvent.get(e);
      if (!g) byEvent.set(e, (g = []));
      g.push(u);
    }
    return [...byEvent.values()];
  }

  centroidOf(units: readonly number[]): Centroid {
    const c = new Centroid();
    for (const u of units) c.add(this.units[u].vec, 1);
    return c;
  }
}
