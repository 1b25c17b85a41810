import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment, segmentParagraph } from './sentences.js';

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

test('a document is tokenised the same whatever the process read before it (wink forgets unknown words)', () => {
  const toks = (t: string) => segmentParagraph(t, 0, 0, 0).flatMap((s) => s.tokens.map((k) => t.slice(k.start, k.end)));
  const target = "The harbour pilot Ilse Vessary's union confirmed that Vessary was on duty.";
  const alone = toks(target);
  assert.ok(alone.includes("'s"), `possessive split off: ${alone.join('|')}`);
  // wink keeps "Vessary's" whole in this context and would remember it as one word.
  toks("Vessary's, 33, reputation for calm had always been known.");
  assert.deepEqual(toks(target), alone);
});

test('a remembered name of letters alone changes no later document (its possessive still splits)', () => {
  const toks = (t: string) => segmentParagraph(t, 0, 0, 0).flatMap((s) => s.tokens.map((k) => `${t.slice(k.start, k.end)}/${k.normal}/${k.pos}`));
  const target = "Officers said Kalomirven's car was found near Drazanhed on Monday.";
  const alone = toks(target);
  assert.ok(alone.some((t) => t.startsWith("'s/")), `possessive split off: ${alone.join('|')}`);
  // Both names are unknown to wink; read bare first, they stay in its lexicon for the next document.
  toks('Kalomirven and Drazanhed were named. KALOMIRVEN drazanhed Kalomirvens.');
  assert.deepEqual(toks(target), alone);
});
