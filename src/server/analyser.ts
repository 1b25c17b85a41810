// Where the write queue's adds run: in a long-lived worker thread with its own corpus on the served
// database (reads on the request thread stay fast while articles are analysed), or in-process for an
// in-memory corpus, which no other connection can open.

import { Worker } from 'node:worker_threads';
import type { AddResult, Corpus } from '../corpus/index.js';
import type { IngestItem } from '../ingest/types.js';
import type { OutletRegistry } from '../outlets/index.js';
import { closeThread } from './thread-close.js';

/** What an add changed, as plain data (the timings Map as entries), the same from either analyser. */
export type AddOutcome = Omit<AddResult, 'timings'> & { timings: [string, number][] };

export interface Analyser {
  add(items: IngestItem[]): Promise<AddOutcome>;
  /** Told the stories whose deferred cross-check was committed after their add had answered. */
  onRefreshed?(listener: (stories: string[]) => void): void;
  close(): Promise<void>;
}

export type AddRequest = { type: 'add'; id: number; items: IngestItem[] };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'done'; id: number; result: AddOutcome }
  | { type: 'failed'; id: number; message: string }
  | { type: 'refreshed'; stories: string[] }
  | { type: 'refresh-failed'; message: string };

/** Adds on the request thread's own corpus (in-memory corpora, tests that build the app directly). */
export function inProcessAnalyser(corpus: Corpus): Analyser {
  return {
    add: async (items) => {
      const r = await corpus.addItems(items);
      return { ...r, timings: [...r.timings] };
    },
    close: async () => undefined,
  };
}

/** Compiled code starts the compiled worker; the TypeScript sources (tsx) start the entry that registers
 *  tsx inside the thread first (as src/pipeline/pool.ts does). */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./add-worker-entry.mjs', import.meta.url)
  : new URL('./add-worker.js', import.meta.url);

interface Pending {
  resolve: (r: AddOutcome) => void;
  reject: (e: Error) => void;
}

export class WorkerAnalyser implements Analyser {
  /** The live worker and the adds it holds (a replaced worker's late events touch only its own jobs). */
  private current: { worker: Worker; jobs: Map<number, Pending> } | null = null;
  private readyPromise: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly refreshListeners: ((stories: string[]) => void)[] = [];

  constructor(private readonly db: string, private readonly outlets?: OutletRegistry) {
    this.spawn();
  }

  /** Resolves once the worker has loaded its modules and opened the corpus; rejects if it cannot. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  onRefreshed(listener: (stories: string[]) => void): void {
    this.refreshListeners.push(listener);
  }

  add(items: IngestItem[]): Promise<AddOutcome> {
    // A worker lost to a crash is replaced here rather than failing every later add.
    const { worker, jobs } = this.current ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      jobs.set(id, { resolve, reject });
      worker.postMessage({ type: 'add', id, items } satisfies AddRequest);
    });
  }

  async close(): Promise<void> {
    const worker = this.current?.worker;
    this.current = null;
    if (worker) await closeThread(worker);
  }

  private spawn(): { worker: Worker; jobs: Map<number, Pending> } {
    const worker = new Worker(WORKER_URL, { workerData: { db: this.db, outlets: this.outlets } });
    const jobs = new Map<number, Pending>();
    const current = (this.current = { worker, jobs });
    let settle!: { resolve: () => void; reject: (e: Error) => void };
    this.readyPromise = new Promise((resolve, reject) => (settle = { resolve, reject }));
    this.readyPromise.catch(() => undefined);
    worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'ready') settle.resolve();
      else if (msg.type === 'fatal') lost(new Error(`the analysis worker could not open ${this.db}: ${msg.message}`));
      else if (msg.type === 'refreshed') for (const l of this.refreshListeners) l(msg.stories);
      // The stories stay pending and the next idle moment tries again; the add path is not affected.
      else if (msg.type === 'refresh-failed') process.stderr.write(`crosscheck serve: deferred cross-check failed: ${msg.message}\n`);
      else {
        const job = jobs.get(msg.id);
        jobs.delete(msg.id);
        if (msg.type === 'done') job?.resolve(msg.result);
        else job?.reject(new Error(msg.message));
      }
    });
    // A dead worker costs the adds it held (answered as errors); the next add starts a fresh one.
    const lost = (err: Error) => {
      settle.reject(err);
      if (this.current === current) this.current = null;
      for (const job of jobs.values()) job.reject(err);
      jobs.clear();
      void worker.terminate();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the analysis worker stopped (exit code ${code})`)));
    return current;
  }
}
