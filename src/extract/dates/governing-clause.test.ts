// The tense that resolves a bare weekday is the one of the verb the date attaches to (rule
// `reportingClause`), not of a quote or a reported clause before it. Fictional sentences, fixed reference.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractDatesFromText } from './index.js';
import { reportingClause } from './governing-clause.js';

// Wednesday 2025-03-12: the past Tuesday is March 11, the coming one March 18.
const REF = '2025-03-12';
const valueOf = (text: string, phrase: string) => {
  const all = extractDatesFromText(text, REF);
  const m = all.find((d) => d.text === phrase);
  assert.ok(m, `no mention "${phrase}" in ${JSON.stringify(all.map((d) => d.text))}`);
  return m.value;
};

test('a future quote before "said on Tuesday" does not move the saying forward', () => {
  assert.equal(valueOf('"It will take time," the mayor said on Tuesday.', 'Tuesday'), '2025-03-11');
  assert.equal(valueOf('\u201cIt will take time,\u201d the mayor said on Tuesday.', 'Tuesday'), '2025-03-11');
  assert.equal(valueOf('The ferry will not sail again soon, harbour officials said Tuesday.', 'Tuesday'), '2025-03-11');
  assert.equal(valueOf('The council will vote, the mayor told reporters on Tuesday.', 'Tuesday'), '2025-03-11');
  assert.equal(valueOf("'It will take time,' the mayor said on Tuesday.", 'Tuesday'), '2025-03-11');
});

test('negative: a future in the date\'s own clause still points ahead', () => {
  // The cue comes after the reporting verb, in the clause the date belongs to.
  assert.equal(valueOf('The mayor said the bridge will reopen on Tuesday.', 'Tuesday'), '2025-03-18');
  // A passive future: "announced" after an auxiliary is not a past saying.
  assert.equal(valueOf('The results will be announced on Tuesday.', 'Tuesday'), '2025-03-18');
  // The date inside the quote shares the quote's tense.
  assert.equal(valueOf('"We will meet on Tuesday," the mayor said.', 'Tuesday'), '2025-03-18');
  // A quote that opens again before the date keeps its own "will".
  assert.equal(valueOf('"Repairs are slow," she said, "and we will reopen Tuesday."', 'Tuesday'), '2025-03-18');
  // An apostrophe is no closing quote.
  assert.equal(valueOf("The harbour officials' crews will finish on Tuesday.", 'Tuesday'), '2025-03-18');
});

test('reportingClause keeps the text after the last closing quote or past saying', () => {
  assert.equal(reportingClause('"It will take time," the mayor said on '), ' on ');
  assert.equal(reportingClause('the bridge will reopen on '), 'the bridge will reopen on ');
  assert.equal(reportingClause('results will be announced on '), 'results will be announced on ');
});
