// The versioned report rendered from the store: stored story views, their articles as the report lists them,
// and the reuse links among those articles. Nothing is recomputed here.

import type { ListedArticle } from '../model/listing.js';
import { REPORT_VERSION, type ArticleRevisionDiff, type Rejected, type Report, type ReportArticle, type ReportReuse, type ReuseLink, type Story } from '../model/report.js';
import { independenceGroups, UnionFind } from '../reuse/groups.js';
import { withSource, type IndependentSources } from '../outlets/index.js';

/** Copy groups up to this size list every pairwise link; larger ones their spanning links (reportReuse). */
export const FULL_REUSE_GROUP = 8;

/** Biggest, then newest, then id: the order the clusterer gives a batch. */
export function storyOrder(x: Story, y: Story): number {
  const newest = (s: Story) => s.events.reduce((m, e) => (e.end && e.end > m ? e.end : e.start && e.start > m ? e.start : m), '');
  const nx = newest(x);
  const ny = newest(y);
  return y.articles.length - x.articles.length || (nx < ny ? 1 : nx > ny ? -1 : 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** `articles` in the order the report lists them (the inputs' order, then other members of their stories). */
export function buildReport(input: {
  stories: Story[];
  /** Full records or their listings (model/listing.ts): the report reads only what a listing holds. */
  articles: ListedArticle[];
  links: ReuseLink[];
  /** The reported articles folded into independent sources (src/outlets); none: no `sources` (1.2 shape). */
  sources?: IndependentSources;
  rejected: Rejected[];
  warnings: Report['warnings'];
  withText: boolean;
  now: Date;
  /** Version and revision history of articles that have one (revised at their source). */
  history?: Map<string, { version: number; revisions: ArticleRevisionDiff[] }>;
}): Report {
  const byId = new Map(input.articles.map((a) => [a.id, a]));
  const stories = [...input.stories].sort(storyOrder);
  const articles = input.articles;
  return {
    version: REPORT_VERSION,
    generatedAt: input.now.toISOString(),
    articles: articles.map((a) => {
      const out = reportArticle(a, input.withText, input.history?.get(a.id));
      return input.sources ? withSource(out, input.sources) : out;
    }),
    rejected: input.rejected,
    warnings: input.warnings,
    ...reportReuse(input.links, byId),
    ...(input.sources ? { sources: input.sources.sources } : {}),
    stories,
  };
}

function reportArticle(a: ListedArticle, withText: boolean, history?: { version: number; revisions: ArticleRevisionDiff[] }): ReportArticle {
  const out: ReportArticle = {
    id: a.id,
    path: a.path,
    url: a.meta.url,
    outlet: a.meta.outlet,
    title: a.meta.title,
    published: a.meta.published,
    publishedFrom: a.meta.published ? a.meta.publishedFrom : null,
    modified: a.meta.modified ?? null,
    modifiedFrom: a.meta.modified ? a.meta.modifiedFrom ?? null : null,
    firstSeen: a.meta.firstSeen ?? null,
    firstSeenFrom: a.meta.firstSeen ? a.meta.firstSeenFrom ?? null : null,
    language: a.text.language,
    sentences: a.text.sentences.length,
    removed: a.clean.removed.map((r) => ({ text: r.text, reason: r.reason })),
  };
  if (withText) out.text = a.clean.text;
  if (a.diagnostics.length) out.diagnostics = a.diagnostics.map((d) => ({ origin: d.origin, level: d.level, message: d.message }));
  if (history) {
    out.version = history.version;
    if (history.revisions.length) out.revisions = history.revisions;
  }
  return out;
}

/**
 * The reuse links to report. A copy group of up to FULL_REUSE_GROUP articles is listed in full; a larger
 * one (a wire story carried by 200 outlets has 19,900 pairs, and listing them with their sentences made
 * a 3,000-article report 220 MB) as its maximum spanning forest: each article keeps its strongest links
 * until the group is connected, full copies before partial lifts, so who copies whom stays readable.
 */
export function reportReuse(links: ReuseLink[], byId: Map<string, ListedArticle>): { reuse: ReportReuse[]; reuseOmitted?: number } {
  const componentOf = independenceGroups([...new Set(links.flatMap((l) => [l.a, l.b]))], links);
  const size = new Map<string, number>();
  for (const c of componentOf.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const strength = (l: ReuseLink) => (l.kind === 'partial' ? 0 : 1);
  const ranked = [...links].sort((x, y) => strength(y) - strength(x) || y.score - x.score || y.shared - x.shared || (x.a + x.b < y.a + y.b ? -1 : 1));
  const forest = new UnionFind();
  const kept = new Set<ReuseLink>();
  for (const l of ranked) {
    // A small group keeps every link; a big one a link only when it joins two parts not yet connected.
    if (size.get(componentOf.get(l.a)!)! <= FULL_REUSE_GROUP || forest.union(l.a, l.b)) kept.add(l);
  }
  const listed = links.filter((l) => kept.has(l)).map((l) => {
    const a = byId.get(l.a)!;
    const b = byId.get(l.b)!;
    return {
      a: l.a,
      b: l.b,
      kind: l.kind,
      original: l.original,
      shared: l.shared,
      score: l.score,
      sharedSentences: l.pairs.map((p) => ({
        a: a.text.sentences[p.a]?.text ?? '',
        b: b.text.sentences[p.b]?.text ?? '',
        similarity: p.similarity,
      })),
    };
  });
  const omitted = links.length - listed.length;
  return omitted > 0 ? { reuse: listed, reuseOmitted: omitted } : { reuse: listed };
}
