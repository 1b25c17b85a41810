// The light stemmer, memoised by word (terms.ts): the memo must give every word the stem the rules give it,
// on the first call and on later ones, and keep apart what the stemmer keeps apart.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from './terms.js';

test('inflected forms meet on one stem, the same on every call', () => {
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(['displays', 'displayed', 'display'].map(stem), ['display', 'display', 'display']);
    assert.deepEqual(['inspections', 'inspection'].map(stem), ['inspection', 'inspection']);
    assert.equal(stem('Ministries'), 'ministry');
  }
});

test('words the light stemmer keeps apart stay apart when memoised', () => {
  for (let round = 0; round < 2; round++) {
    assert.notEqual(stem('general'), stem('generous'));
    assert.notEqual(stem('bus'), stem('bu'));
    assert.equal(stem('class'), 'class', '-ss is not a plural');
  }
});
