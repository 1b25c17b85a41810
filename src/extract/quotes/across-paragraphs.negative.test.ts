// Rule quote-across-paragraphs must not hit: the multi-paragraph convention (the next paragraph opens its
// own mark), straight marks, quotes closed in their own paragraph, or a close four paragraphs on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { quotesByParagraph } from './across-paragraphs.js';

const stretches = (lines: string[]) => {
  const a = readyFromText('t', lines.join('\n'));
  return quotesByParagraph(a.clean.text, a.clean.paragraphs).map((ps) => ps.map((s) => a.clean.text.slice(s.start, s.end)));
};

test('quote-across-paragraphs: a next paragraph that opens its own quote keeps each paragraph its own stretch', () => {
  const out = stretches(['“We will not close the ferry terminal this winter.', '“The islands depend on it,” said Marta Lind.']);
  assert.deepEqual(out, [['“We will not close the ferry terminal this winter.'], ['“The islands depend on it,”']]);
});

test('quote-across-paragraphs: a straight mark in the next paragraph is not read as the close', () => {
  const out = stretches(['“We will not close the ferry terminal this winter.', 'It is, she said, "not on the table" at all.']);
  assert.equal(out[0][0], '“We will not close the ferry terminal this winter.', 'the open quote stays in its paragraph');
  assert.deepEqual(out[1], ['"not on the table"']);
});

test('quote-across-paragraphs: quotes closed in their own paragraph and headings are left alone', () => {
  const a = readyFromText('t', '“The pier is safe,” the engineer said.\nThe council disagreed and closed it, calling it ”unsafe”.');
  const out = quotesByParagraph(a.clean.text, a.clean.paragraphs);
  assert.equal(out[0].length, 1);
  assert.equal(a.clean.text.slice(out[0][0].start, out[0][0].end), '“The pier is safe,”');
});

test('quote-across-paragraphs: a close more than three paragraphs on is not joined to the open quote', () => {
  const out = stretches(['“The pier was built in 1931 and has stood ever since.', 'One.', 'Two.', 'Three.', 'Four,” he said.']);
  assert.equal(out[0][0], '“The pier was built in 1931 and has stood ever since.');
  assert.deepEqual(out.slice(1, 4), [[], [], []]);
});
