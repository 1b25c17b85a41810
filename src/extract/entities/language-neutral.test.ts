// Rule `languageNeutralNames` on hand-made mentions (what the English rules make of German text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityMention } from '../../model/article.js';
import { languageNeutralNames } from './language-neutral.js';

const mention = (text: string, name = text, start = 0): EntityMention => ({ start, end: start + text.length, text, name, type: 'other', roles: ['Sprecher'], sentence: 0 });

test('gazetteer names and first name + surname are kept, without roles; a title word is cut off', () => {
  const out = languageNeutralNames([mention('Berlin'), mention('Bürgermeisterin Marta Okafor', undefined, 10), mention('Okafor', 'Marta Okafor', 60)]);
  assert.deepEqual(out.map((m) => [m.text, m.name, m.type, m.roles, m.start]), [
    ['Berlin', 'Berlin', 'place', [], 0],
    ['Marta Okafor', 'Marta Okafor', 'person', [], 26],
    ['Okafor', 'Marta Okafor', 'person', [], 60],
  ]);
});

test('negative: capitalised common nouns, phrases with a lower-case word and lone first names are dropped', () => {
  const out = languageNeutralNames(['Hafenbehörde', 'Schäden', 'Millionen Euro', 'Hafen von Velmar', 'Marta', 'Marta von Velmar'].map((t) => mention(t)));
  assert.deepEqual(out, []);
});
