import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signedQuote } from './signed.js';

test('signed-quote: a dash and a name closing the paragraph attribute the quote before them', () => {
  const text = '“Maybe we can build a wall around him.”― Steve Quinlan.\nNext paragraph.';
  const end = text.indexOf('”') + 1;
  const a = signedQuote(text, end, text.indexOf('\n'), 0)!;
  assert.equal(a.cue?.text, '―');
  assert.equal(a.speaker?.text, 'Steve Quinlan');
  const initial = '"No." -- Oscar P.';
  assert.equal(signedQuote(initial, 5, initial.length, 0)?.speaker?.text, 'Oscar P.');
});

test('signed-quote: not when the paragraph goes on after the name, nor without a dash', () => {
  const on = '“It is over.” — Steve Quinlan said it twice.';
  assert.equal(signedQuote(on, on.indexOf('”') + 1, on.length, 0), null);
  const none = '“It is over.” Steve Quinlan';
  assert.equal(signedQuote(none, none.indexOf('”') + 1, none.length, 0), null);
  const lower = '“It is over.” — and then silence';
  assert.equal(signedQuote(lower, lower.indexOf('”') + 1, lower.length, 0), null);
});
