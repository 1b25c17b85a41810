import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateJaccard, hamming, minhashOf, sentenceKeysOf, signatureOf } from './signature.js';
import { reuseParams } from './params.js';
import { BRIDGE, BRIDGE_REWRITE, OTHER_BRIDGE } from '../../test/fixtures/reuse/articles.js';

const input = (id: string, text: string) => ({ id, hash: id, text, sentences: text.split('\n') });

test('MinHash estimates Jaccard similarity of shingle sets within its standard error', () => {
  const numPerm = 256;
  // Sets sharing 600 of 1000 elements each: Jaccard = 600 / 1400.
  const a = Array.from({ length: 1000 }, (_, i) => i * 7919 + 1);
  const b = [...a.slice(0, 600), ...Array.from({ length: 400 }, (_, i) => 10_000_000 + i * 104729)];
  const est = estimateJaccard(minhashOf(a, numPerm, 1), minhashOf(b, numPerm, 1));
  assert.ok(Math.abs(est - 600 / 1400) < 3 / Math.sqrt(numPerm), `estimate ${est}`);
  assert.equal(estimateJaccard(minhashOf(a, numPerm, 1), minhashOf([...a].reverse(), numPerm, 1)), 1);
});

test('signatures are deterministic and use the injected hash', () => {
  const s1 = signatureOf(input('x', BRIDGE));
  const s2 = signatureOf(input('y', BRIDGE));
  assert.deepEqual(s1.minhash, s2.minhash);
  assert.deepEqual(s1.bandKeys, s2.bandKeys);
  assert.equal(s1.bandKeys.length, reuseParams.bands);
  let calls = 0;
  const counting = (s: string, seed: number) => {
    calls++;
    // A deliberately simple exact hash: sum of char codes mixed with the seed.
    let h = seed;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) >>> 0;
    return h;
  };
  const s3 = signatureOf(input('x', BRIDGE), reuseParams, counting);
  assert.ok(calls > 0);
  assert.notDeepEqual(s3.minhash, s1.minhash);
});

test('SimHash: identical texts at distance 0, a rewrite closer than an unrelated article', () => {
  const a = signatureOf(input('a', BRIDGE));
  const r = signatureOf(input('r', BRIDGE_REWRITE));
  const o = signatureOf(input('o', OTHER_BRIDGE));
  assert.equal(hamming(a.simhash, signatureOf(input('b', BRIDGE)).simhash), 0);
  assert.ok(hamming(a.simhash, r.simhash) < hamming(a.simhash, o.simhash));
});

test('sentence keys survive rewording that breaks shingles', () => {
  const a = signatureOf(input('a', BRIDGE));
  const r = signatureOf(input('r', BRIDGE_REWRITE));
  const shared = a.sentenceKeys.filter((k) => r.sentenceKeys.includes(k)).length;
  assert.ok(shared >= reuseParams.minSharedSentenceKeys, `shared keys ${shared}`);
  assert.ok(estimateJaccard(a.minhash, r.minhash) < 0.5, 'the rewrite is below the LSH threshold');
  // Short sentences carry no key.
  assert.deepEqual(sentenceKeysOf(['He declined to comment.']), []);
});

test('one-permutation MinHash: equal sets agree on every slot, also below numPerm shingles (densified bins)', () => {
  const small = [11, 22, 33, 44, 55, 66, 77];
  const sig = minhashOf(small, 64, 9);
  assert.equal(estimateJaccard(sig, minhashOf([...small].reverse(), 64, 9)), 1);
  // Densification copies filled bins into empty ones: no slot is left at the empty marker.
  assert.ok(sig.every((v) => v !== 0xffffffff));
  // Sets sharing 3 of 7 elements: Jaccard 3/11; the estimate sits between "disjoint" and "equal".
  const est = estimateJaccard(sig, minhashOf([11, 22, 33, 101, 202, 303, 404], 64, 9));
  assert.ok(est > 0 && est < 1, `estimate ${est}`);
});

test('text-stage tokens and the regex tokenizer give the same signature; a split possessive changes nothing', () => {
  const text = 'Mayor Ilse Brandt cut a ribbon at the doctor\'s ramp as a brass band from the local fire brigade played.';
  const regex = signatureOf({ id: 'r', hash: 'x', text, sentences: [text] });
  const wink = ['mayor', 'ilse', 'brandt', 'cut', 'a', 'ribbon', 'at', 'the', 'doctor', "'s", 'ramp', 'as', 'a', 'brass', 'band', 'from', 'the', 'local', 'fire', 'brigade', 'played', '.'];
  const joined = wink.filter((t) => t !== "'s").map((t) => (t === 'doctor' ? "doctor's" : t));
  const a = signatureOf({ id: 'a', hash: 'x', text, sentences: [text], tokens: [wink.map((normal) => ({ normal }))] });
  const b = signatureOf({ id: 'b', hash: 'x', text, sentences: [text], tokens: [joined] });
  for (const s of [a, b]) {
    assert.deepEqual(s.minhash, regex.minhash);
    assert.deepEqual(s.simhash, regex.simhash);
    assert.deepEqual(s.sentenceKeys, regex.sentenceKeys);
    assert.deepEqual(s.bandKeys, regex.bandKeys);
  }
  assert.equal(regex.sentenceKeys.length, reuseParams.keysPerSentence);
});
