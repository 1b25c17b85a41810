// The per-file time budget: markup (HTML, feeds) and gzipped files are parsed in a worker thread, and a
// file that takes longer than the budget is rejected ("took longer than 20 s") by stopping that worker;
// the next file gets a fresh one. Plain text and JSON parse in linear time and stay on the main thread.

import { Worker } from 'node:worker_threads';
import type { IngestItem } from './types.js';

/** Bytes that go to the worker: gzip, or markup (the first non-blank character is `<`). */
export function needsTimedParse(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return true;
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/** Compiled code starts the compiled worker; the TypeScript sources (tsx) start the entry that registers
 *  tsx inside the thread first (see src/pipeline/pool.ts). */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./parse-worker-entry.mjs', import.meta.url)
  : new URL('./parse-worker.js', import.meta.url);

/** A file whose worker failed (at start-up or on the file): its first line of the error as the reason. */
const couldNotParse = (path: string, err: Error): IngestItem[] => [{ kind: 'rejected', path, reason: `could not be parsed (${err.message.split('\n', 1)[0]})` }];

const seconds = (ms: number): string => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${+(ms / 1000).toFixed(3)} s`);

export class TimedParser {
  private worker: Worker | null = null;
  private nextId = 0;
  /** Resolves once the current worker has loaded its modules, or with the error that stopped it. */
  private ready: Promise<Error | null> = Promise.resolve(null);

  constructor(private readonly budgetMs: number) {}

  /** ingestBuffer(path, bytes) in the worker, or a rejection when it runs past the budget. */
  async parse(path: string, bytes: Uint8Array, maxBytes: number): Promise<IngestItem[]> {
    const worker = (this.worker ??= this.spawn());
    // The clock starts once the worker has loaded tsx, linkedom and Readability: a worker's start-up is not
    // the file's fault, and under load it varies from 0.2 s to several.
    const failed = await this.ready;
    if (failed) {
      if (this.worker === worker) this.worker = null;
      return couldNotParse(path, failed);
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (items: IngestItem[]) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(items);
      };
      const onMessage = (msg: { id?: number; items: IngestItem[] }) => {
        if (msg.id === id) done(msg.items);
      };
      const onError = (err: Error) => {
        if (this.worker === worker) this.worker = null;
        done(couldNotParse(path, err));
      };
      const timer = setTimeout(() => {
        this.stop(worker);
        done([{ kind: 'rejected', path, reason: `took longer than ${seconds(this.budgetMs)} to read; skipped` }]);
      }, this.budgetMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, path, bytes, maxBytes });
    });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    // An idle parse worker must never keep the process alive.
    worker.unref();
    this.ready = new Promise<Error | null>((resolve) => {
      const settle = (err?: Error) => {
        clearTimeout(cap);
        worker.off('message', onReady);
        worker.off('error', settle);
        resolve(err ?? null);
      };
      const onReady = (msg: { ready?: boolean }) => msg.ready && settle();
      // A worker that has not started by then gets the file anyway, on the file's own clock.
      const cap = setTimeout(() => settle(), START_UP_MS);
      worker.on('message', onReady);
      worker.once('error', settle);
    });
    return worker;
  }

  private stop(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate();
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}

/** The longest a fresh worker's start-up (tsx, linkedom, Readability) is waited for before the file's clock
 *  starts anyway: well over the 0.2–3 s seen on a loaded two-core machine. */
const START_UP_MS = 30_000;

/**
 * Several timed parsers, one file each at a time: markup parsing (linkedom + Readability, ~30 ms a page) is
 * most of HTML ingest, and a folder of pages keeps both cores busy when two files parse together. A file
 * waits here, not in a worker's message queue, so its time budget starts only when a parser takes it (a
 * queued file must not be charged for the one ahead of it).
 */
export class TimedParsers {
  private readonly all: TimedParser[];
  private readonly idle: TimedParser[];
  /** Files waiting for a parser, woken one per parser freed. */
  private readonly waiting: (() => void)[] = [];

  constructor(budgetMs: number, count: number) {
    this.all = Array.from({ length: Math.max(1, count) }, () => new TimedParser(budgetMs));
    this.idle = [...this.all];
  }

  async parse(path: string, bytes: Uint8Array, maxBytes: number): Promise<IngestItem[]> {
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const parser = this.idle.pop()!;
    try {
      return await parser.parse(path, bytes, maxBytes);
    } finally {
      this.idle.push(parser);
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((p) => p.close()));
  }
}
