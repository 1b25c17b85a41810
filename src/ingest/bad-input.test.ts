// Bad input (issue 2, item 7): each case is refused or warned about with a clear reason, and never costs
// the good articles beside it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestBuffer } from './index.js';
import type { IngestItem } from './types.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));
const fixture = (name: string): IngestItem[] => ingestBuffer(FIXTURES + name, readFileSync(FIXTURES + name));

const rejectedReason = (items: IngestItem[]): string | null => {
  const r = items.find((i) => i.kind === 'rejected');
  return r && r.kind === 'rejected' ? r.reason : null;
};
const articleCount = (items: IngestItem[]): number => items.filter((i) => i.kind === 'article').length;
const warnings = (items: IngestItem[]): string[] => items.flatMap((i) => (i.kind === 'warning' ? [i.message] : []));

test('empty and whitespace-only files are rejected as empty', () => {
  assert.equal(rejectedReason(ingestBuffer('e.txt', Buffer.alloc(0))), 'empty file');
  assert.equal(rejectedReason(ingestBuffer('w.txt', Buffer.from(' \n\t\r\n  '))), 'empty file (whitespace only)');
  assert.equal(rejectedReason(ingestBuffer('bom.txt', Buffer.from([0xef, 0xbb, 0xbf, 0x0a]))), 'empty file (whitespace only)');
});

test('binary files are rejected by their magic number, whatever their extension', () => {
  const cases: [string, number[], string][] = [
    ['photo.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'binary file (PNG image)'],
    ['photo.txt', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46], 'binary file (JPEG image)'],
    ['anim.html', [...Buffer.from('GIF89a'), 1, 0, 1, 0], 'binary file (GIF image)'],
    ['archive.zip', [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0], 'binary file (ZIP archive)'],
    ['paper.pdf', [...Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj')], 'binary file (PDF)'],
    // gzip is decompressed (inputs-people-have.test.ts); a header with nothing after it is damaged, not binary.
    ['page.html.gz', [0x1f, 0x8b, 8, 0, 0, 0, 0, 0], 'damaged gzip file (unexpected end of file)'],
    ['blob.dat', [1, 2, 3, 0, 0, 7, 200, 13, 0, 0], 'binary file (unknown type)'],
  ];
  for (const [name, bytes, reason] of cases) {
    const items = ingestBuffer(name, Buffer.from(bytes));
    assert.equal(rejectedReason(items), reason, name);
    assert.equal(items.length, 1);
  }
});

test('invalid UTF-8 is decoded as windows-1252 with an ingest:encoding warning, not lost', () => {
  // "Café São Paulo – 3 €" in windows-1252: é=E9, ã=E3, en dash=96, euro=80
  const bytes = Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' S'), 0xe3, ...Buffer.from('o Paulo '), 0x96, ...Buffer.from(' 3 '), 0x80, 0x0a]);
  const items = ingestBuffer('latin.txt', bytes);
  const a = items.find((i) => i.kind === 'article');
  assert.ok(a && a.kind === 'article');
  assert.equal(a.article.raw, 'Café São Paulo – 3 €');
  assert.equal(a.article.encoding, 'windows-1252');
  assert.ok(a.article.diagnostics.some((d) => d.origin === 'ingest:encoding' && d.level === 'warning'));
  assert.match(warnings(items)[0], /not valid UTF-8/);
});

test('a declared charset is used for non-UTF-8 HTML', () => {
  const head = '<html><head><meta charset="iso-8859-7"></head><body><article><p>';
  const greek = Buffer.from([0xc1, 0xe8, 0xde, 0xed, 0xe1]); // "Αθήνα" in ISO-8859-7
  const body = ' is the capital of Greece, and the bridge story reached it on Friday. '.repeat(6);
  const bytes = Buffer.concat([Buffer.from(head), greek, Buffer.from(body + '</p></article></body></html>')]);
  const a = ingestBuffer('greek.html', bytes).find((i) => i.kind === 'article');
  assert.ok(a && a.kind === 'article');
  assert.ok(a.article.raw.startsWith('Αθήνα is the capital'));
  assert.equal(a.article.encoding, 'iso-8859-7');
});

test('UTF-8 with BOM, UTF-16 LE and BE with BOM decode to the same article', () => {
  const text = 'Bridge “reopens” in Ostra — 3 000 people cheer.\nSecond line.';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  be[0] = 0xfe;
  be[1] = 0xff;
  const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  const results = [bom8, le, be].map((b) => ingestBuffer('u.txt', b).find((i) => i.kind === 'article'));
  for (const r of results) {
    assert.ok(r && r.kind === 'article');
    assert.equal(r.article.raw, text);
    assert.equal(r.article.diagnostics.length, 0);
  }
  assert.deepEqual(results.map((r) => r?.kind === 'article' && r.article.encoding), ['utf-8', 'utf-16le', 'utf-16be']);
});

test('UTF-16 without a BOM is recognised from its NUL pattern (with a warning), not called binary', () => {
  const items = ingestBuffer('nobom.txt', Buffer.from('The ferry stops on Monday.', 'utf16le'));
  const a = items.find((i) => i.kind === 'article');
  assert.ok(a && a.kind === 'article');
  assert.equal(a.article.raw, 'The ferry stops on Monday.');
  assert.ok(a.article.diagnostics.some((d) => d.origin === 'ingest:encoding'));
});

test('HTML scripts, iframes and embeds never reach the text; event handlers are not run', () => {
  const html = `<html><body><article>
    <script>globalThis.pwned = true; document.body.innerHTML = 'REPLACED';</script>
    <p onload="globalThis.pwned = true">${'Residents crossed the reopened bridge on foot and by bicycle on Friday. '.repeat(6)}</p>
    <iframe srcdoc="<p>IFRAME DOC</p>">IFRAME TEXT</iframe><object data="x.swf">OBJECT TEXT</object><embed src="y">
    <noscript>NOSCRIPT TEXT</noscript><style>p { color: red } STYLE</style>
    <p>${'The ferry will stop at the end of the month, the council said. '.repeat(4)}</p>
  </article></body></html>`;
  const items = ingestBuffer('hostile.html', Buffer.from(html));
  const a = items.find((i) => i.kind === 'article');
  assert.ok(a && a.kind === 'article');
  for (const bad of ['pwned', 'REPLACED', 'IFRAME', 'OBJECT TEXT', 'NOSCRIPT', 'STYLE', 'color: red']) {
    assert.ok(!a.article.raw.includes(bad), bad);
  }
  assert.equal((globalThis as Record<string, unknown>).pwned, undefined);
  assert.match(a.article.raw, /ferry will stop/);
});

test('HTML where Readability finds no article falls back to the page text with a warning', () => {
  const items = ingestBuffer('tiny.html', Buffer.from('<html><body><nav>Home</nav><div>The bridge is open.</div><footer>(c) Gazette</footer></body></html>'));
  const a = items.find((i) => i.kind === 'article');
  assert.ok(a && a.kind === 'article');
  assert.equal(a.article.raw, 'The bridge is open.');
  assert.ok(warnings(items).some((w) => /Readability found no article/.test(w)));
});

test('HTML with no text at all is rejected, not turned into an empty article', () => {
  assert.equal(rejectedReason(ingestBuffer('blank.html', Buffer.from('<html><head><title>x</title></head><body><img src="a.png"></body></html>'))), 'no article text found');
});

test('truncated HTML keeps what parses', () => {
  const html = `<html><body><article><p>${'The bridge reopened after two years of repairs on Friday morning. '.repeat(6)}</p><p>The mayor sa`;
  const a = ingestBuffer('cut.html', Buffer.from(html)).find((i) => i.kind === 'article');
  assert.ok(a && a.kind === 'article');
  assert.match(a.article.raw, /The mayor sa$/);
});

test('broken feed XML: complete items are kept with a warning; a feed with none is rejected', () => {
  const partial = fixture('broken-feed.xml');
  assert.equal(articleCount(partial), 2);
  assert.match(warnings(partial)[0], /^broken feed XML \(Unclosed root tag.*kept the 2 complete item/);
  const hopeless = fixture('hopeless-feed.xml');
  assert.equal(articleCount(hopeless), 0);
  assert.match(rejectedReason(hopeless) ?? '', /^broken feed XML/);
});

test('JSONL with a bad line: the bad line is a warning with its line number, the rest are kept', () => {
  const items = fixture('radio.jsonl');
  const ids = items.flatMap((i) => (i.kind === 'article' ? [i.article.id] : []));
  assert.deepEqual(ids, ['radio-1', 'radio#2', 'radio#5']);
  const w = warnings(items);
  assert.ok(w.some((m) => /^line 3: invalid JSON/.test(m)));
  assert.ok(w.some((m) => /^line 4 has no "text" field/.test(m)));
  assert.ok(w.some((m) => /^line 6: "published" "sometime soon" is not a date/.test(m)));
  assert.equal(items.filter((i) => i.kind === 'rejected').length, 0);
});

test('JSON that does not parse, or has no text field, is rejected with the reason', () => {
  assert.match(rejectedReason(ingestBuffer('bad.json', Buffer.from('{"text": "unterminated'))) ?? '', /^invalid JSON/);
  assert.equal(rejectedReason(ingestBuffer('notext.json', Buffer.from('{"title": "Only a title"}'))), 'the JSON object has no "text" field (required)');
  assert.match(rejectedReason(ingestBuffer('nums.json', Buffer.from('[1, 2]'))) ?? '', /^no usable object \(first problem: element 1 is not an object\)/);
});
