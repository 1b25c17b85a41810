// The versioned report contract (docs/report.schema.json describes the same shape) and the
// cross-article results that produce it.

import type { EntityType, FirstSeenFrom, ModifiedFrom, PublishedFrom } from './article.js';

export const REPORT_VERSION = '1.5.0';

export type ReuseKind = 'duplicate' | 'near-duplicate' | 'rewrite' | 'partial';

/** Two articles that share text; `original` is the earlier/source one, or null when unsure. */
export interface ReuseLink {
  a: string;
  b: string;
  kind: ReuseKind;
  original: string | null;
  /** Number of aligned sentence pairs. */
  shared: number;
  score: number;
  /** Aligned sentence indices [indexInA, indexInB] with their similarity. */
  pairs: { a: number; b: number; similarity: number }[];
}

/** Output of the reuse stage, by article id. */
export interface ReuseResult {
  links: ReuseLink[];
  /** Article id → independence group id (articles that copy each other share a group). */
  groupOf: Map<string, string>;
  /** Dates inherited from a dated copy: id → { published, from: source id }. */
  inheritedDates: Map<string, { published: string; from: string }>;
}

/** A reuse link as reported: the aligned sentences are given as text, A's then B's. */
export interface ReportReuse {
  a: string;
  b: string;
  kind: ReuseKind;
  original: string | null;
  shared: number;
  score: number;
  sharedSentences: { a: string; b: string; similarity: number }[];
}

export interface ReportEvent {
  id: string;
  label: string;
  articles: string[];
  start: string | null;
  end: string | null;
}

export interface SourcedText {
  text: string;
  sources: string[];
}

export interface TimelineEntry {
  date: string;
  text: string;
  sources: string[];
}

export interface ReportEntity {
  name: string;
  type: EntityType;
  roles: string[];
  aliases: string[];
  sources: string[];
}

export interface ReportQuote {
  speaker: string | null;
  /** When no named speaker was resolved: the source as the article words it ("port officials", "a US
   * official"), so anonymous sourcing is told apart from a quote nobody is credited with. Since 1.1.0. */
  attributedTo?: string | null;
  text: string;
  direct: boolean;
  sources: string[];
  variants: SourcedText[];
}

export interface Claim {
  text: string;
  sources: string[];
  independentSources: number;
  /** Since 1.3.0: the independent sources (`Report.sources` ids) that `independentSources` counts. */
  sourceIds?: string[];
}

export type ContradictionKind = 'date' | 'number' | 'quantity' | 'name' | 'headline' | 'quote';

/** Where a value is written: character offsets into the article's clean text (since 1.2.0). */
export interface ValueMention {
  article: string;
  start: number;
  end: number;
  text: string;
  /** The sentence that states it. */
  evidence: string;
  /** Publication date of the article, when known. */
  published?: string | null;
}

export interface ContradictionValue {
  value: string;
  sources: string[];
  independentSources: number;
  /** Since 1.3.0: the independent sources (`Report.sources` ids) that `independentSources` counts. */
  sourceIds?: string[];
  evidence: string[];
  /** Since 1.2.0: each article's mention of the value with offsets. */
  mentions?: ValueMention[];
}

export interface Contradiction {
  kind: ContradictionKind;
  about: string;
  values: ContradictionValue[];
  /** Since 1.2.0: the slot in words ("people killed", "age of Anthony LaSalle"). */
  slot?: string;
  /** Since 1.2.0: the event the slot belongs to (event facts), or null for a fact of a person or place. */
  event?: string | null;
  /** Since 1.2.0: 0–1, how sure the finding is (frame strength, independent support, copies). */
  confidence?: number;
  /** Since 1.2.0: every side is one copy group: copies of one report disagree, not independent sources. */
  betweenCopies?: boolean;
  /** Since 1.2.0: the normalisations tried before the alarm (units, hedges, rounding, spelling, time zones). */
  normalisations?: string[];
  /** Since 1.2.0: the rule that found it (`fact:toll`, `sentence:date`, …). */
  rule?: string;
}

/** A figure that moves with publication time ("at least three dead" then "10 dead"): not a contradiction (since 1.2.0). */
export interface FactUpdate {
  slot: string;
  event: string | null;
  /** Values in publication order, earliest first. */
  values: ContradictionValue[];
}

export interface Story {
  id: string;
  headline: string;
  articles: string[];
  events: ReportEvent[];
  summary: SourcedText[];
  timeline: TimelineEntry[];
  entities: ReportEntity[];
  quotes: ReportQuote[];
  claims: Claim[];
  contradictions: Contradiction[];
  /** Since 1.2.0: figures that changed in the direction of later publication (tolls rising). */
  updates?: FactUpdate[];
  /** Since 1.5.0: members joined since the story was last cross-checked. Membership, events, timeline,
   *  entities and counts are current; claims, contradictions, quotes and summary are those of the last
   *  cross-check, which a background refresh replaces (a corpus adding with deferred views). */
  pending?: StoryPending;
}

/** A story whose view was deferred (issue 13): membership and events are current; claims, contradictions,
 * quotes, summary and independent-source counts are the last cross-check's, the order lists the new
 * members after the stored ones, and timeline and entities are the stored ones with the new members'
 * merged in, until a refresh recomputes the view and drops this. */
export interface StoryPending {
  /** Member articles not yet compared with the rest of the story. */
  articles: string[];
  /** When the oldest of them was added (ISO 8601). */
  since: string;
  /** The clusterer's headline now; the cross-check may show another member's title instead (one a
   *  headline contradiction flags is not shown). */
  clusterHeadline: string;
}

export interface ReportArticle {
  id: string;
  path: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  /** Since 1.4.0 also `meta`, `json-ld` and `url` (HTML dates were all `html` before). */
  publishedFrom: PublishedFrom;
  /** Since 1.4.0: the last-modified day the page or feed declares (YYYY-MM-DD), never before `published`. */
  modified?: string | null;
  modifiedFrom?: ModifiedFrom;
  /** Since 1.4.0: the instant crosscheck first saw this text (ISO 8601 UTC): fetch, feed poll or WARC-Date. */
  firstSeen?: string | null;
  firstSeenFrom?: FirstSeenFrom;
  language: string | null;
  sentences: number;
  removed: { text: string; reason: string }[];
  /** Only with --with-text: cleaned body, paragraphs separated by blank lines. */
  text?: string;
  /** Since 1.3.0: the independent source (`Report.sources` id) the article counts as. */
  source?: string;
  /** Since 1.3.0: the outlet it counts under once hosts, sections and declared names are folded
   * ("Ostra Valley Times" for `sport.ostravalleytimes.example`). */
  masthead?: string;
  /** Since 1.3.0: every note a stage left on the article (`origin` names stage and rule). */
  diagnostics?: { origin: string; level: 'info' | 'warning' | 'error'; message: string }[];
  /** Since 1.3.0: the text's version at its source (1 = as first seen; each changed text is a revision). */
  version?: number;
  /** Since 1.3.0: earlier versions, oldest first, each with the sentences the next version removed and added. */
  revisions?: ArticleRevisionDiff[];
}

/** How an article's text changed from one version to the next (since 1.3.0). */
export interface ArticleRevisionDiff {
  /** The earlier version. */
  version: number;
  seenAt: string;
  removed: string[];
  added: string[];
}

/** Why articles were folded into one independent source (since 1.3.0). */
export type SourceFoldKind = 'copy' | 'masthead' | 'owner' | 'parent' | 'wire';

export interface SourceFold {
  kind: SourceFoldKind;
  /** The outlet, owner, parent company or wire service named by the reason; null for copies. */
  by: string | null;
  /** The articles this reason folds. */
  articles: string[];
  /** Their outlets (display names), code-point order; a wire's list leaves out the wire itself. */
  outlets: string[];
  /** The reason in words: "AP via 3 outlets (dateline "(AP) —" in 2 articles)", "2 outlets of one owner (X)". */
  detail: string;
}

/** Articles that count as one witness: copies, one outlet's reports, one owner's outlets, one wire's copies. */
export interface IndependentSource {
  /** `src:…`, unique in the report. */
  id: string;
  /** "AP via 12 outlets", "2 outlets of one owner (Valley Media Group)", "Ostra Valley Times". */
  label: string;
  articles: string[];
  outlets: string[];
  /** The wire service whose copy this is, or null. */
  wire: string | null;
  /** The owner or parent company that joined several outlets, or null. */
  owner: string | null;
  /** Every reason articles were folded; empty for a single article of a single outlet. */
  folded: SourceFold[];
}

export interface Rejected {
  path: string;
  reason: string;
}

export interface Report {
  version: string;
  generatedAt: string;
  articles: ReportArticle[];
  rejected: Rejected[];
  warnings: { path: string; message: string }[];
  reuse: ReportReuse[];
  /** Pairwise links left out of `reuse` because a copy group of more than `FULL_REUSE_GROUP` articles is
   * listed as its strongest spanning links (who copies whom stays connected; since 1.1.0). */
  reuseOmitted?: number;
  /** Since 1.3.0: the independent sources every `independentSources` figure counts, with why each folds
   * its articles (copies, one outlet, one owner, a wire service's copies). */
  sources?: IndependentSource[];
  stories: Story[];
}
