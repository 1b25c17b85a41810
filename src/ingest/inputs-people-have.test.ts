// Inputs people have (issue 12): gzipped files are decompressed, not refused (bounded, streamed when a
// .jsonl.gz archive is large); a symlink back to a parent folder does not read every file twice.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingestBuffer, ingestPaths } from './index.js';
import type { IngestItem } from './types.js';

const TXT = 'Tarn bridge closes\n2031-03-03\n\nThe council of Tarn closed the old bridge on Monday after engineers found cracks.\n';
const HTML = '<!DOCTYPE html><html lang="en"><head><title>Ostry ferry</title><meta property="article:published_time" content="2031-03-04"></head>' +
  '<body><article><h1>Ostry ferry strike ends</h1><p>' + 'Ferry workers in Ostry ended a nine-day strike on Tuesday after the operator agreed to raise wages. '.repeat(4) + '</p></article></body></html>';
const JSONL = Array.from({ length: 40 }, (_, i) => JSON.stringify({ text: `Report ${i}: the quay at Ostry reopened on Wednesday, the harbour master said.`, title: `Quay ${i}` })).join('\n') + '\n';

async function collect(inputs: string[], opts = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingestPaths(inputs, opts)) out.push(item);
  return out;
}
const articles = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));

test('.txt.gz, .html.gz and .jsonl.gz are decompressed and read like their plain forms', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-gz-'));
  writeFileSync(join(dir, 'tarn.txt.gz'), gzipSync(TXT));
  writeFileSync(join(dir, 'ostry.html.gz'), gzipSync(HTML));
  writeFileSync(join(dir, 'quays.jsonl.gz'), gzipSync(JSONL));
  const plain = mkdtempSync(join(tmpdir(), 'crosscheck-gz-plain-'));
  writeFileSync(join(plain, 'tarn.txt'), TXT);
  writeFileSync(join(plain, 'ostry.html'), HTML);
  writeFileSync(join(plain, 'quays.jsonl'), JSONL);
  const got = articles(await collect([dir]));
  const want = articles(await collect([plain]));
  assert.equal(got.length, 42);
  assert.deepEqual(got.map((a) => a.id), want.map((a) => a.id));
  assert.deepEqual(got.map((a) => [a.raw, a.meta]), want.map((a) => [a.raw, a.meta]));
  assert.equal(got.find((a) => a.id === 'ostry')?.meta.published, '2031-03-04');

  // Above the streaming threshold a .jsonl.gz goes through gunzip line by line, with the same articles.
  const streamed = articles(await collect([join(dir, 'quays.jsonl.gz')], { streamJsonLinesAbove: 100 }));
  assert.deepEqual(streamed.map((a) => [a.id, a.raw]), want.filter((a) => a.id.startsWith('quays')).map((a) => [a.id, a.raw]));
});

test('a gzip bomb is bounded by the size limit, and a damaged gzip file is rejected with a reason', () => {
  const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x61));
  assert.ok(bomb.length < 64 * 1024);
  assert.deepEqual(ingestBuffer('bomb.txt.gz', bomb, { maxBytes: 1024 * 1024 }), [
    { kind: 'rejected', path: 'bomb.txt.gz', reason: 'file too large once decompressed (over 1.0 MB)' },
  ]);
  const cut = gzipSync(TXT).subarray(0, 20);
  const items = ingestBuffer('cut.txt.gz', cut);
  assert.equal(items.length, 1);
  assert.equal(items[0].kind, 'rejected');
  assert.match(items[0].kind === 'rejected' ? items[0].reason : '', /^damaged gzip file \(/);
});

test('a symlink to a parent folder, and a second link to one folder, read each file once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-links-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'The bridge reopened on Friday.\n');
  writeFileSync(join(dir, 'sub', 'b.txt'), 'The ferry stops on Monday.\n');
  symlinkSync('..', join(dir, 'sub', 'up'));
  symlinkSync(join(dir, 'sub'), join(dir, 'alias'));
  symlinkSync(join(dir, 'a.txt'), join(dir, 'z-link.txt'));
  const items = await collect([dir, join(dir, 'alias', 'b.txt')]);
  assert.deepEqual(articles(items).map((a) => a.raw).sort(), ['The bridge reopened on Friday.', 'The ferry stops on Monday.']);
  assert.deepEqual(items.filter((i) => i.kind !== 'article'), []);
});
