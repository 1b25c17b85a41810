// Worker side of StagePool: runs the text and extract stages on cleaned articles sent by the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../model/article.js';
import { afterCleanPipeline, textOnlyPipeline } from './stages.js';

const pipeline = workerData?.stages === 'text' ? textOnlyPipeline() : afterCleanPipeline();

parentPort!.on('message', (article: Article) => {
  try {
    const timings = new Map<string, number>();
    pipeline.run(article, timings);
    parentPort!.postMessage({ article, timings: [...timings] });
  } catch (err) {
    parentPort!.postMessage({ error: `${article.id}: ${(err as Error).message}` });
  }
});
