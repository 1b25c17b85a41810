import { test } from 'node:test';
import assert from 'node:assert/strict';
import { article, marked, TRAINING_TEXTS } from './fixture.js';
import { bioScheme, Trainer, viterbi, WeightTable } from './perceptron.js';
import { tagCues, tagSpans, type QuoteModel } from './tagger.js';
import { labelled, trainTagger } from './training.js';
import { docView } from './view.js';

test('BIO scheme: an inside label only after its own begin or inside label', () => {
  const { labels, allowed } = bioScheme(['SRC', 'CON']);
  assert.deepEqual(labels, ['O', 'B-SRC', 'I-SRC', 'B-CON', 'I-CON']);
  const L = labels.length;
  const ok = (prev: number, cur: number) => allowed[prev * L + cur] === 1;
  assert.ok(ok(1, 2) && ok(2, 2) && ok(3, 4) && ok(4, 4) && ok(0, 1) && ok(2, 3));
  assert.ok(!ok(0, 2) && !ok(3, 2) && !ok(1, 4) && !ok(L, 2) && !ok(L, 4));
});

test('viterbi keeps forced labels and never starts a run with an inside label', () => {
  const scheme = bioScheme(['CUE']);
  const table = new WeightTable(3);
  // Emissions favour I everywhere; the start may not be I, and position 1 is forced to O.
  const em = Float64Array.from([0, 1, 5, 0, 1, 5, 0, 1, 5]);
  const labels = [...viterbi(em, 3, table, scheme, Int8Array.from([-1, 0, -1]))];
  assert.deepEqual(labels, [1, 0, 1]);
});

test('the averaged perceptron learns a toy sequence task from feature ids', () => {
  // Feature 7 marks a cue word, 9 anything else; the cue is B, the rest O.
  const trainer = new Trainer(bioScheme(['CUE']));
  const seq = { ids: [9, 7, 9, 9], offsets: [0, 1, 2, 3, 4] };
  for (let epoch = 0; epoch < 3; epoch++) trainer.learn(seq, Int8Array.from([0, 1, 0, 0]), null);
  const table = trainer.averaged();
  const em = new Float64Array(4 * 3);
  table.emissions({ ids: [7, 9, 9, 7], offsets: [0, 1, 2, 3, 4] }, em);
  assert.deepEqual([...viterbi(em, 4, table, bioScheme(['CUE']), null)], [1, 0, 0, 1]);
  assert.ok(table.weight(7, 1) > 0 && table.weight(9, 1) < table.weight(9, 0));
});

function fixtureModel(): QuoteModel {
  const data = TRAINING_TEXTS.map((t) => marked(t)).map(({ text, gold }) => labelled(article(text), gold));
  return trainTagger(data, { cueEpochs: 8, spanEpochs: 8, seed: 1 }).model;
}

test('the two-stage tagger, trained on a hand-written corpus, tags cue, source and content of new text', () => {
  const model = fixtureModel();
  const text = 'The pier was quiet.\nSofia Lind bemoaned that the harbor was empty.\n';
  const view = docView(article(text));
  const cues = tagCues(view, model);
  const cueText = cues.map((c) => text.slice(view.tokens[c.first].start, view.tokens[c.last].end));
  assert.deepEqual(cueText, ['bemoaned']);
  const a = tagSpans(view, cues[0], model)!;
  const chars = ([f, l]: [number, number]) => text.slice(view.tokens[f].start, view.tokens[l].end);
  assert.equal(chars(a.source!), 'Sofia Lind');
  assert.deepEqual(a.content.map(chars), ['that the harbor was empty']);
});

test('the tagger is deterministic: the same data and seed give the same weights', () => {
  const a = fixtureModel();
  const b = fixtureModel();
  const view = docView(article('Karl Ness said the tide was high.\n'));
  assert.deepEqual(tagCues(view, a), tagCues(view, b));
});
