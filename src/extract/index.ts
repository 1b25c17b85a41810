// The extract stage: entities, quotes, dates and quantities of one article, with offsets into its cleaned
// text. Dates depend on the publication date, so an article dated later (from a copy) is re-dated here.

import type { Article, TextReady } from '../model/article.js';
import type { ArticleStage } from '../pipeline/stage.js';
import { extractDates } from './dates/index.js';
import { extractEntities } from './entities/index.js';
import { extractQuantities } from './quantities/index.js';
import { extractQuotes } from './quotes/index.js';

export const extractStage: ArticleStage = {
  name: 'extract',
  requires: ['text'],
  assigns: 'extract',
  run(article: Article): void {
    const ready = article as TextReady;
    const entities = extractEntities(ready);
    article.extract = {
      entities,
      quotes: extractQuotes(ready, entities),
      dates: extractDates(ready, article.meta.published),
      quantities: extractQuantities(ready),
    };
  },
};

/** Gives an article a publication date found elsewhere (a dated copy) and re-resolves its relative dates. */
export function redateArticle(article: TextReady & { extract?: Article['extract'] }, published: string): void {
  if (article.extract) article.extract.dates = extractDates(article, published);
}
