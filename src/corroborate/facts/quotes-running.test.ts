// The quote pass on remarks quoted over several sentences (one source a line, the quote closed lines
// later): compared sentence by sentence, each part with the quote's speaker, the evidence the sentence
// that differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analysed, findings } from '../../../test/fixtures/facts/build.js';

const a = () => analysed('a', [
  'The harbour board met on Monday.',
  '“The harbour board has rejected every plan with a hint of cost.',
  'So before slinking out of office they are cutting the ferry timetable for the islands.',
  'We will see them in court,” said Marta Lind, the board chair.',
].join('\n'));

test('quotes over several sentences: the changed word is found in the sentence that holds it', () => {
  const b = analysed('b', [
    'Marta Lind, the board chair, said the board would be sued:',
    '“The harbour board has rejected every plan with a hint of cost.',
    'So before sulking out of office they are cutting the ferry timetable for the islands.”',
  ].join('\n'));
  const q = findings(a(), b).contradictions.filter((c) => c.kind === 'quote');
  assert.equal(q.length, 1, q.map((c) => c.values.map((v) => v.value).join(' | ')).join('\n'));
  const evidence = q[0].values.flatMap((v) => v.evidence);
  assert.ok(evidence.some((e) => e.includes('slinking')) && evidence.some((e) => e.includes('sulking')), evidence.join(' | '));
});

test('quotes over several sentences: a source quoting the first sentence alone is no misquote', () => {
  const b = analysed('b', 'Marta Lind, the board chair, was blunt: “The harbour board has rejected every plan with a hint of cost.”');
  assert.deepEqual(findings(a(), b).contradictions.filter((c) => c.kind === 'quote'), []);
});
