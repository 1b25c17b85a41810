// The corpus commands: `add` (ingest into the stored corpus, print what changed), `stories` (list without
// recomputing), `report` (render stored stories) and `rebuild` (the batch passes over everything stored).
// Loaded by main.ts only when one of them runs.

import { existsSync } from 'node:fs';
import { openCorpus, type Corpus } from '../../corpus/index.js';
import { databaseForDisplay, isDatabaseUrl, storePathProblem } from '../../store/paths.js';
import { renderMarkdown } from '../../brief/markdown.js';
import { renderHtml } from '../../brief/html.js';
import { markReport } from '../../ingest/own-output.js';
import { sourceItems } from '../../fetch/index.js';
import type { FetchOptions } from '../../fetch/index.js';
import { Progress } from '../progress.js';
import { checkOutputPath, writeOutput } from './output.js';
import { EXIT_NOTHING_ANALYSED, EXIT_USAGE, UserError } from './exit.js';
import { outletRegistry, workerCount } from './analyze.js';

export interface AddCommandOptions {
  db: string; workers?: string; chunk?: string; quiet?: boolean; format: 'table' | 'json'; outlets?: string; hostGap?: string; timeout?: string; robots?: boolean;
  nats?: string; queue?: string; inProcess?: boolean;
}
export interface StoriesCommandOptions { db: string; since?: string; query?: string; limit?: string; format: 'table' | 'json' }
export interface ReportCommandOptions { db: string; story?: string[]; format: 'md' | 'json' | 'html' | 'csv' | 'jsonld'; out?: string; withText?: boolean; outlets?: string }
export interface RebuildCommandOptions { db: string; quiet?: boolean; outlets?: string }

function positive(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new UserError(`${flag} expects a whole number above 0, got "${value}"`, EXIT_USAGE);
  return n;
}

function nonNegative(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 0)) throw new UserError(`${flag} expects a whole number of milliseconds, got "${value}"`, EXIT_USAGE);
  return n;
}

function secondsOf(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new UserError(`${flag} expects seconds above 0, got "${value}"`, EXIT_USAGE);
  return n * 1000;
}

/** Opens the corpus for writing (created when missing), or for reading (it must exist). */
async function open(db: string, mustExist: boolean, quiet = false, outletsFile?: string): Promise<Corpus> {
  const outlets = outletsFile === undefined ? undefined : outletRegistry(outletsFile);
  if (mustExist && !isDatabaseUrl(db) && !existsSync(db)) throw new UserError(`no corpus at ${db}: add articles first (crosscheck add INPUT… --db ${db})`, EXIT_USAGE);
  const problem = storePathProblem(db);
  if (problem) throw new UserError(`cannot use the database ${db}: ${problem}`, EXIT_USAGE);
  return openCorpus({ db, outlets, onWait: (holder) => !quiet && process.stderr.write(`crosscheck: waiting for another process adding to ${databaseForDisplay(db)} (${holder})…\n`) });
}

export async function addCommand(inputs: string[], opts: AddCommandOptions): Promise<void> {
  const workers = workerCount(opts.workers, Boolean(opts.quiet));
  const chunkSize = positive('--chunk', opts.chunk) ?? 1000;
  // URLs, OPML, WARC, sitemaps and CSV of URLs are fetched or read by src/fetch; other inputs go to ingest.
  const fetch = { hostGapMs: nonNegative('--host-gap', opts.hostGap), timeoutMs: secondsOf('--timeout', opts.timeout), robots: opts.robots };
  if (!opts.inProcess && isDatabaseUrl(opts.db) && (await handedToWorkers(inputs, opts, fetch))) return;
  const corpus = await open(opts.db, false, opts.quiet, opts.outlets);
  const progress = new Progress(!opts.quiet);
  try {
    // Chunks defer big stories' cross-checks and they run once at the end: a story that every chunk grows
    // is cross-checked once, not once per chunk (stories left pending by an earlier, killed add as well).
    const r = await corpus.addItems(sourceItems(inputs, { fetch }), { workers, chunkSize, deferViews: true, onProgress: (e) => progress.update(e.phase, e.done, e.total) });
    await corpus.refreshViews({ onProgress: (done, total) => progress.update('cross-check', done, total) });
    progress.stop();
    for (const x of r.rejected) if (!opts.quiet) process.stderr.write(`rejected ${x.path}: ${x.reason}\n`);
    for (const w of r.warnings) if (!opts.quiet) process.stderr.write(`warning ${w.path}: ${w.message}\n`);
    const summary = {
      added: r.added, revised: r.revised, duplicates: r.duplicates, unchanged: r.unchanged.length, rejected: r.rejected,
      storiesCreated: r.storiesCreated, storiesUpdated: r.storiesUpdated, storiesRemoved: r.storiesRemoved,
    };
    if (opts.format === 'json') process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else {
      const headlines = new Map((await corpus.stories({ articles: r.inputIds })).map((s) => [s.id, s.headline]));
      const lines = [
        `added ${r.added.length}, revised ${r.revised.length}, duplicate ${r.duplicates.length}, unchanged ${r.unchanged.length}, rejected ${r.rejected.length}`,
        ...r.duplicates.map((d) => `  duplicate ${d.id}: same text as ${d.of}`),
        ...r.revised.map((id) => `  revised ${id}`),
        `stories: ${r.storiesCreated.length} created, ${r.storiesUpdated.length} updated, ${r.storiesRemoved.length} merged away`,
        ...r.storiesCreated.map((id) => `  new      ${id}  ${headlines.get(id) ?? ''}`),
        ...r.storiesUpdated.map((id) => `  updated  ${id}  ${headlines.get(id) ?? ''}`),
        ...r.storiesRemoved.map((id) => `  merged   ${id}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
    }
    if (r.added.length + r.revised.length + r.duplicates.length + r.unchanged.length === 0) {
      throw new UserError(`no article could be added (${r.rejected.length} input(s) rejected; see the reasons above)`, EXIT_NOTHING_ANALYSED);
    }
  } finally {
    progress.stop();
    await corpus.close();
  }
}

/** A PostgreSQL corpus with workers alive: the articles become their jobs, and `add` returns once they are
 *  queued, saying how many and how to follow them. False (nothing done) when no worker is alive; the add then
 *  runs here, and stderr says why. */
async function handedToWorkers(inputs: string[], opts: AddCommandOptions, fetch: FetchOptions): Promise<boolean> {
  const { WorkerHandoff } = await import('../../queue/handoff.js');
  const handoff = new WorkerHandoff({ db: opts.db, nats: opts.nats, namespace: opts.queue });
  try {
    const alive = await handoff.alive();
    if ('why' in alive) {
      if (!opts.quiet) process.stderr.write(`crosscheck: ${alive.why}: adding in this process\n`);
      return false;
    }
    const { queue, workers } = alive;
    const { enqueueItems } = await import('../../queue/enqueue.js');
    const r = await enqueueItems(queue, sourceItems(inputs, { fetch }));
    for (const x of r.rejected) if (!opts.quiet) process.stderr.write(`rejected ${x.path}: ${x.reason}\n`);
    for (const w of r.warnings) if (!opts.quiet) process.stderr.write(`warning ${w.path}: ${w.message}\n`);
    const follow = `crosscheck status --db ${databaseForDisplay(opts.db)}${opts.queue ? ` --queue ${opts.queue}` : ''}`;
    const summary = { queued: r.queued.length, alreadyQueued: r.alreadyQueued.length, rejected: r.rejected, queue: queue.namespace, workers, follow };
    if (opts.format === 'json') process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else {
      process.stdout.write(`queued ${summary.queued}, already queued ${summary.alreadyQueued}, rejected ${r.rejected.length}: ` +
        `${workers} worker${workers === 1 ? '' : 's'} alive on ${queue.namespace} will add them\nfollow with: ${follow}\n`);
    }
    if (r.queued.length + r.alreadyQueued.length === 0) throw new UserError(`no article could be queued (${r.rejected.length} input(s) rejected; see the reasons above)`, EXIT_NOTHING_ANALYSED);
    return true;
  } finally {
    await handoff.close();
  }
}

export async function storiesCommand(opts: StoriesCommandOptions): Promise<void> {
  if (opts.since && (!/^\d{4}-\d{2}-\d{2}$/.test(opts.since) || Number.isNaN(Date.parse(opts.since)))) {
    throw new UserError(`--since expects YYYY-MM-DD, got "${opts.since}"`, EXIT_USAGE);
  }
  const corpus = await open(opts.db, true);
  try {
    const list = await corpus.stories({ since: opts.since, query: opts.query, limit: positive('--limit', opts.limit) });
    if (opts.format === 'json') {
      process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      return;
    }
    const rows = list.map((s) => [s.id, String(s.articles), String(s.independentSources), String(s.contradictions), s.firstSeen ?? '', s.lastSeen ?? '', s.headline]);
    const head = ['id', 'articles', 'sources', 'disagreements', 'first', 'last', 'headline'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
    process.stdout.write([line(head), ...rows.map(line)].join('\n') + '\n');
  } finally {
    await corpus.close();
  }
}

export async function reportCommand(opts: ReportCommandOptions): Promise<void> {
  checkOutputPath(opts.out);
  const corpus = await open(opts.db, true, false, opts.outlets);
  try {
    if (opts.story?.length) {
      const found = new Set((await corpus.store.getStories(opts.story)).map((s) => s.id));
      const missing = opts.story.filter((id) => !found.has(id));
      if (missing.length) throw new UserError(`no story ${missing.join(', ')} in ${databaseForDisplay(opts.db)} (crosscheck stories lists them)`, EXIT_USAGE);
    }
    if (opts.format === 'csv' || opts.format === 'jsonld') {
      writeOutput(opts.out, await claimExports(corpus, opts.story, opts.format));
      return;
    }
    const report = await corpus.report({ stories: opts.story?.length ? opts.story : undefined, withText: Boolean(opts.withText) });
    const body = opts.format === 'json' ? JSON.stringify(report, null, 2) : opts.format === 'html' ? renderHtml(report) : renderMarkdown(report);
    writeOutput(opts.out, markReport(opts.format, body));
  } finally {
    await corpus.close();
  }
}

/** Claims and disagreements where people take them next: one CSV (a row per claim and per disagreement
 *  value, the header once) or schema.org Claim JSON-LD, for the named stories or all of them. */
async function claimExports(corpus: Corpus, ids: string[] | undefined, format: 'csv' | 'jsonld'): Promise<string> {
  const { loadStory } = await import('../../server/data.js');
  const { claimsCsv, claimsJsonLd } = await import('../../server/exports.js');
  const stories = ids?.length ? ids : (await corpus.stories()).map((s) => s.id);
  const parts: string[] = [];
  const graphs: unknown[] = [];
  for (const id of stories) {
    const data = await loadStory(corpus, id, null);
    if (!data) continue;
    if (format === 'csv') parts.push(parts.length ? claimsCsv(data).split('\r\n').slice(1).join('\r\n') : claimsCsv(data));
    else graphs.push(claimsJsonLd(data));
  }
  return format === 'csv' ? parts.join('') : JSON.stringify(graphs.length === 1 ? graphs[0] : graphs, null, 2);
}

export async function rebuildCommand(opts: RebuildCommandOptions): Promise<void> {
  const corpus = await open(opts.db, true, opts.quiet, opts.outlets);
  try {
    const t0 = performance.now();
    const r = await corpus.rebuild();
    if (!opts.quiet) process.stderr.write(`crosscheck: rebuilt ${r.stories} stor${r.stories === 1 ? 'y' : 'ies'} from ${r.articles} article(s) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  } finally {
    await corpus.close();
  }
}
