// PageTags answers the metadata readers' selectors with the elements linkedom's own querySelector gives,
// in document order, and refuses selectors it cannot answer rather than answering them wrongly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { PageTags } from './page-tags.js';

const page = `<!doctype html><html><head>
<meta property="og:title" content="First title"><meta name="DC.date" content="2024-05-01">
<meta name="dc.date" content="2024-05-02"><link rel="canonical" href="https://example.test/a">
<meta property="og:title" content="Second title"></head>
<body><article><time datetime="2024-05-03">May 3</time><p>Text <time>undated</time></p></article></body></html>`;

test('the same elements as querySelector and querySelectorAll, first in document order', () => {
  const { document } = parseHTML(page);
  const tags = new PageTags(document as never);
  for (const selector of ['meta[property="og:title"]', 'meta[name="DC.date"]', 'meta[name="dc.date"]', 'link[rel="canonical"]', 'time[datetime]', 'meta[name="author"]']) {
    assert.equal(tags.querySelector(selector), document.querySelector(selector), selector);
    assert.deepEqual(tags.querySelectorAll(selector), [...document.querySelectorAll(selector)], selector);
  }
  assert.equal(tags.querySelector('meta[property="og:title"]')?.getAttribute('content'), 'First title');
  // Values compare case-sensitively, as CSS attribute selectors do: DC.date and dc.date are two fields.
  assert.equal(tags.querySelector('meta[name="dc.date"]')?.getAttribute('content'), '2024-05-02');
  assert.equal(tags.querySelectorAll('time[datetime]').length, 1);
});

test('selectors it cannot answer are refused, not answered wrongly', () => {
  const tags = new PageTags(parseHTML(page).document as never);
  assert.throws(() => tags.querySelector('meta[name^="dc"]'), /only tag\[attr\]/);
  assert.throws(() => tags.querySelector('head meta'), /only tag\[attr\]/);
  assert.throws(() => tags.querySelector('p[class="x"]'), /not p/);
});
