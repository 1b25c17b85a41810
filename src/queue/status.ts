// What the queue and the workers are doing, read without changing anything: jobs queued and running (the
// consumer's state), done (the outcome stream), dead-lettered with their reasons, the workers whose heartbeat
// has not expired, and the corpus's counts.

import { openCorpus } from '../corpus/index.js';
import { decode, HEARTBEAT_MS, JobQueue, type QueueOptions } from './jetstream.js';
import { asJob, jobId } from './job.js';
import type { DeadLetter, Heartbeat, JobOutcome, OutcomeRecord } from './worker.js';

export interface WorkerStatus extends Heartbeat {
  /** Seconds since its last heartbeat (alive: below the bucket's expiry). */
  lastSeenSeconds: number;
  articlesPerSecond: number;
}

export interface QueueStatus {
  queue: string;
  nats: string;
  queued: number;
  running: number;
  /** Deliveries beyond the first, still pending (jobs on a retry). */
  retrying: number;
  done: number;
  outcomes: Record<JobOutcome, number>;
  failed: DeadLetter[];
  workers: WorkerStatus[];
  /** Jobs done per second by the live workers together, from their heartbeats. */
  articlesPerSecond: number;
  corpus: { articles: number; stories: number };
}

export async function queueStatus(opts: QueueOptions): Promise<QueueStatus> {
  const queue = await JobQueue.open(opts);
  try {
    const counts = await queue.jobCounts();
    const outcomes: Record<JobOutcome, number> = { added: 0, revised: 0, duplicate: 0, unchanged: 0, rejected: 0 };
    const done = await queue.readAll('outcomes');
    for (const o of done) outcomes[(o.data as OutcomeRecord).outcome]++;
    const workers = await liveWorkers(queue);
    const corpus = await openCorpus({ db: opts.db });
    try {
      return {
        queue: queue.namespace, nats: queue.server,
        queued: counts.queued, running: counts.running, retrying: counts.redelivered,
        done: done.length, outcomes, failed: await deadLetters(queue), workers,
        articlesPerSecond: round(workers.reduce((s, w) => s + w.articlesPerSecond, 0)),
        // The store has no story count: listing the summaries is the one way through its interface.
        corpus: { articles: await corpus.store.countArticles(), stories: (await corpus.stories()).length },
      };
    } finally {
      await corpus.close();
    }
  } finally {
    await queue.close();
  }
}

/** The queue without the corpus: what `serve`'s health answers (cheap enough to ask on every probe: three
 *  reads of NATS state, none of the store). */
export interface QueueHealth {
  queue: string;
  queued: number;
  running: number;
  retrying: number;
  workers: number;
  failed: DeadLetter[];
}

export async function queueHealth(queue: JobQueue): Promise<QueueHealth> {
  const counts = await queue.jobCounts();
  return {
    queue: queue.namespace, queued: counts.queued, running: counts.running, retrying: counts.redelivered,
    workers: (await liveWorkers(queue)).length, failed: await deadLetters(queue),
  };
}

export async function liveWorkers(queue: JobQueue): Promise<WorkerStatus[]> {
  const kv = await queue.heartbeats();
  const out: WorkerStatus[] = [];
  const now = Date.now();
  for await (const key of await kv.keys()) {
    const entry = await kv.get(key);
    if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) continue;
    const beat = decode(entry.value) as Heartbeat;
    const lastSeenSeconds = (now - Date.parse(beat.at)) / 1000;
    // The bucket expires entries itself; this also drops one a clock skew kept a little longer.
    if (lastSeenSeconds * 1000 > 3 * HEARTBEAT_MS) continue;
    const up = Math.max(1, (Date.parse(beat.at) - Date.parse(beat.startedAt)) / 1000);
    out.push({ ...beat, lastSeenSeconds: round(lastSeenSeconds), articlesPerSecond: round(beat.done / up) });
  }
  return out.sort((a, b) => (a.worker < b.worker ? -1 : 1));
}

/** Workers' dead-letter records, and jobs JetStream stopped redelivering because no worker ever answered. */
export async function deadLetters(queue: JobQueue): Promise<DeadLetter[]> {
  const entries = await queue.readAll('dead');
  const out = entries.filter((m) => !queue.isAdvisory(m.subject)).map((m) => m.data as DeadLetter);
  // A job a worker dead-lettered on its last delivery also raises the advisory: the worker's entry says why.
  const recorded = new Set(out.map((d) => d.seq));
  let finished: Set<string> | undefined;
  for (const m of entries) {
    if (!queue.isAdvisory(m.subject)) continue;
    const advisory = m.data as { stream_seq: number; deliveries: number; timestamp: string };
    if (recorded.has(advisory.stream_seq)) continue;
    const stored = await queue.jobAt(advisory.stream_seq);
    const job = asJob(stored);
    // The advisory comes when the last delivery's visibility timeout runs out, not when its worker gives up: a
    // worker that was only slow (a batch analysed on a loaded machine) may still finish it. A job acknowledged
    // since (gone from the work-queue stream) or with an outcome recorded was done, not dead.
    if (stored === null || (job && (finished ??= await finishedJobs(queue)).has(jobId(job.key, String(job.article.hash))))) continue;
    out.push({
      job: `seq-${advisory.stream_seq}`, seq: advisory.stream_seq, key: job?.key ?? null, path: job ? String(job.article.path) : null,
      reason: `no worker finished it in ${advisory.deliveries} deliveries (each one died or hung)`,
      deliveries: advisory.deliveries, worker: '', at: advisory.timestamp,
    });
  }
  return out;
}

async function finishedJobs(queue: JobQueue): Promise<Set<string>> {
  return new Set((await queue.readAll('outcomes')).map((o) => (o.data as OutcomeRecord).job));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
