// Fuzz suite (issue 12): random bytes, random HTML trees (depth, width, broken tags), random feeds and
// JSON Lines through every reader, random lines through the cleaner, and random piles through a whole
// run. Each property is bounded in runs and time; the seed is fixed so a failure reproduces (set
// CROSSCHECK_FUZZ_SEED to explore others). Properties: nothing throws, every item is well-formed, every
// good article is analysed and every bad input is rejected (or warned about) with a reason.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ingestBuffer } from '../src/ingest/index.js';
import type { IngestItem } from '../src/ingest/types.js';
import { MAX_HTML_DEPTH } from '../src/ingest/params.js';
import { cleanBody } from '../src/clean/index.js';
import { analyze } from '../src/analyze.js';

const SEED = Number(process.env.CROSSCHECK_FUZZ_SEED ?? 20310314);
const bounded = (numRuns: number, ms: number) => ({ seed: SEED, numRuns, interruptAfterTimeLimit: ms, markInterruptAsFailure: false });

function wellFormed(items: IngestItem[]): void {
  assert.ok(items.length > 0, 'every input gives at least one item');
  for (const item of items) {
    if (item.kind === 'article') {
      assert.notEqual(item.article.raw.trim(), '');
      assert.match(item.article.hash, /^[0-9a-f]{64}$/);
    } else if (item.kind === 'rejected') assert.ok(item.reason.length > 0 && !item.reason.includes('\n    at '));
    else assert.ok(item.message.length > 0);
  }
}

const word = fc.constantFrom('Tarn', 'bridge', 'council', 'voted', 'Monday', 'closed', '4', 'million', 'euros', 'the', 'said', 'Ostry', 'ferry', '“quoted”', 'é', '—', '&amp;', '<', '>');
const sentence = fc.array(word, { minLength: 3, maxLength: 14 }).map((w) => w.join(' ') + '.');

test('random bytes never throw and always give well-formed items', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('x.txt', 'x.html', 'x.json', 'x.xml', 'x.gz'), (bytes, name) => {
      wellFormed(ingestBuffer(name, Buffer.from(bytes)));
    }),
    bounded(400, 8000),
  );
});

// Random HTML trees: nesting, width, and broken markup (unclosed, stray closers, junk attributes).
const tag = fc.constantFrom('div', 'p', 'span', 'section', 'article', 'b', 'li', 'table', 'td', 'h2', 'blockquote', 'font');
type Tree = string;
const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, sentence, tie('node')),
  node: fc
    .tuple(tag, fc.array(tie('tree'), { maxLength: 4 }), fc.constantFrom('close', 'open', 'stray', 'attr'))
    .map(([t, kids, how]) => {
      const inner = kids.join('');
      if (how === 'open') return `<${t}>${inner}`;
      if (how === 'stray') return `${inner}</${t}></div>`;
      if (how === 'attr') return `<${t} class="a>b" data-x='<p>' onclick=alert(1)>${inner}</${t}>`;
      return `<${t}>${inner}</${t}>`;
    }),
}));
const deepChain = fc.tuple(fc.integer({ min: 1, max: 3 * MAX_HTML_DEPTH }), tag, sentence).map(([n, t, s]) => `${`<${t}>`.repeat(n)}${s}${`</${t}>`.repeat(n)}`);

test('random HTML trees (deep, wide, broken) finish quickly with an article or a reason', () => {
  fc.assert(
    fc.property(fc.oneof(tree, deepChain), fc.boolean(), (body, full) => {
      const html = full ? `<!DOCTYPE html><html><head><title>T</title></head><body>${body}</body></html>` : `<div>${body}</div>`;
      const t0 = performance.now();
      const items = ingestBuffer('page.html', Buffer.from(html));
      wellFormed(items);
      assert.ok(performance.now() - t0 < 3000, `took ${(performance.now() - t0).toFixed(0)} ms`);
    }),
    bounded(150, 15000),
  );
});

// Random RSS feeds: items with and without content, some broken.
const feedItem = fc.record({ title: sentence, body: fc.option(fc.array(sentence, { minLength: 1, maxLength: 4 }), { nil: null }), broken: fc.boolean() });
test('random RSS feeds: every complete item with text is an article, the rest are reasons', () => {
  fc.assert(
    fc.property(fc.array(feedItem, { maxLength: 6 }), (items) => {
      const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Tarn Courier</title>${items
        .map((it, i) => `<item><title><![CDATA[${it.title}]]></title><link>https://tarn.example/${i}</link>${it.body ? `<description><![CDATA[<p>${it.body.join('</p><p>')}</p>]]></description>` : ''}${it.broken ? '<' : '</item>'}`)
        .join('')}</channel></rss>`;
      const out = ingestBuffer('feed.xml', Buffer.from(xml));
      wellFormed(out);
      const articles = out.filter((o) => o.kind === 'article').length;
      assert.ok(articles <= items.filter((it) => it.body).length);
      if (articles === 0) assert.ok(out.some((o) => o.kind === 'rejected'), JSON.stringify(out));
    }),
    bounded(150, 10000),
  );
});

// Random JSON Lines: good objects and damaged lines; each good line is an article, each bad one a warning.
const jsonLine = fc.oneof(
  sentence.map((text) => ({ good: true, line: JSON.stringify({ text, title: 'T' }) })),
  // Every bad line opens like JSON: a file that opens with prose is plain text, by design.
  fc.constantFrom('{"text": "unterminated', '{"title": "no text"}', '[1, 2]', '{"text": ""}', '{').map((line) => ({ good: false, line })),
);
test('random JSON Lines: every good line is an article, every bad one a warning or the file a reason', () => {
  fc.assert(
    fc.property(fc.array(jsonLine, { minLength: 1, maxLength: 12 }), (lines) => {
      const out = ingestBuffer('feed.jsonl', Buffer.from(lines.map((l) => l.line).join('\n') + '\n'));
      wellFormed(out);
      const good = lines.filter((l) => l.good).length;
      assert.equal(out.filter((o) => o.kind === 'article').length, good);
      if (good === 0) assert.ok(out.some((o) => o.kind === 'rejected'));
    }),
    bounded(300, 8000),
  );
});

// The cleaner: random lines (furniture, prose, blank, invisible characters) never throw, and offsets hold.
const line = fc.oneof(sentence, fc.constantFrom('', '   ', 'Share this article', 'Advertisement', '© 2031 Tarn Courier. All rights reserved.', 'TARN (Reuters) — ', '\u200b\u00ad', '\t\u00a0x', 'Read more: https://tarn.example/x'));
test('random bodies clean without throwing; paragraphs index into the text; nothing kept is lost', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
      const clean = cleanBody(lines.join('\n'));
      for (const p of clean.paragraphs) {
        assert.ok(p.start < p.end && p.end <= clean.text.length);
        assert.match(clean.text.slice(p.start, p.end), /[\p{L}\p{N}]/u);
      }
      assert.doesNotMatch(clean.text, /\n{3}/);
      for (const r of clean.removed) assert.ok(r.reason.startsWith('clean:'));
    }),
    bounded(300, 8000),
  );
});

// A whole run over a random pile: every good file is analysed, every bad one rejected with a reason.
const badFile = fc.constantFrom(
  ['empty.txt', Buffer.alloc(0)],
  ['photo.jpg.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
  ['deep.html', Buffer.from(`<html><body>${'<div>'.repeat(MAX_HTML_DEPTH + 10)}x</body></html>`)],
  ['furniture.txt', Buffer.from('Share this article\nAdvertisement\n')],
  ['broken.json', Buffer.from('{"text": ')],
) as fc.Arbitrary<[string, Buffer]>;
test('random piles: every good article is analysed and every bad file rejected with a reason', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(sentence, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.uniqueArray(badFile, { maxLength: 3, selector: ([n]) => n }), async (goods, bads) => {
      const dir = mkdtempSync(join(tmpdir(), 'crosscheck-fuzz-'));
      goods.forEach((s, i) => writeFileSync(join(dir, `good-${i}.txt`), `Tarn report ${i}\n2031-03-0${i + 1}\n\n${s.join(' ')}\n`));
      for (const [name, bytes] of bads) writeFileSync(join(dir, name), bytes);
      const { report } = await analyze([dir], { db: null, workers: 0, now: () => new Date('2031-03-10T00:00:00Z'), ingest: { fileTimeBudgetMs: 0 } });
      assert.deepEqual(report.articles.map((a) => a.id).sort(), goods.map((_, i) => `good-${i}`));
      const rejected = new Set(report.rejected.map((r) => r.path.slice(dir.length + 1)));
      for (const [name] of bads) assert.ok(rejected.has(name), `${name} rejected: ${JSON.stringify(report.rejected)}`);
      assert.ok(report.rejected.every((r) => r.reason.length > 0));
    }),
    bounded(12, 20000),
  );
});
