// Who speaks, by the rules of the fourth pass (issue 18) and after: a time phrase between subject and cue, a cue
// coordinated after an attribution, a passive cue with its agent, an untyped full name. Fictional sentences, real stages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { extractEntities } from '../entities/index.js';
import { extractQuotes } from './index.js';

const run = (text: string) => {
  const a = readyFromText('t', text);
  return extractQuotes(a, extractEntities(a));
};

test('time-adjunct: "Corvane Bank just this month announced" is the bank\'s', () => {
  const [q] = run('Corvane Bank just this month announced that it would close 40 branches in the north.');
  assert.equal(q.speaker, 'Corvane Bank');
  assert.equal(q.cue?.text, 'announced');
});

test('earlier speaker: ", adding that …" after "the mayor said" is the mayor\'s', () => {
  const q = run('“We do not see a link,” Mayor Tomas Verren said, adding that the plant was safe.');
  assert.deepEqual(q.map((x) => [x.cue?.text, x.speaker]), [['said', 'Tomas Verren'], ['adding', 'Tomas Verren']]);
});

test('passive-cue: the agent after "by" is the source', () => {
  const [q] = run('Senator Ilse Varn was accused of lying by fellow senators on Tuesday.');
  assert.equal(q.cue?.text, 'was accused of');
  assert.equal(q.speakerSpan?.text, 'fellow senators');
});

test('untyped full name: "Gene Quarrington said" is spoken by the name the typer left untyped', () => {
  const q = run('The game ended late on Sunday. “The shot felt easy,” Gene Quarrington said after the game.');
  assert.deepEqual(q.map((x) => x.speaker), ['Gene Quarrington']);
});
