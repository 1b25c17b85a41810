// Worker side of the story reader (story-reader.ts): opens its own corpus on the served database and renders
// what the request thread asks for, one story at a time, from data kept per listed version.

import { parentPort, workerData } from 'node:worker_threads';
import { openCorpus } from '../corpus/index.js';
import { LocalStorySource } from './story-cache.js';
import type { ReaderReply, ReaderRequest } from './story-reader.js';

const port = parentPort!;
const send = (reply: ReaderReply) => port.postMessage(reply);

const opened = openCorpus({ db: workerData.db, outlets: workerData.outlets });
const source = opened.then((corpus) => new LocalStorySource(corpus));
opened.then(() => send({ type: 'ready' }), (err: Error) => send({ type: 'fatal', message: err.message }));

port.on('message', async (msg: ReaderRequest) => {
  if (msg.type === 'close') {
    await (await opened.catch(() => null))?.close();
    port.close();
    return;
  }
  try {
    const bytes = await (await source).render(msg.id, msg.summary, msg.want);
    send({ type: 'rendered', n: msg.n, bytes });
  } catch (err) {
    send({ type: 'failed', n: msg.n, message: (err as Error)?.message ?? String(err) });
  }
});
