// Sentence features are shared by sentences alike in all that sentenceFeatures reads, and sharing changes no
// similarity or alignment: the shortcuts for one object twice give what the full computation gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignSentences, articleFeatures, sentenceSimilarity, surfaceSimilarity } from './align.js';
import { sentenceFeatures } from './features.js';

const tok = (normal: string, pos: string) => ({ normal, pos });
const S = 'Ferry crews on the Vellin line walked out on Monday, stranding 212 passengers.';

test('one features object per sentence alike in text and PROPN tokens; tagged apart, apart', () => {
  const tokens = [tok('ferry', 'NOUN'), tok('vellin', 'PROPN')];
  const [x] = articleFeatures([{ text: S, tokens }]);
  const [y] = articleFeatures([{ text: S, tokens: [tok('ferry', 'NOUN'), tok('vellin', 'PROPN')] }]);
  const [z] = articleFeatures([{ text: S, tokens: [tok('ferry', 'NOUN'), tok('vellin', 'NOUN')] }]);
  const [w] = articleFeatures([{ text: S }]);
  assert.equal(x, y);
  assert.notEqual(x, z);
  assert.notEqual(x, w);
  assert.deepEqual(z.names, new Set());
  assert.deepEqual(w, sentenceFeatures(S));
});

test('the same object twice scores as two equal copies do', () => {
  const [x] = articleFeatures([{ text: S }]);
  const copy = sentenceFeatures(S);
  assert.equal(sentenceSimilarity(x, x), sentenceSimilarity(x, copy));
  assert.equal(surfaceSimilarity(x, x), surfaceSimilarity(x, copy));
  const other = articleFeatures([{ text: 'Island shops said deliveries of fresh food had stopped on Monday.' }, { text: S }]);
  const apart = [sentenceFeatures('Island shops said deliveries of fresh food had stopped on Monday.'), sentenceFeatures(S)];
  assert.deepEqual(alignSentences([x], other), alignSentences([copy], apart));
});
