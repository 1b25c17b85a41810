// A story's view: what the report and the brief show of one cluster (claims, disagreements, quotes, summary,
// timeline, entities), computed from its members alone, so only stories an `add` touched are recomputed.
// A deferred view updates what is cheap (members, events, timeline, entities) and keeps the last
// cross-check until a refresh: the cross-check of a big story costs seconds, proportional to the story.
// A deferred view of a story placed online is built from the stored view and the new members alone.

import type { AnalysedArticle } from '../model/article.js';
import type { ReportEntity, ReuseResult, Story, StoryPending, TimelineEntry } from '../model/report.js';
import type { StoryCluster } from '../cluster/index.js';
import { buildTimeline, timelineOrder } from '../extract/timeline.js';
import { timelineCap } from '../extract/dates/params.js';
import { mergeEntities, collectQuotes, entityKey } from '../extract/story-entities.js';
import { corroborateStory } from '../corroborate/index.js';
import { unflaggedHeadline } from '../cluster/labels.js';
import { hasEnglishRules } from '../text/language.js';
import { summarise } from '../brief/summary.js';
import { withSourceIds } from '../outlets/index.js';

export type Engine = 'facts' | 'sentences';

/** `sources` (src/outlets independentSources: article → source) is what every independence figure counts;
 * without it, the reuse stage's copy groups. */
export function storyView(c: StoryCluster, members: AnalysedArticle[], copies: ReuseResult, engine?: Engine, sources?: Map<string, string>): Story {
  const reuse: ReuseResult = sources ? { ...copies, groupOf: sources } : copies;
  // Claims and contradictions are English rules (German headings came out as agreed claims): an article in
  // another language stays in its story but is not analysed for claims.
  const forClaims = members.filter((a) => hasEnglishRules(a.text.language));
  const { claims, contradictions, quotes, updates } = withSourceIds(corroborateStory(forClaims, reuse, collectQuotes(forClaims), c.headline, { events: c.events, engine }), reuse.groupOf);
  return {
    ...c,
    headline: unflaggedHeadline(c.headline, members, flaggedHeadlines(contradictions)),
    summary: summarise(members, reuse, claims),
    timeline: buildTimeline(members, reuse.groupOf),
    entities: mergeEntities(members),
    quotes,
    claims,
    contradictions,
    ...(updates ? { updates } : {}),
  };
}

/** Articles whose title a headline contradiction names: the story's headline is not taken from them. */
function flaggedHeadlines(contradictions: Story['contradictions']): Set<string> {
  return new Set(contradictions.filter((x) => x.kind === 'headline').flatMap((x) => x.values.flatMap((v) => v.sources)));
}

export interface ViewParams {
  /** A story of at most this many members is cross-checked within the add even when views are deferred. */
  inlineMaxArticles: number;
}

/** A story's view costs CPU in proportion to its members (scratch measure over the 144 stories of a 2k
 *  firehose corpus, load average 9): p50 / max 31 / 118 ms at 5–10 members, 47 / 250 ms at 9–20, 97 / 298 ms at
 *  17–40. Ten keeps the inline cross-check of a single add near the 100 ms it is allowed (issue 13). */
export const VIEW_PARAMS: ViewParams = { inlineMaxArticles: 10 };

/**
 * The view of a grown story without its cross-check: claims, contradictions, quotes and summary from `previous`
 * (the stored view), `pending` naming the members that view has not compared. `members`: the story's members
 * this add holds. With all of them (the exact placement read them), timeline and entities are recomputed;
 * with only the new ones (an online placement reads no stored member), the new members' timeline entries and
 * entities are merged into the stored ones, so the add costs the same in a story of 10 or of 1,000; the
 * refresh recomputes them. `centre`: the member the headline comes from, when the add knows it.
 */
export function deferredView(c: StoryCluster, members: AnalysedArticle[], previous: Story, sources: Map<string, string>, at: string, centre?: string): Story {
  const checked = new Set(previous.articles.filter((id) => !previous.pending?.articles.includes(id)));
  const pending: StoryPending = {
    articles: c.articles.filter((id) => !checked.has(id)),
    since: previous.pending?.since ?? at,
    clusterHeadline: c.headline,
  };
  const { summary, quotes, claims, contradictions, updates } = previous;
  const whole = members.length === c.articles.length;
  const flagged = flaggedHeadlines(contradictions);
  const before = new Set(previous.articles);
  const added = members.filter((a) => !before.has(a.id));
  return {
    ...c,
    // Without the members, a headline a stored contradiction flags is known by its centre: the last cross-check's stays.
    headline: whole ? unflaggedHeadline(c.headline, members, flagged) : centre && flagged.has(centre) ? previous.headline : c.headline,
    summary,
    timeline: whole ? buildTimeline(members, sources) : mergedTimeline(previous.timeline, buildTimeline(added, sources)),
    entities: whole ? mergeEntities(members) : mergedEntities(previous.entities, mergeEntities(added)),
    quotes,
    claims,
    contradictions,
    ...(updates ? { updates } : {}),
    ...(pending.articles.length ? { pending } : {}),
  };
}

/** Stored timeline entries gain the new members' entries of the same date and text as sources; other new
 *  entries join while the timeline is under its cap (the stored ones were the best-supported at the last
 *  cross-check; which new one would outrank them needs every member's copy groups). */
export function mergedTimeline(stored: TimelineEntry[], added: TimelineEntry[]): TimelineEntry[] {
  const out = stored.map((e) => ({ ...e, sources: [...e.sources] }));
  const at = new Map(out.map((e) => [`${e.date}\u0000${e.text}`, e]));
  for (const e of added) {
    const same = at.get(`${e.date}\u0000${e.text}`);
    if (same) same.sources = [...new Set([...same.sources, ...e.sources])].sort();
    else if (out.length < timelineCap) out.push(e);
  }
  return out.sort(timelineOrder);
}

/** Stored entities gain the new members' mentions of the same name (or one of its aliases) as sources, roles
 *  and aliases; other new entities join; most sources first, as mergeEntities orders them. */
export function mergedEntities(stored: ReportEntity[], added: ReportEntity[]): ReportEntity[] {
  const out = stored.map((e) => ({ ...e, roles: [...e.roles], aliases: [...e.aliases], sources: [...e.sources] }));
  const byName = new Map<string, ReportEntity>();
  for (const e of out) for (const n of [e.name, ...e.aliases]) if (!byName.has(entityKey(n))) byName.set(entityKey(n), e);
  for (const e of added) {
    const same = byName.get(entityKey(e.name));
    if (!same) {
      out.push(e);
      continue;
    }
    // Sorted as buildTimeline and mergeEntities sort them (code-unit order).
    same.sources = [...new Set([...same.sources, ...e.sources])].sort();
    same.aliases = [...new Set([...same.aliases, ...e.aliases, e.name])].filter((x) => x !== same.name).sort();
    for (const r of e.roles) if (!same.roles.includes(r)) same.roles.push(r);
  }
  // A stable sort: ties keep the stored order (mergeEntities broke them by mentions, which a view does not keep).
  return out.sort((a, b) => b.sources.length - a.sources.length);
}

/** Independent sources of a story: its members' distinct independence groups. */
export function independentSourcesOf(story: Pick<Story, 'articles'>, groupOf: Map<string, string>): number {
  return new Set(story.articles.map((a) => groupOf.get(a) ?? a)).size;
}
