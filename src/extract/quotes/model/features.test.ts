import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureSink } from './features.js';
import { article } from './fixture.js';
import { cueSequence } from './tagger.js';
import { docView } from './view.js';

/** Feature names of the cue stage for the word `word` of the first sentence of `text`. */
function namesOf(text: string, word: string): string[] {
  const view = docView(article(text));
  const sink = cueSequence(view, 0, new FeatureSink(true));
  const t = view.tokens.findIndex((x) => x.lower === word);
  return sink.namesAt(t - view.sentences[0].first);
}

test('quote distance: a cue past a name and title still reads the closing mark before it', () => {
  const names = namesOf('"The pier is closed," said Anna Brandt, the harbor spokeswoman.\n', 'said');
  const qdist = names.filter((n) => n.startsWith('qdist'));
  // The closing mark one word before 'said' (band 1, stored as 2); none after it.
  assert.ok(qdist.some((n) => /^qdist=2\|0\|/.test(n)), qdist.join(', '));
  assert.ok(qdist.some((n) => n.startsWith('qdist|lex=2|0|')), 'with its lexicon classes');
  const far = namesOf('"The pier is closed," the harbor spokeswoman for the city of Lund, Anna Brandt, said.\n', 'said');
  assert.ok(far.some((n) => /^qdist=(8|9)\|0\|/.test(n)), far.join(', '));
});
