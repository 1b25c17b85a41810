// A list of feeds read as a file (examples/feeds.opml beside the articles) is skipped with a warning that
// says which commands follow it, never rejected as an article without text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestBuffer } from '../src/ingest/index.js';

const OPML_DOC = '<?xml version="1.0"?>\n<!-- feeds of the examples -->\n<opml version="2.0"><head><title>News</title></head><body><outline type="rss" xmlUrl="http://127.0.0.1:8931/a.xml"/></body></opml>';

test('an OPML file is skipped with a warning naming add and watch', () => {
  const items = ingestBuffer('feeds.opml', Buffer.from(OPML_DOC));
  assert.deepEqual(items.map((i) => i.kind), ['warning']);
  assert.match((items[0] as { message: string }).message, /OPML list of feeds.*crosscheck add.*watch --feeds/);
});

test('a page or a feed that mentions <opml> in its text is still read', () => {
  const page = '<html><head><title>Feeds explained</title></head><body><article><p>Readers export their subscriptions as an &lt;opml&gt; file, the council said on Monday, and import them into a new reader in one step.</p></article></body></html>';
  assert.ok(ingestBuffer('page.html', Buffer.from(page)).some((i) => i.kind === 'article'));
  const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Ferry strike ends</title><description>Ferry workers in Ostry ended a nine-day strike on Tuesday after the operator agreed to raise wages, the union said.</description></item></channel></rss>';
  assert.ok(ingestBuffer('feed.xml', Buffer.from(rss)).some((i) => i.kind === 'article'));
});
