import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArticlePipeline, PipelineOrderError, type ArticleStage } from './stage.js';

const noop = (name: string, requires: ArticleStage['requires'], assigns: ArticleStage['assigns']): ArticleStage => ({
  name, requires, assigns, run: () => {},
});

test('pipeline rejects a stage whose requirement no earlier stage assigns', () => {
  assert.throws(() => new ArticlePipeline([noop('text', ['clean'], 'text')]), PipelineOrderError);
});

test('pipeline accepts stages in dependency order', () => {
  const p = new ArticlePipeline([noop('clean', ['raw'], 'clean'), noop('text', ['clean'], 'text')]);
  assert.deepEqual(p.stages.map((s) => s.name), ['clean', 'text']);
});
