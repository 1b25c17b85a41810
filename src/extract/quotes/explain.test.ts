import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainQuotes } from './explain.js';
import { featureHash } from './model/features.js';
import { article, marked, TRAINING_TEXTS } from './model/fixture.js';
import { PackedWeights } from './model/perceptron.js';
import { labelled, trainTagger } from './model/training.js';

const model = trainTagger(TRAINING_TEXTS.map((t) => marked(t)).map(({ text, gold }) => labelled(article(text), gold)),
  { cueEpochs: 8, spanEpochs: 8, seed: 1 }).model;

test('an added attribution is explained by its spans and the features that weighed most for each', () => {
  const lines = explainQuotes(article('Sofia Lind bemoaned that the harbor was empty.\n'), model);
  assert.match(lines[0], /^tagger: cue "bemoaned" \(confidence [\d.]+\), source "Sofia Lind", content "that the harbor was empty"$/);
  assert.match(lines[1], /^ {2}cue: .*(w=bemoaned|l=bemoan)/);
  assert.match(lines[2], /^ {2}source: [+-]\d/);
  assert.match(lines[3], /^ {2}content: [+-]\d/);
  assert.equal(lines.length, 4);
});

test('a vetoed rule find is explained; an article the tagger leaves alone gives no lines', () => {
  const blind = { featureHash: featureHash(), cue: new PackedWeights(3, 1, 1), span: new PackedWeights(5, 1, 1), minCueConfidence: -1e9 };
  assert.deepEqual(explainQuotes(article('Anna Brandt said the bridge would reopen in June.\n'), blind),
    ['vetoed rule find: cue "said" at 12, content "the bridge would reopen in June": the tagger tags no cue there']);
  assert.deepEqual(explainQuotes(article('The ferry left at noon.\n'), model), []);
});
