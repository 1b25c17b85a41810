// One sort order, the same on every machine (issue 12): story entities and timeline entries that tie break
// by code-unit order, not localeCompare (whose order follows the machine's locale: "apple" before "Banana").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysedArticle, EntityMention } from '../model/article.js';
import { mergeEntities } from './story-entities.js';

const mention = (name: string, start: number): EntityMention => ({ name, text: name, type: 'organization', roles: [], sentence: 0, start, end: start + name.length });

test('equally supported entities are listed in code-unit order', () => {
  const article = {
    id: 'a',
    extract: { entities: [mention('apple', 0), mention('Banana', 10), mention('Émile', 20), mention('Zed', 30)], quotes: [], dates: [], quantities: [] },
  } as unknown as AnalysedArticle;
  assert.deepEqual(mergeEntities([article]).map((e) => e.name), ['Banana', 'Zed', 'apple', 'Émile']);
});
