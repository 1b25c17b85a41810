import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { extractEntities } from '../entities/index.js';
import { extractQuotes } from './index.js';

const run = (text: string) => {
  const a = readyFromText('t', text);
  return extractQuotes(a, extractEntities(a));
};

test('scare quotes are not direct quotes (the stance "called … baseless" is reported, not quoted)', () => {
  assert.deepEqual(run('The minister called the reports “baseless” and left.').filter((q) => q.direct), []);
});

test('an indefinite source stays unresolved rather than guessed', () => {
  const q = run('Mayor Tomas Verren opened the bridge.\nAn unnamed harbor official told reporters that the cables were old.');
  assert.equal(q.length, 1);
  assert.equal(q[0].speaker, null);
  assert.equal(q[0].speakerSpan?.text, 'An unnamed harbor official');
});

test('a modifier place does not become the speaker ("Norland sources said")', () => {
  const q = run('Norland sources said that the talks had failed.');
  assert.equal(q[0]?.speaker, null);
});

test('"he said" with no person nearby is null', () => {
  const q = run('The port closed early.\n"We will reopen when the storm has passed," he said.');
  assert.equal(q.length, 1);
  assert.equal(q[0].speaker, null);
});

test('nouns that look like cues are not cues', () => {
  assert.deepEqual(run('The report says nothing new. Claims about the bridge spread quickly.').filter((q) => q.speaker), []);
  assert.deepEqual(run('The United States and Norland signed the accord.'), []);
});
