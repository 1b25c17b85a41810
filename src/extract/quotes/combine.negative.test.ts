import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combine, withModel } from './combine.js';
import { ruleQuotes } from './index.js';
import { featureHash } from './model/features.js';
import { article } from './model/fixture.js';
import { PackedWeights } from './model/perceptron.js';
import type { QuoteModel } from './model/tagger.js';

// A tagger with no weights: every word scores O, so it tags no cue and adds nothing.
const blind: QuoteModel = { featureHash: featureHash(), cue: new PackedWeights(3, 1, 1), span: new PackedWeights(5, 1, 1), minCueConfidence: -1e9 };

test('a tagger that sees no cue vetoes reported speech and stances, but not direct quotes or "according to"', () => {
  const text = [
    '"We will rebuild the pier before the winter storms," Jonas Verret said.',
    'According to the harbor council, the ferry will run on Sunday.',
    'Anna Brandt said the bridge would reopen in June.',
    'The mayor called for a new crane.',
  ].join('\n');
  const a = article(text);
  const rules = ruleQuotes(a);
  const c = combine(a, rules, blind);
  assert.deepEqual(c.added, []);
  assert.deepEqual(c.finds.map((f) => f.attribution?.cue?.text), ['said', 'According to']);
  assert.deepEqual(c.vetoed.map((f) => f.attribution?.cue?.text), ['said', 'called for']);
});

test('no tagger cue, no addition: text without attributions stays without', () => {
  const a = article('The United States and Norland signed the accord.\nThe ferry left at noon.\n');
  assert.deepEqual(withModel(a, ruleQuotes(a), blind), []);
});

test('below the floor the tagger adds nothing, and an unattributed rule quote stays unattributed', () => {
  const a = article('"The harbor will never be the same again after this storm," one line read.\n');
  const rules = ruleQuotes(a);
  const picky = { ...blind, minCueConfidence: 1e9 };
  assert.deepEqual(withModel(a, rules, picky), rules);
});
