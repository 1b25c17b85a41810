#!/usr/bin/env node
// A local feed server for trying `crosscheck watch` (and for bench/feeds.ts): nothing leaves the machine.
//
//   node scripts/feed-server.mjs &                       # http://127.0.0.1:8931, the feeds examples/feeds.opml lists
//   npx crosscheck watch --feeds examples/feeds.opml --once
//   node scripts/feed-server.mjs --drip 20               # one more item per feed every 20 s (watch the stories grow)
//   node scripts/feed-server.mjs --synthetic 1000 --items 20 --port 0   # the benchmark's 1,000 generated feeds
//
// The example feeds carry the repository's own fictional articles (examples/*, written for it): Harbour
// Gazette as RSS with full text, three outlets as Atom, Lantern Daily as an RSS feed of summaries whose page
// this server also serves (so watch fetches it, robots.txt honoured), and Bayside Bulletin as a JSON Feed.
// Every feed has an ETag and a Last-Modified and answers a conditional GET with 304. Plain Node, no build.

import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
if (args.includes('--help')) {
  process.stdout.write('usage: node scripts/feed-server.mjs [--port 8931] [--drip SECONDS] [--synthetic N --items M]\n');
  process.exit(0);
}
/** 8931: the port examples/feeds.opml names; any free one with --port 0 (the chosen port is printed). */
const PORT = Number(option('port', '8931'));
const DRIP_S = Number(option('drip', '0'));
const SYNTHETIC = Number(option('synthetic', '0'));
const ITEMS = Number(option('items', '20'));
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const started = Date.now();

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// A CDATA section cannot hold "]]>": split it across two sections.
const cdata = (s) => `<![CDATA[${String(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const paragraphs = (text) => text.split(/\n+/).filter((l) => l.trim()).map((l) => `<p>${xml(l)}</p>`).join('\n');

/** An examples/*.txt article: title line, optional date and URL lines, a blank line, the body. */
function txtArticle(file) {
  const lines = readFileSync(examples + file, 'utf8').split('\n');
  const blank = lines.findIndex((l) => l.trim() === '');
  const head = lines.slice(0, blank);
  const url = head.find((l) => /^https?:\/\//.test(l)) ?? null;
  const dateLine = head.slice(1).find((l) => l !== url);
  const date = dateLine && !Number.isNaN(Date.parse(dateLine)) ? new Date(Date.parse(dateLine + ' 12:00 UTC')) : null;
  return { title: head[0], url, date, text: lines.slice(blank + 1).join('\n').trim() };
}

function rss(title, link, items) {
  const body = items.map((a) => `<item>
<title>${xml(a.title)}</title>
<link>${xml(a.url)}</link>
<guid>${xml(a.url)}</guid>
${a.date ? `<pubDate>${a.date.toUTCString()}</pubDate>` : ''}
${a.summary ? `<description>${xml(a.summary)}</description>` : `<content:encoded>${cdata(paragraphs(a.text))}</content:encoded>`}
</item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>${xml(title)}</title><link>${xml(link)}</link><description>${xml(title)}</description><language>en</language>
${body}
</channel></rss>`;
}

function atom(title, self, items) {
  const entries = items.map((a) => `<entry>
<title>${xml(a.title)}</title><id>${xml(a.url)}</id><link href="${xml(a.url)}"/>
<updated>${(a.date ?? new Date(started)).toISOString()}</updated>
<content type="html">${xml(paragraphs(a.text))}</content>
</entry>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${xml(title)}</title><id>${xml(self)}</id><updated>${new Date(started).toISOString()}</updated>
${entries}
</feed>`;
}

function jsonFeed(title, items) {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: items.map((a) => ({ id: a.url, url: a.url, title: a.title, content_text: a.text, ...(a.date ? { date_published: a.date.toISOString() } : {}) })),
  }, null, 1);
}

/** How many of a feed's items are out: all, or with --drip one more every DRIP_S seconds. */
const released = (n) => (DRIP_S > 0 ? Math.min(n, 1 + Math.floor((Date.now() - started) / (DRIP_S * 1000))) : n);

function exampleRoutes(base) {
  const gazette = ['harbour-gazette-library-opens.txt', 'harbour-gazette-storm-local.txt', 'harbour-gazette-berth-reopens.txt'].map(txtArticle);
  const wires = ['coastal-wire-storm-closes-port.txt', 'orvel-courier-dunmere-landslide.txt', 'northern-post-dunmere-toll-rises.txt'].map(txtArticle);
  const bayside = { ...txtArticle('bayside-bulletin-storm-rewrite.txt'), url: 'https://baysidebulletin.example/news/caldera-port-closed' };
  const lanternPage = readFileSync(examples + 'lantern-daily-port-closure.html');
  const lantern = [{
    title: 'Storm Ines shuts Port of Caldera for two days', url: `${base}/world/storm-ines-port-caldera`, date: new Date('2025-03-14T16:20:00Z'),
    summary: 'Storm Ines forced the Port of Caldera to close, stranding 42 cargo ships in the outer anchorage.',
  }];
  const byDate = (xs) => [...xs].sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  return {
    '/harbour-gazette.rss': () => ['application/rss+xml', rss('Harbour Gazette', 'https://harbourgazette.example/', byDate(gazette).slice(0, released(gazette.length)))],
    '/wires.atom': () => ['application/atom+xml', atom('Coastal Wire, Orvel Courier, Northern Post', `${base}/wires.atom`, byDate(wires).slice(0, released(wires.length)))],
    '/lantern-daily.rss': () => ['application/rss+xml', rss('Lantern Daily', 'https://lanterndaily.example/', lantern)],
    '/bayside.json': () => ['application/feed+json', jsonFeed('Bayside Bulletin', [bayside])],
    '/world/storm-ines-port-caldera': () => ['text/html; charset=utf-8', lanternPage],
  };
}

/** --synthetic: N feeds of M full-text items each, every feed on its own path, stable between requests. */
function syntheticRoutes(base) {
  const words = 'harbour council storm bridge ferry orchard rail valley clinic union budget river school market port crane'.split(' ');
  const item = (f, i) => {
    const text = Array.from({ length: 8 }, (_, s) => `Report ${f}-${i}, sentence ${s}: the ${words[(f + s) % words.length]} ${words[(i + s * 3) % words.length]} committee met on day ${(f * 7 + i) % 28 + 1} and approved ${(f + i + s) % 90 + 10} new measures for the district.`).join('\n');
    return { title: `Feed ${f} item ${i}: ${words[(f + i) % words.length]} news`, url: `https://synthetic${f}.example/news/${f}-${i}`, date: new Date(Date.UTC(2031, 0, 1, 0, i)), text };
  };
  const bodies = new Map();
  return (path) => {
    const m = /^\/s\/(\d+)\.rss$/.exec(path);
    if (!m || Number(m[1]) >= SYNTHETIC) return null;
    const f = Number(m[1]);
    if (!bodies.has(f)) bodies.set(f, rss(`Synthetic ${f}`, `${base}/s/${f}.rss`, Array.from({ length: ITEMS }, (_, i) => item(f, i))));
    return () => ['application/rss+xml', bodies.get(f)];
  };
}

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
  const route = SYNTHETIC ? synthetic(path) : routes[path];
  if (!route) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  const [type, content] = route();
  const body = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`;
  const lastModified = new Date(Math.floor(started / 1000) * 1000).toUTCString();
  const headers = { etag, 'last-modified': lastModified, 'cache-control': 'max-age=60' };
  if (req.headers['if-none-match'] === etag) return res.writeHead(304, headers).end();
  res.writeHead(200, { ...headers, 'content-type': type, 'content-length': body.length }).end(body);
});

let routes = {};
let synthetic = () => null;
server.listen(PORT, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  if (SYNTHETIC) synthetic = syntheticRoutes(base);
  else routes = exampleRoutes(base);
  const what = SYNTHETIC ? `${SYNTHETIC} synthetic feeds of ${ITEMS} items at ${base}/s/0.rss …` : `the feeds of examples/feeds.opml${DRIP_S ? `, one more item every ${DRIP_S} s` : ''}`;
  process.stdout.write(`feed server listening on ${base} (${what}); Ctrl-C stops it\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)) && server.closeAllConnections());
