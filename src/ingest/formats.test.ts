// Positive cases per input format, on small fictional fixtures in test/fixtures/ingest.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '../model/article.js';
import { ingestBuffer } from './index.js';
import type { IngestItem } from './types.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));

function ingestFixture(name: string): IngestItem[] {
  return ingestBuffer(FIXTURES + name, readFileSync(FIXTURES + name));
}

function articles(items: IngestItem[]): Article[] {
  return items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
}

test('txt with a title/date/URL header: header recognised and removed from the body', () => {
  const [a] = articles(ingestFixture('header.txt'));
  assert.equal(a.id, 'header');
  assert.equal(a.format, 'txt');
  assert.equal(a.meta.title, 'Lantern Bridge reopens after two-year repair');
  assert.equal(a.meta.published, '2031-03-14');
  assert.equal(a.meta.publishedFrom, 'header');
  assert.equal(a.meta.url, 'https://www.harbourview-gazette.example/news/lantern-bridge-reopens');
  assert.equal(a.meta.outlet, 'harbourview-gazette.example');
  assert.ok(a.raw.startsWith('The Lantern Bridge over the Ostra river reopened'));
  assert.ok(!a.raw.includes('2031-03-14') && !a.raw.includes('https://'));
  assert.equal(a.raw.split('\n').length, 3);
  assert.ok(a.diagnostics.some((d) => d.origin === 'ingest:header'));
});

test('txt without a header keeps every line, including a body line that starts with a date', () => {
  const [a] = articles(ingestFixture('plain.txt'));
  assert.equal(a.meta.title, null);
  assert.equal(a.meta.published, null);
  assert.equal(a.meta.publishedFrom, null);
  assert.equal(a.raw.split('\n').length, 3);
  assert.match(a.raw, /^July 16, 2031 had been/m);
});

test('HTML: Readability body as paragraphs, page metadata wins over guesses, no script or iframe text', () => {
  const items = ingestFixture('ovt-bridge.html');
  const [a] = articles(items);
  assert.equal(a.id, 'ovt-bridge');
  assert.equal(a.format, 'html');
  assert.equal(a.meta.title, 'Lantern Bridge reopens after two-year repair');
  assert.equal(a.meta.outlet, 'Ostra Valley Times', 'og:site_name');
  assert.equal(a.meta.url, 'https://www.ostravalleytimes.example/2031/03/lantern-bridge', 'canonical link');
  // article:published_time (local date as written, not shifted to UTC) beats JSON-LD's datePublished
  assert.equal(a.meta.published, '2031-03-14');
  assert.equal(a.meta.publishedFrom, 'meta');
  assert.equal(a.meta.author, 'Petra Lind');
  assert.equal(a.meta.declaredLanguage, 'en');
  for (const hostile of ['INJECTED', 'SCRIPT BODY', 'IFRAME FALLBACK', 'pier.jpg', 'https://example.org']) {
    assert.ok(!a.raw.includes(hostile), `no "${hostile}" in the body`);
  }
  // paragraphs separated by one blank line; the heading kept as its own paragraph, not upper-cased
  const paragraphs = a.raw.split('\n\n');
  assert.ok(paragraphs.includes('What changed'));
  assert.ok(paragraphs.some((p) => p.startsWith('The repair cost 14 million crowns')));
  assert.ok(!/\n{3}/.test(a.raw));
  assert.match(a.raw, /waited long enough for its main crossing/);
  assert.ok(!a.raw.includes('All rights reserved'), 'footer outside the article');
  assert.ok(!a.raw.includes('Sport'), 'navigation outside the article');
});

test('HTML: JSON-LD datePublished in an @graph is used when there is no article:published_time', () => {
  const html = `<html><head><script type="application/ld+json">{"@graph":[{"@type":"Organization","name":"X"},{"@type":["NewsArticle"],"datePublished":"2031-02-01T10:00:00Z","publisher":{"name":"Ostra Radio"}}]}</script></head>
  <body><article><p>${'The council met on Monday to discuss the bridge budget and the ferry timetable. '.repeat(8)}</p></article></body></html>`;
  const [a] = articles(ingestBuffer('ld.html', Buffer.from(html)));
  assert.equal(a.meta.published, '2031-02-01');
  assert.equal(a.meta.outlet, 'Ostra Radio');
});

test('RSS 2.0: one article per item, content:encoded preferred over description, link/date/author', () => {
  const items = ingestFixture('gazette.rss');
  const arts = articles(items);
  assert.deepEqual(arts.map((a) => a.id), ['gazette#1', 'gazette#2']);
  const [first, second] = arts;
  assert.equal(first.format, 'feed');
  assert.equal(first.meta.title, 'Ferry service to end as bridge reopens');
  assert.equal(first.meta.url, 'https://www.harbourview-gazette.example/news/ferry-ends');
  assert.equal(first.meta.outlet, 'harbourview-gazette.example');
  assert.equal(first.meta.published, '2031-03-15');
  assert.equal(first.meta.publishedFrom, 'feed');
  assert.equal(first.meta.author, 'Tomas Berg');
  assert.equal(first.meta.declaredLanguage, 'en');
  assert.equal(first.raw, 'The temporary ferry across the Ostra will make its last crossing on March 31.\n\nAbout 3,000 passengers a day used it during the bridge closure.');
  assert.ok(!first.raw.includes('teaser'));
  assert.equal(second.raw, 'Lorries can again reach the port directly, the harbour master said.');
  assert.equal(items.filter((i) => i.kind !== 'article').length, 0);
});

test('Atom: entry content, link, published date and author', () => {
  const [a] = articles(ingestFixture('times.atom'));
  assert.equal(a.id, 'times#1');
  assert.equal(a.meta.url, 'https://ostravalleytimes.example/2031/03/flood-fund');
  assert.equal(a.meta.published, '2031-03-15');
  assert.equal(a.meta.author, 'Petra Lind');
  assert.equal(a.meta.declaredLanguage, 'en', 'xml:lang on <feed>');
  assert.equal(a.raw, 'The regional council voted to add 2 million crowns to the flood fund.\n\nThe vote was 31 to 4.');
});

test('JSON Feed: items with content become articles; an empty item is a warning', () => {
  const items = ingestFixture('weekly-feed.json');
  const [a] = articles(items);
  assert.equal(a.id, 'weekly-feed#1');
  assert.equal(a.format, 'feed');
  assert.equal(a.meta.published, '2031-03-14', 'the date as written, not shifted to UTC');
  assert.equal(a.meta.author, 'Ana Mora');
  assert.equal(a.raw, 'The bridge is open again.\n\nFerries stop soon.');
  assert.deepEqual(items.filter((i) => i.kind === 'warning').map((i) => i.kind === 'warning' && i.message), ['item 2 has no content']);
});

test('JSON object: one article with the file name as id; outlet from the URL host', () => {
  const [a] = articles(ingestFixture('radio-bridge.json'));
  assert.equal(a.id, 'radio-bridge');
  assert.equal(a.format, 'json');
  assert.equal(a.meta.published, '2031-03-14');
  assert.equal(a.meta.publishedFrom, 'json');
  assert.equal(a.meta.outlet, 'ostra-radio.example');
  assert.equal(a.raw, 'The Lantern Bridge reopened on Friday.\n\nThe mayor spoke at the ceremony.');
});

test('JSON array: one article per element, ids file#n', () => {
  const json = JSON.stringify([{ text: 'First story body.' }, { text: 'Second story body.', title: 'Two' }]);
  const arts = articles(ingestBuffer('pile.json', Buffer.from(json)));
  assert.deepEqual(arts.map((a) => a.id), ['pile#1', 'pile#2']);
  assert.equal(arts[1].meta.title, 'Two');
});

test('hash: sha256 of the whitespace-normalised body, equal for re-wrapped copies', () => {
  const a = articles(ingestBuffer('a.txt', Buffer.from('One line.\nTwo  lines.\n')))[0];
  const b = articles(ingestBuffer('b.txt', Buffer.from('One line. Two lines.')))[0];
  assert.match(a.hash, /^[0-9a-f]{64}$/);
  assert.equal(a.hash, b.hash);
  assert.notEqual(a.hash, articles(ingestBuffer('c.txt', Buffer.from('One line. Three lines.')))[0].hash);
});

test('format is detected by content, not extension', () => {
  const html = Buffer.from(readFileSync(FIXTURES + 'ovt-bridge.html'));
  assert.equal(articles(ingestBuffer('saved-page.txt', html))[0].format, 'html');
  const rss = Buffer.from(readFileSync(FIXTURES + 'gazette.rss'));
  assert.equal(articles(ingestBuffer('gazette.txt', rss))[0].format, 'feed');
  assert.equal(articles(ingestBuffer('notes.html', Buffer.from('Just a plain sentence about the bridge.')))[0].format, 'txt');
});

test('CRLF line ends become \\n; runs of blank lines collapse to one', () => {
  const [a] = articles(ingestBuffer('crlf.txt', Buffer.from('First paragraph.\r\n\r\n\r\n\r\nSecond paragraph.  \r\n')));
  assert.equal(a.raw, 'First paragraph.\n\nSecond paragraph.');
});
