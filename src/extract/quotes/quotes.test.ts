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

test('stance cues take a noun phrase or infinitive as content ("called for", "cited", "wants to")', () => {
  const q = run([
    'Mayor Tomas Verren called for a new bridge inspection.',
    'Harbor councillor Anna Brandt wants to close the harbor road, citing the storm damage.',
  ].join('\n'));
  const byCue = new Map(q.map((x) => [x.cue?.text, x]));
  assert.equal(byCue.get('called for')?.speaker, 'Tomas Verren');
  assert.equal(byCue.get('called for')?.content.text, 'a new bridge inspection');
  assert.equal(byCue.get('wants')?.content.text, 'to close the harbor road', 'the object ends at ", citing"');
  assert.equal(byCue.get('wants')?.speaker, 'Anna Brandt');
});

test('a clause after the cue wins over an opening adjunct; party parenthesis stays in the source', () => {
  const q = run('Speaking at the harbor on Friday, Rep. Anna Brandt (D-Nor.) said the cranes would be replaced.');
  assert.equal(q.length, 1);
  assert.equal(q[0].content.text, 'the cranes would be replaced');
  assert.equal(q[0].speakerSpan?.text, 'Rep. Anna Brandt (D-Nor.)');
  assert.equal(q[0].speaker, 'Anna Brandt');
});

test('long appositive and a name appositive after a common noun', () => {
  const q = run([
    'Lena Ostrova, director of the Harbor Institute for Coastal Studies and a former adviser to the port authority of Norland, said the dredging was overdue.',
    'The council’s chief engineer, Jonas Verret, said the cables were replaced in May.',
  ].join('\n'));
  assert.equal(q.length, 2);
  assert.equal(q[0].speaker, 'Lena Ostrova');
  assert.equal(q[1].speaker, 'Jonas Verret');
});

test('headline and transcript speaker-colon; cue touching the quote; cue in the previous paragraph', () => {
  const q = run([
    'Verren: Bridge Will Open in May Despite Storm Damage',
    'BRANDT: Well, the cranes are old and the cables are worse than anyone admits.',
    'Mayor Tomas Verren said "We will open the bridge in May, storm or no storm."',
    'Harbor councillor Anna Brandt told the meeting:',
    '"The harbor road stays closed until the council has seen the engineers\' report."',
  ].join('\n'));
  assert.equal(q[0].cue?.text, ':');
  assert.equal(q[0].speakerSpan?.text, 'Verren');
  assert.equal(q[0].direct, false);
  assert.equal(q[1].speakerSpan?.text, 'BRANDT');
  assert.equal(q[1].direct, true, 'an all-caps transcript turn is speech');
  assert.equal(q[2].speaker, 'Tomas Verren');
  assert.equal(q[2].direct, true);
  const last = q[q.length - 1];
  assert.equal(last.speaker, 'Anna Brandt');
  assert.ok(last.content.text.startsWith('"The harbor road'));
});

test('nominal cue: the possessor of "claim that" is the source; ", adding that" after a quote', () => {
  const q = run([
    'Tomas Verren’s claim that the bridge was safe drew criticism from engineers.',
    'Anna Brandt said: "The cables are old," adding that the council had known for years.',
  ].join('\n'));
  const claim = q.find((x) => x.cue?.text === 'claim');
  assert.equal(claim?.speaker, 'Tomas Verren');
  assert.ok(claim?.content.text.startsWith('the bridge was safe'));
  const adding = q.find((x) => x.cue?.text === 'adding');
  assert.equal(adding?.speaker, 'Anna Brandt');
  assert.equal(adding?.content.text, 'the council had known for years');
});

test('third pass: according to a tagger-broken source, a capitalised surname read as a verb, a gerund clause', () => {
  const q = run([
    'According to state law, no boat may dock at the pier after dark.',
    'Cook said the harbor would reopen in May.',
    'Verren said closing the road would cost the town dearly.',
  ].join('\n'));
  const according = q.find((x) => x.cue?.text === 'According to');
  assert.equal(according?.speakerSpan?.text, 'state law');
  assert.equal(according?.content.text, 'no boat may dock at the pier after dark');
  assert.ok(q.some((x) => x.speakerSpan?.text === 'Cook' && x.content.text === 'the harbor would reopen in May'));
  assert.ok(q.some((x) => x.content.text === 'closing the road would cost the town dearly'));
});

test('third pass: parenthetical cue splits the content; hearer then clause; age before an appositive', () => {
  const q = run([
    'This bridge, he says, is far too old.',
    'Anna Brandt told reporters she would close the harbor road.',
    'Jonas Verret, 58, a fisherman from the north pier, said the water was rising.',
  ].join('\n'));
  const says = q.filter((x) => x.cue?.text === 'says');
  assert.deepEqual(says.map((x) => x.content.text), ['This bridge', 'is far too old']);
  assert.equal(says[0].speakerSpan?.text, 'he');
  assert.equal(q.find((x) => x.cue?.text === 'told')?.content.text, 'she would close the harbor road');
  const said = q.find((x) => x.cue?.text === 'said');
  assert.ok(said?.speakerSpan?.text.startsWith('Jonas Verret, 58'));
  assert.equal(said?.content.text, 'the water was rising');
});

test('third pass: sourceless "Asked whether…" and "seemed …"; ", saying, \\"…\\"" takes the sentence subject', () => {
  const q = run([
    'Asked whether the port would reopen, Mayor Tomas Verren said it would.',
    'The harbor council seemed unsure about the plan.',
    'Anna Brandt urged the council to act, saying, "The cranes are a danger to everyone on the pier."',
    'Six in 10 say they want a new bridge.',
  ].join('\n'));
  const asked = q.find((x) => x.cue?.text === 'Asked');
  assert.equal(asked?.speakerSpan, null);
  assert.equal(asked?.content.text, 'whether the port would reopen');
  const seemed = q.find((x) => x.cue?.text === 'seemed');
  assert.equal(seemed?.speakerSpan, null);
  assert.equal(seemed?.content.text, 'The harbor council seemed unsure about the plan');
  const saying = q.find((x) => x.direct);
  assert.equal(saying?.speaker, 'Anna Brandt');
  assert.equal(saying?.cue?.text, 'saying');
  assert.equal(q.find((x) => x.cue?.text === 'say')?.speakerSpan?.text, 'Six in 10');
});
