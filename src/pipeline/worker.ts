// Worker side of StagePool: runs the text (and extract) stages on batches of cleaned articles and sends
// back only the slots they assign. Only the modules a worker needs are loaded: the extract stage
// (compromise lexicon, gazetteer, chrono) costs about a second of start-up a text-only worker would waste.

import { parentPort, workerData } from 'node:worker_threads';
import type { AnalysedArticle, Article } from '../model/article.js';
import { ArticlePipeline, StageError, causeMessage } from './stage.js';
import { textStage } from '../text/index.js';

const stages = [textStage];
const full = workerData?.stages !== 'text';
if (full) stages.push((await import('../extract/index.js')).extractStage);
// The reuse signature needs only the tokens, which are here: signing in the worker takes it off the main
// thread's serial reuse phase (1.8 s at 10k), for the price of a small array per article in the message.
const reuse = full ? await import('../reuse/index.js') : null;
const sign = (a: Article) => reuse && { signature: reuse.signatureOf(reuse.signatureInputOf(a as AnalysedArticle), reuse.reuseParams) };
const pipeline = new ArticlePipeline(stages, ['raw', 'clean']);

parentPort!.on('message', (articles: Article[]) => {
  const timings = new Map<string, number>();
  // Each article on its own: an internal error in one costs that article (sent back with its stage),
  // never the other articles of the batch.
  const results = articles.map((article) => {
    try {
      pipeline.run(article, timings);
      return { text: article.text, extract: article.extract, diagnostics: article.diagnostics, ...sign(article) };
    } catch (err) {
      return { failed: { stage: err instanceof StageError ? err.stage : 'worker', message: causeMessage(err instanceof StageError ? err.cause : err) } };
    }
  });
  parentPort!.postMessage({ results, timings: [...timings] });
});
