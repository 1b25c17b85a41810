// Worker side of the serve analyser (analyser.ts): opens its own corpus on the served database and runs
// each add there, one at a time, so the NLP, reuse, clustering and views never block the request thread.

import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from '../corpus/index.js';
import type { IngestItem } from '../ingest/types.js';
import type { AddRequest, WorkerReply } from './analyser.js';

const port = parentPort!;
const send = (reply: WorkerReply) => port.postMessage(reply);

// The listener goes on before the corpus opens: messages that arrive meanwhile wait on `opened`.
const opened = openCorpus({ db: workerData.db, outlets: workerData.outlets });
opened.then(() => send({ type: 'ready' }), (err: Error) => send({ type: 'fatal', message: err.message }));

// Adds answer once the article is placed (online) and its small stories cross-checked; big stories' cross-checks are
// deferred (Story.pending) and run here between adds, one story at a time, so an add waits for at most one.
let waiting = 0;
let closing = false;
let refreshing: Promise<void> | null = null;

port.on('message', async (msg: AddRequest | { type: 'close' }) => {
  if (msg.type === 'close') {
    closing = true;
    await refreshing;
    await (await opened.catch(() => null))?.close();
    port.close();
    return;
  }
  waiting++;
  try {
    const corpus = await opened;
    await refreshing;
    // Online placement: a post is a few articles into a big corpus, the case it was measured on (ECB+ singles,
    // agreement with batch 1.000 / 0.988; docs/performance.md); it falls back to the exact path on its signals.
    const r = await corpus.addItems(msg.items as IngestItem[], { deferViews: true, placement: 'online' });
    send({ type: 'done', id: msg.id, result: { ...r, timings: [...r.timings] } });
  } catch (err) {
    send({ type: 'failed', id: msg.id, message: (err as Error)?.message ?? String(err) });
  } finally {
    waiting--;
  }
  refreshWhenIdle();
});

/** Cross-checks pending stories while no add waits; each one is announced as soon as it is committed. */
function refreshWhenIdle(): void {
  if (refreshing || waiting || closing) return;
  refreshing = (async () => {
    const corpus = await opened;
    for (;;) {
      const { refreshed } = await corpus.refreshViews({ limit: 1, yieldTo: () => waiting > 0 || closing });
      if (!refreshed.length) break;
      send({ type: 'refreshed', stories: refreshed });
    }
  })()
    .catch((err: Error) => send({ type: 'refresh-failed', message: err?.message ?? String(err) }))
    .finally(() => {
      refreshing = null;
    });
}
opened.then(() => refreshWhenIdle(), () => undefined);
