// What ingest hands to the rest of the pipeline: one item per article found, per file refused, or per
// problem worth telling the user about while the rest of the file was kept.

import type { Article } from '../model/article.js';

export type IngestItem =
  | { kind: 'article'; article: Article }
  | { kind: 'rejected'; path: string; reason: string }
  | { kind: 'warning'; path: string; message: string };

export interface IngestOptions {
  /** Files larger than this are rejected from their size alone, without being read. Default 50 MB. */
  maxBytes?: number;
  /** Stream read for the input `-` (default `process.stdin`). */
  stdin?: NodeJS.ReadableStream;
  /** JSON Lines files larger than this are streamed line by line (default STREAM_JSONL_BYTES). */
  streamJsonLinesAbove?: number;
  /** Milliseconds one markup or gzipped file may take to parse (default FILE_TIME_BUDGET_MS); 0 parses on
   *  the calling thread without a budget. */
  fileTimeBudgetMs?: number;
}
