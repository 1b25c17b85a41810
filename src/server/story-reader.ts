// The reader thread's request-thread side: a story's page or JSON is loaded and rendered in a long-lived
// worker thread with its own connection to the served database (story-reader-worker.ts), so a big story's
// load (hundreds of ms: its listings, its reuse links, the report, the view) never holds the request thread.
// One render at a time, reads that someone waits for before background refreshes.

import { Worker } from 'node:worker_threads';
import type { StorySummary } from '../corpus/index.js';
import type { OutletRegistry } from '../outlets/index.js';
import type { Bytes, StoryArtifact, StorySource } from './story-cache.js';
import { closeThread } from './thread-close.js';

export type ReaderRequest = { type: 'render'; n: number; id: string; summary: StorySummary | null; want: StoryArtifact } | { type: 'close' };
export type ReaderReply =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'rendered'; n: number; bytes: Bytes | null }
  | { type: 'failed'; n: number; message: string };

/** Compiled code starts the compiled worker; the sources (tsx) the entry that registers tsx in the thread. */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./story-reader-entry.mjs', import.meta.url)
  : new URL('./story-reader-worker.js', import.meta.url);

interface Job {
  id: string;
  summary: StorySummary | null;
  want: StoryArtifact;
  resolve: (b: Bytes | null) => void;
  reject: (e: Error) => void;
}

export class WorkerStorySource implements StorySource {
  private current: { worker: Worker; ready: Promise<void>; inFlight: Map<number, Job> } | null = null;
  private readonly waiting: Job[] = [];
  private readonly background: Job[] = [];
  private nextN = 1;
  private closed = false;

  constructor(private readonly db: string, private readonly outlets?: OutletRegistry) {}

  /** Resolves once the thread has opened the corpus; rejects if it cannot. */
  ready(): Promise<void> {
    return (this.current ?? this.spawn()).ready;
  }

  render(id: string, summary: StorySummary | null, want: StoryArtifact, background: boolean): Promise<Bytes | null> {
    if (this.closed) return Promise.reject(new Error('the story reader is closed'));
    return new Promise((resolve, reject) => {
      (background ? this.background : this.waiting).push({ id, summary, want, resolve, reject });
      this.pump();
    });
  }

  promote(id: string, want: StoryArtifact): void {
    const i = this.background.findIndex((j) => j.id === id && j.want === want);
    if (i >= 0) this.waiting.push(...this.background.splice(i, 1));
  }

  async close(): Promise<void> {
    this.closed = true;
    const gone = new Error('the story reader is closed');
    for (const j of [...this.waiting.splice(0), ...this.background.splice(0)]) j.reject(gone);
    const worker = this.current?.worker;
    this.current = null;
    if (worker) await closeThread(worker);
  }

  /** One render in the thread at a time: a read that arrives meanwhile goes before any background one. */
  private pump(): void {
    const cur = this.current ?? this.spawn();
    if (cur.inFlight.size) return;
    const job = this.waiting.shift() ?? this.background.shift();
    if (!job) return;
    const n = this.nextN++;
    cur.inFlight.set(n, job);
    cur.worker.postMessage({ type: 'render', n, id: job.id, summary: job.summary, want: job.want } satisfies ReaderRequest);
  }

  private spawn(): NonNullable<WorkerStorySource['current']> {
    const worker = new Worker(WORKER_URL, { workerData: { db: this.db, outlets: this.outlets } });
    const inFlight = new Map<number, Job>();
    let settle!: { resolve: () => void; reject: (e: Error) => void };
    const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    ready.catch(() => undefined);
    const current = (this.current = { worker, ready, inFlight });
    let opened = false;
    worker.on('message', (msg: ReaderReply) => {
      if (msg.type === 'ready') return (opened = true), settle.resolve();
      if (msg.type === 'fatal') return lost(new Error(`the story reader could not open ${this.db}: ${msg.message}`));
      const job = inFlight.get(msg.n);
      inFlight.delete(msg.n);
      if (msg.type === 'rendered') job?.resolve(msg.bytes);
      else job?.reject(new Error(msg.message));
      this.pump();
    });
    // A dead thread fails the render it held, and a fresh one takes the queue. One that could not open the
    // corpus fails the whole queue instead (a fresh one would fail the same way, thread after thread); the
    // next read tries again.
    const lost = (err: Error) => {
      settle.reject(err);
      if (this.current === current) this.current = null;
      const failed = [...inFlight.values(), ...(opened ? [] : [...this.waiting.splice(0), ...this.background.splice(0)])];
      for (const job of failed) job.reject(err);
      inFlight.clear();
      void worker.terminate();
      if (opened && !this.closed && (this.waiting.length || this.background.length)) this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the story reader stopped (exit code ${code})`)));
    return current;
  }
}
