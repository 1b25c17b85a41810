// Runs a per-article pipeline over many articles so that one article can never end the run: an internal
// error in any stage (a parser bug, a stack overflow on a pathological input) rejects that article with
// the stage's name and the reason, and the next article goes on.

import type { Article } from '../model/article.js';
import { StageError, type ArticlePipeline } from './stage.js';

/** Why an article was dropped from a run, in the words the report's `rejected` list uses. */
export function failureReason(article: Pick<Article, 'id'>, err: unknown): string {
  const e = err instanceof StageError ? err : new StageError('unknown', err);
  return `${article.id}: ${e.message}; article skipped`;
}

/** Runs `pipeline` on each article; returns the articles that passed, in order, and calls `onFailure`
 *  for each one that threw. */
export function runGuarded<T extends Article>(
  pipeline: ArticlePipeline,
  articles: T[],
  onFailure: (article: T, reason: string) => void,
  timings?: Map<string, number>,
  after?: (article: T) => void,
): T[] {
  const passed: T[] = [];
  for (const a of articles) {
    try {
      pipeline.run(a, timings);
    } catch (err) {
      onFailure(a, failureReason(a, err));
      continue;
    }
    passed.push(a);
    after?.(a);
  }
  return passed;
}
