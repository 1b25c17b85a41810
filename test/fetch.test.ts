// sourceItems against a local HTTP server (127.0.0.1, port 0: nothing leaves the machine): each case gives
// the right item with a clear reason, and the inputs after it are still processed.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sourceItems, type SourceOptions } from '../src/fetch/index.js';
import { Fetcher } from '../src/fetch/http.js';
import { parseRobots, robotsAllows } from '../src/fetch/robots.js';
import { openCorpus } from '../src/corpus/index.js';
import type { IngestItem } from '../src/ingest/types.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-fetch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A server on 127.0.0.1:0 with a route table; counts hits and request times per path. */
async function serve(routes: Record<string, Handler>) {
  const hits = new Map<string, number[]>();
  const agents: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, [...(hits.get(path) ?? []), Date.now()]);
    agents.push(req.headers['user-agent'] ?? '');
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<html><title>Not found</title></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return { base, hits, agents, close };
}

const PARAS = [
  'The Lantern Bridge over the Ostra reopened to traffic on Monday after six weeks of repairs, the city transport department said, and buses will return to their usual routes from Tuesday morning.',
  'Engineers replaced 40 metres of the deck and repaired corrosion in two of the steel arches, work that had been planned for next year but was brought forward after an inspection in January found cracks.',
  'The repairs cost 3.1 million crowns, slightly less than the 3.4 million budgeted, according to figures the department published on its website. Cyclists will have a separate lane for the first time.',
  'Shop owners on the north bank said the closure had cut their takings by a third, and the council has promised a rebate on business rates for the months affected by the works.',
];

/** An article page; `extra` lands in <head>. */
const page = (title: string, paras = PARAS, extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extra}</head><body><article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const html = (body: string, headers: Record<string, string | number> = {}): Handler => (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);

const FAST: SourceOptions = { fetch: { hostGapMs: 5, timeoutMs: 2000, maxRetryAfterMs: 2000, maxBytes: 5 * 1024 * 1024 } };

async function all(inputs: string[], opts: SourceOptions = FAST): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of sourceItems(inputs, opts)) out.push(item);
  return out;
}
const articles = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'article' ? [i.article] : []));
const rejected = (items: IngestItem[]) => items.flatMap((i) => (i.kind === 'rejected' ? [i] : []));

test('fetch: a page becomes an article with its final URL; redirects followed; rel=canonical wins', async () => {
  const s = await serve({
    '/old': (_q, r) => r.writeHead(301, { location: '/mid' }).end(),
    '/mid': (_q, r) => r.writeHead(302, { location: '/2031/03/bridge-reopens' }).end(),
    '/2031/03/bridge-reopens': html(page('Bridge reopens')),
    '/canon': html(page('Bridge reopens again', PARAS, '<link rel="canonical" href="/2031/03/bridge-reopens-final?utm_source=x">')),
  });
  try {
    const items = await all([`${s.base}/old`, `${s.base}/canon`]);
    const [a, b] = articles(items);
    assert.equal(a.meta.url, `${s.base}/2031/03/bridge-reopens`);
    assert.equal(a.id, '127-0-0-1-bridge-reopens');
    assert.match(a.diagnostics.at(-1)!.message, /^fetched .*bridge-reopens \(HTTP 200\) at \d{4}-/);
    assert.equal(b.meta.url, `${s.base}/2031/03/bridge-reopens-final?utm_source=x`);
    assert.ok(s.agents.every((ua) => /^crosscheck\//.test(ua)), 'User-Agent names crosscheck');
  } finally {
    await s.close();
  }
});

test('fetch: errors, loops, timeouts, size limits and a gzip bomb are rejected with a reason; the rest runs', async () => {
  const huge = Buffer.alloc(1024 * 1024, 'a');
  const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024, ' '));
  const s = await serve({
    '/500': (_q, r) => r.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>Internal error</body></html>'),
    '/loop-a': (_q, r) => r.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_q, r) => r.writeHead(302, { location: '/loop-a' }).end(),
    '/slow': (_q, r) => void setTimeout(() => r.writeHead(200).end(page('Late')), 5000),
    '/big': (_q, r) => {
      // 50 MB, chunked (no Content-Length): refused while streaming.
      r.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const more = (): void => {
        while (sent < 50 && r.write(huge)) sent++;
        if (sent < 50) r.once('drain', more);
        else r.end();
      };
      r.on('error', () => undefined);
      more();
    },
    '/big-declared': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-length': 50 * 1024 * 1024 }).end(),
    '/bomb': (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb),
    '/fine': html(page('Still fetched')),
  });
  try {
    // The slow page alone under the short timeout: a 5 MB body on a loaded machine (load 16, 2026-12-02)
    // could itself take 0.5 s and come back timed out instead of too large.
    const t0 = Date.now();
    const slow = await all([s.base + '/slow'], { fetch: { ...FAST.fetch, timeoutMs: 500 } });
    assert.ok(Date.now() - t0 < 5000, 'the slow response did not hold the run');
    const items = [...(await all(['/500', '/loop-a'].map((p) => s.base + p), FAST)), ...slow, ...(await all(['/big', '/big-declared', '/bomb', '/fine'].map((p) => s.base + p), FAST))];
    const reasons = rejected(items).map((r) => r.reason);
    assert.equal(reasons.length, 6, reasons.join('\n'));
    assert.match(reasons[0], /^blocked: error page \(HTTP 500 Internal Server Error\)$/);
    assert.match(reasons[1], /^redirect loop/);
    assert.match(reasons[2], /^timed out after 0\.5 s/);
    assert.match(reasons[3], /^body too large \(over 5\.0 MB\)$/);
    assert.match(reasons[4], /^body too large \(50\.0 MB declared/);
    assert.match(reasons[5], /^body too large once decompressed/);
    assert.equal(articles(items).length, 1);
    assert.equal(articles(items)[0].meta.title, 'Still fetched');
  } finally {
    await s.close();
  }
});

test('fetch: more than 5 redirects are refused', async () => {
  const routes: Record<string, Handler> = {};
  for (let i = 0; i < 7; i++) routes[`/r${i}`] = (_q, r) => r.writeHead(302, { location: `/r${i + 1}` }).end();
  routes['/r7'] = html(page('Far away'));
  const s = await serve(routes);
  try {
    const [item] = await all([`${s.base}/r0`, `${s.base}/r2`]).then(rejected);
    assert.equal(item.reason, 'too many redirects (more than 5)');
  } finally {
    await s.close();
  }
});

test('fetch: 429 with a short Retry-After is waited out once; a long one is reported', async () => {
  let calls = 0;
  const s = await serve({
    '/busy': (_q, r) => (++calls === 1 ? r.writeHead(429, { 'retry-after': '1' }).end() : html(page('After the wait'))(_q, r)),
    '/away': (_q, r) => r.writeHead(503, { 'retry-after': '3600' }).end(),
  });
  try {
    const t0 = Date.now();
    const items = await all([`${s.base}/busy`, `${s.base}/away`]);
    assert.ok(Date.now() - t0 >= 900, 'waited the Retry-After');
    assert.equal(articles(items)[0].meta.title, 'After the wait');
    assert.match(rejected(items)[0].reason, /^HTTP 503 Service Unavailable; Retry-After 3600 s is longer than the 2 s we wait$/);
  } finally {
    await s.close();
  }
});

test('fetch: a conditional GET answered 304 is a warning, not a rejection', async () => {
  const s = await serve({
    '/etag': (q, r) => (q.headers['if-none-match'] === '"v1"' ? r.writeHead(304).end() : html(page('Tagged'), { etag: '"v1"' })(q, r)),
  });
  try {
    const validators = new Map();
    const opts = { fetch: { ...FAST.fetch, validators } };
    assert.equal(articles(await all([`${s.base}/etag`], opts)).length, 1);
    const second = await all([`${s.base}/etag`], opts);
    assert.deepEqual(second, [{ kind: 'warning', path: `${s.base}/etag`, message: 'not modified since the last fetch (HTTP 304)' }]);
  } finally {
    await s.close();
  }
});

test('fetch: a wrong charset header does not garble the text; a header charset is used when the page needs it', async () => {
  const greek = 'Η γέφυρα άνοιξε ξανά σήμερα το πρωί μετά από έξι εβδομάδες εργασιών, ανακοίνωσε ο δήμος. ';
  // ISO-8859-7 maps U+0386–U+03CE to bytes 0xB6–0xFE (code point − 0x2D0).
  const iso7 = (t: string) => Buffer.from([...t].map((c) => (c.codePointAt(0)! >= 0x386 ? c.codePointAt(0)! - 0x2d0 : c.charCodeAt(0))));
  const greekPage = `<html><head><title>Gefyra</title></head><body><article><p>${greek.repeat(4)}</p><p>${greek.repeat(3)}</p></article></body></html>`;
  const s = await serve({
    '/latin1-claim': html(page('Café “quoted” – naïve', PARAS.map((p) => p + ' Café naïve “so”.')), { 'content-type': 'text/html; charset=iso-8859-1' }),
    '/greek': (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-7' }).end(iso7(greekPage)),
  });
  try {
    const [a, b] = articles(await all([`${s.base}/latin1-claim`, `${s.base}/greek`]));
    assert.equal(a.meta.title, 'Café “quoted” – naïve');
    assert.match(a.raw, /Café naïve “so”/);
    assert.match(b.raw, /Η γέφυρα άνοιξε ξανά/);
  } finally {
    await s.close();
  }
});

test('fetch: a paywall page is rejected as blocked, never added', async () => {
  const teaser = page('Harbour budget', [PARAS[0], 'Subscribe to continue reading. Already a subscriber? Log in.']);
  const s = await serve({ '/paywalled': html(teaser), '/free': html(page('Free story')) });
  try {
    const items = await all([`${s.base}/paywalled`, `${s.base}/free`]);
    assert.match(rejected(items)[0].reason, /^blocked: paywall/);
    assert.deepEqual(articles(items).map((a) => a.meta.title), ['Free story']);
  } finally {
    await s.close();
  }
});

test('fetch: robots.txt is honoured for pages (our group, longest match), not for feeds', async () => {
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Private item</title><link>/private/item</link><description><![CDATA[${PARAS.join(' ')} ${PARAS.join(' ')}]]></description></item></channel></rss>`;
  const s = await serve({
    '/robots.txt': (_q, r) => r.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n\nUser-agent: crosscheck\nDisallow: /private\nAllow: /private/ok\n'),
    '/private/a': html(page('Secret')),
    '/private/ok': html(page('Allowed')),
    '/private/feed.xml': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed),
  });
  const opml = join(dir, 'robots.opml');
  writeFileSync(opml, `<opml version="2.0"><body><outline text="f" xmlUrl="${s.base}/private/feed.xml"/></body></opml>`);
  try {
    const items = await all([`${s.base}/private/a`, `${s.base}/private/ok`, opml]);
    assert.match(rejected(items)[0].reason, /^disallowed by http:\/\/127\.0\.0\.1:\d+\/robots\.txt$/);
    assert.deepEqual(articles(items).map((a) => a.meta.title), ['Allowed', 'Private item']);
    assert.equal(s.hits.get('/robots.txt')?.length, 1, 'robots.txt read once per origin');
  } finally {
    await s.close();
  }
});

test('robots: groups, wildcards, $ and the longest rule', () => {
  const rules = parseRobots('User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /search\nDisallow: /*.pdf$\nAllow: /search/about\nDisallow:\n', 'crosscheck');
  assert.equal(robotsAllows(rules, '/news/a'), true);
  assert.equal(robotsAllows(rules, '/search?q=x'), false);
  assert.equal(robotsAllows(rules, '/search/about'), true);
  assert.equal(robotsAllows(rules, '/files/a.pdf'), false);
  assert.equal(robotsAllows(rules, '/files/a.pdf?x'), true);
  assert.equal(robotsAllows(parseRobots('', 'crosscheck'), '/x'), true);
});

test('fetch: requests to one host are spaced by the politeness gap', async () => {
  const s = await serve({ '/a': html(page('A')), '/b': html(page('B')), '/c': html(page('C')) });
  try {
    // The gap spaces the starts of requests; the server sees their arrivals, and the first one also opens
    // the connection, so its arrival may lag its start (by 180 ms once on a loaded machine). The later two
    // share the open connection.
    const f = new Fetcher({ hostGapMs: 400, robots: false });
    await Promise.all(['/a', '/b', '/c'].map((p) => f.get(s.base + p)));
    const times = ['/a', '/b', '/c'].map((p) => s.hits.get(p)![0]).sort((x, y) => x - y);
    assert.ok(times[2] - times[1] >= 300, `gap ${times[2] - times[1]} ms between the second and third request`);
    assert.ok(times[2] - times[0] >= 600, `three requests over ${times[2] - times[0]} ms`);
  } finally {
    await s.close();
  }
});

test('fetch: OPML of two feeds; a summary-only item has its page fetched; a broken feed does not stop the other', async () => {
  const full = PARAS.join(' ') + ' ' + PARAS.join(' ');
  const feedA = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>A</title>
<item><title>Full item</title><link>/a/full</link><pubDate>Mon, 03 Mar 2031 09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>${full}</p>]]></content:encoded></item>
<item><title>Summary item</title><link>/a/summary-story</link><pubDate>Tue, 04 Mar 2031 09:00:00 GMT</pubDate><description>The bridge reopened.</description></item></channel></rss>`;
  const s = await serve({
    '/feed-a.xml': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedA),
    '/feed-b.xml': (_q, r) => r.writeHead(500).end(),
    // Carries the same summary-only item: its page is not fetched again, and the summary is not added.
    '/feed-c.xml': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feedA.replace(/<item><title>Full item[\s\S]*?<\/item>/, '')),
    '/a/summary-story': html(page('Summary item, whole page')),
  });
  const opml = join(dir, 'feeds.opml');
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body><outline text="News">
<outline text="A" type="rss" xmlUrl="${s.base}/feed-a.xml"/><outline text="B" type="rss" xmlUrl="${s.base}/feed-b.xml"/><outline text="A again" xmlUrl="${s.base}/feed-a.xml"/><outline text="C" xmlUrl="${s.base}/feed-c.xml"/></outline></body></opml>`);
  try {
    // A fixed clock in the feed's week: a 2031 pubDate seen by today's clock would be refused as future.
    const items = await all([opml], { ...FAST, now: () => new Date('2031-03-05T12:00:00Z') });
    assert.equal(s.hits.get('/feed-a.xml')?.length, 1, 'each feed fetched once');
    const got = articles(items);
    assert.deepEqual(got.map((a) => a.meta.title), ['Full item', 'Summary item, whole page']);
    assert.equal(got[1].meta.url, `${s.base}/a/summary-story`);
    assert.equal(s.hits.get('/a/summary-story')?.length, 1);
    assert.equal(got[1].meta.published, '2031-03-04', 'the feed date kept when the page has none');
    assert.match(rejected(items)[0].reason, /^blocked: error page \(HTTP 500/);
    assert.equal(rejected(items)[0].path, `${s.base}/feed-b.xml`);
  } finally {
    await s.close();
  }
});

test('fetch: a sitemap and a CSV list pages; a missing page is rejected, the others fetched', async () => {
  const s = await serve({ '/s/one': html(page('One')), '/s/two': html(page('Two')), '/c/three': html(page('Three')) });
  const sitemap = join(dir, 'news-sitemap.xml');
  writeFileSync(sitemap, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${s.base}/s/one</loc><news:news><news:publication_date>2031-03-03</news:publication_date><news:title>One</news:title></news:news></url>
<url><loc>${s.base}/s/gone</loc></url><url><loc>${s.base}/s/two?a=1&amp;b=2</loc></url></urlset>`);
  const csv = join(dir, 'links.csv');
  writeFileSync(csv, `title,url\n"Three, with a comma",${s.base}/c/three\nnothing,\n`);
  const noUrl = join(dir, 'no-url.csv');
  writeFileSync(noUrl, 'a,b\n1,2\n');
  try {
    const items = await all([sitemap, noUrl, csv]);
    assert.deepEqual(articles(items).map((a) => a.meta.title), ['One', 'Two', 'Three']);
    assert.deepEqual(rejected(items).map((r) => r.reason), ['blocked: error page (HTTP 404 Not Found)', 'CSV has no url column (columns: a, b)']);
    assert.equal(s.hits.get('/s/two')?.length, 1);
  } finally {
    await s.close();
  }
});

/** One WARC record: version line, headers, blank line, block, two CRLFs. */
function warcRecord(type: string, uri: string, date: string, block: Buffer): Buffer {
  const head = `WARC/1.1\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: ${date}\r\nWARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>\r\nContent-Type: application/http; msgtype=${type}\r\nContent-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}
const httpBlock = (status: string, headers: string, body: Buffer) => Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\n${headers}\r\n`), body]);

test('WARC and WARC.gz: HTML 200 responses become articles with their capture time as first-seen', async () => {
  const body = Buffer.from(page('Archived bridge story'));
  const gz = gzipSync(Buffer.from(page('Archived and gzipped', PARAS.slice().reverse())));
  const records = [
    warcRecord('warcinfo', '', '2031-03-05T10:00:00Z', Buffer.from('software: test\r\n')),
    warcRecord('request', 'https://ostra.example/2031/bridge', '2031-03-05T10:00:01Z', Buffer.from('GET /2031/bridge HTTP/1.1\r\n\r\n')),
    warcRecord('response', 'https://ostra.example/2031/bridge', '2031-03-05T10:00:02Z', httpBlock('200 OK', 'Content-Type: text/html; charset=utf-8\r\n', body)),
    warcRecord('response', 'https://ostra.example/moved', '2031-03-05T10:00:03Z', httpBlock('301 Moved', 'Location: /x\r\n', Buffer.alloc(0))),
    warcRecord('response', 'https://ostra.example/2031/gz', '2031-03-05T10:00:04Z', httpBlock('200 OK', 'Content-Type: text/html\r\nContent-Encoding: gzip\r\n', gz)),
  ];
  const warc = join(dir, 'capture.warc');
  writeFileSync(warc, Buffer.concat(records));
  const warcGz = join(dir, 'capture.warc.gz');
  writeFileSync(warcGz, Buffer.concat(records.map((r) => gzipSync(r)))); // one gzip member per record, as warcio writes
  for (const file of [warc, warcGz]) {
    const got = articles(await all([file]));
    assert.deepEqual(got.map((a) => a.meta.title), ['Archived bridge story', 'Archived and gzipped'], file);
    assert.equal(got[0].meta.url, 'https://ostra.example/2031/bridge');
    assert.deepEqual(got[0].diagnostics.at(-1), { origin: 'fetch:first-seen', level: 'info', message: 'first seen 2031-03-05T10:00:02Z (WARC-Date, captured from https://ostra.example/2031/bridge)' });
  }
  const broken = join(dir, 'broken.warc');
  writeFileSync(broken, Buffer.concat([records[2], Buffer.from('WARC/1.1\r\nContent-Length: 999\r\n\r\nshort')]));
  const items = await all([broken]);
  assert.equal(articles(items).length, 1);
  assert.match((items.at(-1) as { message: string }).message, /^stopped reading: damaged WARC file \(truncated WARC record/);
});

test('fetch: a page that changed between two fetches is a revision in the corpus; other files still go to ingest', async () => {
  let version = 1;
  const s = await serve({ '/story': (q, r) => html(page('Bridge reopens', version === 1 ? PARAS : [...PARAS.slice(0, 3), 'The council now says the repairs cost 3.9 million crowns.']))(q, r) });
  const txt = join(dir, 'note.txt');
  writeFileSync(txt, 'Harbour cranes arrive\n\n' + PARAS.join('\n\n'));
  const corpus = await openCorpus({ db: null });
  try {
    const first = await corpus.addItems(sourceItems([`${s.base}/story`, txt], FAST));
    assert.equal(first.added.length, 2);
    version = 2;
    const second = await corpus.addItems(sourceItems([`${s.base}/story?utm_source=feed`], FAST));
    assert.equal(second.revised.length, 1, JSON.stringify(second));
    assert.equal(second.added.length, 0);
  } finally {
    await corpus.close();
    await s.close();
  }
});
