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

const seconds = (ms: number): string => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${+(ms / 1000).toFixed(3)} s`);

export class TimedParser {
  private worker: Worker | null = null;
  private nextId = 0;
  /** True until the current worker has parsed its first file (it is still loading its modules). */
  private fresh = true;

  constructor(private readonly budgetMs: number) {}

  /** ingestBuffer(path, bytes) in the worker, or a rejection when it runs past the budget. */
  parse(path: string, bytes: Uint8Array, maxBytes: number): Promise<IngestItem[]> {
    const worker = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (items: IngestItem[]) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(items);
      };
      const onMessage = (msg: { id: number; items: IngestItem[] }) => {
        if (msg.id === id) done(msg.items);
      };
      const onError = (err: Error) => {
        this.worker = null;
        done([{ kind: 'rejected', path, reason: `could not be parsed (${err.message.split('\n', 1)[0]})` }]);
      };
      // The clock starts when the file is handed over; a worker's own start-up is not the file's fault,
      // so a fresh worker gets its start-up time on top (measured: well under a second).
      const timer = setTimeout(() => {
        this.stop(worker);
        done([{ kind: 'rejected', path, reason: `took longer than ${seconds(this.budgetMs)} to read; skipped` }]);
      }, this.budgetMs + (this.fresh ? START_UP_MS : 0));
      this.fresh = false;
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, path, bytes, maxBytes });
    });
  }

  private spawn(): Worker {
    this.fresh = true;
    const worker = new Worker(WORKER_URL);
    // An idle parse worker must never keep the process alive.
    worker.unref();
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

/** Allowance for a fresh worker to load tsx, linkedom, Readability and the feed parser. */
const START_UP_MS = 5000;
