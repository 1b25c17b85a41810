// `crosscheck watch` (poll feeds into the corpus, continuously or `--once` for cron) and `crosscheck feeds`
// (every watched feed with its health). The polling itself is src/fetch/poller.ts; this module reads the
// options, prints one line per poll, and stops cleanly on SIGINT / SIGTERM: the feeds being polled finish and
// their items are committed, then the corpus is closed and the exit code is 0.

import { existsSync } from 'node:fs';
import { openCorpus, type Corpus } from '../../corpus/index.js';
import { LiveAdder } from '../../corpus/live.js';
import { warmStages } from '../../corpus/analyse.js';
import { databaseForDisplay, isDatabaseUrl, storePathProblem } from '../../store/paths.js';
import type { FeedState } from '../../store/types.js';
import { FeedPoller, type PollReport } from '../../fetch/poller.js';
import { readFeedList, type FeedEntry } from '../../fetch/feed-list.js';
import { FEED_INTERVAL_MS, MIN_FEED_INTERVAL_MS } from '../../fetch/params.js';
import type { AddResult } from '../../corpus/index.js';
import type { HandedOff, WorkerHandoff } from '../../queue/handoff.js';
import { EXIT_NOTHING_ANALYSED, EXIT_USAGE, UserError } from './exit.js';
import { outletRegistry, workerCount } from './analyze.js';

export interface WatchCommandOptions {
  db: string; feeds?: string; feed?: string[]; once?: boolean; all?: boolean; interval?: string; hostGap?: string;
  timeout?: string; robots?: boolean; chunk?: string; workers?: string; outlets?: string; quiet?: boolean;
  nats?: string; queue?: string; inProcess?: boolean;
}
export interface FeedsCommandOptions { db: string; format: 'table' | 'json' }

/** `15m`, `90s`, `1h`, or a bare number of minutes → milliseconds. */
export function intervalOf(value: string | undefined): number {
  if (value === undefined) return FEED_INTERVAL_MS;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h)?\s*$/i.exec(value);
  const ms = m ? Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 'm').toLowerCase() as 's' | 'm' | 'h'] : NaN;
  if (!(ms >= MIN_FEED_INTERVAL_MS)) throw new UserError(`--interval expects a duration of at least 1 minute (15m, 90s, 1h), got "${value}"`, EXIT_USAGE);
  return ms;
}

function wholeNumber(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= min)) throw new UserError(`${flag} expects a whole number of at least ${min}, got "${value}"`, EXIT_USAGE);
  return n;
}

async function feedEntries(opts: WatchCommandOptions): Promise<FeedEntry[] | undefined> {
  const entries: FeedEntry[] = [];
  if (opts.feeds) {
    const list = await readFeedList(opts.feeds);
    if ('error' in list) throw new UserError(list.error, EXIT_USAGE);
    for (const p of list.problems) process.stderr.write(`crosscheck: ${opts.feeds}: ${p} (skipped)\n`);
    entries.push(...list.feeds);
  }
  for (const url of opts.feed ?? []) {
    if (!/^https?:\/\/\S+$/i.test(url)) throw new UserError(`--feed expects an http(s) URL, got "${url}"`, EXIT_USAGE);
    if (!entries.some((e) => e.url === url)) entries.push({ url, title: null });
  }
  // None given: every feed the corpus already watches.
  return entries.length ? entries : undefined;
}

async function openForWatch(db: string, mustExist: boolean, quiet = false, outletsFile?: string): Promise<Corpus> {
  if (mustExist && !isDatabaseUrl(db) && !existsSync(db)) throw new UserError(`no corpus at ${db}: watch some feeds first (crosscheck watch --feeds FILE --db ${db})`, EXIT_USAGE);
  const problem = storePathProblem(db);
  if (problem) throw new UserError(`cannot use the database ${db}: ${problem}`, EXIT_USAGE);
  const outlets = outletsFile === undefined ? undefined : outletRegistry(outletsFile);
  return openCorpus({ db, outlets, onWait: (holder) => !quiet && process.stderr.write(`crosscheck: waiting for another process adding to ${databaseForDisplay(db)} (${holder})…\n`) });
}

/** What `watch`'s sink made of a feed's items: added here, or queued for the workers. */
export type WatchSinkOutcome = (AddResult & { via: 'corpus' }) | HandedOff;

const when = (iso: string | null): string => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '-');

/** One line per poll on stdout; its warnings on stderr (unless quiet). */
export function pollLine(r: PollReport<WatchSinkOutcome>): string {
  const f = r.feed;
  const next = `next ${when(f.nextPollAt)} (${r.next.why})`;
  if (f.status === 'not-modified') return `${f.url}: not modified (HTTP 304); ${next}`;
  if (f.status === 'error') return `${f.url}: failed: ${f.message} (${f.errors} in a row); ${next}`;
  const s = r.sink;
  if (s?.via === 'workers') return `${f.url}: ${r.taken} new or changed item${r.taken === 1 ? '' : 's'} (queued ${s.queued} for the workers, already queued ${s.alreadyQueued}); ${next}`;
  const what = s ? `added ${s.added.length}, revised ${s.revised.length}, duplicate ${s.duplicates.length}, unchanged ${s.unchanged.length}` : 'nothing new';
  return `${f.url}: ${r.taken} new or changed item${r.taken === 1 ? '' : 's'} (${what}); ${next}`;
}

export async function watchCommand(opts: WatchCommandOptions): Promise<void> {
  const intervalMs = intervalOf(opts.interval);
  const hostGapMs = wholeNumber('--host-gap', opts.hostGap, 0);
  const timeoutMs = opts.timeout === undefined ? undefined : Number(opts.timeout) * 1000;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new UserError(`--timeout expects seconds above 0, got "${opts.timeout}"`, EXIT_USAGE);
  const chunkSize = wholeNumber('--chunk', opts.chunk, 1) ?? 1000;
  const workers = workerCount(opts.workers, Boolean(opts.quiet));
  const entries = await feedEntries(opts);
  const corpus = await openForWatch(opts.db, false, opts.quiet, opts.outlets);
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.stderr.write(`crosscheck: ${signal} again: stopping now (the chunk being added is not committed)\n`);
      process.exit(130);
    }
    process.stderr.write(`crosscheck: ${signal}: finishing the feeds being polled, then stopping…\n`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const reports: PollReport<WatchSinkOutcome>[] = [];
  const handoff = await workerHandoff(opts);
  // Online placement and deferred views, as serve adds: a poll's items wait for their own stages, not for the
  // cross-check of the big stories they join, which runs between polls (src/corpus/live.ts).
  const live = new LiveAdder(corpus, undefined, (err) => !opts.quiet && process.stderr.write(`crosscheck: deferred cross-check failed: ${err.message}\n`));
  warmStages();
  try {
    const poller = new FeedPoller<WatchSinkOutcome>({
      store: corpus.store,
      // Each feed's items go to the workers while one is alive (a PostgreSQL corpus), else are added here.
      sink: async (items) => (await handoff?.take(items)) ?? { via: 'corpus', ...(await live.add(items, { workers, chunkSize })) },
      fetch: { hostGapMs, timeoutMs, robots: opts.robots },
      intervalMs,
      onPoll: (r) => {
        reports.push(r);
        process.stdout.write(pollLine(r) + '\n');
        if (!opts.quiet) for (const w of r.feed.status === 'error' ? [] : r.warnings) process.stderr.write(`  warning: ${w}\n`);
      },
    });
    const feeds = await poller.load(entries);
    if (feeds.length === 0) throw new UserError(`no feeds to watch in ${databaseForDisplay(opts.db)}: give --feeds FILE or --feed URL`, EXIT_USAGE);
    if (opts.once) {
      await onceRound(poller, opts, controller.signal, reports);
      // From cron: the stories this round grew are cross-checked before the process goes.
      await live.settled();
    } else {
      if (!opts.quiet) process.stderr.write(`crosscheck: watching ${feeds.length} feed(s) into ${databaseForDisplay(opts.db)} every ${intervalMs / 60_000} min (Ctrl-C stops)\n`);
      // Stories an earlier run left pending are cross-checked while the first polls wait for their feeds.
      live.refreshWhenIdle();
      await poller.run(controller.signal);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // A stop leaves the stories not yet cross-checked pending (Story.pending): the next run or add refreshes them.
    await live.stop();
    await handoff?.close();
    await corpus.close();
  }
}

/** On a PostgreSQL corpus (unless --in-process), the hand-off to the workers; stderr hears each switch. */
async function workerHandoff(opts: WatchCommandOptions): Promise<WorkerHandoff | null> {
  if (opts.inProcess || !isDatabaseUrl(opts.db)) return null;
  const { WorkerHandoff } = await import('../../queue/handoff.js');
  return new WorkerHandoff({ db: opts.db, nats: opts.nats, namespace: opts.queue }, (handing, why) => {
    if (!opts.quiet) process.stderr.write(`crosscheck: ${why}: ${handing ? 'new items are queued for the workers' : 'adding new items in this process'}\n`);
  });
}

/** `--once`: the due feeds (all with --all), a summary, and exit 1 when every feed polled failed. */
async function onceRound(poller: FeedPoller<WatchSinkOutcome>, opts: WatchCommandOptions, signal: AbortSignal, reports: PollReport<WatchSinkOutcome>[]): Promise<void> {
  const due = new Set(poller.due());
  const waiting = opts.all ? [] : poller.states().filter((f) => !due.has(f));
  await poller.cycle({ all: opts.all, signal });
  const failed = reports.filter((r) => r.feed.status === 'error').length;
  const taken = reports.reduce((n, r) => n + r.taken, 0);
  const added = reports.reduce((n, r) => n + (r.sink?.added.length ?? 0), 0);
  const revised = reports.reduce((n, r) => n + (r.sink?.revised.length ?? 0), 0);
  const queued = reports.reduce((n, r) => n + (r.sink?.via === 'workers' ? r.sink.queued : 0), 0);
  if (!opts.quiet) for (const f of waiting) process.stderr.write(`crosscheck: ${f.url} not due until ${when(f.nextPollAt)} (--all polls it anyway)\n`);
  process.stdout.write(`polled ${reports.length} feed(s): ${reports.length - failed} answered, ${failed} failed, ${waiting.length} not due; ${taken} item(s) taken, ${added} article(s) added, ${revised} revised${queued ? `, ${queued} queued for the workers` : ''}\n`);
  if (reports.length > 0 && failed === reports.length) throw new UserError(`every feed polled failed (see the reasons above)`, EXIT_NOTHING_ANALYSED);
}

export async function feedsCommand(opts: FeedsCommandOptions): Promise<void> {
  const corpus = await openForWatch(opts.db, true);
  try {
    const feeds = await corpus.store.getFeeds();
    if (opts.format === 'json') {
      // The fingerprints are bookkeeping, not health: their count is enough.
      const out = feeds.map(({ seen, ...f }) => ({ ...f, itemsInLastDocument: seen.length }));
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return;
    }
    process.stdout.write(feedsTable(feeds) + '\n');
    if (isDatabaseUrl(opts.db)) {
      const dead = await deadLetterLine(opts.db);
      if (dead) process.stdout.write(dead + '\n');
    }
  } finally {
    await corpus.close();
  }
}

/** On a PostgreSQL corpus whose workers gave up on some jobs, one line saying so (status lists them). Nothing
 *  when no worker ever ran, or NATS does not answer: the feeds' health does not depend on the queue. */
async function deadLetterLine(db: string): Promise<string | null> {
  const { JobQueue } = await import('../../queue/jetstream.js');
  const { deadLetters } = await import('../../queue/status.js');
  const found = await JobQueue.openIfExists({ db });
  if ('why' in found) return null;
  try {
    const n = (await deadLetters(found.queue)).length;
    return n ? `${n} job${n === 1 ? '' : 's'} dead-lettered on the workers' queue ${found.queue.namespace} (crosscheck status --db ${databaseForDisplay(db)} lists them with their reasons)` : null;
  } finally {
    await found.queue.close();
  }
}

export function feedsTable(feeds: FeedState[]): string {
  if (feeds.length === 0) return 'no feeds watched yet (crosscheck watch --feeds FILE)';
  const head = ['status', 'http', 'last fetch', 'next poll', 'items', 'articles', 'errors', 'feed'];
  const rows = feeds.map((f) => [
    f.status, f.httpStatus === null ? '-' : String(f.httpStatus), when(f.lastFetchAt), when(f.nextPollAt), String(f.itemsSeen),
    String(f.articlesAdded), `${f.errors}/${f.errorsTotal}`, f.url + (f.title ? `  ${f.title}` : '') + (f.message ? `  — ${f.message}` : ''),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  // The last column is free text (and may hold anything a server sent): never padded, control characters shown.
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c.replace(/[\u0000-\u001f\u007f]/g, '?') : c.padEnd(widths[i]))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}
