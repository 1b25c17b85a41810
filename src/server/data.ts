// What the API and the pages show of one story or one article, read from the store: the story through the
// versioned Report and the brief's view model (one view model for the HTML brief and the story page).

import type { Corpus, StorySummary } from '../corpus/index.js';
import type { Report, ReportArticle, ReportReuse, Story, IndependentSource, ContradictionValue } from '../model/report.js';
import type { ArticleMeta, RemovedLine } from '../model/article.js';
import type { StoryChange } from '../store/types.js';
import { buildBriefView, type DisagreementView, type StoryView } from '../brief/view.js';
import { RecentMap } from '../corpus/recent-map.js';
import type { StoryListing } from './listing.js';

export interface StoryData {
  summary: StorySummary | null;
  /** The brief's view of the story (what the page shows). */
  view: StoryView;
  /** The story as the report has it: claims, contradictions with mentions, events, timeline, quotes. */
  story: Story;
  articles: ReportArticle[];
  /** Copy links with direction (`original` is the source when known). */
  reuse: ReportReuse[];
  sources: IndependentSource[];
  changes: StoryChange[];
  reportVersion: string;
}

export async function loadStory(corpus: Corpus, id: string, summary: StorySummary | null): Promise<StoryData | null> {
  const report: Report = await corpus.report({ stories: [id] });
  const story = report.stories.find((s) => s.id === id);
  if (!story) return null;
  const view = buildBriefView(report).stories.find((s) => s.id === id)!;
  return {
    summary, view, story, articles: report.articles, reuse: report.reuse, sources: report.sources ?? [],
    changes: await corpus.storyChanges(id), reportVersion: report.version,
  };
}

/** How much story data the server keeps, in articles (a story weighs its article count, plus one). A story
 *  of 1,625 articles costs 1.3–1.5 s of CPU to load (its articles' stored records inflated for the report)
 *  and holds the request thread that long; the bench's other 370 stories 1–14 ms each, but the 50 clients
 *  read them at random, so a cache of 16 stories hit 4 % of reads (scratch measures on the 2k serve bench
 *  corpus, 2026-12-01). Its data is ~3.5 MB of JSON for 1,625 articles, so ~6 KB per article parsed and
 *  ~2.5 KB more for its kept page and JSON: 10,000 articles hold ~85 MB, and the 2k corpus whole. */
const STORY_CACHE_ARTICLES = 10_000;

/**
 * Story data by id, kept while the story's listed version stays the same (least recently read out): a read
 * of an unchanged story costs nothing, and concurrent readers of one story share one load (the promise is
 * kept). The key is the listing's version and updatedAt, which this process's adds patch at once and other
 * processes' adds reach within the listing's refresh (LIST_TTL_MS): a story changed by another process may
 * be shown as it was for that long.
 */
export class StoryCache {
  private readonly entries = new RecentMap<string, { key: string; weight: number; data: Promise<StoryData | null> }>(STORY_CACHE_ARTICLES, (e) => e.weight);

  constructor(private readonly corpus: Corpus, private readonly listing: StoryListing) {}

  async get(id: string): Promise<StoryData | null> {
    const summary = (await this.listing.get(id)) ?? null;
    // Not listed (yet): nothing to key the entry by, so no caching.
    if (!summary) return loadStory(this.corpus, id, null);
    const key = `${summary.version} ${summary.updatedAt}`;
    const hit = this.entries.use(id);
    if (hit?.key === key) return hit.data;
    const data = loadStory(this.corpus, id, summary);
    this.entries.set(id, { key, weight: summary.articles + 1, data });
    this.entries.trim();
    // A failed load is not kept: the next read tries again.
    data.catch(() => this.entries.peek(id)?.data === data && this.entries.forget([id]));
    return data;
  }
}

/** The report's values behind one disagreement of the view (the view keeps evidence text; the report keeps
 *  where each value is written, which the evidence links point at). */
export function valuesOf(story: Story, d: DisagreementView): ContradictionValue[] {
  const c = story.contradictions.find((x) => x.kind === d.kind && x.about === d.about);
  if (!c) return [];
  return d.values.map((v) => c.values.find((x) => sameSet(x.sources, v.sources.ids)) ?? { value: v.value, sources: v.sources.ids, independentSources: 0, evidence: v.evidence });
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === new Set([...a, ...b]).size;

export interface Mention {
  kind: 'entity' | 'date' | 'quantity' | 'quote';
  start: number;
  end: number;
  text: string;
  /** Canonical name, resolved date value, number, or speaker. */
  value: string | null;
  type?: string;
}

export interface ArticleData {
  id: string;
  version: number;
  addedAt: string;
  meta: ArticleMeta;
  language: string | null;
  text: string;
  paragraphs: { start: number; end: number; heading: boolean }[];
  sentences: { start: number; end: number }[];
  removed: RemovedLine[];
  mentions: Mention[];
  revisions: { version: number; seenAt: string; text: string }[];
  stories: string[];
}

export async function loadArticle(corpus: Corpus, id: string): Promise<ArticleData | null> {
  const [stored] = await corpus.store.getArticles([id]);
  if (!stored) return null;
  const a = stored.analysed;
  const x = a.extract;
  const mentions: Mention[] = [
    ...x.entities.map((e) => ({ kind: 'entity' as const, start: e.start, end: e.end, text: e.text, value: e.name, type: e.type })),
    ...x.dates.map((d) => ({ kind: 'date' as const, start: d.start, end: d.end, text: d.text, value: d.value })),
    ...x.quantities.map((q) => ({ kind: 'quantity' as const, start: q.start, end: q.end, text: q.text, value: q.value === null ? null : String(q.value), type: q.kind })),
    ...x.quotes.map((q) => ({ kind: 'quote' as const, start: q.content.start, end: q.content.end, text: q.content.text, value: q.speaker })),
  ].sort((p, q) => p.start - q.start || q.end - p.end);
  const revisions = (await corpus.store.revisions(id)).map((r) => ({ version: r.version, seenAt: r.seenAt, text: r.text }));
  const stories = [...new Set((await corpus.store.storyOf([id])).values())];
  return {
    id, version: stored.version, addedAt: stored.addedAt, meta: a.meta, language: a.text.language, text: a.clean.text,
    paragraphs: a.clean.paragraphs, sentences: a.text.sentences.map((s) => ({ start: s.start, end: s.end })),
    removed: a.clean.removed, mentions, revisions, stories,
  };
}
