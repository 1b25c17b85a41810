// Stories and their sub-events from a batch of analysed articles: reuse groups become units, units are
// clustered online into events (TF-IDF over lemmas, names, numbers/dates + time penalty), events are linked
// into stories, and each gets a headline/label, a date span and a deterministic id.

import { createHash } from 'node:crypto';
import type { AnalysedArticle } from '../model/article.js';
import type { ReportEvent, ReuseResult, Story } from '../model/report.js';
import { bisectEvent, type BisectOptions, type UnitCounts } from './bisect.js';
import { OnlineEventClusterer, type ClusterUnit, type EventOptions } from './events.js';
import { cachedArticleFeatures, dayNumber, SIGNALS, type ArticleFeatures } from './features.js';
import { dateSpan, eventLabel, headlineOf } from './labels.js';
import * as P from './params.js';
import { groupEventsIntoStories, type StoryOptions } from './stories.js';
import { segmentByTime, type SegmentOptions } from './time-segments.js';
import { Centroid, combinedScore, DocumentFrequencies, sumVectors, topKeys, vectorise, Vocabulary, type SignalVectors } from './vector.js';

export { matchStoredIds } from './stable-ids.js';

export type StoryCluster = Pick<Story, 'id' | 'headline' | 'articles' | 'events'>;

export interface ClusterOptions {
  event?: Partial<EventOptions>;
  /** Options of the second, story-local event pass. */
  local?: Partial<EventOptions>;
  /** Run the story-local event pass (default true). */
  localPass?: boolean;
  story?: Partial<StoryOptions>;
  bisect?: Partial<BisectOptions>;
  segment?: Partial<SegmentOptions>;
  /** Short hash used for ids (injectable for tests); default: sha1 hex, first 10 chars. */
  hash?: (text: string) => string;
  /** Document frequencies of a stored corpus these articles join (keys `t|word`, `e|name`, `n|12`), not
   *  counting them: the first pass weighs terms by the whole corpus, as a batch over all of it would. */
  corpus?: CorpusFrequencies;
  /** Told the prepared units (vectors under the weights clustering used): the corpus keeps its stories' and
   *  events' summaries from them (summary.ts) without vectorising the neighbourhood again. */
  onPrepared?: (prepared: Prepared) => void;
}

export interface CorpusFrequencies {
  df: Map<string, number>;
  documents: number;
}

export const DEFAULT_EVENT_OPTIONS: EventOptions = {
  weights: P.EVENT_WEIGHTS,
  threshold: P.EVENT_THRESHOLD,
  timePenalty: P.TIME_PENALTY,
  windowDays: P.TIME_WINDOW_DAYS,
  yearPenalty: P.YEAR_PENALTY,
  refinePasses: P.REFINE_PASSES,
  postingScan: P.POSTING_SCAN,
  candidates: P.CANDIDATES,
};

export const DEFAULT_LOCAL_EVENT_OPTIONS: EventOptions = {
  ...DEFAULT_EVENT_OPTIONS,
  weights: P.LOCAL_EVENT_WEIGHTS,
  threshold: P.LOCAL_EVENT_THRESHOLD,
};

export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  weights: P.STORY_WEIGHTS,
  threshold: P.STORY_THRESHOLD,
  windowDays: P.STORY_WINDOW_DAYS,
  queryTerms: P.QUERY_TERMS,
  postingScan: P.POSTING_SCAN,
  candidateFloor: P.STORY_CANDIDATE_FLOOR,
  consistency: P.STORY_CONSISTENCY,
};

export const DEFAULT_BISECT_OPTIONS: BisectOptions = {
  weights: P.BISECT_WEIGHTS,
  minDf: P.BISECT_MIN_DF,
  maxShare: P.BISECT_MAX_SHARE,
  minSide: P.BISECT_MIN_SIDE,
  threshold: P.BISECT_THRESHOLD,
  maxUnits: P.BISECT_MAX_UNITS,
  depth: P.BISECT_DEPTH,
  lead: P.BISECT_LEAD,
  signatureShare: P.BISECT_SIGNATURE_SHARE,
};

export const DEFAULT_SEGMENT_OPTIONS: SegmentOptions = {
  gapDays: P.SEGMENT_GAP_DAYS,
  minSide: P.SEGMENT_MIN_SIDE,
};

export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10);
}

/** Canonical processing order: by date (undated last), then id. Makes the online pass independent of
 * the order files were given in. */
function canonicalOrder(units: { day: number | null; id: string }[]): number[] {
  return [...units.keys()].sort((a, b) => {
    const da = units[a].day ?? Infinity;
    const db = units[b].day ?? Infinity;
    if (da !== db) return da - db;
    return units[a].id < units[b].id ? -1 : units[a].id > units[b].id ? 1 : 0;
  });
}

/** `eventDay`: the lower median of its members' event days (copies report one happening). */
export type Unit = ClusterUnit & { id: string; members: string[]; eventDay: number | null };

export interface Prepared {
  vocab: Vocabulary;
  feats: ArticleFeatures[];
  vecs: Map<string, SignalVectors>;
  /** Article indexes (into feats) of each unit. */
  unitArticles: number[][];
  units: Unit[];
  order: number[];
}

/** Vectors of the given units under the IDF of those units' articles. */
function vectoriseUnits(feats: ArticleFeatures[], unitArticles: number[][], vocab: Vocabulary, vecs?: Map<string, SignalVectors>, corpus?: CorpusFrequencies): Unit[] {
  const df = new DocumentFrequencies();
  for (const idx of unitArticles) for (const i of idx) df.add(feats[i].counts);
  if (corpus) {
    df.n += corpus.documents;
    for (const [key, n] of corpus.df) {
      const signal = SIGNALS.find((s) => s[0] === key[0]);
      if (signal) df.df[signal].set(key.slice(2), (df.df[signal].get(key.slice(2)) ?? 0) + n);
    }
  }
  return unitArticles.map((idx) => {
    const parts = idx.map((i) => {
      const v = vectorise(feats[i].counts, df, vocab);
      vecs?.set(feats[i].id, v);
      return v;
    });
    const members = idx.map((i) => feats[i].id).sort();
    const vec = sumVectors(parts);
    const days = idx.map((i) => feats[i].day).filter((d): d is number => d !== null);
    const years = idx.map((i) => feats[i].year).filter((y): y is number => y !== null);
    const query = SIGNALS.flatMap((s) => topKeys(vec[s], P.QUERY_TERMS));
    const eventDays = idx.map((i) => feats[i].eventDay).filter((d): d is number => d !== null).sort((a, b) => a - b);
    const eventDay = eventDays.length ? eventDays[(eventDays.length - 1) >> 1] : null;
    return { id: members[0], members, vec, day: days.length ? days.reduce((m, d) => Math.min(m, d)) : null, year: years.length ? years.reduce((m, y) => Math.max(m, y)) : null, query, eventDay };
  });
}

/** Features, batch IDF, vectors and reuse-group units. Exposed for the bench and the eval. */
export function prepareUnits(articles: AnalysedArticle[], reuse: ReuseResult, corpus?: CorpusFrequencies): Prepared {
  const publishedOf = (a: AnalysedArticle): string | null => a.meta.published ?? reuse.inheritedDates.get(a.id)?.published ?? null;
  const feats = articles.map((a) => cachedArticleFeatures(a, publishedOf(a)));
  const byGroup = new Map<string, number[]>();
  feats.forEach((f, i) => {
    // Copies found by the reuse stage are one unit: they report the same event by construction, and an
    // outlet's rewrites must not outvote independent reporting in a centroid.
    const g = reuse.groupOf.get(f.id) ?? `article:${f.id}`;
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(i);
  });
  const vocab = new Vocabulary();
  const vecs = new Map<string, SignalVectors>();
  const unitArticles = [...byGroup.values()];
  const units = vectoriseUnits(feats, unitArticles, vocab, vecs, corpus);
  return { vocab, feats, vecs, unitArticles, units, order: canonicalOrder(units) };
}

/** Clusters a batch into stories (biggest, then newest first), each with its events (likewise). */
export function clusterStories(articles: AnalysedArticle[], reuse: ReuseResult, opts: ClusterOptions = {}): StoryCluster[] {
  if (articles.length === 0) return [];
  const hash = opts.hash ?? shortHash;
  const eventOpts = { ...DEFAULT_EVENT_OPTIONS, ...opts.event };
  const localOpts = { ...DEFAULT_LOCAL_EVENT_OPTIONS, ...opts.local };
  const storyOpts = { ...DEFAULT_STORY_OPTIONS, ...opts.story };
  const segmentOpts = { ...DEFAULT_SEGMENT_OPTIONS, ...opts.segment };
  const byId = new Map(articles.map((a) => [a.id, a]));
  const publishedOf = (a: AnalysedArticle): string | null => a.meta.published ?? reuse.inheritedDates.get(a.id)?.published ?? null;
  const prepared = prepareUnits(articles, reuse, opts.corpus);
  opts.onPrepared?.(prepared);
  const { vocab, feats, vecs, unitArticles, units, order } = prepared;

  // Pass 1: online events over the whole batch, linked into stories.
  const clusterer = new OnlineEventClusterer(units, eventOpts);
  const eventGroups = clusterer.run(order);
  const eventInputs = eventGroups.map((g) => {
    const days = g.map((u) => units[u].day).filter((d): d is number => d !== null);
    return {
      vec: clusterer.centroidOf(g).vectors(),
      // reduce, not Math.min(...days): an event of 200,000 articles would overflow the argument stack.
      minDay: days.length ? days.reduce((m, d) => Math.min(m, d)) : null,
      maxDay: days.length ? days.reduce((m, d) => Math.max(m, d)) : null,
      size: g.length,
    };
  });
  const storyGroups = groupEventsIntoStories(eventInputs, storyOpts);

  // Pass 2: events again inside each story, with IDF from the story's own articles. What all of a story's
  // articles share ("Microsoft", "patch") then weighs little, and what tells its events apart (other names,
  // versions, years) weighs most: the classic fix for same-kind events merging under a global IDF.
  const storyEvents: number[][][] = storyGroups.map((sg) => {
    const storyUnits = sg.flatMap((e) => eventGroups[e]);
    if (!opts.localPass && opts.localPass !== undefined) return sg.map((e) => eventGroups[e]);
    if (storyUnits.length < 2) return [storyUnits];
    const local = vectoriseUnits(feats, storyUnits.map((u) => unitArticles[u]), vocab);
    // Sub-events days apart are separated by time before any text similarity is consulted (time-segments.ts);
    // undated units follow the segment whose units their story-local vectors resemble most.
    const centroids = local.map((u) => {
      const c = new Centroid();
      c.add(u.vec, 1);
      return c;
    });
    const affinity = (i: number, j: number): number => {
      const cos = { terms: 0, entities: 0, numbers: 0 };
      const present = { terms: false, entities: false, numbers: false };
      for (const sig of SIGNALS) {
        present[sig] = local[i].vec[sig].keys.length > 0 && local[j].vec[sig].keys.length > 0;
        if (present[sig]) cos[sig] = centroids[j].cosine(local[i].vec[sig], sig);
      }
      return combinedScore(cos, present, localOpts.weights);
    };
    const segments = segmentByTime(local.map((u) => u.eventDay), affinity, segmentOpts);
    return segments.flatMap((seg) => {
      const segUnits = seg.map((i) => local[i]);
      const groups = new OnlineEventClusterer(segUnits, localOpts).run(canonicalOrder(segUnits));
      return groups.map((g) => g.map((i) => storyUnits[seg[i]]));
    });
  });

  // Pass 3: bisect each event on its discriminative keys (bisect.ts). Units are taken in id order so the
  // result does not depend on input order; a reuse group's counts are summed (copies stay together).
  const bisectOpts = { ...DEFAULT_BISECT_OPTIONS, ...opts.bisect };
  const unitCounts = (u: number): UnitCounts => {
    const out: UnitCounts = { terms: new Map(), entities: new Map(), numbers: new Map() };
    for (const i of unitArticles[u]) {
      if (bisectOpts.lead) for (const [k, c] of feats[i].lead) out.terms.set(k, (out.terms.get(k) ?? 0) + c);
      else for (const s of SIGNALS) for (const [k, c] of feats[i].counts[s]) out[s].set(k, (out[s].get(k) ?? 0) + c);
    }
    return out;
  };
  const splitEvents: number[][][] = storyEvents.map((sg) =>
    sg.flatMap((eventUnits) => {
      const sorted = [...eventUnits].sort((a, b) => (units[a].id < units[b].id ? -1 : units[a].id > units[b].id ? 1 : 0));
      return bisectEvent(sorted.map(unitCounts), bisectOpts).map((g) => g.map((i) => sorted[i]));
    }),
  );

  const dateKey = (a: AnalysedArticle): string => publishedOf(a) ?? '';
  const byDateThenId = (x: AnalysedArticle, y: AnalysedArticle): number =>
    dateKey(x) < dateKey(y) ? -1 : dateKey(x) > dateKey(y) ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  const newest = (list: AnalysedArticle[]): number => {
    let best = -1;
    for (const a of list) best = Math.max(best, dayNumber(publishedOf(a)) ?? -1);
    return best;
  };
  const biggestNewest = <T extends { members: AnalysedArticle[]; newest: number; id: string }>(x: T, y: T): number =>
    y.members.length - x.members.length || y.newest - x.newest || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

  const stories = splitEvents.map((sg) => {
    const storyMembers = sg.flatMap((eventUnits) => eventUnits.flatMap((u) => units[u].members)).map((id) => byId.get(id)!);
    const storyDay = newest(storyMembers);
    const events = sg.map((eventUnits) => {
      const members = eventUnits.flatMap((u) => units[u].members).map((id) => byId.get(id)!).sort(byDateThenId);
      const memberVecs = members.map((a) => vecs.get(a.id)!);
      const smallest = members.map((a) => a.id).sort()[0];
      const span = dateSpan(members, publishedOf, P.MENTION_WINDOW_DAYS, storyDay >= 0 ? storyDay : null);
      return {
        id: `e-${hash(smallest)}`,
        members,
        newest: newest(members),
        event: {
          id: `e-${hash(smallest)}`,
          label: eventLabel(members, memberVecs, P.LABEL_MAX),
          articles: members.map((a) => a.id),
          start: span.start,
          end: span.end,
        } satisfies ReportEvent,
      };
    });
    events.sort(biggestNewest);
    const members = events.flatMap((e) => e.members).sort(byDateThenId);
    const smallest = members.map((a) => a.id).sort()[0];
    return {
      id: `s-${hash(smallest)}`,
      members,
      newest: newest(members),
      cluster: {
        id: `s-${hash(smallest)}`,
        headline: headlineOf(members, members.map((a) => vecs.get(a.id)!)),
        articles: members.map((a) => a.id),
        events: events.map((e) => e.event),
      } satisfies StoryCluster,
    };
  });
  stories.sort(biggestNewest);
  return stories.map((s) => s.cluster);
}
