// The per-article pipelines, assembled in one place so the order check runs at start-up.

import { createCleanStage, type LineRecurrence } from '../clean/index.js';
import { extractStage } from '../extract/index.js';
import { textStage } from '../text/index.js';
import { ArticlePipeline } from './stage.js';

/** Stages that run after cleaning; they need nothing but the article itself, so they can run in workers. */
export function afterCleanPipeline(): ArticlePipeline {
  return new ArticlePipeline([textStage, extractStage], ['raw', 'clean']);
}

/** Sentences and language only: what the ingest+clean+text benchmark measures. */
export function textOnlyPipeline(): ArticlePipeline {
  return new ArticlePipeline([textStage], ['raw', 'clean']);
}

export function cleanPipeline(stats?: LineRecurrence): ArticlePipeline {
  return new ArticlePipeline([createCleanStage(stats)]);
}

export function fullPipeline(stats?: LineRecurrence): ArticlePipeline {
  return new ArticlePipeline([createCleanStage(stats), textStage, extractStage]);
}
