// Hostile and damaged input must never throw out of ingestBuffer: every fixture cut at many points, and
// random bytes, give well-formed items (articles with text and a hash, or a reason).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestBuffer } from './index.js';
import type { IngestItem } from './types.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));

function checkItems(items: IngestItem[], label: string): void {
  assert.ok(items.length > 0, label);
  for (const item of items) {
    if (item.kind === 'article') {
      assert.notEqual(item.article.raw.trim(), '', label);
      assert.match(item.article.hash, /^[0-9a-f]{64}$/, label);
      assert.ok(item.article.meta.published === null || /^\d{4}-\d{2}-\d{2}$/.test(item.article.meta.published), label);
    } else if (item.kind === 'rejected') assert.ok(item.reason.length > 0, label);
    else assert.ok(item.message.length > 0, label);
  }
}

test('every fixture truncated at 13 points still ingests without throwing', () => {
  for (const name of readdirSync(FIXTURES)) {
    const bytes = readFileSync(FIXTURES + name);
    for (let k = 1; k <= 13; k++) {
      const cut = Math.floor((bytes.length * k) / 14);
      checkItems(ingestBuffer(name, bytes.subarray(0, cut)), `${name}[0:${cut}]`);
    }
  }
});

test('pseudo-random bytes and markup soup never throw', () => {
  // Deterministic LCG so a failure reproduces.
  let seed = 12345;
  const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pieces = ['<html>', '<p>', '</p>', '<rss version="2.0">', '<item>', '</item>', '{"text":', '"x"', '}', '\n', 'Bridge ', '2031-03-14', '<!--', ']]>', '\u00e9', '\uFFFD', '&amp;', '<script>', '</script'];
  for (let i = 0; i < 60; i++) {
    const soup = Array.from({ length: 1 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    checkItems(ingestBuffer(`soup${i}.txt`, Buffer.from(soup)), soup);
    const noise = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 300) }, () => Math.floor(next() * 256)));
    checkItems(ingestBuffer(`noise${i}.bin`, noise), `noise ${i}`);
  }
});
