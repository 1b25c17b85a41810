// Worker side of StagePool: runs the text (and extract) stages on cleaned articles sent by the main thread.
// Only the modules a worker needs are loaded: the extract stage (compromise lexicon, gazetteer, chrono)
// costs about a second of start-up that a text-only worker would waste.

import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../model/article.js';
import { ArticlePipeline } from './stage.js';
import { textStage } from '../text/index.js';

const stages = [textStage];
if (workerData?.stages !== 'text') stages.push((await import('../extract/index.js')).extractStage);
const pipeline = new ArticlePipeline(stages, ['raw', 'clean']);

parentPort!.on('message', (article: Article) => {
  try {
    const timings = new Map<string, number>();
    pipeline.run(article, timings);
    parentPort!.postMessage({ article, timings: [...timings] });
  } catch (err) {
    parentPort!.postMessage({ error: `${article.id}: ${(err as Error).message}` });
  }
});
