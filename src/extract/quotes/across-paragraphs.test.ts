// Rule quote-across-paragraphs: a quote opened in one paragraph and closed in a later one is one stretch,
// attributed by the cue after its close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { extractEntities } from '../entities/index.js';
import { quotesByParagraph } from './across-paragraphs.js';
import { extractQuotes } from './index.js';

const quotesOf = (text: string) => {
  const a = readyFromText('t', text);
  return extractQuotes(a, extractEntities(a), { model: false }).map((q) => ({ speaker: q.speakerSpan?.text ?? null, content: q.content.text }));
};

test('quote-across-paragraphs: the close in the next paragraph ends the quote, and its cue names the speaker', () => {
  const text = [
    'The harbour board met on Monday.',
    '“We will not close the ferry terminal this winter.',
    'In our view, the timetable he proposed would strand the islands,” said Marta Lind, the board chair.',
  ].join('\n');
  const quotes = quotesOf(text);
  const lind = quotes.find((q) => q.content.includes('ferry terminal'));
  assert.ok(lind, 'the quote is found');
  assert.equal(lind.speaker, 'Marta Lind');
  assert.ok(lind.content.endsWith('islands,”'), 'the quote runs to its closing mark');
  assert.ok(!quotes.some((q) => q.speaker === 'he'), 'the "he proposed" inside the quote is not reported speech of its own');
});

test('quote-across-paragraphs: paragraphs with no mark at all between the open and the close are inside the quote', () => {
  const text = [
    '“The pier was built in 1931.',
    'Nobody has repaired it since the storm.',
    'It cannot carry a loaded lorry,” the engineer Piet Haas said.',
  ].join('\n');
  const a = readyFromText('t', text);
  const spans = quotesByParagraph(a.clean.text, a.clean.paragraphs);
  assert.deepEqual(spans.map((s) => s.length), [1, 0, 0]);
  assert.equal(a.clean.text.slice(spans[0][0].start, spans[0][0].end), text.slice(0, text.indexOf('lorry,”') + 'lorry,”'.length));
  assert.equal(quotesOf(text).find((q) => q.content.includes('1931'))?.speaker, 'the engineer Piet Haas');
});
