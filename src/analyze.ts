// The one-shot `analyze`: add the inputs to a corpus (the given database, or an in-memory one), then report on
// the stories those inputs belong to. Same output contract as a batch run: into an empty corpus the inputs
// are one chunk, clustered and corroborated together.

import type { AnalysedArticle } from './model/article.js';
import type { Report, ReportReuse, ReuseResult } from './model/report.js';
import type { IngestOptions } from './ingest/types.js';
import { openCorpus } from './corpus/index.js';
import { FULL_REUSE_GROUP, reportReuse as reportLinks } from './corpus/report.js';
import type { OutletRegistry } from './outlets/index.js';

export { FULL_REUSE_GROUP };

export interface AnalyzeOptions {
  /** SQLite path, or null for a purely in-memory run. */
  db: string | null;
  withText?: boolean;
  /** Worker threads for text+extract; 0 runs everything on the main thread. Default: cores, when it pays. */
  workers?: number;
  /** Called as articles pass the per-article stages. */
  onProgress?: (event: { phase: string; done: number; total: number | null }) => void;
  /** Fixed clock for deterministic output (tests). */
  now?: () => Date;
  ingest?: IngestOptions;
  /** Contradiction engine (see CorroborateOptions): `facts` by default; `sentences` is the pre-1.2 baseline. */
  engine?: 'facts' | 'sentences';
  /** Told once when another process is adding to the same database and this run waits for it. */
  onWait?: (holder: string) => void;
  /** Outlet registry (`--outlets FILE`, loadOutletRegistry): names, hosts, owners, wire services. */
  outlets?: OutletRegistry;
}

export interface AnalyzeResult {
  report: Report;
  /** Wall-clock milliseconds per phase, and CPU milliseconds per per-article stage (`stage:*`). */
  timings: Map<string, number>;
}

export async function analyze(inputs: string[], options: AnalyzeOptions): Promise<AnalyzeResult> {
  const corpus = await openCorpus({ db: options.db, onWait: options.onWait, outlets: options.outlets });
  try {
    const added = await corpus.add(inputs, {
      ingest: options.ingest,
      workers: options.workers,
      // In memory the store ends with this call: a cached analysis could never be read back. Writing them
      // (JSON of every article's tokens and extraction) was 6.0 s of the main thread's 78 s at 10k.
      cacheAnalyses: options.db !== null,
      engine: options.engine,
      now: options.now,
      onProgress: options.onProgress,
      keepRecords: true,
      // The report below takes the records from memory and the in-memory store closes after it: packing them
      // into it (JSON + deflate of every record) was ~8 s of the main thread at 10k.
      recordsHeld: options.db === null,
    });
    const t0 = performance.now();
    const report = await corpus.report({
      articles: added.inputIds,
      withText: options.withText,
      rejected: added.rejected,
      warnings: added.warnings,
      now: options.now?.() ?? new Date(),
      // The records it just committed, from memory: reading them back was 3.3 s at 10k, the links 1.5 s.
      records: added.records,
    });
    added.timings.set('report', performance.now() - t0);
    return { report, timings: added.timings };
  } finally {
    await corpus.close();
  }
}

/** The reuse links of a batch as the report lists them (see corpus/report.ts). */
export function reportReuse(reuse: ReuseResult, byId: Map<string, AnalysedArticle>): { reuse: ReportReuse[]; reuseOmitted?: number } {
  return reportLinks(reuse.links, byId);
}
