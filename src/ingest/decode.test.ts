// One bad byte is one bad character (issue 12): mostly-valid UTF-8 decodes as UTF-8 with U+FFFD where the
// bytes break, and the warning names the byte offsets; real windows-1252 text is still recognised.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, utf8Errors } from './decode.js';
import { ingestBuffer } from './index.js';

const ARTICLE = 'Ostry’s harbour master said “the quay is safe” on Monday. Crews worked through the night – 40 of them.';

test('a single 0xFF in a UTF-8 article is one U+FFFD, and the warning names its offset', () => {
  const good = Buffer.from(ARTICLE, 'utf8');
  const at = good.indexOf(Buffer.from(' on Monday'));
  const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xff]), good.subarray(at)]);
  const d = decodeBytes(bytes);
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text, ARTICLE.replace(' on Monday', '\uFFFD on Monday'));
  assert.ok(d.text.includes('Ostry’s'), 'curly apostrophe kept, not "Ostryâ€™s"');
  assert.equal(d.warning, `invalid UTF-8 at byte ${at}; decoded as UTF-8 with U+FFFD for that byte`);

  const items = ingestBuffer('ostry.txt', bytes);
  const article = items.find((i) => i.kind === 'article');
  assert.ok(article && article.kind === 'article');
  assert.ok(article.article.raw.includes('“the quay is safe”\uFFFD on Monday'), article.article.raw);
  assert.equal(article.article.encoding, 'utf-8');
  assert.ok(items.some((i) => i.kind === 'warning' && i.message.includes(`byte ${at}`)));
});

test('several bad sequences: each offset listed (first ten), one U+FFFD each', () => {
  const parts = [Buffer.from('Caf\u00e9 “one” ', 'utf8'), Buffer.from([0xc3]), Buffer.from(' two ', 'utf8'), Buffer.from([0xe2, 0x80]), Buffer.from(' three ’', 'utf8')];
  const bytes = Buffer.concat(parts);
  const d = decodeBytes(bytes);
  assert.equal(d.encoding, 'utf-8');
  assert.equal((d.text.match(/\uFFFD/g) ?? []).length, 2);
  const first = parts[0].length;
  const second = first + 1 + Buffer.byteLength(' two ');
  assert.match(d.warning ?? '', new RegExp(`^invalid UTF-8 at bytes ${first} and ${second};`));
  const many = Buffer.concat([Buffer.from('“quoted” ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’ ’', 'utf8'), ...Array.from({ length: 12 }, () => Buffer.from([0x41, 0xff]))]);
  assert.match(decodeBytes(many).warning ?? '', /, … \(12 in all\)/);
});

test('windows-1252 text (no valid UTF-8 multi-byte sequence) is still decoded as windows-1252', () => {
  // "Café São Paulo – 3 €" in windows-1252.
  const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x53, 0xe3, 0x6f, 0x20, 0x50, 0x61, 0x75, 0x6c, 0x6f, 0x20, 0x96, 0x20, 0x33, 0x20, 0x80]);
  const d = decodeBytes(bytes);
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.text, 'Café São Paulo – 3 €');
});

test('utf8Errors follows the WHATWG maximal-subpart rule', () => {
  assert.deepEqual(utf8Errors(Buffer.from('a’b', 'utf8')), { offsets: [], invalid: 0, multibyte: 1 });
  // E1 80 then ASCII: one invalid sequence of two bytes; ED A0 80 (a surrogate): lead alone, then two strays.
  assert.deepEqual(utf8Errors(Buffer.from([0xe1, 0x80, 0x41, 0xed, 0xa0, 0x80])), { offsets: [0, 3, 4, 5], invalid: 4, multibyte: 0 });
  assert.equal(new TextDecoder().decode(Buffer.from([0xe1, 0x80, 0x41, 0xed, 0xa0, 0x80])), '\uFFFDA\uFFFD\uFFFD\uFFFD');
});
