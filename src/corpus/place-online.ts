// The online placement path: new articles are clustered among themselves (the batch clusterer over the chunk
// alone, under corpus-wide weights), then each new story is placed by the stored summaries of the candidate
// stories and their events (src/cluster/summary.ts) the way the clusterer's online step places a unit: it
// joins the best event scoring at least EVENT_THRESHOLD, else the story it links to at STORY_THRESHOLD, else
// it opens a story. Its cost follows the new articles and the number of candidates, not their sizes. When a
// signal says the exact re-clustering could come out otherwise (a merge or a split), it returns the reasons
// instead and the caller places the chunk exactly (place.ts).

import type { AnalysedArticle } from '../model/article.js';
import type { ReuseResult } from '../model/report.js';
import { clusterStories, DEFAULT_EVENT_OPTIONS, DEFAULT_STORY_OPTIONS, type Prepared, type StoryCluster } from '../cluster/index.js';
import { cachedArticleFeatures, type ArticleFeatures } from '../cluster/features.js';
import { trimText } from '../cluster/labels.js';
import { EVENT_THRESHOLD, LABEL_MAX, LOCAL_EVENT_THRESHOLD, STORY_CANDIDATE_FLOOR, STORY_THRESHOLD } from '../cluster/params.js';
import {
  centrality, eventScore, keyedCounts, keyedVectors, OpenSummary, storyScore, takesCentre,
  type ClusterSummary, type KeyedVectors,
} from '../cluster/summary.js';
import { independenceGroups } from '../reuse/groups.js';
import { byCodePoint } from '../corroborate/order.js';
import type { Store, StoryChange } from '../store/types.js';
import { addStoriesSharingTerms, heaviestKeys, type PlacementParams } from './place.js';

/** A new article this close to a threshold (STORY_THRESHOLD, a second story's link, a second event's
 *  EVENT_THRESHOLD) may tip a merge, a split or another event in the exact re-clustering. Measured by `npm run
 *  eval -- incremental` on ECB+ (397 articles in one add, then 99 single adds; agreement with batch, story /
 *  event, adds placed online): story signals only 1.000 / 0.941, 89 of 99; with 'near two events' at 0.05
 *  1.000 / 0.973, 72 of 99 (the exact path: 0.996 / 0.989); see NEAR_EVENT. */
export const NEAR_THRESHOLD = 0.05;
/** A second event within this of EVENT_THRESHOLD sends the add to the exact path. Same eval: 0.05 →
 *  1.000 / 0.973 with 72 of 99 online, 0.1 → 1.000 / 0.988 with 65 of 99 (the target is 0.98). */
export const NEAR_EVENT = 0.1;

/** One chunk placed online: the membership of every story it touched, before its members are loaded. */
export interface OnlinePlacement {
  /** `centre`: the most central member, whose title or first sentence the headline is. */
  stories: { id: string; headline: string; centre: string | null; events: { id: string; label: string; articles: string[] }[]; created: boolean }[];
  changes: StoryChange[];
  terms: Map<string, string[]>;
  summaries: ClusterSummary[];
  grown: string[];
  freshKeys: Map<string, number>;
}

/** Where the candidates' summaries are read: the store, or a corpus's cache of them (summary-cache.ts). */
export type SummaryReader = Pick<Store, 'clusterSummaries'>;

/** A unit of the new articles (a copy group), as the clusterer prepared it, in the store's key space. */
interface FreshUnit {
  vec: KeyedVectors;
  counts: Map<string, number>;
  day: number | null;
  year: number | null;
  members: string[];
}

export async function placeOnline(
  fresh: AnalysedArticle[],
  freshLinks: { result: ReuseResult; joining: { a: string; b: string }[] },
  store: Store,
  params: PlacementParams,
  keysOfFresh: Map<string, number>,
  summaries: SummaryReader = store,
): Promise<OnlinePlacement | { fallback: string[] }> {
  const freshIds = new Set(fresh.map((a) => a.id));
  const stored = await store.documentFrequencies([...keysOfFresh.keys()]);
  if (stored.documents === 0) return { fallback: ['empty corpus'] };
  if ((await store.storyOf([...freshIds])).size) return { fallback: ['revision'] };

  // Stored copies: a new article that joins a stored one's copy group is one unit with it (prepareUnits).
  const copyOf = new Map<string, Set<string>>();
  const linkedStored = new Set<string>();
  for (const l of freshLinks.result.links) for (const id of [l.a, l.b]) if (!freshIds.has(id)) linkedStored.add(id);
  for (const j of freshLinks.joining) {
    const [f, s] = freshIds.has(j.a) ? [j.a, j.b] : [j.b, j.a];
    if (!freshIds.has(f) || freshIds.has(s)) continue;
    if (!copyOf.has(f)) copyOf.set(f, new Set());
    copyOf.get(f)!.add(s);
  }
  const storyOfLinked = await store.storyOf([...linkedStored]);
  const copies = [...new Set([...copyOf.values()].flatMap((s) => [...s]))];
  const eventOfCopies = await store.eventOf(copies);

  const { clusters, prepared } = clusterFresh(fresh, freshLinks, stored);
  const units = freshUnits(prepared);
  const candidates = new Set(storyOfLinked.values());
  await addStoriesSharingTerms(candidates, prepared.feats, stored, store, params);
  const storySummaries = new Map((await summaries.clusterSummaries([...candidates], 'story')).map((s) => [s.id, OpenSummary.of(s)]));
  const unsummarised = [...candidates].filter((id) => !storySummaries.has(id));
  if (unsummarised.length) return { fallback: [`no summary for ${unsummarised.length} candidate stor${unsummarised.length === 1 ? 'y' : 'ies'}`] };
  const copied = { copyOf, eventOf: eventOfCopies, stories: [...new Set(copies.map((a) => storyOfLinked.get(a)).filter((x): x is string => !!x))] };
  return decide(clusters, units, storySummaries, copied, store, summaries, params, stored, keysOfFresh, fresh);
}

/** The chunk's new articles clustered alone, under the weights of the corpus they join. */
function clusterFresh(fresh: AnalysedArticle[], freshLinks: { result: ReuseResult; joining: { a: string; b: string }[] }, stored: { df: Map<string, number>; documents: number }) {
  const ids = new Set(fresh.map((a) => a.id));
  const among = (l: { a: string; b: string }) => ids.has(l.a) && ids.has(l.b);
  const reuse: ReuseResult = { links: freshLinks.result.links.filter(among), groupOf: independenceGroups([...ids], freshLinks.joining.filter(among)), inheritedDates: freshLinks.result.inheritedDates };
  let prepared: Prepared | undefined;
  const clusters = clusterStories(fresh, reuse, { corpus: stored, onPrepared: (p) => (prepared = p) });
  return { clusters, prepared: prepared! };
}

function freshUnits(prepared: Prepared): { units: FreshUnit[]; unitOf: Map<string, number>; vecOf: Map<string, KeyedVectors>; feats: ArticleFeatures[] } {
  const key = (id: number) => prepared.vocab.signalKey(id);
  const unitOf = new Map<string, number>();
  const units = prepared.units.map((u, i) => {
    for (const id of u.members) unitOf.set(id, i);
    const counts = new Map<string, number>();
    for (const a of prepared.unitArticles[i]) for (const [k, n] of keyedCounts(prepared.feats[a].counts)) counts.set(k, (counts.get(k) ?? 0) + n);
    return { vec: keyedVectors(u.vec, key), counts, day: u.day, year: u.year, members: u.members };
  });
  const vecOf = new Map([...prepared.vecs].map(([id, v]) => [id, keyedVectors(v, key)]));
  return { units, unitOf, vecOf, feats: prepared.feats };
}


type Units = ReturnType<typeof freshUnits>;
interface TouchedEvent { id: string; label: string; articles: string[]; summary: OpenSummary; touched: boolean }
interface Touched { id: string; headline: string; created: boolean; summary: OpenSummary; events: TouchedEvent[] }
interface Copied { copyOf: Map<string, Set<string>>; eventOf: Map<string, string>; stories: string[] }

/** Each new story joins a stored one or opens its own; the fallback's reasons when a signal fires. */
async function decide(
  clusters: StoryCluster[], fu: Units, storySummaries: Map<string, OpenSummary>, copied: Copied, store: Store, summaries: SummaryReader, params: PlacementParams,
  stored: { df: Map<string, number>; documents: number }, keysOfFresh: Map<string, number>, fresh: AnalysedArticle[],
): Promise<OnlinePlacement | { fallback: string[] }> {
  const byId = new Map(fresh.map((a) => [a.id, a]));
  const eventsOf = new Map<string, OpenSummary[]>();
  const loadEvents = async (ids: string[]) => {
    const missing = ids.filter((id) => !eventsOf.has(id));
    for (const id of missing) eventsOf.set(id, []);
    if (missing.length) for (const e of await summaries.clusterSummaries(missing, 'event')) eventsOf.get(e.story)?.push(OpenSummary.of(e));
  };
  await loadEvents(copied.stories);
  const touched = new Map<string, Touched>();
  for (const c of clusters) {
    const whole = new OpenSummary('story', c.id, c.id);
    for (const u of unitsOf(c.articles, fu)) whole.addUnit(u.vec, u.counts, u.day, u.year, u.members.length);
    const scores = [...storySummaries.values()].map((s) => ({ id: s.id, score: storyScore(whole, s, DEFAULT_STORY_OPTIONS) }))
      .sort((x, y) => y.score - x.score || byCodePoint(x.id, y.id));
    // Events are read only of stories the new one could link to at all (the story pass's candidate floor).
    await loadEvents(scores.filter((x) => x.score >= STORY_THRESHOLD * STORY_CANDIDATE_FLOOR).map((x) => x.id));
    const events = [...eventsOf.values()].flat();
    const joined: (OpenSummary | null)[] = [];
    for (const e of c.events) {
      const j = joinedEvent(e.articles, fu, events, copied);
      if (typeof j === 'string') return { fallback: [j] };
      joined.push(j);
    }
    const targets = new Set(joined.filter((j): j is OpenSummary => j !== null).map((j) => j.story));
    if (targets.size > 1) return { fallback: ['joins events of two stories'] };
    const story = targets.size ? [...targets][0] : scores[0] && scores[0].score >= STORY_THRESHOLD ? scores[0].id : null;
    const near = nearSignal(scores, story, targets.size > 0, whole, storySummaries);
    if (near) return { fallback: [near] };
    if (story === null) {
      touched.set(c.id, openStory(c, fu, byId));
      continue;
    }
    await loadEvents([story]);
    const t = touched.get(story) ?? (await grownStory(story, storySummaries.get(story)!, eventsOf.get(story)!, store));
    if (!t) return { fallback: ['a stored event without a summary'] };
    touched.set(story, t);
    c.events.forEach((e, i) => joinEvent(t, e.articles, e.id, joined[i], fu, byId));
  }
  return finish([...touched.values()], store, params, stored, keysOfFresh, fresh.length);
}

/** The distinct units of some new articles. */
function unitsOf(articles: string[], fu: Units): FreshUnit[] {
  return [...new Set(articles.map((a) => fu.unitOf.get(a)!))].map((u) => fu.units[u]);
}

/** The stored event a new event joins: its copies' event, else the best one scoring EVENT_THRESHOLD. */
function joinedEvent(articles: string[], fu: Units, events: OpenSummary[], copied: Copied): OpenSummary | null | string {
  const forced = new Set(articles.flatMap((a) => [...(copied.copyOf.get(a) ?? [])]).map((a) => copied.eventOf.get(a)).filter((e): e is string => !!e));
  if (forced.size > 1) return 'copies in two stored events';
  if (forced.size === 1) return events.find((e) => e.id === [...forced][0]) ?? 'a copied event without a summary';
  const unit = new OpenSummary('event', '', '');
  for (const u of unitsOf(articles, fu)) unit.addUnit(u.vec, u.counts, u.day, u.year, u.members.length);
  const probe = { vec: unit.weights, day: unit.days.size ? unit.minDay : null, year: unit.yearTotal ? Math.max(...unit.years.keys()) : null };
  let best: OpenSummary | null = null;
  let bestScore = EVENT_THRESHOLD;
  let second = -Infinity;
  let top = -Infinity;
  for (const ev of events) {
    const score = eventScore(probe, ev, DEFAULT_EVENT_OPTIONS);
    if (score > top) [second, top] = [top, score];
    else if (score > second) second = score;
    if (score > bestScore || (score === bestScore && best !== null && ev.id < best.id)) [best, bestScore] = [ev, score];
  }
  // A second event close to the threshold: the batch clusterer's story-local pass (its own IDF, a lower
  // threshold) may put the article there, or join the two events through it.
  if (second >= EVENT_THRESHOLD - NEAR_EVENT) return 'near two events';
  return best;
}

/** A merge or a different link the exact path might find. With no story linked, one close to the threshold;
 *  with one linked by its score alone, that score close to the threshold or a second story scoring nearly as
 *  well; and whichever it joins, a second story the grown one would then link to (centroid linkage re-scores a
 *  story after each merge, so one article can bridge two stories that stood apart). */
function nearSignal(scores: { id: string; score: number }[], story: string | null, byEvent: boolean, whole: OpenSummary, storySummaries: Map<string, OpenSummary>): string | null {
  const floor = STORY_THRESHOLD - NEAR_THRESHOLD;
  if (story === null) return scores[0] && scores[0].score >= floor ? 'near the story threshold' : null;
  const own = scores.find((x) => x.id === story)?.score ?? -Infinity;
  if (!byEvent && own < STORY_THRESHOLD + NEAR_THRESHOLD) return 'near the story threshold';
  if (!byEvent && scores.some((x) => x.id !== story && x.score >= STORY_THRESHOLD && own - x.score < NEAR_THRESHOLD)) return 'near two stories';
  const grown = new OpenSummary('story', story, story);
  grown.absorb(storySummaries.get(story)!);
  grown.absorb(whole);
  for (const x of scores) {
    if (x.id === story || x.score < STORY_THRESHOLD * STORY_CANDIDATE_FLOOR) continue;
    const other = storySummaries.get(x.id)!;
    const after = storyScore(grown, other, DEFAULT_STORY_OPTIONS);
    // Only when the new articles draw the two closer: two stories already standing near each other do not
    // send every add into either to the exact path.
    if (after >= floor && after > storyScore(storySummaries.get(story)!, other, DEFAULT_STORY_OPTIONS)) return 'may merge two stories';
  }
  return null;
}

/** What a member shows as headline (160 characters) or label (LABEL_MAX), as labels.ts trims it. */
function centralText(a: AnalysedArticle, max: number): string {
  return trimText(a.meta.title?.trim() ? a.meta.title : (a.text.sentences[0]?.text ?? a.clean.text.slice(0, 200)), max);
}

/** New members may take over as the most central one of a summary (its headline or label). */
function recentre(summary: OpenSummary, articles: string[], fu: Units, byId: Map<string, AnalysedArticle>, max: number): void {
  for (const id of articles) {
    const a = byId.get(id)!;
    const score = centrality(fu.vecOf.get(id)!, summary);
    if (takesCentre(summary.central, a, score)) summary.central = { id, titled: !!a.meta.title?.trim(), score, text: centralText(a, max) };
  }
}

/** A new story of new articles only: the fresh clustering's story, with summaries of its own. */
function openStory(c: StoryCluster, fu: Units, byId: Map<string, AnalysedArticle>): Touched {
  const t: Touched = { id: c.id, headline: c.headline, created: true, summary: new OpenSummary('story', c.id, c.id), events: [] };
  for (const e of c.events) joinEvent(t, e.articles, e.id, null, fu, byId, false);
  recentre(t.summary, c.articles, fu, byId, 160);
  // The fresh clustering's own headline and labels (the same rule over the same members).
  t.headline = c.headline;
  t.summary.central = t.summary.central && { ...t.summary.central, text: c.headline };
  t.events.forEach((e, i) => {
    e.label = c.events[i].label;
    e.summary.central = e.summary.central && { ...e.summary.central, text: e.label };
  });
  return t;
}

/** A stored story about to grow: its members by event, and its summaries. Null when an event has none. */
async function grownStory(id: string, summary: OpenSummary, events: OpenSummary[], store: Store): Promise<Touched | null> {
  const members = (await store.storyMembers([id])).get(id) ?? [];
  const eventOf = await store.eventOf(members);
  const byEvent = new Map<string, string[]>();
  for (const a of members) {
    const e = eventOf.get(a);
    if (!e) return null;
    if (!byEvent.has(e)) byEvent.set(e, []);
    byEvent.get(e)!.push(a);
  }
  const summaries = new Map(events.map((e) => [e.id, e]));
  const out: TouchedEvent[] = [];
  for (const [e, articles] of byEvent) {
    const s = summaries.get(e);
    if (!s) return null;
    out.push({ id: e, label: s.central?.text ?? '', articles, summary: s, touched: false });
  }
  return { id, headline: summary.central?.text ?? '', created: false, summary, events: out };
}

/** New articles of one new event join `joined` (a stored event of the story), else the story's nearest event
 *  when it scores LOCAL_EVENT_THRESHOLD (the story-local pass's), else a new event of the story. */
function joinEvent(t: Touched, articles: string[], newId: string, joined: OpenSummary | null, fu: Units, byId: Map<string, AnalysedArticle>, centreStory = true): void {
  let target = joined ? t.events.find((e) => e.id === joined.id) : undefined;
  if (!target && !t.created) {
    const probe = new OpenSummary('event', '', '');
    for (const u of unitsOf(articles, fu)) probe.addUnit(u.vec, u.counts, u.day, u.year, u.members.length);
    const unit = { vec: probe.weights, day: probe.days.size ? probe.minDay : null, year: probe.yearTotal ? Math.max(...probe.years.keys()) : null };
    let bestScore = LOCAL_EVENT_THRESHOLD;
    for (const e of t.events) {
      const score = eventScore(unit, e.summary, DEFAULT_EVENT_OPTIONS);
      if (score > bestScore) [target, bestScore] = [e, score];
    }
  }
  if (!target) {
    target = { id: newId, label: '', articles: [], summary: new OpenSummary('event', newId, t.id), touched: true };
    t.events.push(target);
  }
  target.touched = true;
  for (const u of unitsOf(articles, fu)) {
    target.summary.addUnit(u.vec, u.counts, u.day, u.year, u.members.length);
    t.summary.addUnit(u.vec, u.counts, u.day, u.year, u.members.length);
  }
  target.articles.push(...articles);
  recentre(target.summary, articles, fu, byId, LABEL_MAX);
  target.label = target.summary.central?.text ?? target.label;
  if (centreStory) {
    recentre(t.summary, articles, fu, byId, 160);
    t.headline = t.summary.central?.text ?? t.headline;
  }
}

/** The touched stories' index terms (the heaviest keys of their summed counts), summaries and changes. */
async function finish(touched: Touched[], store: Store, params: PlacementParams, stored: { df: Map<string, number>; documents: number }, keysOfFresh: Map<string, number>, freshCount: number): Promise<OnlinePlacement> {
  const keys = new Set(touched.flatMap((t) => [...t.summary.counts.keys()]));
  const { df } = await store.documentFrequencies([...keys].filter((k) => !stored.df.has(k) && !keysOfFresh.has(k)));
  for (const [k, n] of stored.df) df.set(k, n);
  for (const [k, n] of keysOfFresh) df.set(k, (df.get(k) ?? 0) + n);
  const terms = new Map<string, string[]>();
  const summaries: ClusterSummary[] = [];
  for (const t of touched) {
    const counts = { terms: new Map<string, number>(), entities: new Map<string, number>(), numbers: new Map<string, number>() };
    for (const [k, n] of t.summary.counts) counts[k[0] === 't' ? 'terms' : k[0] === 'e' ? 'entities' : 'numbers'].set(k.slice(2), n);
    terms.set(t.id, heaviestKeys([counts], df, stored.documents + freshCount, params.storyTerms));
    summaries.push(t.summary.stored(), ...t.events.filter((e) => e.touched).map((e) => e.summary.stored()));
  }
  return {
    stories: touched.map((t) => ({ id: t.id, headline: t.headline, centre: t.summary.central?.id ?? null, created: t.created, events: t.events.map(({ id, label, articles }) => ({ id, label, articles })) })),
    changes: touched.map((t) => ({ story: t.id, at: '', what: t.created ? 'created' : 'grew', others: [] })),
    terms, summaries, grown: touched.filter((t) => !t.created).map((t) => t.id), freshKeys: keysOfFresh,
  };
}
