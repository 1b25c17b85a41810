// What the API and the pages show of one story or one article, read from the store: the story through the
// versioned Report and the brief's view model (one view model for the HTML brief and the story page).

import type { Corpus, StorySummary } from '../corpus/index.js';
import type { Report, ReportArticle, ReportReuse, Story, IndependentSource, ContradictionValue } from '../model/report.js';
import type { ArticleMeta, RemovedLine } from '../model/article.js';
import type { StoryChange } from '../store/types.js';
import { buildBriefView, type DisagreementView, type StoryView } from '../brief/view.js';

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
