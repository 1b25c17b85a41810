// A small worker-thread pool for the per-article stages after cleaning (text + extract): wink-nlp's
// readDoc is CPU-bound (~630 articles/s on one core here), so both cores pay once a batch is large.

import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Article } from '../model/article.js';

export type WorkerStages = 'text' | 'text+extract';

interface Job {
  article: Article;
  resolve: (a: Article) => void;
  reject: (e: Error) => void;
}

export class StagePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private readonly timings = new Map<string, number>();

  /** `stages` names what workers run after cleaning: `text` alone (benchmarks) or `text+extract`. */
  constructor(size = Math.max(1, availableParallelism()), stages: WorkerStages = 'text+extract') {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { stages } });
      worker.on('message', (msg: { article: Article; timings: [string, number][] } | { error: string }) => {
        const job = this.running.get(worker)!;
        this.running.delete(worker);
        if ('error' in msg) job.reject(new Error(msg.error));
        else {
          for (const [k, v] of msg.timings) this.timings.set(k, (this.timings.get(k) ?? 0) + v);
          job.resolve(msg.article);
        }
        this.idle.push(worker);
        this.pump();
      });
      worker.on('error', (err) => {
        const job = this.running.get(worker);
        this.running.delete(worker);
        job?.reject(err);
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(article: Article): Promise<Article> {
    return new Promise((resolve, reject) => {
      this.queue.push({ article, resolve, reject });
      this.pump();
    });
  }

  /** Milliseconds spent per stage, summed over workers (CPU time, not wall time). */
  stageTimings(): Map<string, number> {
    return this.timings;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.postMessage(job.article);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
