import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from './sentences.js';

test('sentence and token offsets index into the cleaned text, headings are skipped', () => {
  const text = 'Storm Hits Port\n\nThe storm closed the port on Friday.  Officials said 40 ships waited.\n\nDr. Ana Ruiz said repairs start soon.';
  const heading = { start: 0, end: 15, heading: true };
  const p1 = { start: 17, end: 86, heading: false };
  const p2 = { start: 88, end: text.length, heading: false };
  const sentences = segment({ text, paragraphs: [heading, p1, p2], removed: [] });
  assert.deepEqual(sentences.map((s) => s.text), [
    'The storm closed the port on Friday.',
    'Officials said 40 ships waited.',
    'Dr. Ana Ruiz said repairs start soon.',
  ]);
  for (const s of sentences) {
    assert.equal(text.slice(s.start, s.end), s.text);
    for (const t of s.tokens) assert.equal(text.slice(t.start, t.end).toLowerCase(), t.normal.toLowerCase().length === t.end - t.start ? t.normal.toLowerCase() : text.slice(t.start, t.end).toLowerCase());
  }
  assert.deepEqual(sentences.map((s) => s.paragraph), [1, 1, 2]);
  assert.deepEqual(sentences.map((s) => s.index), [0, 1, 2]);
});
