// Worker side of StagePool: runs the text (and extract) stages on batches of cleaned articles and sends
// back only the slots they assign. Only the modules a worker needs are loaded: the extract stage
// (compromise lexicon, gazetteer, chrono) costs about a second of start-up a text-only worker would waste.

import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../model/article.js';
import { ArticlePipeline } from './stage.js';
import { textStage } from '../text/index.js';

const stages = [textStage];
if (workerData?.stages !== 'text') stages.push((await import('../extract/index.js')).extractStage);
const pipeline = new ArticlePipeline(stages, ['raw', 'clean']);

parentPort!.on('message', (articles: Article[]) => {
  const timings = new Map<string, number>();
  try {
    const results = articles.map((article) => {
      pipeline.run(article, timings);
      return { text: article.text, extract: article.extract, diagnostics: article.diagnostics };
    });
    parentPort!.postMessage({ results, timings: [...timings] });
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).message });
  }
});
