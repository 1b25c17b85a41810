import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byCodePoint } from './order.js';
import { ValueTally } from './rules/evidence.js';
import { toReportQuotes } from './quotes.js';

test('byCodePoint is code-point order, whatever the locale: capitals before lower case, astral after U+FFFF', () => {
  const words = ['zebra', 'Zebra', 'äpfel', 'apple', '\u{1F600}', '\uFB01x', 'a', ''];
  assert.deepEqual([...words].sort(byCodePoint), ['', 'Zebra', 'a', 'apple', 'zebra', 'äpfel', '\uFB01x', '\u{1F600}']);
  // Plain `<` on UTF-16 units would put the emoji (a surrogate pair) before U+FB01.
  assert.ok('\u{1F600}' < '\uFB01');
  assert.ok(byCodePoint('\u{1F600}', '\uFB01') > 0);
  assert.equal(byCodePoint('same', 'same'), 0);
});

test('contradiction values tied on support are in code-point order', () => {
  const t = new ValueTally();
  t.add('b', 'b value', { article: 'x', group: 'x', evidence: 'e1' });
  t.add('a', 'B value', { article: 'y', group: 'y', evidence: 'e2' });
  // localeCompare (en) puts "b value" first; code points put the capital first.
  assert.deepEqual(t.values().map((v) => v.value), ['B value', 'b value']);
});

test('quotes tied on support: named speakers in code-point order, unattributed last', () => {
  const group = (speaker: string | null, text: string) => ({
    speaker,
    attributedTo: null,
    wordings: [{ text, words: text.split(' '), terms: new Set(text.split(' ')), direct: true, sources: new Set(['a1']) }],
  });
  const out = toReportQuotes([group(null, 'x y'), group('eva Lind', 'x y'), group('Ola Berg', 'x y')] as never);
  assert.deepEqual(out.map((q) => q.speaker), ['Ola Berg', 'eva Lind', null]);
});
