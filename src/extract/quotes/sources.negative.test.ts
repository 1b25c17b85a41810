// Who does not speak: the subject of a passive cue, the head of a time phrase before a cue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { extractEntities } from '../entities/index.js';
import { extractQuotes } from './index.js';

const run = (text: string) => {
  const a = readyFromText('t', text);
  return extractQuotes(a, extractEntities(a));
};

test('passive-cue: the one accused is not the speaker, and without "by" there is none', () => {
  const [q] = run('Senator Ilse Varn was accused of lying about the budget.');
  assert.equal(q.cue?.text, 'was accused of');
  assert.equal(q.speaker, null);
  assert.ok(!q.speakerSpan, 'no source span');
});

test('time-adjunct: "on Tuesday" before the cue is no speaker', () => {
  const [q] = run('Mayor Tomas Verren on Tuesday said that the bridge would open in May.');
  assert.equal(q.speaker, 'Tomas Verren');
  assert.equal(q.speakerSpan?.text, 'Mayor Tomas Verren');
});

test('untyped full name: a one-word untyped name stays unresolved (a team, a product or a law as often as a person)', () => {
  const q = run('Sales rose in May. “Sales doubled this spring,” Zentrix announced on Monday.');
  assert.equal(q[0].speakerSpan?.text, 'Zentrix');
  assert.equal(q[0].speaker, null);
});
