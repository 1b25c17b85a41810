// The text stage: sentences and tokens of the cleaned body, and its language. Non-English articles are
// kept and flagged (the English model still segments them, less well), never dropped; later stages skip
// their English-only rules (hasEnglishRules).

import type { Article } from '../model/article.js';
import type { ArticleStage } from '../pipeline/stage.js';
import { detectLanguage } from './language.js';
import { segment } from './sentences.js';

export const textStage: ArticleStage = {
  name: 'text',
  requires: ['clean'],
  assigns: 'text',
  run(article: Article): void {
    const clean = article.clean!;
    const language = detectLanguage(clean.text) ?? article.meta.declaredLanguage?.slice(0, 2).toLowerCase() ?? null;
    if (language && language !== 'en') {
      article.diagnostics.push({
        origin: 'text:language',
        level: 'warning',
        message: `language detected as "${language}"; not analysed for claims or quotes (the rules are English-only)`,
      });
    }
    article.text = { language, sentences: segment(clean) };
  },
};
