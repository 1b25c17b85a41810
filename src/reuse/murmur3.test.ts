import { test } from 'node:test';
import assert from 'node:assert/strict';
import { murmur3 } from './murmur3.js';

// Byte-level reference implementation (straight from the algorithm description) to check the streaming UTF-8 one.
function murmur3Bytes(bytes: Uint8Array, seed: number): number {
  let h = seed >>> 0;
  const n = bytes.length - (bytes.length % 4);
  for (let i = 0; i < n; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let i = bytes.length - 1; i >= n; i--) k = (k << 8) | bytes[i];
  if (bytes.length > n) {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

test('murmur3 matches published reference vectors', () => {
  assert.equal(murmur3('', 0), 0);
  assert.equal(murmur3('', 1), 0x514e28b7);
  assert.equal(murmur3('hello', 0), 0x248bfa47);
  assert.equal(murmur3('The quick brown fox jumps over the lazy dog', 0), 0x2e4ff723);
});

test('murmur3 hashes the UTF-8 bytes (accents, CJK, emoji, lone surrogate)', () => {
  for (const s of ['Brandt’s', 'Zürich', '東京', 'a😀b', 'x\ud800y', 'abc', 'abcd', 'abcde']) {
    for (const seed of [0, 42, 0xdeadbeef]) {
      assert.equal(murmur3(s, seed), murmur3Bytes(new TextEncoder().encode(s), seed), `${s} seed ${seed}`);
    }
  }
});
