// The library entry (`import { analyze } from 'crosscheck'`, compiled to dist/index.js): the public API as
// a plain list of exports. Everything not listed here is internal and may change between versions.

export { analyze, type AnalyzeOptions, type AnalyzeResult } from './analyze.js';
export { openCorpus, Corpus, type CorpusOptions, type AddOptions, type AddResult } from './corpus/index.js';
export type { StorySummary, StoryQuery, StoryChange, StoredArticle } from './store/types.js';
export { renderMarkdown } from './brief/markdown.js';
export { renderHtml } from './brief/html.js';
export { openStore, DEFAULT_DB_PATH, StoreError, type Store } from './store/store.js';
export {
  REPORT_VERSION,
  type Report,
  type ReportArticle,
  type ReportReuse,
  type ReportEvent,
  type ReportEntity,
  type ReportQuote,
  type Rejected,
  type ReuseKind,
  type ReuseLink,
  type ReuseResult,
  type SourcedText,
  type TimelineEntry,
  type Claim,
  type Contradiction,
  type ContradictionKind,
  type ContradictionValue,
  type ValueMention,
  type FactUpdate,
  type Story,
} from './model/report.js';
