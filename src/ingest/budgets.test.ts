// Depth and time budgets per file (issue 12): a page nested past MAX_HTML_DEPTH is rejected as "nesting
// too deep" before a DOM is built; a file that parses past the time budget is rejected as "took longer
// than N s" by stopping its worker; the files around it are read as usual.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestBuffer, ingestPaths } from './index.js';
import { markupDepth } from './html-text.js';
import { MAX_HTML_DEPTH } from './params.js';
import type { IngestItem } from './types.js';

const BODY = '<p>' + 'The council of Tarn voted on Monday to close the old bridge for repairs. '.repeat(6) + '</p>';
const nested = (n: number): string => `<html><body>${'<div>'.repeat(n)}${BODY}${'</div>'.repeat(n)}</body></html>`;
const reasonOf = (items: IngestItem[]) => items.map((i) => (i.kind === 'rejected' ? i.reason : i.kind));

test('1,000 and 10,000 nested <div>s are rejected as nesting too deep, at once', () => {
  for (const n of [1000, 10_000]) {
    const t0 = performance.now();
    assert.deepEqual(reasonOf(ingestBuffer('deep.html', Buffer.from(nested(n)))), [`nesting too deep (over ${MAX_HTML_DEPTH} levels of elements)`]);
    assert.ok(performance.now() - t0 < 1000, `${n} levels took ${(performance.now() - t0).toFixed(0)} ms`);
  }
});

test('real-page depths are read: 60 levels (the deepest extraction-zyte page has 51)', () => {
  assert.deepEqual(reasonOf(ingestBuffer('ok.html', Buffer.from(nested(60)))), ['article']);
});

test('depth counts what a parser nests: void elements and self-closing paragraphs add nothing', () => {
  assert.equal(markupDepth('<div><p>one<p>two<br><img src=x><span>s</span></div>'), 2);
  assert.equal(markupDepth('<div>' + '<p>para'.repeat(5000) + '</div>'), 1);
  assert.equal(markupDepth('<div title="a > b"><b>x</b></div>'), 2);
});

test('a feed item whose HTML nests too deep costs that file a clear reason, not the run', () => {
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Tarn Courier</title><item><title>Deep</title><link>https://tarn.example/deep</link><description><![CDATA[${nested(2000)}]]></description></item></channel></rss>`;
  const items = ingestBuffer('feed.xml', Buffer.from(feed));
  assert.ok(items.length >= 1);
  assert.ok(!items.some((i) => i.kind === 'article'));
  assert.ok(items.some((i) => (i.kind === 'rejected' ? i.reason : i.kind === 'warning' ? i.message : '').includes('nesting too deep')), JSON.stringify(items));
});

test('a file past the time budget is rejected as taking too long; the files around it are read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-budget-'));
  writeFileSync(join(dir, 'a-quick.html'), nested(5));
  // 400 subtrees just under the depth limit: seconds to parse on any machine (one alone takes ~0.2 s idle),
  // against quick pages of a few ms (~30 ms with the machine's two cores loaded 7×): a budget of 1 s
  // tells them apart whatever the load.
  writeFileSync(join(dir, 'b-slow.html'), `<html><body>${`${'<div>'.repeat(MAX_HTML_DEPTH - 6)}${BODY}${'</div>'.repeat(MAX_HTML_DEPTH - 6)}`.repeat(400)}</body></html>`);
  writeFileSync(join(dir, 'c-quick.html'), nested(5));
  writeFileSync(join(dir, 'd-plain.txt'), 'The ferry between Tarn and Ostry resumed on Wednesday.\n');
  const items: IngestItem[] = [];
  for await (const item of ingestPaths([dir], { fileTimeBudgetMs: 1000 })) items.push(item);
  assert.deepEqual(
    items.map((i) => (i.kind === 'article' ? i.article.id : i.kind === 'rejected' ? `${i.path.slice(dir.length + 1)}: ${i.reason}` : i.message)),
    ['a-quick', 'b-slow.html: took longer than 1 s to read; skipped', 'c-quick', 'd-plain'],
  );
});
