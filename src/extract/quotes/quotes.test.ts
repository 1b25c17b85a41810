import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { extractEntities } from '../entities/index.js';
import { extractQuotes } from './index.js';

const run = (text: string) => {
  const a = readyFromText('t', text);
  return extractQuotes(a, extractEntities(a));
};

test('direct quote with the cue after it, then a split continuation', () => {
  const text = '“The bridge will open in May,” Mayor Tomas Verren said on Friday. “We are ready.”';
  const q = run(text);
  assert.equal(q.length, 2);
  assert.equal(q[0].speaker, 'Tomas Verren');
  assert.equal(q[0].direct, true);
  assert.equal(q[0].cue?.text, 'said');
  assert.equal(q[0].speakerSpan?.text, 'Mayor Tomas Verren');
  assert.equal(q[0].content.text, '“The bridge will open in May,”');
  assert.equal(q[1].speaker, 'Tomas Verren', 'continuation keeps the speaker');
  for (const x of q) assert.equal(text.slice(x.content.start, x.content.end), x.content.text);
});

test('cue before the quote with a colon, straight quotes', () => {
  const q = run('Harbor police chief Anna Brandt said: "Nobody was hurt in the fire."');
  assert.equal(q.length, 1);
  assert.equal(q[0].speaker, 'Anna Brandt');
  assert.equal(q[0].content.text, '"Nobody was hurt in the fire."');
});

test('reported speech: that-clause, clause-then-cue, according to', () => {
  const q = run([
    'Mara Quill, a spokeswoman for the Harbor Council, told reporters on Monday that the port would reopen.',
    'Ships have waited for a week, Quill said in a statement.',
    'According to engineer Jonas Verret, the cranes need new cables.',
  ].join('\n'));
  assert.equal(q.length, 3);
  assert.deepEqual(q.map((x) => x.speaker), ['Mara Quill', 'Mara Quill', 'Jonas Verret']);
  assert.equal(q[0].content.text, 'the port would reopen');
  assert.equal(q[1].content.text, 'Ships have waited for a week');
  assert.equal(q[2].cue?.text, 'According to');
  assert.ok(q.every((x) => !x.direct));
});

test('"he said" resolves to the subject of the previous sentence, not a possessive mention', () => {
  const q = run([
    'Norland Foreign Minister Pavel Drozdov met his counterpart on Monday.',
    'Drozdov called the talks useful ahead of President Lena Ostrova\'s visit.',
    '"We want calm waters in the bay for everyone," he said.',
  ].join('\n')).filter((x) => x.direct);
  assert.equal(q.length, 1);
  assert.equal(q[0].speaker, 'Pavel Drozdov');
  assert.equal(q[0].speakerSpan?.text, 'he');
});

test('"the spokeswoman said" resolves through the role of a named person', () => {
  const q = run('Mara Quill, a spokeswoman for the Harbor Council, spoke first.\nThe spokeswoman said the port was safe for ships.');
  assert.equal(q[0]?.speaker, 'Mara Quill');
});
