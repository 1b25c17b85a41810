// Worker side of the per-file time budget: parses one file's bytes with ingestBuffer and posts the items
// back. Running here lets the main thread stop a parse that takes too long (terminate the worker), which
// it could never do to synchronous code on its own thread.

import { parentPort } from 'node:worker_threads';
import { ingestBuffer } from './index.js';
import { loadMarkupLibraries } from './html.js';

parentPort!.on('message', (job: { id: number; path: string; bytes: Uint8Array; maxBytes: number }) => {
  const items = ingestBuffer(job.path, Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), { maxBytes: job.maxBytes });
  parentPort!.postMessage({ id: job.id, items });
});

// Loaded and warmed before the first file, then said: the file's time budget starts from here
// (timed-parse.ts). A first page costs ~100 ms more than later ones (lazy modules, cold code), which is
// the worker's start-up, not the page's.
loadMarkupLibraries();
ingestBuffer('warm-up.html', Buffer.from('<!doctype html><html lang="en"><head><title>Warm-up</title><meta property="article:published_time" content="2024-01-02"></head><body><article><h1>Warm-up</h1><p>A short page read once by a new parse worker, on Tuesday, January 2, 2024, so that its first real page is timed like the rest.</p></article></body></html>'));
parentPort!.postMessage({ ready: true });
