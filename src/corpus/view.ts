// A story's view: what the report and the brief show of one cluster (claims, disagreements, quotes, summary,
// timeline, entities), computed from its members alone, so only stories an `add` touched are recomputed.

import type { AnalysedArticle } from '../model/article.js';
import type { ReuseResult, Story } from '../model/report.js';
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
  const flagged = new Set(contradictions.filter((x) => x.kind === 'headline').flatMap((x) => x.values.flatMap((v) => v.sources)));
  return {
    ...c,
    headline: unflaggedHeadline(c.headline, members, flagged),
    summary: summarise(members, reuse, claims),
    timeline: buildTimeline(members, reuse.groupOf),
    entities: mergeEntities(members),
    quotes,
    claims,
    contradictions,
    ...(updates ? { updates } : {}),
  };
}

/** Independent sources of a story: its members' distinct independence groups. */
export function independentSourcesOf(story: Pick<Story, 'articles'>, groupOf: Map<string, string>): number {
  return new Set(story.articles.map((a) => groupOf.get(a) ?? a)).size;
}
