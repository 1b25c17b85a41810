// How serve's long-lived threads (the analysis worker, the story reader) are closed: asked to close their
// corpus, and stopped if they have not exited after CLOSE_MS.

import type { Worker } from 'node:worker_threads';

/** How long a thread gets to close its corpus before it is stopped. */
const CLOSE_MS = 10_000;

export async function closeThread(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage({ type: 'close' });
  const timer = setTimeout(() => void worker.terminate(), CLOSE_MS);
  await exited;
  clearTimeout(timer);
}
