// A story's view: what the report and the brief show of one cluster (claims, disagreements, quotes, summary,
// timeline, entities), computed from its members alone, so only stories an `add` touched are recomputed.
// A deferred view updates what is cheap (members, events, timeline, entities) and keeps the last
// cross-check until a refresh: the cross-check of a big story costs seconds, proportional to the story.

import type { AnalysedArticle } from '../model/article.js';
import type { ReuseResult, Story, StoryPending } from '../model/report.js';
import type { StoryCluster } from '../cluster/index.js';
import { buildTimeline } from '../extract/timeline.js';
import { mergeEntities, collectQuotes } from '../extract/story-entities.js';
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
 * The view of a grown story without its cross-check: members, events, timeline and entities from the
 * members now; claims, contradictions, quotes, summary and headline from `previous` (the stored view),
 * and `pending` naming the members that view has not compared. `at`: when this add runs.
 */
export function deferredView(c: StoryCluster, members: AnalysedArticle[], previous: Story, sources: Map<string, string>, at: string): Story {
  const checked = new Set(previous.articles.filter((id) => !previous.pending?.articles.includes(id)));
  const pending: StoryPending = {
    articles: c.articles.filter((id) => !checked.has(id)),
    since: previous.pending?.since ?? at,
    clusterHeadline: c.headline,
  };
  const { summary, quotes, claims, contradictions, updates } = previous;
  return {
    ...c,
    headline: unflaggedHeadline(c.headline, members, flaggedHeadlines(contradictions)),
    summary,
    timeline: buildTimeline(members, sources),
    entities: mergeEntities(members),
    quotes,
    claims,
    contradictions,
    ...(updates ? { updates } : {}),
    ...(pending.articles.length ? { pending } : {}),
  };
}

/** Independent sources of a story: its members' distinct independence groups. */
export function independentSourcesOf(story: Pick<Story, 'articles'>, groupOf: Map<string, string>): number {
  return new Set(story.articles.map((a) => groupOf.get(a) ?? a)).size;
}
