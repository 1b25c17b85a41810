// The one record that flows through the pipeline: an article's text, metadata, and one typed slot per
// stage. Stages fill their slot and append diagnostics; nothing else mutates an article.

/**
 * Where an article's publication date came from (report contract): `meta` (article:published_time,
 * itemprop, Dublin Core, parse.ly… meta tags), `json-ld` (datePublished of the page's Article node),
 * `feed` (the item's pubDate / published), `url` (/2031/03/14/ in the path), `text` (a dateline or byline
 * date), `header` (a text file's header), `json` (a JSON export's field), `copy` (inherited from a dated
 * copy). `html` is what 1.3 and earlier wrote for every HTML date; stored articles may still carry it.
 */
export type PublishedFrom = 'header' | 'meta' | 'json-ld' | 'feed' | 'url' | 'text' | 'json' | 'copy' | 'html' | null;

/** A source a date can be read from in the article itself (everything but `copy` and the legacy `html`). */
export type DateSource = Exclude<PublishedFrom, 'copy' | 'html' | null>;

/** Where the last-modified date came from: what the page or feed declares. */
export type ModifiedFrom = 'meta' | 'json-ld' | 'feed' | null;

/** Where first-seen came from: our own fetch of the page, the feed poll that carried the item, or a web
 *  archive's capture time (WARC-Date). Files have none. */
export type FirstSeenFrom = 'fetch' | 'feed' | 'warc' | null;

export type SourceFormat = 'txt' | 'html' | 'feed' | 'json';

/** A note attached to an article by a stage; `origin` names stage and rule, e.g. `clean:subscription-plea`. */
export interface Diagnostic {
  origin: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface ArticleMeta {
  title: string | null;
  url: string | null;
  /** Host-derived or declared outlet name (e.g. `timesofisrael.com`, or a feed/site name). */
  outlet: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  publishedFrom: PublishedFrom;
  /** YYYY-MM-DD as the source wrote it, never before `published`; absent on articles stored before it existed. */
  modified?: string | null;
  modifiedFrom?: ModifiedFrom;
  /** ISO 8601 instant (UTC) crosscheck first saw the text: fetch time, feed poll time or WARC-Date. */
  firstSeen?: string | null;
  firstSeenFrom?: FirstSeenFrom;
  author: string | null;
  /** Language declared by the source (HTML lang, feed language), if any. */
  declaredLanguage: string | null;
}

/** Filled by ingest: what the file said, before any cleaning. */
export interface Article {
  /** File name without extension, or `file#n` for items of a feed/JSONL file. */
  id: string;
  path: string;
  format: SourceFormat;
  encoding: string;
  meta: ArticleMeta;
  /** Body text as extracted from the source, lines separated by `\n`, header lines removed. */
  raw: string;
  /** sha256 hex of the whitespace-normalised raw body: the identity used for idempotent storage. */
  hash: string;
  diagnostics: Diagnostic[];
  clean?: CleanSlot;
  text?: TextSlot;
  extract?: ExtractSlot;
}

/** A line taken out by the cleaner and why (reason is a rule origin such as `clean:copyright`). */
export interface RemovedLine {
  text: string;
  reason: string;
}

/** Character range of a paragraph in `CleanSlot.text`. Headings are kept but are not sentences. */
export interface Paragraph {
  start: number;
  end: number;
  heading: boolean;
}

export interface CleanSlot {
  /** The article body after cleaning, paragraphs separated by a blank line. All offsets index into this. */
  text: string;
  paragraphs: Paragraph[];
  removed: RemovedLine[];
}

export interface Token {
  start: number;
  end: number;
  /** Lower-cased normal form. */
  normal: string;
  pos: string;
}

export interface Sentence {
  index: number;
  /** Offsets into `CleanSlot.text`. */
  start: number;
  end: number;
  text: string;
  paragraph: number;
  tokens: Token[];
}

export interface TextSlot {
  /** ISO 639-1 code or null when undetectable (too short). */
  language: string | null;
  sentences: Sentence[];
}

/** A character range into `CleanSlot.text`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'person' | 'organization' | 'place' | 'product' | 'other';

export interface EntityMention extends Span {
  /** Canonical name after in-article alias merging ("Jake Sullivan" for "Sullivan"). */
  name: string;
  type: EntityType;
  roles: string[];
  sentence: number;
}

export interface QuoteMention {
  speaker: string | null;
  speakerSpan: Span | null;
  cue: Span | null;
  content: Span;
  direct: boolean;
  sentence: number;
}

export interface DateMention extends Span {
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, an ISO 8601 duration (`P3D`), or null when unresolved. */
  value: string | null;
  /** How the value was obtained, e.g. `absolute`, `relative-past-weekday`, `unresolved-no-reference`. */
  resolution: string;
  /**
   * TimeML (TIMEX3) value beside the calendar value, for what `value` cannot hold: `P8Y`, `2013-W12`,
   * `PRESENT_REF`, `XXXX-WXX-4`, `1998-Q3`, or the same day as `value`. Null when unresolved. Optional:
   * analyses cached before it existed lack it.
   */
  timex?: string | null;
  sentence: number;
}

export interface QuantityMention extends Span {
  value: number | null;
  min: number | null;
  max: number | null;
  approx: boolean;
  unit: string | null;
  /** `statistic`: a figure that is not a count (a batting average ".312"); never compared as an amount of things. */
  kind: 'count' | 'money' | 'percent' | 'frequency' | 'measure' | 'ordinal' | 'statistic';
  sentence: number;
}

export interface ExtractSlot {
  entities: EntityMention[];
  quotes: QuoteMention[];
  dates: DateMention[];
  quantities: QuantityMention[];
}

/** An article that has passed every per-article stage. */
export type AnalysedArticle = Article & { clean: CleanSlot; text: TextSlot; extract: ExtractSlot };

/** An article that has been cleaned and segmented: what the extractors read. */
export type TextReady = Article & { clean: CleanSlot; text: TextSlot };
