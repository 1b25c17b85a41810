// Worker side of the per-file time budget: parses one file's bytes with ingestBuffer and posts the items
// back. Running here lets the main thread stop a parse that takes too long (terminate the worker), which
// it could never do to synchronous code on its own thread.

import { parentPort } from 'node:worker_threads';
import { ingestBuffer } from './index.js';

parentPort!.on('message', (job: { id: number; path: string; bytes: Uint8Array; maxBytes: number }) => {
  const items = ingestBuffer(job.path, Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), { maxBytes: job.maxBytes });
  parentPort!.postMessage({ id: job.id, items });
});
