import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, hasEnglishRules, overrulesForEnglish } from './language.js';

// Fictional snippets, two or three sentences each: the length of a short news paragraph.
const SNIPPETS: [string, string][] = [
  ['en', 'The harbour authority of Port Calder said on Monday that the new ferry terminal will open in the spring, two years later than planned.'],
  ['fr', "L'autorité portuaire de Port Calder a annoncé lundi que le nouveau terminal des ferries ouvrira au printemps, deux ans plus tard que prévu."],
  ['de', 'Die Hafenbehörde von Port Calder teilte am Montag mit, dass das neue Fährterminal im Frühjahr eröffnet wird, zwei Jahre später als geplant.'],
  ['es', 'La autoridad portuaria de Port Calder anunció el lunes que la nueva terminal de transbordadores abrirá en primavera, dos años más tarde de lo previsto.'],
];

for (const [code, text] of SNIPPETS) {
  test(`detects ${code} on a fictional news paragraph`, () => {
    assert.equal(detectLanguage(text), code);
  });
}

test('returns null when there are too few letters to judge', () => {
  assert.equal(detectLanguage(''), null);
  assert.equal(detectLanguage('Hallo'), null);
  assert.equal(detectLanguage('2022-07-16 — 14:05 — 1,234 (55%)'), null);
});

test('a long English body is still English (only a sample is read)', () => {
  const body = Array.from({ length: 200 }, (_, i) => `Council member ${i} voted against the bridge budget on Tuesday evening.`).join(' ');
  assert.equal(detectLanguage(body), 'en');
});

test('English-only rules apply to English and to undetected text, not to other languages', () => {
  assert.equal(hasEnglishRules('en'), true);
  assert.equal(hasEnglishRules(null), true);
  assert.equal(hasEnglishRules('de'), false);
  assert.equal(hasEnglishRules('fr'), false);
});

test('a non-English verdict is overruled only by unambiguous English function words', () => {
  assert.equal(overrulesForEnglish('Varga stopped Brandt in the sixth round to keep his WBA, IBF and WBO belts, and said he would fight again.'), true);
  // Negative: "was", "will" and "an" are German words too; a German paragraph stays German.
  const german = 'Die Hafenbehörde von Port Calder teilte am Montag mit, dass das neue Fährterminal im Frühjahr eröffnet wird. Was jetzt passiert, ist unklar, aber die Stadt will an dem Plan festhalten.';
  assert.equal(overrulesForEnglish(german), false);
  assert.equal(detectLanguage(german), 'de');
  assert.equal(overrulesForEnglish('De havenautoriteit van Port Calder heeft maandag aangekondigd dat de nieuwe veerterminal in het voorjaar opengaat. Het was een moeilijk jaar.'), false);
});
