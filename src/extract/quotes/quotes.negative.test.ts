import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { extractEntities } from '../entities/index.js';
import { extractQuotes } from './index.js';

// These pin what the rules leave out; the tagger may add some of them back (PolNeAR annotates "Asked to
// leave" and "told the story" as attributions), which combine.negative.test.ts covers.
const run = (text: string) => {
  const a = readyFromText('t', text);
  return extractQuotes(a, extractEntities(a), { model: false });
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

test('stance verbs without a clause-opening subject or object are not cues', () => {
  // "in late May found": the phrase before the verb is an adjunct, not a subject.
  assert.deepEqual(run('The divers in late May found the wreck near the pier.').filter((q) => q.cue?.text === 'found'), []);
  // "called on Tuesday": a time word right after the verb means no content.
  assert.deepEqual(run('Mayor Tomas Verren called on Tuesday.'), []);
});

test('an opening adjunct is not reported content ("At the meeting, X cited …")', () => {
  const q = run('At the harbor meeting, Anna Brandt cited the storm damage.');
  assert.equal(q.length, 1);
  assert.equal(q[0].content.text, 'the storm damage');
});

test('page furniture before a colon is no speaker', () => {
  assert.deepEqual(run('Update: The harbor road reopened on Friday after repairs.'), []);
  assert.deepEqual(run('Photo Credit: Harbor Council press office archive images.').filter((q) => q.cue?.text === ':'), []);
});

test('third pass: the fallback "according to" source stops at the comma; a surname after "said" is no speaker', () => {
  const q = run('According to harbor rules, boats must leave by noon.\nVerren said Cook provided a statement.');
  assert.equal(q.find((x) => x.cue?.text === 'According to')?.speakerSpan?.text, 'harbor rules');
  assert.deepEqual(q.filter((x) => x.cue?.text === 'said').map((x) => x.speakerSpan?.text), ['Verren']);
});

test('third pass: ", she says, but…" is no split content; "told" with no clause and an age alone are no quotes', () => {
  const q = run('The road is closed, she says, but the bridge is open.');
  assert.deepEqual(q.filter((x) => x.cue?.text === 'says').map((x) => x.content.text), ['The road is closed']);
  assert.deepEqual(run('Anna Brandt told the story at the harbor meeting.'), []);
  assert.deepEqual(run('Jonas Verret, 58, left the harbor on Friday.'), []);
});

test('third pass: "Asked to leave", "appeared on television", "the final say" and a subjectless "saying" stay out', () => {
  assert.deepEqual(run('Asked to leave, the fisherman refused.'), []);
  assert.deepEqual(run('The mayor appeared on local television last night.'), []);
  assert.deepEqual(run('The council will have the final say on the bridge.').filter((x) => x.cue?.text === 'say'), []);
  const q = run('Then, saying, "We will open the bridge in May, storm or no storm."');
  assert.ok(q.every((x) => x.speaker === null));
});
