// Worker side of the serve analyser (analyser.ts): opens its own corpus on the served database and runs
// each add there, one at a time, so the NLP, reuse, clustering and views never block the request thread.

import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from '../corpus/index.js';
import { LiveAdder } from '../corpus/live.js';
import { warmStages } from '../corpus/analyse.js';
import type { IngestItem } from '../ingest/types.js';
import type { AddRequest, WorkerReply } from './analyser.js';

const port = parentPort!;
const send = (reply: WorkerReply) => port.postMessage(reply);

// The listener goes on before the corpus opens: messages that arrive meanwhile wait on `opened`.
// The stages load their models before `ready`, so the first POST is timed like the rest (warmStages).
const opened = openCorpus({ db: workerData.db, outlets: workerData.outlets }).then((corpus) => (warmStages(), corpus));
opened.then(() => send({ type: 'ready' }), (err: Error) => send({ type: 'fatal', message: err.message }));

// Adds answer once the article is placed (online) and its small stories cross-checked; big stories' cross-checks are
// deferred (Story.pending) and run here between adds, one story at a time, so an add waits for at most one
// (src/corpus/live.ts); each refreshed story is announced as soon as it is committed.
const live = opened.then((corpus) =>
  new LiveAdder(corpus, (stories) => send({ type: 'refreshed', stories }), (err) => send({ type: 'refresh-failed', message: err?.message ?? String(err) })),
);

port.on('message', async (msg: AddRequest | { type: 'close' }) => {
  if (msg.type === 'close') {
    await (await live.catch(() => null))?.stop();
    await (await opened.catch(() => null))?.close();
    port.close();
    return;
  }
  try {
    const r = await (await live).add(msg.items as IngestItem[]);
    send({ type: 'done', id: msg.id, result: { ...r, timings: [...r.timings] } });
  } catch (err) {
    send({ type: 'failed', id: msg.id, message: (err as Error)?.message ?? String(err) });
  }
});
live.then((l) => l.refreshWhenIdle(), () => undefined);
