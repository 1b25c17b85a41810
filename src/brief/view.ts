// The brief's content, decided once: which sections, in which order, with which source labels and
// independence notes. Markdown and HTML only format this view, so the two outputs cannot drift apart.

import type { Claim, Contradiction, IndependentSource, Report, ReportArticle, ReportReuse, Story } from '../model/report.js';
import { byCodePoint } from '../corroborate/order.js';
import { hasEnglishRules } from '../text/language.js';
import { UnionFind } from '../reuse/groups.js';
import { wireVia } from '../outlets/sources.js';

/** How many agreed claims a story shows: an editor scans a dozen, not fifty. */
export const MAX_AGREED_CLAIMS = 12;
/** How many quotes "who said what" shows: named speakers first, then unattributed remarks; the JSON keeps all. */
export const MAX_QUOTES = 15;
/** How many sentences of "what this article adds" per source. */
export const MAX_ADDS_PER_SOURCE = 3;
/** Copy links named when explaining an independence count; a wire story in 100 outlets would list hundreds. */
export const MAX_COPY_NOTES = 4;
/**
 * Sources cited inline per line ("[a1, a2, … and 980 more]"; the JSON keeps every id). A 1,000-article
 * story wrote Markdown lines of 47,834 characters (issue 12 item 5); 10 labels of up to ~20 characters
 * keep a citation near 200 characters, and a reader checks a few sources, not a thousand.
 */
export const MAX_CITED = 10;
/** Values shown per disagreement: 20,000 near-identical articles each with its own figure are one finding
 * with 20,000 values (bench/near-identical.ts); the best-supported come first, the JSON has the rest. */
export const MAX_VALUES_SHOWN = 8;
/** Per-source notes per story: one line per article made a 1,000-article brief mostly notes. */
export const MAX_SOURCE_NOTES = 30;

/** The part of a source list a line cites, and how many it leaves to the JSON. */
export function cited(s: SourceRefs): { ids: string[]; labels: string[]; more: number } {
  return { ids: s.ids.slice(0, MAX_CITED), labels: s.labels.slice(0, MAX_CITED), more: Math.max(0, s.ids.length - MAX_CITED) };
}

export interface SourceRefs {
  /** Article ids, in report order. */
  ids: string[];
  /** Short display labels (`001`), same order. */
  labels: string[];
}

export interface SourcedLine {
  text: string;
  sources: SourceRefs;
  /** e.g. "3 sources, 2 independent", or a caution for single-group lines. */
  note: string | null;
}

export interface DisagreementValueView {
  value: string;
  sources: SourceRefs;
  /** "1 independent source: 000 rewrites 001" */
  independence: string;
  evidence: string[];
}

export interface DisagreementView {
  kind: Contradiction['kind'];
  about: string;
  values: DisagreementValueView[];
  /** Values past MAX_VALUES_SHOWN (in the JSON). */
  valuesHidden: number;
  /** "copies of one report disagree", "confidence 0.75" — what the reader should weigh (since 1.2.0). */
  note: string | null;
}

/** A figure that moved with later publication (a toll rising): shown apart from disagreements. */
export interface UpdateView {
  slot: string;
  steps: { value: string; published: string | null; sources: SourceRefs }[];
}

export interface QuoteView {
  speaker: string | null;
  /** The unnamed source as worded ("port officials") when there is no speaker. */
  attributedTo: string | null;
  role: string | null;
  text: string;
  direct: boolean;
  sources: SourceRefs;
  /** Variants are quoted as the quote is: a variant of indirect speech is not given quotation marks. */
  variants: { text: string; sources: SourceRefs }[];
}

export interface EventView {
  label: string;
  span: string | null;
  sources: SourceRefs;
}

export interface SourceNoteView {
  id: string;
  label: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  publishedFrom: string | null;
  /** Report 1.4.0: the declared last-modified day and where it came from; null before. */
  modified: string | null;
  modifiedFrom: string | null;
  /** Report 1.4.0: when the text was first seen (ISO instant) and how (fetch, feed, warc); null for files. */
  firstSeen: string | null;
  firstSeenFrom: string | null;
  language: string | null;
  /** The language code when the English-only claim rules were not run on it ("de"), else null. */
  notAnalysed: string | null;
  adds: string[];
  /** "rewrite of 001 (9 shared sentences)" */
  copies: string[];
  /** The independent source it counts as, when that folds more than this article ("AP via 3 outlets"). */
  countsAs: string | null;
  removed: number;
}

export interface StoryView {
  id: string;
  headline: string;
  sources: SourceRefs;
  /** Report 1.3.0: "3 independent sources: AP via 3 outlets; 2 outlets of one owner (X)"; null before. */
  independence: string | null;
  lead: SourcedLine[];
  agreed: SourcedLine[];
  agreedHidden: number;
  disagreements: DisagreementView[];
  updates: UpdateView[];
  timeline: { date: string; text: string; sources: SourceRefs }[];
  quotes: QuoteView[];
  quotesHidden: number;
  events: EventView[];
  perSource: SourceNoteView[];
  /** Per-source notes past MAX_SOURCE_NOTES. */
  perSourceHidden: number;
  /** Articles of the story whose language the claim rules do not cover, per language (code order). */
  notAnalysed: { language: string; count: number }[];
  removed: number;
}

export interface BriefView {
  version: string;
  generatedAt: string;
  articleCount: number;
  stories: StoryView[];
  removedTotal: number;
  removedByReason: { reason: string; count: number }[];
  rejected: { path: string; reason: string }[];
  warnings: { path: string; message: string }[];
  /** Warnings and errors stages after ingest left on reported articles (ingest's are in `warnings`; info
   *  notes stay in the JSON). */
  articleWarnings: { article: string; origin: string; message: string }[];
  /** Articles whose text changed at their source: each earlier version and what the next one changed. */
  revised: { article: string; version: number; changes: { version: number; seenAt: string; removed: string[]; added: string[] }[] }[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2022-07-05` → `July 5, 2022`, `2022-07` → `July 2022`; anything else is returned unchanged. */
export function humanDate(value: string): string {
  const md = /^--(\d{2})-(\d{2})$/.exec(value);
  if (md && MONTHS[Number(md[1]) - 1]) return `${MONTHS[Number(md[1]) - 1]} ${Number(md[2])} (year unknown)`;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  if (!month) return value;
  return m[3] ? `${month} ${Number(m[3])}, ${m[1]}` : `${month} ${m[1]}`;
}

/**
 * Display labels: ids like `001_bcfcac924693546e` read as `001` when that prefix is unique in the
 * report (the brief cites sources dozens of times; long hashes drown the text).
 */
export function sourceLabels(ids: string[]): Map<string, string> {
  const prefixOf = (id: string) => {
    const m = /^([^_#\s]{1,12})[_]/.exec(id);
    return m ? m[1] : id;
  };
  const count = new Map<string, number>();
  for (const id of ids) count.set(prefixOf(id), (count.get(prefixOf(id)) ?? 0) + 1);
  const out = new Map<string, string>();
  for (const id of ids) {
    const p = prefixOf(id);
    out.set(id, count.get(p) === 1 ? p : id);
  }
  return out;
}

function reuseVerb(link: ReportReuse, copy: string, label: (id: string) => string): string {
  const other = link.a === copy ? link.b : link.a;
  switch (link.kind) {
    case 'duplicate':
      return `${label(copy)} duplicates ${label(other)}`;
    case 'near-duplicate':
      return `${label(copy)} is a near-copy of ${label(other)}`;
    case 'rewrite':
      return `${label(copy)} rewrites ${label(other)}`;
    default:
      return `${label(copy)} reuses part of ${label(other)}`;
  }
}

/** Which side of a link is the copy: the non-original one, or `b` when the original is unknown. */
function copySide(link: ReportReuse): string {
  if (link.original === link.a) return link.b;
  if (link.original === link.b) return link.a;
  return link.b;
}

/** What every story's view looks up in the report: display labels, source lists in report order, copy
 *  links by article, and the independent sources each count counts. Built once per brief. */
interface Lookup {
  articleById: Map<string, ReportArticle>;
  linksOf: Map<string, ReportReuse[]>;
  sourceOf: Map<string, IndependentSource>;
  label: (id: string) => string;
  refs: (ids: string[]) => SourceRefs;
  countSources: (ids: string[]) => number;
  folds: (ids: string[]) => { notes: string[]; explained: Set<string> };
}

function lookupOf(report: Report): Lookup {
  const articleById = new Map<string, ReportArticle>(report.articles.map((a) => [a.id, a]));
  const order = new Map<string, number>(report.articles.map((a, i) => [a.id, i]));
  const allIds = [...report.articles.map((a) => a.id)];
  for (const s of report.stories) for (const id of s.articles) if (!order.has(id)) allIds.push(id);
  const labels = sourceLabels(allIds);
  const label = (id: string) => labels.get(id) ?? id;
  const refs = (ids: string[]): SourceRefs => {
    const sorted = [...new Set(ids)].sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9) || byCodePoint(x, y));
    return { ids: sorted, labels: sorted.map(label) };
  };
  // Links by article: every lookup below is per article, and scanning all links per story, value and
  // source was quadratic (20 s of a 3,000-article brief).
  const linksOf = new Map<string, ReportReuse[]>();
  for (const link of report.reuse) {
    for (const id of [link.a, link.b]) {
      const list = linksOf.get(id);
      if (list) list.push(link);
      else linksOf.set(id, [link]);
    }
  }
  // Independent sources (report 1.3.0): what every count counts, and why each folds its articles.
  const sourceOf = new Map<string, IndependentSource>();
  for (const src of report.sources ?? []) for (const id of src.articles) sourceOf.set(id, src);
  const linksAmong = (ids: string[]): ReportReuse[] => [...new Set(ids.flatMap((id) => linksOf.get(id) ?? []))];
  const countSources = (ids: string[]): number =>
    sourceOf.size ? new Set(ids.map((id) => sourceOf.get(id)?.id ?? id)).size : independentCount(ids, linksAmong(ids));
  const folds = (ids: string[]) => sourceFolds(ids, sourceOf, (id) => articleById.get(id), (cited) => independentCount(cited, linksAmong(cited)) === 1);
  return { articleById, linksOf, sourceOf, label, refs, countSources, folds };
}

/** Explains an independence count: sources that fold several of the ids (a wire's copies, one owner's
 * outlets, one outlet's reports), then the copy links among the rest (the first few). */
function independenceNote(k: Lookup, ids: string[], independent: number): string {
  const set = new Set(ids);
  const seen = new Set<ReportReuse>();
  const { notes, explained } = k.folds(ids);
  for (const id of ids) {
    for (const link of k.linksOf.get(id) ?? []) {
      if (seen.has(link) || !set.has(link.a) || !set.has(link.b)) continue;
      seen.add(link);
      if (explained.has(link.a) && explained.has(link.b)) continue;
      notes.push(reuseVerb(link, copySide(link), k.label));
    }
  }
  const head = independent === 1 ? '1 independent source' : `${independent} independent sources`;
  const shown = notes.slice(0, MAX_COPY_NOTES);
  if (notes.length > shown.length) shown.push(`${notes.length - shown.length} more copy links`);
  return notes.length ? `${head}: ${shown.join('; ')}` : head;
}

function supportNote(k: Lookup, c: Claim): string {
  const n = c.sources.length;
  if (n <= 1) return '1 source';
  const { notes } = k.folds(c.sources);
  const shown = notes.slice(0, MAX_COPY_NOTES).join('; ');
  return `${n} sources, ${c.independentSources} independent${shown ? `: ${shown}` : ''}`;
}

/** A lead sentence that only one source says is shown, but never dressed up as agreement; a folded wire or
 *  owner behind a sentence of several sources is said too. */
function leadLine(k: Lookup, s: Story['summary'][number]): SourcedLine {
  const groups = k.countSources(s.sources);
  const folded = s.sources.length > 1 && k.folds(s.sources).notes.length > 0;
  const note = s.sources.length > 1 && (groups === 1 || folded) ? independenceNote(k, s.sources, groups) : s.sources.length === 1 ? 'single source' : null;
  return { text: s.text, sources: k.refs(s.sources), note };
}

/** Most certain first (stable: the report's own order breaks ties); findings without a confidence (reports
 *  before 1.2.0) keep their place after those with one. */
function disagreementViews(k: Lookup, story: Story): DisagreementView[] {
  const ordered = story.contradictions.map((c, i) => ({ c, i })).sort((x, y) => (y.c.confidence ?? -1) - (x.c.confidence ?? -1) || x.i - y.i).map((x) => x.c);
  return ordered.map((c) => ({
    kind: c.kind,
    about: c.about,
    note: disagreementNote(c),
    valuesHidden: Math.max(0, c.values.length - MAX_VALUES_SHOWN),
    values: c.values.slice(0, MAX_VALUES_SHOWN).map((v) => ({
      value: c.kind === 'date' ? humanDate(v.value) : v.value,
      sources: k.refs(v.sources),
      independence: independenceNote(k, v.sources, v.independentSources ?? k.countSources(v.sources)),
      evidence: v.evidence,
    })),
  }));
}

/** One article's note in a story: what it adds alone, whom it copies or is copied by, what it counts as. */
function sourceNote(k: Lookup, story: Story, storyIds: Set<string>, id: string): SourceNoteView {
  const a = k.articleById.get(id);
  const language = a?.language ?? null;
  const adds = story.claims
    .filter((c) => c.sources.length === 1 && c.sources[0] === id)
    .slice(0, MAX_ADDS_PER_SOURCE)
    .map((c) => c.text);
  const copies: string[] = [];
  for (const link of k.linksOf.get(id) ?? []) {
    const other = link.a === id ? link.b : link.a;
    if (!storyIds.has(other) && !k.articleById.has(other)) continue;
    const shared = `${link.shared} shared sentence${link.shared === 1 ? '' : 's'}`;
    if (link.original === other) copies.push(`${link.kind} of ${k.label(other)} (${shared})`);
    else if (link.original === id) copies.push(`copied by ${k.label(other)} as ${link.kind} (${shared})`);
    else copies.push(`${link.kind} shared with ${k.label(other)} (${shared})`);
  }
  if (copies.length > MAX_COPY_NOTES) copies.splice(MAX_COPY_NOTES, copies.length, `and ${copies.length - MAX_COPY_NOTES} more copy links`);
  return {
    id,
    label: k.label(id),
    title: a?.title ?? null,
    outlet: a?.outlet ?? null,
    url: a?.url ?? null,
    published: a?.published ?? null,
    publishedFrom: a?.publishedFrom ?? null,
    modified: a?.modified ?? null,
    modifiedFrom: a?.modifiedFrom ?? null,
    firstSeen: a?.firstSeen ?? null,
    firstSeenFrom: a?.firstSeenFrom ?? null,
    language,
    notAnalysed: hasEnglishRules(language) ? null : language,
    adds,
    copies,
    countsAs: countsAs(k.sourceOf.get(id)),
    removed: a?.removed.length ?? 0,
  };
}

function quoteViews(k: Lookup, story: Story): QuoteView[] {
  const entityRole = (speaker: string | null): string | null => {
    if (!speaker) return null;
    const e = story.entities.find((x) => x.name === speaker || x.aliases.includes(speaker));
    return e && e.roles.length ? e.roles[0] : null;
  };
  return quotePriority(story).slice(0, MAX_QUOTES).map((q) => ({
    speaker: q.speaker,
    attributedTo: q.speaker ? null : (q.attributedTo ?? null),
    role: entityRole(q.speaker),
    text: q.direct ? bareQuote(q.text) : q.text,
    direct: q.direct,
    sources: k.refs(q.sources),
    variants: q.variants.map((v) => ({ text: q.direct ? bareQuote(v.text) : v.text, sources: k.refs(v.sources) })),
  }));
}

function eventSpan(e: Story['events'][number]): string | null {
  if (e.start && e.end && e.start !== e.end) return `${humanDate(e.start)} – ${humanDate(e.end)}`;
  return e.start ? humanDate(e.start) : e.end ? humanDate(e.end) : null;
}

interface StoryRank {
  independent: number;
  disagreements: number;
  articles: number;
}

function storyView(k: Lookup, story: Story): { view: StoryView; rank: StoryRank } {
  const multi = story.claims.filter((c) => c.sources.length > 1);
  const storyIds = new Set(story.articles);
  const perSource = k.refs(story.articles).ids.map((id) => sourceNote(k, story, storyIds, id));
  const notAnalysed = new Map<string, number>();
  for (const p of perSource) if (p.notAnalysed) notAnalysed.set(p.notAnalysed, (notAnalysed.get(p.notAnalysed) ?? 0) + 1);
  const view: StoryView = {
    id: story.id,
    headline: story.headline,
    sources: k.refs(story.articles),
    independence: k.sourceOf.size ? storyIndependence(k.countSources(story.articles), k.folds(story.articles).notes) : null,
    lead: story.summary.map((s) => leadLine(k, s)),
    agreed: multi.slice(0, MAX_AGREED_CLAIMS).map((c) => ({ text: c.text, sources: k.refs(c.sources), note: supportNote(k, c) })),
    agreedHidden: Math.max(0, multi.length - MAX_AGREED_CLAIMS),
    disagreements: disagreementViews(k, story),
    updates: (story.updates ?? []).map((u) => ({
      slot: u.slot,
      steps: u.values.map((v) => ({ value: v.value, published: v.mentions?.[0]?.published ?? null, sources: k.refs(v.sources) })),
    })),
    timeline: story.timeline.map((t) => ({ date: humanDate(t.date), text: t.text, sources: k.refs(t.sources) })),
    quotes: quoteViews(k, story),
    quotesHidden: Math.max(0, story.quotes.length - MAX_QUOTES),
    events: story.events.map((e) => ({ label: e.label, span: eventSpan(e), sources: k.refs(e.articles) })),
    perSource: perSource.slice(0, MAX_SOURCE_NOTES),
    perSourceHidden: Math.max(0, perSource.length - MAX_SOURCE_NOTES),
    notAnalysed: [...notAnalysed].sort((x, y) => byCodePoint(x[0], y[0])).map(([language, count]) => ({ language, count })),
    removed: perSource.reduce((n, s) => n + s.removed, 0),
  };
  return { view, rank: { independent: k.countSources(story.articles), disagreements: story.contradictions.length, articles: story.articles.length } };
}

export function buildBriefView(report: Report): BriefView {
  const k = lookupOf(report);
  // The stories that matter lead: most independent sources, then most disagreements, then most articles;
  // ties keep the report's order. The JSON keeps the clusterer's order.
  const ranked = report.stories
    .map((story, i) => ({ ...storyView(k, story), i }))
    .sort((x, y) => y.rank.independent - x.rank.independent || y.rank.disagreements - x.rank.disagreements || y.rank.articles - x.rank.articles || x.i - y.i)
    .map((s) => s.view);
  const byReason = new Map<string, number>();
  for (const a of report.articles) for (const r of a.removed) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  return {
    version: report.version,
    generatedAt: report.generatedAt,
    articleCount: report.articles.length,
    stories: ranked,
    removedTotal: [...byReason.values()].reduce((a, b) => a + b, 0),
    removedByReason: [...byReason].map(([reason, count]) => ({ reason, count })).sort((x, y) => y.count - x.count || byCodePoint(x.reason, y.reason)),
    rejected: report.rejected,
    warnings: report.warnings,
    articleWarnings: report.articles.flatMap((a) => (a.diagnostics ?? []).filter((d) => d.level !== 'info' && !d.origin.startsWith('ingest:')).map((d) => ({ article: a.id, origin: d.origin, message: d.message }))),
    revised: report.articles.filter((a) => a.revisions?.length).map((a) => ({ article: a.id, version: a.version ?? 1, changes: a.revisions! })),
  };
}

/** Distinct copy-groups among ids, from the report's reuse links (union-find over links). */
export function independentCount(ids: string[], reuse: ReportReuse[]): number {
  const sets = new UnionFind(ids);
  for (const l of reuse) if (sets.has(l.a) && sets.has(l.b)) sets.union(l.a, l.b);
  return new Set(ids.map((id) => sets.find(id))).size;
}

/**
 * What folded the cited articles into fewer sources, per source, in words: "AP via 3 outlets", "2 outlets
 * of one owner (X)", "2 reports of one outlet (X)". Copies of one report are left to the copy links
 * (`oneCopyGroup`), which name who copies whom. `explained` holds a wire's articles, whose copy links the note replaces.
 */
export function sourceFolds(
  ids: string[],
  sourceOf: Map<string, IndependentSource>,
  articleOf: (id: string) => ReportArticle | undefined,
  oneCopyGroup: (ids: string[]) => boolean,
): { notes: string[]; explained: Set<string> } {
  const bySource = new Map<IndependentSource, string[]>();
  for (const id of new Set(ids)) {
    const src = sourceOf.get(id);
    if (src) (bySource.get(src) ?? bySource.set(src, []).get(src)!).push(id);
  }
  const notes: string[] = [];
  const explained = new Set<string>();
  for (const [src, cited] of [...bySource].sort((x, y) => byCodePoint(x[0].id, y[0].id))) {
    const outlets = [...new Set(cited.map((id) => outletOf(articleOf(id))).filter((o): o is string => !!o))];
    let note: string | null = null;
    if (src.wire) note = wireVia(src.wire, outlets.filter((o) => o !== src.wire).length, outlets.includes(src.wire));
    else if (src.owner && outlets.length >= 2) note = `${outlets.length} outlets of one ${src.folded.some((f) => f.kind === 'parent') ? 'parent company' : 'owner'} (${src.owner})`;
    else if (cited.length >= 2 && outlets.length === 1 && !oneCopyGroup(cited)) note = `${cited.length} reports of one outlet (${outlets[0]})`;
    if (!note) continue;
    notes.push(note);
    // A wire's copies are the wire's: who copied whom among them says nothing more. An owner's or an
    // outlet's copies keep their copy links.
    if (src.wire) for (const id of cited) explained.add(id);
  }
  return { notes, explained };
}

/** The outlet an article counts under: its folded masthead (1.3.0), else its declared outlet. */
function outletOf(a: ReportArticle | undefined): string | null {
  return a?.masthead ?? a?.outlet ?? null;
}

/** A per-source note's "counts as": only when the source folds more than the one article. */
function countsAs(src: IndependentSource | undefined): string | null {
  return src && (src.articles.length > 1 || src.wire) ? src.label : null;
}

/** "7 articles, 3 independent sources: AP via 3 outlets; 2 outlets of one owner (X)". */
function storyIndependence(independent: number, notes: string[]): string {
  const head = `${independent} independent source${independent === 1 ? '' : 's'}`;
  const shown = notes.slice(0, MAX_COPY_NOTES);
  if (notes.length > shown.length) shown.push(`${notes.length - shown.length} more folded sources`);
  return shown.length ? `${head}: ${shown.join('; ')}` : head;
}

/** Quote text without the quotation marks (and trailing comma) an extractor may keep: the renderers add their own. */
export function bareQuote(text: string): string {
  return text.trim().replace(/^["“”'‘]+/, '').replace(/[,\s]*["“”'’]+$/, '').replace(/,$/, '').trim();
}

/** People first (what a reader means by "who said what"), then organisations and places, then unattributed
 * remarks; within a tier every speaker's best-supported remark comes before anyone's second, so a capped
 * list shows many voices rather than one speaker's ten remarks. */
export function quotePriority(story: Story): Story['quotes'] {
  const typeOf = (speaker: string) => story.entities.find((e) => e.name === speaker || e.aliases.includes(speaker))?.type;
  const tier = (q: Story['quotes'][number]) => (!q.speaker ? 2 : typeOf(q.speaker) === 'person' ? 0 : 1);
  const seen = new Map<string, number>();
  const ranked = story.quotes.map((q, i) => {
    const key = q.speaker ?? `#${i}`;
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    return { q, i, rank, tier: tier(q) };
  });
  return ranked.sort((x, y) => x.tier - y.tier || x.rank - y.rank || x.i - y.i).map((x) => x.q);
}

/** What a reader should weigh about a disagreement: copies of one report, and how sure the finding is. */
function disagreementNote(c: Contradiction): string | null {
  const parts: string[] = [];
  if (c.betweenCopies) parts.push('every side is one source (copies, one outlet, one owner or one wire), not independent sources');
  if (c.confidence !== undefined) parts.push(`confidence ${c.confidence.toFixed(2)}`);
  return parts.length ? parts.join('; ') : null;
}

/** A source note's dates in words, each with where it came from ("published 2031-03-14 (from json-ld)",
 *  "modified 2031-03-15 (from meta)", "first seen 2031-03-14 10:02 UTC (fetch)"). Plain text: each
 *  renderer escapes it, since every value came from the article. */
export function datesInWords(p: Pick<SourceNoteView, 'published' | 'publishedFrom' | 'modified' | 'modifiedFrom' | 'firstSeen' | 'firstSeenFrom'>): string[] {
  const out: string[] = [];
  const from = (f: string | null): string => (f ? ` (from ${f})` : '');
  if (p.published) out.push(`published ${p.published}${from(p.publishedFrom)}`);
  if (p.modified) out.push(`modified ${p.modified}${from(p.modifiedFrom)}`);
  if (p.firstSeen) out.push(`first seen ${seenAt(p.firstSeen)}${p.firstSeenFrom ? ` (${p.firstSeenFrom})` : ''}`);
  return out;
}

/** An ISO instant to the minute, in UTC ("2031-03-14 10:02 UTC"); anything else as it was written. */
function seenAt(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
