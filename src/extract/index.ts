// The extract stage: entities, quotes, dates and quantities of one article, with offsets into its cleaned
// text; an article in a language other than English gets only what its rules can read (see run).
// Dates depend on the publication date, so an article dated later (from a copy) is re-dated here.

import type { Article, TextReady } from '../model/article.js';
import type { ArticleStage } from '../pipeline/stage.js';
import { extractDates } from './dates/index.js';
import { extractEntities } from './entities/index.js';
import { languageNeutralNames } from './entities/language-neutral.js';
import { extractQuantities } from './quantities/index.js';
import { extractQuotes } from './quotes/index.js';
import { hasEnglishRules } from '../text/language.js';

export const extractStage: ArticleStage = {
  name: 'extract',
  requires: ['text'],
  assigns: 'extract',
  run(article: Article): void {
    const ready = article as TextReady;
    // Quote cues and entity roles are English rules: on another language they make quotes of fragments
    // and names of every capitalised noun. Such an article keeps its dates, numbers and the names that
    // hold across languages, so it still clusters; it gets no quotes (and corroboration skips it).
    const english = hasEnglishRules(ready.text.language);
    const entities = english ? extractEntities(ready) : languageNeutralNames(extractEntities(ready));
    article.extract = {
      entities,
      quotes: english ? extractQuotes(ready, entities) : [],
      dates: extractDates(ready, article.meta.published),
      quantities: extractQuantities(ready),
    };
  },
};

/** Gives an article a publication date found elsewhere (a dated copy) and re-resolves its relative dates. */
export function redateArticle(article: TextReady & { extract?: Article['extract'] }, published: string): void {
  if (article.extract) article.extract.dates = extractDates(article, published);
}
