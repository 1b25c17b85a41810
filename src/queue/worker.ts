// `crosscheck worker`: takes batches of article jobs from the queue, runs the per-article stages outside any
// lock (their results land in the store's analysis cache, by content hash), then adds the batch to the corpus
// under the store's writer lock, so placement into events and stories is serialised across all workers and
// two of them never open two stories for one event. A job is acknowledged only after its batch committed; a
// redelivered job is an article the corpus already has (same source, same text: "unchanged"), so it changes
// nothing. A job whose stage throws is retried and, after the queue's maxDeliver tries, dead-lettered. SIGTERM
// stops fetching; a batch not finished within the grace period is handed back uncommitted (src/queue/holding.ts).

import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { JsMsg } from 'nats';
import { Corpus, openCorpus } from '../corpus/index.js';
import { LIVE_ADD } from '../corpus/live.js';
import { warmStages } from '../corpus/analyse.js';
import { analyseArticles } from '../corpus/analyse.js';
import { CorpusLineStats } from '../corpus/line-stats.js';
import { appearanceKey, proposedId } from '../corpus/identity.js';
import type { Article } from '../model/article.js';
import type { OutletRegistry } from '../outlets/index.js';
import type { Store } from '../store/types.js';
import { decode, HEARTBEAT_MS, JobQueue, type QueueOptions } from './jetstream.js';
import { asJob, jobId, type ArticleJob } from './job.js';
import { serveMetrics, workerMetrics, type WorkerMetrics } from './metrics.js';
import { HandedBack, Holding } from './holding.js';
import { KeepAlive } from './keepalive.js';

/** Jobs per batch. Each batch is one writer-lock turn and one commit, whose cost grows with the stories it
 *  touches more than with its articles: bench/workers.ts, 300 articles, 1 worker at load 10, gave 5.9
 *  articles/s with 8 and 6.7 with 32; a turn of 32 holds the lock about 0.9 s on an idle machine. */
export const DEFAULT_BATCH = 32;
/** After SIGTERM, how long the current batch may take before its jobs are handed back: under a batch of 32's
 *  turn on a busy machine (a few seconds), and well inside the 30 s a supervisor such as Kubernetes waits
 *  before SIGKILL, whose jobs would only come back after the visibility timeout. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
/** A job held this long is no longer kept alive, so it goes to another worker after the visibility timeout:
 *  a batch takes seconds (minutes behind many workers' lock turns), so ten minutes means a hung worker. */
export const DEFAULT_MAX_HOLD_MS = 10 * 60_000;
/** A main thread that has not run a timer for this long is hung, not busy: its heartbeat stops, so `add` no
 *  longer hands work to it. The longest synchronous stretch of a batch is seconds (a lock turn of 32 takes about
 *  0.9 s), so two minutes is far past any honest one, and still well under DEFAULT_MAX_HOLD_MS: a hung worker
 *  stops being offered new work long before its jobs are let go. */
export const DEFAULT_MAX_SILENT_MS = 2 * 60_000;
/** The main thread tells the keepalive thread it still runs this often: well under any useful maxSilentMs. */
const PING_MS = 1_000;
/** How long an idle fetch waits for a job: also how long SIGTERM waits when the worker is idle. */
const FETCH_WAIT_MS = 2_000;
/** Before a failed job is offered again: long enough not to spin on a poison job, short for a transient one. */
const RETRY_DELAY_MS = 1_000;
/** StageError's message (src/pipeline/stage.ts): a stage threw on this article, as opposed to the corpus
 *  judging it (only boilerplate, too long), which is a final answer and not worth a retry. */
const STAGE_FAILURE = /: internal error in stage /;

export interface WorkerOptions extends QueueOptions {
  batch?: number;
  outlets?: OutletRegistry;
  /** Return once no job is queued or held by any worker (a drain; tests and benchmarks). */
  untilEmpty?: boolean;
  /** Aborting stops the worker as SIGTERM does: no more fetching, the batch finished or handed back. */
  signal?: AbortSignal;
  /** After SIGTERM (or abort), how long the current batch may run before its jobs are handed back. */
  shutdownGraceMs?: number;
  /** How long a held job is kept alive at most (default DEFAULT_MAX_HOLD_MS). */
  maxHoldMs?: number;
  /** How long the heartbeat goes on while the main thread does not answer (default DEFAULT_MAX_SILENT_MS). */
  maxSilentMs?: number;
  log?: (line: string) => void;
  onBatch?: (event: { phase: 'start' | 'done'; jobs: number }) => void;
  /** Serve Prometheus metrics on this port (0: any free one; the log says which) of `metricsHost`. */
  metricsPort?: number;
  /** Default 127.0.0.1: a scraper on another machine needs the worker bound to an address it reaches. */
  metricsHost?: string;
}

export interface WorkerSummary {
  worker: string;
  batches: number;
  done: number;
  retried: number;
  deadLettered: number;
  /** Jobs handed back to the queue on shutdown, unfinished. */
  handedBack: number;
}

/** What one job came to in the corpus. */
export type JobOutcome = 'added' | 'revised' | 'duplicate' | 'unchanged' | 'rejected';

export interface OutcomeRecord {
  job: string;
  key: string;
  article: string;
  outcome: JobOutcome;
  reason?: string;
  worker: string;
  at: string;
}

export interface DeadLetter {
  job: string;
  /** The job's sequence in the job stream (JetStream's own advisories name jobs by it). */
  seq: number;
  key: string | null;
  path: string | null;
  reason: string;
  deliveries: number;
  worker: string;
  at: string;
}

interface Held {
  msg: JsMsg;
  id: string;
  job: ArticleJob;
}

interface Context {
  queue: JobQueue;
  store: Store;
  outlets?: OutletRegistry;
  summary: WorkerSummary;
  log: (line: string) => void;
  metrics: WorkerMetrics;
  holding: Holding;
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  // Shorter, and a main thread merely between two pings (or in a short stretch) would flap between dead and alive.
  if (opts.maxSilentMs !== undefined && opts.maxSilentMs < 2 * PING_MS) throw new Error(`maxSilentMs must be at least ${2 * PING_MS} ms, not ${opts.maxSilentMs}`);
  const worker = `${hostname()}-${process.pid}-${randomBytes(2).toString('hex')}`;
  const summary: WorkerSummary = { worker, batches: 0, done: 0, retried: 0, deadLettered: 0, handedBack: 0 };
  const log = opts.log ?? (() => {});
  let metrics: WorkerMetrics | null = null;
  const holding = new Holding((n) => {
    metrics?.handedBack.inc(n);
    log(`worker ${worker}: handed ${n} unfinished job${n === 1 ? '' : 's'} back to the queue`);
  });
  const shutdown = onShutdown(opts, holding, log, worker);
  const { queue, base } = await openBoth(opts).catch((err) => {
    shutdown.dispose();
    throw err;
  });
  metrics = workerMetrics(queue);
  const ctx: Context = { queue, store: base.store, outlets: opts.outlets, summary, log, metrics, holding };
  let served: { url: string; close(): Promise<void> } | null = null;
  let keepAlive: Awaited<ReturnType<typeof startKeepAlive>> | null = null;
  try {
    // Inside the try: a keepalive thread that fails to start must still close the queue and the store.
    keepAlive = await startKeepAlive(queue, summary, opts, log, (err) => {
      log(`worker ${worker}: the keepalive thread failed (${err.message}): handing back what it holds`);
      holding.expire();
    });
    holding.keepAliveBy(keepAlive);
    // Models load before the first job, not inside its batch (the keepalive thread pings meanwhile).
    warmStages();
    log(`worker ${worker}: taking jobs from ${queue.namespace} on ${queue.server}`);
    if (opts.metricsPort !== undefined) {
      served = await serveMetrics(metrics, opts.metricsPort, opts.metricsHost ?? '127.0.0.1');
      log(`worker ${worker}: metrics at ${served.url}`);
    }
    while (!shutdown.stopping()) {
      const held = await takeBatch(ctx, opts.batch ?? DEFAULT_BATCH, shutdown.stopping);
      if (held.length === 0) {
        await refreshWhileIdle(ctx, shutdown.stopping);
        if (opts.untilEmpty && (await isEmpty(queue))) break;
        continue;
      }
      if (!(await runBatch(ctx, held, opts))) break;
    }
  } finally {
    shutdown.dispose();
    summary.handedBack = holding.handedBack;
    await served?.close();
    // Last: the heartbeat goes with the keepalives, once every job is settled or handed back.
    await keepAlive?.stop();
    await base.close();
    await queue.close();
  }
  log(`worker ${worker}: ${summary.done} done, ${summary.retried} to retry, ${summary.deadLettered} dead-lettered, ${summary.handedBack} handed back in ${summary.batches} batches`);
  return summary;
}

/** One batch, timed; false when its jobs were handed back on shutdown (the worker then stops). */
async function runBatch(ctx: Context, held: Held[], opts: WorkerOptions): Promise<boolean> {
  opts.onBatch?.({ phase: 'start', jobs: held.length });
  const t0 = performance.now();
  const work = processBatch(ctx, held).then(() => true, (err) => {
    if (err instanceof HandedBack) return false;
    throw err;
  });
  // A batch handed back is not waited for (it may be waiting for the writer lock): it can no longer commit,
  // and it ends with an error once the worker closes the store under it.
  work.catch(() => {});
  if (!(await Promise.race([work, ctx.holding.abandoned.then(() => false)]))) return false;
  const seconds = (performance.now() - t0) / 1000;
  held.forEach(() => ctx.metrics.jobSeconds.observe(seconds));
  ctx.summary.batches++;
  opts.onBatch?.({ phase: 'done', jobs: held.length });
  return true;
}

/** SIGTERM (or the abort signal) stops fetching and starts the grace period; when it runs out, or at a second
 *  SIGTERM, the unfinished jobs are handed back. */
function onShutdown(opts: WorkerOptions, holding: Holding, log: (line: string) => void, worker: string): { stopping(): boolean; dispose(): void } {
  const graceMs = opts.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  let stopping = false;
  let grace: NodeJS.Timeout | null = null;
  const stop = () => {
    if (stopping) {
      log(`worker ${worker}: stopping now`);
      holding.expire();
      return;
    }
    stopping = true;
    log(`worker ${worker}: stopping; the current batch has ${graceMs / 1000} s to finish before its jobs are handed back`);
    grace = setTimeout(() => holding.expire(), graceMs);
  };
  process.on('SIGTERM', stop);
  opts.signal?.addEventListener('abort', stop);
  return {
    stopping: () => stopping,
    dispose() {
      if (grace) clearTimeout(grace);
      process.off('SIGTERM', stop);
      opts.signal?.removeEventListener('abort', stop);
    },
  };
}

/** The queue and the corpus; neither is left open when the other cannot be. */
async function openBoth(opts: WorkerOptions): Promise<{ queue: JobQueue; base: Corpus }> {
  const queue = await JobQueue.open(opts);
  try {
    return { queue, base: await openCorpus({ db: opts.db, outlets: opts.outlets }) };
  } catch (err) {
    await queue.close();
    throw err;
  }
}

async function isEmpty(queue: JobQueue): Promise<boolean> {
  const c = await queue.jobCounts();
  return c.queued + c.running === 0;
}

/** With no job to take, the stories whose views the batches deferred (theirs or another worker's) are
 *  cross-checked one per writer-lock turn, until none is pending, a job is queued, or the worker stops. No job
 *  is held meanwhile, so a shutdown waits at most for the story in hand (its commit, or nothing: it stays
 *  pending). */
async function refreshWhileIdle(ctx: Context, stopping: () => boolean): Promise<void> {
  const corpus = new Corpus(ctx.store, undefined, ctx.outlets);
  while (!stopping() && (await ctx.queue.jobCounts()).queued === 0) {
    const t0 = performance.now();
    const { refreshed } = await corpus.refreshViews({ limit: 1 });
    if (!refreshed.length) return;
    ctx.metrics.viewsRefreshed.inc();
    ctx.log(`story ${refreshed[0]}: deferred cross-check refreshed in ${ms(performance.now() - t0)}`);
  }
}

/** Fetched jobs; a message that is not a job is dead-lettered at once (no retry can make it one). Jobs a fetch
 *  brings after SIGTERM go straight back: nothing was done on them. */
async function takeBatch(ctx: Context, max: number, stopping: () => boolean): Promise<Held[]> {
  const held: Held[] = [];
  const msgs = await ctx.queue.fetch(max, FETCH_WAIT_MS);
  ctx.holding.take(msgs);
  if (stopping()) {
    ctx.holding.handBack();
    return held;
  }
  for (const msg of msgs) {
    let job: ArticleJob | null = null;
    try {
      job = asJob(decode(msg.data));
    } catch {
      // Not JSON: handled as "not a job" below.
    }
    if (msg.info.deliveryCount > 1) ctx.metrics.redelivered.inc();
    if (job) held.push({ msg, id: jobId(job.key, String(job.article.hash)), job });
    else await deadLetter(ctx, { msg, id: `seq-${msg.seq}`, job: null }, 'not a crosscheck article job');
  }
  return held;
}

/** Analyses, adds and settles a batch. Throws HandedBack when the shutdown's grace period ran out before the
 *  batch's commit began: its jobs are then back in the queue and nothing of it was committed. */
async function processBatch(ctx: Context, held: Held[]): Promise<void> {
  try {
    ctx.holding.checkpoint();
    const t0 = performance.now();
    await warmAnalyses(ctx.store, held.map((h) => h.job.article), () => ctx.holding.checkpoint());
    ctx.holding.checkpoint();
    const t1 = performance.now();
    let results: Map<Held, Omit<OutcomeRecord, 'worker' | 'at'>>;
    try {
      results = await addToCorpus(ctx, held);
      // Committed (or nothing to commit: every article unchanged): the jobs are settled whatever the clock says.
      ctx.holding.beginCommit();
      ctx.log(`batch of ${held.length}: analysed in ${ms(t1 - t0)}, added under the lock in ${ms(performance.now() - t1)}`);
    } catch (err) {
      if (err instanceof HandedBack) throw err;
      // A batch handed back meanwhile (its error may be the store closed under it) is not this worker's to retry.
      ctx.holding.checkpoint();
      // One article can make a whole batch fail: each job alone then finds which one it is.
      if (held.length > 1) {
        ctx.log(`batch of ${held.length} failed (${(err as Error).message}); trying its jobs one by one`);
        for (const h of held) await processBatch(ctx, [h]);
      } else await failed(ctx, held[0], (err as Error).message ?? String(err));
      return;
    }
    for (const h of held) {
      const r = results.get(h)!;
      if (r.outcome === 'rejected' && STAGE_FAILURE.test(r.reason ?? '')) await failed(ctx, h, r.reason!);
      else await finished(ctx, h, r);
    }
  } finally {
    ctx.holding.endCommit();
  }
}

/** The per-article stages, outside the writer lock, so workers analyse in parallel: the analyses are cached by
 *  clean-text hash and the locked add below finds them. Articles the corpus already has are skipped. A failure
 *  here is left for the locked add to meet and report. */
async function warmAnalyses(store: Store, articles: Article[], checkpoint: () => void): Promise<void> {
  try {
    const copies = structuredClone(articles);
    const resolved = await store.resolveAppearances(copies.map((a) => ({ key: appearanceKey(a), hash: a.hash, proposedId: proposedId(a) })));
    const work = copies.filter((_, i) => resolved[i].status !== 'unchanged');
    if (work.length === 0) return;
    const stats = await CorpusLineStats.of(work, store);
    await analyseArticles(work, { store, stats, timings: new Map(), timed: async (_phase, fn) => (checkpoint(), fn()) }, []);
  } catch (err) {
    if (err instanceof HandedBack) throw err;
    // Otherwise the authoritative run under the lock will fail the same way, and say why.
  }
}

/** The batch as one add (one lock turn, one commit), and what became of each job. */
async function addToCorpus(ctx: Context, held: Held[]): Promise<Map<Held, Omit<OutcomeRecord, 'worker' | 'at'>>> {
  // A corpus per batch: its cache of parsed stored articles must not outlive the lock turn, since other workers
  // change stored records (a date inherited from a copy) between our turns.
  const corpus = new Corpus(ctx.store, undefined, ctx.outlets);
  const items = held.map((h) => ({ kind: 'article' as const, article: structuredClone(h.job.article) }));
  // The commit's last checkpoint: a batch handed back on shutdown is abandoned here, with nothing written.
  // Online placement and deferred views, as serve adds (src/corpus/live.ts): a batch's lock turn follows its
  // articles, not the size of the stories they join; idle workers cross-check those stories (refreshWhileIdle).
  const r = await corpus.addItems(items, { beforeCommit: () => ctx.holding.beginCommit(), ...LIVE_ADD });
  if (r.inputIds.length !== held.length) throw new Error(`the corpus reported ${r.inputIds.length} articles for ${held.length} jobs`);
  const added = new Set(r.added);
  const revised = new Set(r.revised);
  const duplicate = new Set(r.duplicates.map((d) => d.id));
  const unchanged = new Set(r.unchanged);
  const out = new Map<Held, Omit<OutcomeRecord, 'worker' | 'at'>>();
  held.forEach((h, i) => {
    const article = r.inputIds[i];
    const base = { job: h.id, key: h.job.key, article };
    if (revised.has(article)) out.set(h, { ...base, outcome: 'revised' });
    else if (duplicate.has(article)) out.set(h, { ...base, outcome: 'duplicate' });
    else if (added.has(article)) out.set(h, { ...base, outcome: 'added' });
    else if (unchanged.has(article)) out.set(h, { ...base, outcome: 'unchanged' });
    else out.set(h, { ...base, outcome: 'rejected', reason: r.rejected.find((x) => x.reason.startsWith(`${article}: `))?.reason ?? 'rejected by the corpus' });
  });
  return out;
}

function ms(x: number): string {
  return `${Math.round(x)} ms`;
}

async function finished(ctx: Context, h: Held, r: Omit<OutcomeRecord, 'worker' | 'at'>): Promise<void> {
  const record: OutcomeRecord = { ...r, worker: ctx.summary.worker, at: new Date().toISOString() };
  // The outcome is recorded before the ack: a worker killed in between leaves a job that comes back, finds its
  // article unchanged, and records nothing new (the outcome stream keeps one record per job id).
  await ctx.queue.recordOutcome(h.id, record);
  await h.msg.ackAck();
  ctx.holding.settle(h.msg);
  ctx.summary.done++;
  ctx.metrics.done.inc({ outcome: r.outcome });
}

async function failed(ctx: Context, h: Held, reason: string): Promise<void> {
  if (h.msg.info.deliveryCount >= ctx.queue.tuning.maxDeliver) {
    await deadLetter(ctx, h, reason);
    return;
  }
  ctx.log(`job ${h.id} (${h.job.article.path}) failed on try ${h.msg.info.deliveryCount}: ${reason}`);
  h.msg.nak(RETRY_DELAY_MS);
  ctx.holding.settle(h.msg);
  ctx.summary.retried++;
  ctx.metrics.failed.inc();
}

async function deadLetter(ctx: Context, h: { msg: JsMsg; id: string; job: ArticleJob | null }, reason: string): Promise<void> {
  const entry: DeadLetter = {
    job: h.id, seq: h.msg.seq, key: h.job?.key ?? null, path: h.job ? String(h.job.article.path) : null, reason,
    deliveries: h.msg.info.deliveryCount, worker: ctx.summary.worker, at: new Date().toISOString(),
  };
  // Out of the held set before the await: a grace period running out meanwhile must not hand back a job
  // that is being dead-lettered (the client would then ignore the term, and it would count as both).
  ctx.holding.settle(h.msg);
  await ctx.queue.recordDead(h.id, entry);
  // Terminated: the consumer never offers it again, and the rest of the queue goes on. No reason text with
  // it: servers before 2.10 do not parse `+TERM <reason>` and would redeliver (the reason is in the entry).
  h.msg.term();
  ctx.summary.deadLettered++;
  ctx.metrics.deadLettered.inc();
  ctx.log(`job ${h.id} (${entry.path ?? 'no path'}) dead-lettered after ${entry.deliveries} tries: ${reason}`);
}

export interface Heartbeat {
  worker: string;
  host: string;
  pid: number;
  startedAt: string;
  at: string;
  batches: number;
  done: number;
  deadLettered: number;
}

/** "Still working" well before the visibility timeout, and the worker's entry in the heartbeat bucket renewed
 *  every HEARTBEAT_MS, both from a thread the analysis cannot block. The entry is removed on a clean exit,
 *  expired by NATS when the worker dies, and deleted by the thread when the main thread hangs. */
async function startKeepAlive(queue: JobQueue, summary: WorkerSummary, opts: WorkerOptions, log: (line: string) => void, failed: (err: Error) => void): Promise<KeepAlive> {
  // Made here if missing, with its expiry: the thread only binds to it.
  await queue.heartbeats();
  const maxHoldMs = opts.maxHoldMs ?? DEFAULT_MAX_HOLD_MS;
  const maxSilentMs = opts.maxSilentMs ?? DEFAULT_MAX_SILENT_MS;
  const { worker } = summary;
  return KeepAlive.start(
    {
      server: queue.server, intervalMs: Math.max(250, queue.tuning.ackWaitMs / 3), maxHoldMs,
      heartbeat: { bucket: queue.heartbeatBucket, identity: { worker, host: hostname(), pid: process.pid, startedAt: new Date().toISOString() }, everyMs: HEARTBEAT_MS, pingMs: PING_MS, maxSilentMs },
    },
    () => ({ batches: summary.batches, done: summary.done, deadLettered: summary.deadLettered }),
    {
      gaveUp: () => log(`worker ${worker}: a job held longer than ${maxHoldMs / 1000} s is no longer kept alive`),
      silenced: (ms) => log(`worker ${worker}: the main thread did not answer for ${(ms / 1000).toFixed(1)} s (over ${maxSilentMs / 1000} s): the heartbeat stopped until it did`),
      failed,
    },
  );
}

