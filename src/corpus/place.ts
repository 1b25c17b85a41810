// Online placement of new articles into stored stories: the neighbourhood of a chunk (its articles, the stored
// articles they copy, and the stored stories sharing their heaviest terms) is clustered again with the batch
// clusterer under corpus-wide term weights; stories outside it are not touched. Ids stay with the stored
// story a new cluster overlaps most, and merges and splits are recorded.

import type { AnalysedArticle } from '../model/article.js';
import type { ReuseLink, ReuseResult, Story } from '../model/report.js';
import { clusterStories, type CorpusFrequencies, type Prepared, type StoryCluster } from '../cluster/index.js';
import { arrangeStory, summariseClusters, type ClusterSummary } from '../cluster/summary.js';
import { matchStoredIds } from '../cluster/stable-ids.js';
import { cachedArticleFeatures, dayNumber, SIGNALS, type ArticleFeatures } from '../cluster/features.js';
import { signalKey, smoothedIdf } from '../cluster/vector.js';
import { independenceGroups } from '../reuse/groups.js';
import { byCodePoint } from '../corroborate/order.js';
import type { Store, StoryChange } from '../store/types.js';
import type { ArticleCache } from './article-cache.js';
import type { LinkCache } from './link-cache.js';
import { placeOnline, type OnlinePlacement, type SummaryReader } from './place-online.js';

export interface PlacementParams {
  /** Heaviest signal keys an article is looked up under (the clusterer's own QUERY_TERMS is 10 per signal). */
  articleTerms: number;
  /** Keys a story is indexed under. */
  storyTerms: number;
  /** A stored story is a candidate when it shares this many of an article's keys… */
  minSharedTerms: number;
  /** …and at most this many candidates per article, most shared first. */
  candidatesPerArticle: number;
  /** Place new articles by the stored story and event summaries (online.ts) instead of clustering their
   *  neighbourhood again; the exact path still runs when a fallback signal fires. Off for batch `analyze`. */
  online: boolean;
  /** Write the summaries the online path reads (off for a one-shot in-memory analyze: nothing adds to it later). */
  summaries: boolean;
}

/** Measured by `npm run eval -- incremental` (agreement of 20 chunks with one add, story / event BCubed F1):
 *  12 keys, 3 shared, 6 candidates: ECB+ 0.971 / 0.961 (candidate stories were missed);
 *  16 keys, 2 shared, 12 candidates: ECB+ 0.998 / 0.998, but PolNeAR, in publication order, 0.906 / 0.797;
 *  24 keys, 2 shared, 24 candidates: ECB+ 1.000 / 1.000, PolNeAR 0.996 / 0.981 (incremental 83 s vs 63 s).
 *  PolNeAR was the held-out check; it chose this last step, so it is held out no longer.
 *  48 keys (2026-12-02, after single adds were measured on PolNeAR too: the last 185 one at a time after the
 *  rest in one add): PolNeAR chunks 1.000 / 1.000; its single adds, exact path 0.892 / 0.764 → 0.951 / 0.794,
 *  online 0.901 / 0.802 → 0.946 / 0.786; ECB+ single adds, exact 0.996 / 0.989 → 1.000 / 1.000, online
 *  1.000 / 0.988 either way. The single adds had missed the stories they belong to (of 131 PolNeAR singles
 *  the batch puts beside a stored article, 71 joined one with 24 keys, 99 with 48; 200 candidates per article
 *  instead of 24 changed nothing). Cost: the exact path's neighbourhoods grow — PolNeAR's 185 exact single
 *  adds 99.5 → 274.7 s; one article into the 10k bench corpus (idle, the same 30 live singles), placement
 *  mean 81 → 111 ms (the exact fallbacks), whole add p50 105 → 111 ms, p99 761 → 797 ms. */
export const PLACEMENT_PARAMS: PlacementParams = { articleTerms: 48, storyTerms: 64, minSharedTerms: 2, candidatesPerArticle: 24, online: false, summaries: true };

export interface Placement {
  /** Every article of the neighbourhood (new and reloaded), and its reuse view. */
  articles: AnalysedArticle[];
  reuse: ReuseResult;
  joining: { a: string; b: string }[];
  /** Clusters whose membership changed or that hold a new article (with their final ids). */
  changed: StoryCluster[];
  /** All clusters of the neighbourhood. */
  clusters: StoryCluster[];
  removedStories: string[];
  changes: StoryChange[];
  terms: Map<string, string[]>;
  /** documentKeys of the new articles (the commit's document frequencies, when none is a revision). */
  freshKeys: Map<string, number>;
  /** Story and event summaries to store with this membership (CorpusCommit.summaries). */
  summaries: { rows: ClusterSummary[]; grown: string[] };
  /** Which path placed the chunk, and why the exact one ran when the online one was asked for. */
  path: 'exact' | 'online';
  fallback: string[];
  /** Online: each touched story's most central member (its headline's), for a deferred view's headline. */
  centres?: Map<string, string>;
}

/** The heaviest keys of summed counts under the corpus's IDF (the clusterer's smoothed form). */
export function heaviestKeys(counts: ArticleFeatures['counts'][], df: Map<string, number>, documents: number, n: number): string[] {
  const weight = new Map<string, number>();
  for (const c of counts) {
    for (const s of SIGNALS) for (const [k, tf] of c[s]) {
      const key = signalKey(s, k);
      weight.set(key, (weight.get(key) ?? 0) + tf);
    }
  }
  const scored = [...weight].map(([k, tf]) => [k, (1 + Math.log(tf)) * smoothedIdf(documents, df.get(k) ?? 0)] as const);
  scored.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return scored.slice(0, n).map(([k]) => k);
}

export function documentKeys(features: ArticleFeatures[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of features) for (const s of SIGNALS) for (const k of f.counts[s].keys()) {
    const key = signalKey(s, k);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Placement of a chunk: online when asked and no fallback signal fires (place-online.ts), else exact. The
 *  online path leaves the touched stories' members to `withMembers` (the views need them, placement does not). */
export async function placeArticles(
  fresh: AnalysedArticle[],
  freshLinks: { result: ReuseResult; joining: { a: string; b: string }[] },
  store: Store,
  cache: ArticleCache,
  linkCache: LinkCache,
  params: PlacementParams = PLACEMENT_PARAMS,
  summaries?: SummaryReader,
): Promise<Placement | PendingPlacement> {
  let fallback: string[] = [];
  // A chunk whose every article was rejected has nothing to place (the online path would cluster nothing).
  if (params.online && fresh.length) {
    const online = await placeOnline(fresh, freshLinks, store, params, documentKeys(fresh.map((a) => cachedArticleFeatures(a))), summaries);
    if (!('fallback' in online)) return { pending: online, fresh, freshLinks };
    fallback = online.fallback;
  }
  return { ...(await placeExactly(fresh, freshLinks, store, cache, linkCache, params)), fallback };
}

/** An online placement whose stories' members are not read yet. */
export interface PendingPlacement {
  pending: OnlinePlacement;
  fresh: AnalysedArticle[];
  freshLinks: { result: ReuseResult; joining: { a: string; b: string }[] };
}

/** The membership a placement gave each story it changed (what decides whether its view may be deferred). */
export function placedMemberships(p: Placement | PendingPlacement): { id: string; articles: string[] }[] {
  if (!('pending' in p)) return p.changed;
  return p.pending.stories.map((s) => ({ id: s.id, articles: s.events.flatMap((e) => e.articles) }));
}

/** The placement with every member of the stories it touched (an exact placement has them already), except
 *  the members of `lean` stories (stored views a deferred add keeps): those are arranged from the stored
 *  view (arrangeGrown), so the add reads only the new articles and their copies whatever the story's size. */
export async function withMembers(p: Placement | PendingPlacement, cache: ArticleCache, linkCache: LinkCache, lean: Map<string, Story> = new Map()): Promise<Placement> {
  if (!('pending' in p)) return p;
  const { pending, fresh, freshLinks } = p;
  const freshIds = new Set(fresh.map((a) => a.id));
  const reload = new Set<string>();
  for (const l of freshLinks.result.links) for (const id of [l.a, l.b]) if (!freshIds.has(id)) reload.add(id);
  for (const s of pending.stories) {
    if (lean.has(s.id)) continue;
    for (const e of s.events) for (const id of e.articles) if (!freshIds.has(id)) reload.add(id);
  }
  const reloaded = (await cache.get([...reload])).map((s) => s.analysed);
  const articles = [...fresh, ...reloaded];
  const { reuse, joining } = await neighbourhoodReuse(articles, [...reload], freshLinks, linkCache);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const changed = pending.stories.map((s) => (lean.has(s.id) ? arrangeGrown(s, lean.get(s.id)!, byId) : arrangeStory(s, byId)));
  const centres = new Map(pending.stories.filter((s) => s.centre).map((s) => [s.id, s.centre!]));
  return {
    articles, reuse, joining, changed, clusters: changed, removedStories: [], changes: pending.changes, terms: pending.terms,
    freshKeys: pending.freshKeys, summaries: { rows: pending.summaries, grown: pending.grown }, path: 'online', fallback: [], centres,
  };
}

/**
 * A grown story arranged from its stored view and its new members alone: stored members keep the stored order
 * and the new ones follow (by date, then id), each event's span is the stored one widened by its new members'
 * (dateSpan over them), events biggest first, then latest end. arrangeStory's order would need every member's
 * date; the refresh (Corpus.refreshViews) arranges the story exactly when it cross-checks it.
 */
export function arrangeGrown(s: OnlinePlacement['stories'][number], previous: Story, byId: Map<string, AnalysedArticle>): StoryCluster {
  const storedEvents = new Map(previous.events.map((e) => [e.id, e]));
  const newOf = (ids: string[]) => arrangeStory({ id: s.id, headline: s.headline, events: [{ id: '', label: '', articles: ids.filter((id) => byId.has(id)) }] }, byId).events[0];
  const events = s.events.map((e) => {
    const before = storedEvents.get(e.id);
    const inEvent = new Set(e.articles);
    const kept = (before?.articles ?? []).filter((id) => inEvent.has(id));
    const keptSet = new Set(kept);
    const added = newOf(e.articles.filter((id) => !keptSet.has(id)));
    const start = [before?.start, added.start].filter((d): d is string => !!d).sort()[0] ?? null;
    const end = [before?.end, added.end].filter((d): d is string => !!d).sort().pop() ?? null;
    return { id: e.id, label: e.label, articles: [...kept, ...added.articles], start, end };
  });
  events.sort((x, y) => y.articles.length - x.articles.length || byCodePoint(y.end ?? '', x.end ?? '') || byCodePoint(x.id, y.id));
  const members = new Set(events.flatMap((e) => e.articles));
  const kept = previous.articles.filter((id) => members.has(id));
  const keptSet = new Set(kept);
  const added = newOf([...members].filter((id) => !keptSet.has(id)));
  return { id: s.id, headline: s.headline, articles: [...kept, ...added.articles], events };
}

/** A story's members in order and its events' spans from its members (arrangeStory), its events kept in their
 *  order where size and newest day tie: a view arranged by the clusterer comes out as it was (whose own tie
 *  break is by content id, not the stored id), one arranged by arrangeGrown as arrangeStory orders it. */
export function arrangedAgain(view: Pick<Story, 'id' | 'headline' | 'events'>, byId: Map<string, AnalysedArticle>): StoryCluster {
  const arranged = arrangeStory(view, byId);
  const byEvent = new Map(arranged.events.map((e) => [e.id, e]));
  const newest = (ids: string[]) => ids.reduce((m, id) => Math.max(m, dayNumber(byId.get(id)!.meta.published) ?? -1), -1);
  const events = view.events
    .map((e, i) => ({ event: byEvent.get(e.id)!, i, newest: newest(e.articles) }))
    .sort((x, y) => y.event.articles.length - x.event.articles.length || y.newest - x.newest || x.i - y.i)
    .map((x) => x.event);
  return { ...arranged, events };
}

/** Reuse of a neighbourhood: stored links among its articles, plus this chunk's. */
async function neighbourhoodReuse(articles: AnalysedArticle[], reload: string[], freshLinks: { result: ReuseResult; joining: { a: string; b: string }[] }, linkCache: LinkCache) {
  const ids = articles.map((a) => a.id);
  const inside = new Set(ids);
  const links: ReuseLink[] = [...freshLinks.result.links];
  const joining = [...freshLinks.joining];
  const known = new Set(links.map((l) => `${l.a}\u0000${l.b}`));
  for (const { link, joins } of await linkCache.get(reload)) {
    if (!inside.has(link.a) || !inside.has(link.b) || known.has(`${link.a}\u0000${link.b}`)) continue;
    links.push(link);
    if (joins) joining.push({ a: link.a, b: link.b });
  }
  const reuse: ReuseResult = { links, groupOf: independenceGroups(ids, joining), inheritedDates: freshLinks.result.inheritedDates };
  return { reuse, joining };
}

/** Adds to `candidates` the stored stories sharing at least minSharedTerms of each article's heaviest keys
 *  (both placement paths look candidates up this way). */
export async function addStoriesSharingTerms(candidates: Set<string>, features: Pick<ArticleFeatures, 'counts'>[], stored: { df: Map<string, number>; documents: number }, store: Store, params: PlacementParams): Promise<void> {
  for (const f of features) {
    const terms = heaviestKeys([f.counts], stored.df, stored.documents, params.articleTerms);
    for (const [story, shared] of await store.storiesWithTerms(terms, params.candidatesPerArticle)) {
      if (shared >= params.minSharedTerms) candidates.add(story);
    }
  }
}

/** Today's exact path: the neighbourhood clustered again whole with the batch clusterer. */
async function placeExactly(
  fresh: AnalysedArticle[],
  freshLinks: { result: ReuseResult; joining: { a: string; b: string }[] },
  store: Store,
  cache: ArticleCache,
  linkCache: LinkCache,
  params: PlacementParams,
): Promise<Placement> {
  const freshIds = new Set(fresh.map((a) => a.id));
  const freshFeatures = fresh.map((a) => cachedArticleFeatures(a));
  const keysOfFresh = documentKeys(freshFeatures);
  const stored = await store.documentFrequencies([...keysOfFresh.keys()]);

  // Candidate stories: those of stored copies, and those sharing an article's heaviest keys.
  const linkedStored = new Set<string>();
  for (const l of freshLinks.result.links) for (const id of [l.a, l.b]) if (!freshIds.has(id)) linkedStored.add(id);
  const candidates = new Set((await store.storyOf([...linkedStored, ...freshIds])).values());
  // An empty corpus has no story to share terms with (stories are committed with their first articles, which
  // count as documents): ranking every new article's keys for nothing was 1.0 s of a 10k analyze.
  if (stored.documents > 0) await addStoriesSharingTerms(candidates, freshFeatures, stored, store, params);
  const members = await store.storyMembers([...candidates]);
  const reload = new Set<string>(linkedStored);
  for (const list of members.values()) for (const id of list) if (!freshIds.has(id)) reload.add(id);
  const reloaded = (await cache.get([...reload])).map((s) => s.analysed);
  const articles = [...fresh, ...reloaded];
  // Each article's cluster counts once: the frequencies, the story index terms and the lookups read them.
  const featuresOf = new Map(fresh.map((a, i) => [a.id, freshFeatures[i]]));
  for (const a of reloaded) featuresOf.set(a.id, cachedArticleFeatures(a));
  const ids = articles.map((a) => a.id);

  const { reuse, joining } = await neighbourhoodReuse(articles, [...reload], freshLinks, linkCache);

  const corpus = await corpusWithout(store, reloaded.map((a) => featuresOf.get(a.id)!), keysOfFresh);
  let prepared: Prepared | undefined;
  const onPrepared = params.summaries ? (p: Prepared) => (prepared = p) : undefined;
  const final = withStoredIds(clusterStories(articles, reuse, { corpus, onPrepared }), await store.storyOf(ids), await store.eventOf(ids));

  const { changed, removedStories, changes } = diffStories(final, members, freshIds);
  const terms = new Map<string, string[]>();
  const totalDf = new Map(stored.df);
  for (const [key, n] of keysOfFresh) totalDf.set(key, (totalDf.get(key) ?? 0) + n);
  for (const c of changed) {
    const counts = c.articles.map((id) => featuresOf.get(id)!.counts);
    terms.set(c.id, heaviestKeys(counts, totalDf, stored.documents + fresh.length, params.storyTerms));
  }
  const titled = new Set(articles.filter((a) => a.meta.title?.trim()).map((a) => a.id));
  const rows = prepared ? summariseClusters(changed, prepared, (id) => titled.has(id)) : [];
  return { articles, reuse, joining, changed, clusters: final, removedStories, changes, terms, freshKeys: keysOfFresh, summaries: { rows, grown: [] }, path: 'exact', fallback: [] };
}

/** Clusters with the ids of the stored stories and events they overlap most (content ids for the rest). */
export function withStoredIds(clusters: StoryCluster[], storyOf: Map<string, string>, eventOf: Map<string, string>): StoryCluster[] {
  const storyIds = matchStoredIds(clusters, (a) => (storyOf.has(a) ? [storyOf.get(a)!] : []));
  const eventIds = matchStoredIds(clusters.flatMap((c) => c.events), (a) => (eventOf.has(a) ? [eventOf.get(a)!] : []));
  let k = 0;
  return clusters.map((c, i) => ({ ...c, id: storyIds[i], events: c.events.map((e) => ({ ...e, id: eventIds[k++] })) }));
}

/** The stored corpus's frequencies minus the reloaded articles (the clusterer counts those itself). */
async function corpusWithout(store: Store, reloaded: ArticleFeatures[], extraKeys: Map<string, number>): Promise<CorpusFrequencies> {
  const reloadedKeys = documentKeys(reloaded);
  const keys = new Set([...extraKeys.keys(), ...reloadedKeys.keys()]);
  const { df, documents } = await store.documentFrequencies([...keys]);
  for (const [key, n] of reloadedKeys) {
    const left = (df.get(key) ?? 0) - n;
    if (left > 0) df.set(key, left);
    else df.delete(key);
  }
  return { df, documents: Math.max(0, documents - reloaded.length) };
}

/** Which clusters changed against the stored stories, which stored ids disappeared, and what happened. */
function diffStories(final: StoryCluster[], storedMembers: Map<string, string[]>, freshIds: Set<string>) {
  const at = '';
  const changed: StoryCluster[] = [];
  const changes: StoryChange[] = [];
  const finalIds = new Set(final.map((c) => c.id));
  const storedOfArticle = new Map<string, string>();
  for (const [story, list] of storedMembers) for (const a of list) storedOfArticle.set(a, story);
  for (const c of final) {
    const listed = storedMembers.get(c.id);
    const before = listed && new Set(listed);
    const sources = new Set(c.articles.map((a) => storedOfArticle.get(a)).filter((s): s is string => !!s && s !== c.id));
    const same = before !== undefined && before.size === c.articles.length && c.articles.every((a) => before.has(a) && !freshIds.has(a));
    if (same) continue;
    changed.push(c);
    if (!before) changes.push({ story: c.id, at, what: sources.size ? 'split' : 'created', others: [...sources].sort() });
    else if ([...sources].some((s) => !finalIds.has(s))) changes.push({ story: c.id, at, what: 'merged', others: [...sources].filter((s) => !finalIds.has(s)).sort() });
    else changes.push({ story: c.id, at, what: 'grew', others: [] });
  }
  const removedStories = [...storedMembers.keys()].filter((id) => !finalIds.has(id)).sort();
  for (const id of removedStories) {
    const into = [...new Set(final.filter((c) => c.articles.some((a) => storedOfArticle.get(a) === id)).map((c) => c.id))].sort();
    changes.push({ story: id, at, what: into.length ? 'merged' : 'removed', others: into });
  }
  return { changed, removedStories, changes };
}
