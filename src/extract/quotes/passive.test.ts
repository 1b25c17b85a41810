// Rule passive-cue: which cues are passive (their subject is spoken of, not the speaker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPassiveCue } from './passive.js';

const toks = (s: string) => s.split(' ').map((w) => {
  const [lower, pos] = w.split('/');
  return { lower, pos };
});

test('passive-cue: "was accused", "has been criticized", "was also dubbed" are passive', () => {
  assert.equal(isPassiveCue(toks('he/PRON was/AUX accused/VERB of/ADP'), 2, 2), true);
  assert.equal(isPassiveCue(toks('she/PRON has/AUX been/AUX criticized/VERB for/ADP'), 1, 3), true);
  assert.equal(isPassiveCue(toks('it/PRON was/AUX also/ADV dubbed/VERB'), 3, 3), true);
});

test('passive-cue: "He\'s said", "has said", "said" are not passive', () => {
  assert.equal(isPassiveCue(toks("he/PRON 's/AUX said/VERB that/SCONJ"), 2, 2), false, "'s before a participle is often 'has'");
  assert.equal(isPassiveCue(toks('he/PRON has/AUX said/VERB'), 1, 2), false);
  assert.equal(isPassiveCue(toks('the/DET mayor/NOUN said/VERB'), 2, 2), false);
});
