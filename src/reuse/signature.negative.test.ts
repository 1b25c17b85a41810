// Negative cases for signatures: inputs that must not produce keys, and texts that must not meet in the index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateJaccard, minhashOf, sentenceKeysOf, signatureOf } from './signature.js';
import { BRIDGE, OTHER_BRIDGE } from '../../test/fixtures/reuse/articles.js';

const input = (id: string, text: string) => ({ id, hash: id, text, sentences: text.split('\n') });

test('punctuation-only tokens make no shingles, no band keys and no sentence keys', () => {
  const s = signatureOf({ id: 'p', hash: 'p', text: '', sentences: ['— , . ;'], tokens: [['—', ',', '.', ';']] });
  assert.deepEqual(s.bandKeys, []);
  assert.deepEqual(s.sentenceKeys, []);
  assert.deepEqual(s.simhash, [0, 0]);
});

test('sentences of function words and numbers carry no sentence key', () => {
  assert.deepEqual(sentenceKeysOf(['It was not that they had been there at all, but they would have been.']), []);
  assert.deepEqual(sentenceKeysOf(['On 12 May 2021, 3,000 of 40,000 at 9.30 in 2020.']), []);
});

test('disjoint shingle sets share no MinHash slot (densified bins borrow only their own set’s values)', () => {
  assert.equal(estimateJaccard(minhashOf([1, 2, 3], 64, 5), minhashOf([4, 5, 6], 64, 5)), 0);
});

test('two different reports on one topic share no LSH band and fewer than two sentence keys', () => {
  const a = signatureOf(input('a', BRIDGE));
  const b = signatureOf(input('b', OTHER_BRIDGE));
  assert.equal(a.bandKeys.filter((k) => b.bandKeys.includes(k)).length, 0);
  assert.ok(a.sentenceKeys.filter((k) => b.sentenceKeys.includes(k)).length < 2);
});
