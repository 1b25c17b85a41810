// Points every independence figure of a story at the sources it counts: `sourceIds` beside each
// `independentSources` (claims, disagreement values, updates), from the same article → source map.

import type { ContradictionValue, ReportArticle, Story } from '../model/report.js';
import { byCodePoint } from '../corroborate/order.js';

/** Distinct source ids of the articles, code-point order (an article missing from the map is its own). */
export function sourceIdsOf(articles: string[], groupOf: Map<string, string>): string[] {
  return [...new Set(articles.map((id) => groupOf.get(id) ?? id))].sort(byCodePoint);
}

/** The story with `sourceIds` on every claim, disagreement value and update value. */
export function withSourceIds<S extends Pick<Story, 'claims' | 'contradictions' | 'updates'>>(story: S, groupOf: Map<string, string>): S {
  const value = (v: ContradictionValue): ContradictionValue => ({ ...v, sourceIds: sourceIdsOf(v.sources, groupOf) });
  const out: S = {
    ...story,
    claims: story.claims.map((c) => ({ ...c, sourceIds: sourceIdsOf(c.sources, groupOf) })),
    contradictions: story.contradictions.map((c) => ({ ...c, values: c.values.map(value) })),
  };
  if (story.updates) out.updates = story.updates.map((u) => ({ ...u, values: u.values.map(value) }));
  return out;
}

/** A report article with the source it counts as and the masthead it counts under. */
export function withSource(article: ReportArticle, folded: { groupOf: Map<string, string>; mastheadOf: Map<string, string> }): ReportArticle {
  const source = folded.groupOf.get(article.id);
  const masthead = folded.mastheadOf.get(article.id);
  return { ...article, ...(source ? { source } : {}), ...(masthead ? { masthead } : {}) };
}
