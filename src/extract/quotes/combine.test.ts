import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combine, withModel } from './combine.js';
import { ruleQuotes } from './index.js';
import { article, marked, TRAINING_TEXTS } from './model/fixture.js';
import { labelled, trainTagger } from './model/training.js';

// A tagger trained on the hand-written fixture corpus: it knows "bemoaned", which the rules do not.
const model = trainTagger(TRAINING_TEXTS.map((t) => marked(t)).map(({ text, gold }) => labelled(article(text), gold)),
  { cueEpochs: 8, spanEpochs: 8, seed: 1 }).model;

const run = (text: string) => {
  const a = article(text);
  return { rules: ruleQuotes(a), combined: withModel(a, ruleQuotes(a), model) };
};

test('the tagger adds an attribution whose cue the rules miss, with its source and content', () => {
  const { rules, combined } = run('The pier was quiet.\nSofia Lind bemoaned that the harbor was empty.\n');
  assert.deepEqual(rules, []);
  assert.deepEqual(combined.map((f) => [f.attribution?.cue?.text, f.attribution?.speaker?.text, f.content.text, f.origin]),
    [['bemoaned', 'Sofia Lind', 'that the harbor was empty', 'model']]);
});

test('a rule quote with no cue takes the cue and speaker the tagger finds for it', () => {
  const { rules, combined } = run('"The harbor will never be the same again," Sofia Lind bemoaned.\n');
  assert.equal(rules.length, 1);
  assert.equal(rules[0].attribution, null);
  assert.equal(combined.length, 1);
  assert.equal(combined[0].attribution?.cue?.text, 'bemoaned');
  assert.equal(combined[0].attribution?.speaker?.text, 'Sofia Lind');
  assert.ok(combined[0].direct);
});

test("a rule find the tagger confirms comes out once: the tagger's cue and source, the rules' content", () => {
  const { rules, combined } = run('Anna Brandt said the bridge would reopen in June.\n');
  assert.equal(rules.length, 1);
  assert.deepEqual(combined.map((f) => [f.attribution?.cue?.text, f.attribution?.speaker?.text, f.content.text, f.origin]),
    [['said', 'Anna Brandt', 'the bridge would reopen in June', 'rules']]);
});

test('an "according to" find stays as the rules found it where the tagger tags the same cue', () => {
  const { rules, combined } = run('According to Anna Brandt, the bridge would reopen in June.\n');
  assert.equal(rules.length, 1);
  assert.deepEqual(combined, rules);
});

test('combine reports what it added and vetoed, for --explain', () => {
  const c = combine(article('Sofia Lind bemoaned that the harbor was empty.\n'), [], model);
  assert.equal(c.added.length, 1);
  assert.deepEqual(c.vetoed, []);
  assert.ok(c.cues.length >= 1);
});
