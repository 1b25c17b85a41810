import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureSink } from './features.js';
import { article } from './fixture.js';
import { cueSequence } from './tagger.js';
import { docView } from './view.js';

function namesOf(text: string, word: string): string[] {
  const view = docView(article(text));
  const sink = cueSequence(view, 0, new FeatureSink(true));
  const t = view.tokens.findIndex((x) => x.lower === word);
  return sink.namesAt(t - view.sentences[0].first);
}

test('quote distance: nothing in a sentence without quotation marks, nor on a plain word inside the marks', () => {
  assert.deepEqual(namesOf('Anna Brandt said the pier was closed.\n', 'said').filter((n) => n.startsWith('qdist')), []);
  assert.deepEqual(namesOf('"The pier is closed," said Anna Brandt.\n', 'pier').filter((n) => n.startsWith('qdist')), []);
});
