// What the online placement keeps of a stored story and of each of its events, so a new article can be scored
// against them without reading their members: the sum of the members' unit vectors (the clusterer's centroid,
// under the IDF of the corpus when each member joined), summed raw counts (for the story's index terms), the
// day and year histograms the time and year penalties read, and the most central member (headline or label).
// Vectors are truncated to their heaviest keys, so a summary's size is bounded, not the story's.

import type { AnalysedArticle } from '../model/article.js';
import { dayNumber, SIGNALS, type Signal } from './features.js';
import { dateSpan } from './labels.js';
import { byCodePoint } from '../corroborate/order.js';
import { MENTION_WINDOW_DAYS } from './params.js';
import { Centroid, combinedScore, type SignalVectors } from './vector.js';
import type { Prepared, StoryCluster } from './index.js';
import type { EventOptions } from './events.js';
import type { StoryOptions } from './stories.js';

/** Keys kept per signal and summary. ECB+ events hold at most a few thousand distinct keys; a key outside the
 *  heaviest SUMMARY_KEYS of a large event carries less than 1/SUMMARY_KEYS of its centroid's mass (measured on
 *  `npm run eval -- incremental`: 400 and the untruncated sums gave the same agreement, docs/performance.md). */
export const SUMMARY_KEYS = 400;

/** The most central member of a story (its headline) or an event (its label), with its centrality then. */
export interface CentralMember {
  id: string;
  titled: boolean;
  score: number;
  text: string;
}

/** A stored story's or event's summary, as the store keeps it (plain JSON). */
export interface ClusterSummary {
  kind: 'story' | 'event';
  id: string;
  story: string;
  units: number;
  articles: number;
  /** Signal keys (`t|word`), their summed unit-vector weights and summed raw counts. */
  keys: string[];
  weights: number[];
  counts: number[];
  /** [day, units] and [year, units]. */
  days: [number, number][];
  years: [number, number][];
  central: CentralMember | null;
}

/** A summary open for scoring and growing: per-signal weight maps with their squared norms. */
export class OpenSummary {
  readonly weights: Record<Signal, Map<string, number>> = { terms: new Map(), entities: new Map(), numbers: new Map() };
  readonly counts = new Map<string, number>();
  readonly sq: Record<Signal, number> = { terms: 0, entities: 0, numbers: 0 };
  readonly days = new Map<number, number>();
  readonly years = new Map<number, number>();
  minDay = Infinity;
  maxDay = -Infinity;
  yearTotal = 0;
  units = 0;
  articles = 0;
  central: CentralMember | null = null;

  constructor(readonly kind: 'story' | 'event', public id: string, public story: string) {}

  static of(s: ClusterSummary): OpenSummary {
    const o = new OpenSummary(s.kind, s.id, s.story);
    s.keys.forEach((k, i) => {
      o.weights[signalOf(k)].set(k, s.weights[i]);
      if (s.counts[i]) o.counts.set(k, s.counts[i]);
    });
    for (const [d, n] of s.days) o.addDay(d, n);
    for (const [y, n] of s.years) o.addYear(y, n);
    Object.assign(o, { units: s.units, articles: s.articles, central: s.central });
    o.renorm();
    return o;
  }

  /** Adds one unit: its vector (keys as signal keys), its raw counts, its day and year. */
  addUnit(vec: KeyedVectors, counts: Map<string, number>, day: number | null, year: number | null, articles: number): void {
    for (const s of SIGNALS) for (const [k, w] of vec[s]) this.weights[s].set(k, (this.weights[s].get(k) ?? 0) + w);
    for (const [k, n] of counts) this.counts.set(k, (this.counts.get(k) ?? 0) + n);
    if (day !== null) this.addDay(day, 1);
    if (year !== null) this.addYear(year, 1);
    this.units++;
    this.articles += articles;
    this.renorm();
  }

  /** Adds another summary (an event into its story). */
  absorb(o: OpenSummary): void {
    for (const s of SIGNALS) for (const [k, w] of o.weights[s]) this.weights[s].set(k, (this.weights[s].get(k) ?? 0) + w);
    for (const [k, n] of o.counts) this.counts.set(k, (this.counts.get(k) ?? 0) + n);
    for (const [d, n] of o.days) this.addDay(d, n);
    for (const [y, n] of o.years) this.addYear(y, n);
    this.units += o.units;
    this.articles += o.articles;
    this.renorm();
  }

  private addDay(d: number, n: number): void {
    this.days.set(d, (this.days.get(d) ?? 0) + n);
    this.minDay = Math.min(this.minDay, d);
    this.maxDay = Math.max(this.maxDay, d);
  }

  private addYear(y: number, n: number): void {
    this.years.set(y, (this.years.get(y) ?? 0) + n);
    this.yearTotal += n;
  }

  private renorm(): void {
    for (const s of SIGNALS) {
      let sq = 0;
      for (const w of this.weights[s].values()) sq += w * w;
      this.sq[s] = sq;
    }
  }

  /** Cosine of a vector with this summary in one signal (the clusterer's Centroid.cosine). */
  cosine(v: Map<string, number>, s: Signal): number {
    if (this.sq[s] <= 1e-12 || v.size === 0) return 0;
    const sum = this.weights[s];
    let dot = 0;
    let vsq = 0;
    for (const [k, w] of v) {
      dot += w * (sum.get(k) ?? 0);
      vsq += w * w;
    }
    return dot / Math.sqrt(this.sq[s] * (vsq || 1));
  }

  /** The stored form, truncated to the SUMMARY_KEYS heaviest keys per signal. */
  stored(): ClusterSummary {
    const keys: string[] = [];
    const weights: number[] = [];
    const counts: number[] = [];
    for (const s of SIGNALS) {
      const ranked = [...this.weights[s]].sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]) || (x[0] < y[0] ? -1 : 1)).slice(0, SUMMARY_KEYS);
      for (const [k, w] of ranked) {
        keys.push(k);
        weights.push(w);
        counts.push(this.counts.get(k) ?? 0);
      }
    }
    return {
      kind: this.kind, id: this.id, story: this.story, units: this.units, articles: this.articles, keys, weights, counts,
      days: [...this.days], years: [...this.years], central: this.central,
    };
  }
}

/** A unit vector keyed by signal keys (`t|word`), per signal. */
export type KeyedVectors = Record<Signal, Map<string, number>>;

export function signalOf(key: string): Signal {
  return key[0] === 't' ? 'terms' : key[0] === 'e' ? 'entities' : 'numbers';
}

/** A vocabulary-id vector as signal-key maps (`key` gives an id's full key). */
export function keyedVectors(v: SignalVectors, key: (id: number) => string): KeyedVectors {
  const out = { terms: new Map(), entities: new Map(), numbers: new Map() } as KeyedVectors;
  for (const s of SIGNALS) for (let i = 0; i < v[s].keys.length; i++) out[s].set(key(v[s].keys[i]), v[s].weights[i]);
  return out;
}

/** A new unit scored against a stored event exactly as OnlineEventClusterer.score scores it against an event. */
export function eventScore(unit: { vec: KeyedVectors; day: number | null; year: number | null }, ev: OpenSummary, opts: EventOptions): number {
  const gap = unit.day === null || ev.days.size === 0 ? 0 : unit.day < ev.minDay ? ev.minDay - unit.day : unit.day > ev.maxDay ? unit.day - ev.maxDay : 0;
  if (gap > opts.windowDays) return -Infinity;
  const cos = { terms: 0, entities: 0, numbers: 0 } as Record<Signal, number>;
  const present = { terms: false, entities: false, numbers: false } as Record<Signal, boolean>;
  for (const s of SIGNALS) {
    present[s] = unit.vec[s].size > 0 && ev.sq[s] > 0;
    if (present[s]) cos[s] = ev.cosine(unit.vec[s], s);
  }
  let penalty = (opts.timePenalty * gap) / opts.windowDays;
  if ((unit.day === null || ev.days.size === 0) && unit.year !== null && ev.yearTotal > 0) {
    penalty += opts.yearPenalty * (1 - (ev.years.get(unit.year) ?? 0) / ev.yearTotal);
  }
  return combinedScore(cos, present, opts.weights) - penalty;
}

/** Two summaries' similarity as groupEventsIntoStories links stories (weighted cosines, the story window). */
export function storyScore(a: OpenSummary, b: OpenSummary, opts: StoryOptions): number {
  if (a.days.size && b.days.size && Math.max(0, a.minDay - b.maxDay, b.minDay - a.maxDay) > opts.windowDays) return -Infinity;
  const cos = { terms: 0, entities: 0, numbers: 0 } as Record<Signal, number>;
  const present = { terms: false, entities: false, numbers: false } as Record<Signal, boolean>;
  for (const s of SIGNALS) {
    present[s] = a.sq[s] > 0 && b.sq[s] > 0;
    if (!present[s] || opts.weights[s] === 0) continue;
    const [x, y] = a.weights[s].size < b.weights[s].size ? [a.weights[s], b.weights[s]] : [b.weights[s], a.weights[s]];
    let dot = 0;
    for (const [k, w] of x) dot += w * (y.get(k) ?? 0);
    cos[s] = dot / Math.sqrt(a.sq[s] * b.sq[s]);
  }
  return combinedScore(cos, present, opts.weights);
}

/** Centrality of a member in a summary, as labels.ts mostCentral scores it (terms + half the entities). */
export function centrality(vec: KeyedVectors, s: OpenSummary): number {
  return s.cosine(vec.terms, 'terms') + 0.5 * s.cosine(vec.entities, 'entities');
}

/** Whether a new member takes over as the most central one (titled members first, as headlineOf prefers). */
export function takesCentre(current: CentralMember | null, article: AnalysedArticle, score: number): boolean {
  return beatsCentre(current, { id: article.id, titled: !!article.meta.title?.trim(), score });
}

/** Titled first, then the higher centrality, then the smaller id (ties within 1e-12). */
function beatsCentre(current: CentralMember | null, c: Pick<CentralMember, 'id' | 'titled' | 'score'>): boolean {
  if (!current) return true;
  if (c.titled !== current.titled) return c.titled;
  return c.score > current.score + 1e-12 || (Math.abs(c.score - current.score) <= 1e-12 && c.id < current.id);
}

/** Raw counts of an article as signal keys. */
export function keyedCounts(counts: Record<Signal, Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of SIGNALS) for (const [k, n] of counts[s]) out.set(s[0] + '|' + k, n);
  return out;
}

/** Summaries of clusters from the units the clusterer prepared (the exact path: every member is at hand). */
export function summariseClusters(clusters: StoryCluster[], prepared: Prepared, titled: (id: string) => boolean): ClusterSummary[] {
  const unitOf = new Map<string, number>();
  prepared.units.forEach((u, i) => { for (const id of u.members) unitOf.set(id, i); });
  const key = (id: number) => prepared.vocab.signalKey(id);
  const out: ClusterSummary[] = [];
  for (const c of clusters) {
    const story = new OpenSummary('story', c.id, c.id);
    for (const e of c.events) {
      const ev = new OpenSummary('event', e.id, c.id);
      for (const u of new Set(e.articles.map((a) => unitOf.get(a)!))) {
        const unit = prepared.units[u];
        const counts = new Map<string, number>();
        for (const i of prepared.unitArticles[u]) for (const [k, n] of keyedCounts(prepared.feats[i].counts)) counts.set(k, (counts.get(k) ?? 0) + n);
        ev.addUnit(keyedVectors(unit.vec, key), counts, unit.day, unit.year, unit.members.length);
      }
      ev.central = centralOf(e.articles, e.label, prepared, titled);
      story.absorb(ev);
      out.push(ev.stored());
    }
    story.central = centralOf(c.articles, c.headline, prepared, titled);
    out.push(story.stored());
  }
  return out;
}

/** The member labels.ts mostCentral picks (titled first), with its score against the members' centroid. */
function centralOf(ids: string[], text: string, prepared: Prepared, titledOf: (id: string) => boolean): CentralMember {
  const vecs = ids.map((id) => prepared.vecs.get(id)!);
  const c = new Centroid();
  for (const v of vecs) c.add(v, 1);
  let best: CentralMember | null = null;
  ids.forEach((id, i) => {
    const titled = titledOf(id);
    const score = c.cosine(vecs[i].terms, 'terms') + 0.5 * c.cosine(vecs[i].entities, 'entities');
    const candidate = { id, titled, score, text };
    if (beatsCentre(best, candidate)) best = candidate;
  });
  return best!;
}

/** A story placed online, in the order and with the spans clusterStories gives a story: members by date then
 *  id, events biggest then newest first, each event's span from its members (labels.ts dateSpan). */
export function arrangeStory(
  c: { id: string; headline: string; events: { id: string; label: string; articles: string[] }[] },
  byId: Map<string, AnalysedArticle>,
): StoryCluster {
  const dateKey = (a: AnalysedArticle): string => a.meta.published ?? '';
  const byDateThenId = (x: AnalysedArticle, y: AnalysedArticle): number =>
    dateKey(x) < dateKey(y) ? -1 : dateKey(x) > dateKey(y) ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  const newest = (list: AnalysedArticle[]): number => list.reduce((m, a) => Math.max(m, dayNumber(a.meta.published) ?? -1), -1);
  const all = c.events.flatMap((e) => e.articles.map((id) => byId.get(id)!));
  const storyDay = newest(all);
  const events = c.events.map((e) => {
    const members = e.articles.map((id) => byId.get(id)!).sort(byDateThenId);
    const span = dateSpan(members, (a) => a.meta.published ?? null, MENTION_WINDOW_DAYS, storyDay >= 0 ? storyDay : null);
    return { members, newest: newest(members), event: { id: e.id, label: e.label, articles: members.map((a) => a.id), start: span.start, end: span.end } };
  });
  events.sort((x, y) => y.members.length - x.members.length || y.newest - x.newest || byCodePoint(x.event.id, y.event.id));
  return { id: c.id, headline: c.headline, articles: all.sort(byDateThenId).map((a) => a.id), events: events.map((e) => e.event) };
}
