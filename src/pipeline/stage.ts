// Stages declare the article slots they require and the slot they assign; a pipeline checks the order at
// construction (as spaCy checks `requires`/`assigns`), so a mis-ordered pipeline fails at start-up, not mid-run.

import type { Article } from '../model/article.js';

/** Article slots a stage can require or assign. `raw` is what ingest provides. */
export type Slot = 'raw' | 'clean' | 'text' | 'extract';

export interface ArticleStage {
  name: string;
  requires: Slot[];
  assigns: Slot;
  run(article: Article): void;
}

export class PipelineOrderError extends Error {}

/** An internal error inside one stage on one article: names the stage so the article can be rejected
 *  with it ("internal error in stage clean: …") while the rest of the run goes on. */
export class StageError extends Error {
  constructor(readonly stage: string, readonly cause: unknown) {
    super(`internal error in stage ${stage}: ${causeMessage(cause)}`);
  }
}

/** One line, whatever was thrown (an Error, a string, anything). */
export function causeMessage(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n', 1)[0] || (cause instanceof Error ? cause.name : 'unknown error');
}

/** Runs per-article stages in order after checking that each one's requirements are met by the ones before. */
export class ArticlePipeline {
  readonly stages: readonly ArticleStage[];

  /** `provided` lists the slots already present on articles given to this pipeline. */
  constructor(stages: ArticleStage[], provided: Slot[] = ['raw']) {
    const available = new Set<Slot>(provided);
    for (const stage of stages) {
      for (const need of stage.requires) {
        if (!available.has(need)) {
          throw new PipelineOrderError(`stage "${stage.name}" requires "${need}", which no earlier stage assigns`);
        }
      }
      available.add(stage.assigns);
    }
    this.stages = stages;
  }

  run(article: Article, timings?: Map<string, number>): Article {
    for (const stage of this.stages) {
      const t0 = timings ? performance.now() : 0;
      try {
        stage.run(article);
      } catch (err) {
        throw err instanceof StageError ? err : new StageError(stage.name, err);
      }
      if (timings) timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - t0);
    }
    return article;
  }
}
