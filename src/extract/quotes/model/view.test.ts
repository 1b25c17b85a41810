import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleQuotes } from '../index.js';
import { article } from './fixture.js';
import { docView, RULE_CONTENT, RULE_CUE, RULE_DIRECT, RULE_SPEAKER, tokensOverlapping } from './view.js';

test('the view marks quotation state, lemmas, lexicon classes and the rules’ finds on each word', () => {
  const a = article('"We will rebuild the pier," Jonas Verret said.\nThe ferry left.\n');
  const v = docView(a, ruleQuotes(a));
  const at = (text: string) => v.tokens.find((t) => t.text === text)!;
  assert.deepEqual([at('"').quote, at('We').quote, at('pier').quote, at('said').quote, at('ferry').quote], [2, 1, 1, 0, 0]);
  assert.equal(v.tokens.filter((t) => t.quote === 3).length, 1);
  assert.equal(at('said').lemma, 'say');
  assert.ok(at('said').lex & 1, 'said is a speech cue');
  assert.equal(at('said').rule & RULE_CUE, RULE_CUE);
  assert.equal(at('Verret').rule & RULE_SPEAKER, RULE_SPEAKER);
  assert.equal(at('pier').rule & (RULE_CONTENT | RULE_DIRECT), RULE_CONTENT | RULE_DIRECT);
  assert.equal(at('ferry').rule, 0);
  assert.deepEqual(v.sentences.map((s) => s.quoted), [true, false]);
});

test('tokens overlapping a character range, and none for a range between words', () => {
  const v = docView(article('Anna Brandt said so.\n'));
  assert.deepEqual(tokensOverlapping(v.tokens, 0, 11), [0, 1]);
  assert.deepEqual(tokensOverlapping(v.tokens, 3, 6), [0, 1]);
  assert.equal(tokensOverlapping(v.tokens, 11, 12), null);
});
