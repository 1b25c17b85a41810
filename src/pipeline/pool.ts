// A small worker-thread pool for the per-article stages after cleaning (text + extract): wink-nlp's
// readDoc is CPU-bound, so both cores pay once a run is large. Articles travel in batches and only the
// new slots come back, because structured cloning per message, not the NLP, dominated small messages.

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Article } from '../model/article.js';
import { StageError } from './stage.js';
import type { ReuseSignature } from '../reuse/signature.js';

export type WorkerStages = 'text' | 'text+extract';

/** What a worker sends back for one article: the slots it assigned, its diagnostics and (text+extract) its
 *  reuse signature. */
export type StageResult = Pick<Article, 'text' | 'extract' | 'diagnostics'> & { signature?: ReuseSignature };

/** What a worker sends back for an article one of its stages threw on. */
type StageFailure = { failed: { stage: string; message: string } };

interface Job {
  article: Article;
  resolve: (r: StageResult) => void;
  reject: (e: Error) => void;
}

/** Articles per message: large enough to amortise a message's fixed cost, small enough to keep both busy. */
const BATCH = 16;

/** Compiled code (dist/pipeline/pool.js) starts the compiled worker as it is; the TypeScript sources,
 *  run through tsx, start the plain-JavaScript entry that registers tsx inside the thread first. */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./worker-entry.mjs', import.meta.url)
  : new URL('./worker.js', import.meta.url);

export class StagePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job[]>();
  private readonly timings = new Map<string, number>();
  private flushTimer: NodeJS.Immediate | null = null;

  /** `stages` names what workers run after cleaning: `text` alone (benchmarks) or `text+extract`. */
  constructor(size = Math.max(1, availableParallelism()), stages: WorkerStages = 'text+extract') {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_URL, { workerData: { stages } });
      worker.on('message', (msg: { results: (StageResult | StageFailure)[]; timings: [string, number][] } | { error: string }) => {
        const jobs = this.running.get(worker)!;
        this.running.delete(worker);
        if ('error' in msg) for (const job of jobs) job.reject(new Error(msg.error));
        else {
          for (const [k, v] of msg.timings) this.timings.set(k, (this.timings.get(k) ?? 0) + v);
          jobs.forEach((job, i) => {
            const r = msg.results[i];
            if ('failed' in r) job.reject(new StageError(r.failed.stage, new Error(r.failed.message)));
            else job.resolve(r);
          });
        }
        this.idle.push(worker);
        this.pump(false);
      });
      worker.on('error', (err) => {
        // A dead worker costs the articles it held; the others finish on the remaining workers, and if
        // none remains every queued article is rejected rather than waited on forever.
        for (const job of this.running.get(worker) ?? []) job.reject(new StageError('worker', err));
        this.running.delete(worker);
        this.workers.splice(this.workers.indexOf(worker), 1);
        if (this.workers.length === 0) for (const job of this.queue.splice(0)) job.reject(new StageError('worker', err));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(article: Article): Promise<StageResult> {
    return new Promise((resolve, reject) => {
      if (this.workers.length === 0) return reject(new StageError('worker', new Error('no worker thread left')));
      this.queue.push({ article, resolve, reject });
      // Wait for a full batch, but never longer than the current turn of the event loop.
      if (this.queue.length >= BATCH) this.pump(false);
      else this.flushTimer ??= setImmediate(() => {
        this.flushTimer = null;
        this.pump(true);
      });
    });
  }

  /** Milliseconds spent per stage, summed over workers (CPU time, not wall time). */
  stageTimings(): Map<string, number> {
    return this.timings;
  }

  private pump(partial: boolean): void {
    while (this.idle.length > 0 && (this.queue.length >= BATCH || (partial && this.queue.length > 0) || (this.queue.length > 0 && this.running.size === 0))) {
      const worker = this.idle.pop()!;
      const jobs = this.queue.splice(0, BATCH);
      this.running.set(worker, jobs);
      worker.postMessage(jobs.map((j) => j.article));
    }
  }

  async close(): Promise<void> {
    if (this.flushTimer) clearImmediate(this.flushTimer);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
