// `watch` against a local HTTP server (127.0.0.1, port 0: nothing leaves the machine) serving feeds and pages
// written for these tests. Each case checks the feed's stored state and its diagnostic, and that the other
// feeds of the round were still polled. The poller's clock is fixed and moved by hand: no test waits for a
// schedule in real time.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openCorpus, type Corpus } from '../src/corpus/index.js';
import { FeedPoller, type PollerOptions, type PollReport } from '../src/fetch/poller.js';
import { parseFeedList } from '../src/fetch/feed-list.js';
import { freshFor, nextPoll, ttlOf } from '../src/fetch/schedule.js';
import type { FeedState } from '../src/store/types.js';
import { REPO, type CliRun } from './run-cli.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-watch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A server on 127.0.0.1:0 with a route table (changeable while it runs); counts hits per path. */
async function serve(routes: Record<string, Handler>) {
  const hits = new Map<string, IncomingMessage[]>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, [...(hits.get(path) ?? []), req]);
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return { base, hits, routes, close, count: (path: string) => hits.get(path)?.length ?? 0 };
}

const SENTENCES = [
  'The Lantern Bridge over the Ostra reopened to traffic on Monday after six weeks of repairs, the city transport department said.',
  'Engineers replaced 40 metres of the deck and repaired corrosion in two of the steel arches, work brought forward after an inspection.',
  'The repairs cost 3.1 million crowns, slightly less than the 3.4 million budgeted, according to figures the department published.',
  'Shop owners on the north bank said the closure had cut their takings by a third, and the council promised a rebate on business rates.',
  'Buses will return to their usual routes from Tuesday morning, and cyclists will have a separate lane on the bridge for the first time.',
];

interface Item { title: string; link: string; text?: string; summary?: string; date?: string }

/** A full-text item (well over the 600-character summary limit) about `topic`. */
const story = (link: string, topic: string, extra = ''): Item => ({
  title: `${topic} reopens`, link, date: 'Mon, 05 May 2031 09:00:00 GMT',
  text: SENTENCES.map((s) => `<p>${s.replace('Lantern Bridge', topic)}</p>`).join('') + (extra ? `<p>${extra}</p>` : ''),
});

function rss(items: Item[], channelExtra = ''): string {
  const body = items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}${
    i.text ? `<content:encoded><![CDATA[${i.text}]]></content:encoded>` : `<description>${i.summary}</description>`}</item>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${channelExtra}${body}</channel></rss>`;
}

const feed = (body: string | (() => string), headers: Record<string, string> = {}): Handler => (req, res) => {
  const text = typeof body === 'function' ? body() : body;
  if (headers.etag && req.headers['if-none-match'] === headers.etag) return void res.writeHead(304, headers).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers }).end(text);
};
const page = (title: string, paras: string[]) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
const html = (body: string): Handler => (_q, r) => r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);

const T0 = Date.parse('2031-05-05T08:00:00Z');
const MIN = 60_000;
// Generous: the corpus analyses one feed's items on this thread while the others are being read.
const FAST = { hostGapMs: 0, timeoutMs: 3000, maxBytes: 1024 * 1024, maxRetryAfterMs: 1000 };

/** A poller on a corpus in `db`, its clock at `clock.now` (moved by the test). */
async function watcher(db: string, clock: { now: number }, over: Partial<PollerOptions> = {}) {
  const corpus = await openCorpus({ db });
  const reports: PollReport[] = [];
  const poller = new FeedPoller({
    store: corpus.store, sink: (items) => corpus.addItems(items, { workers: 0 }), fetch: FAST, intervalMs: 15 * MIN,
    now: () => clock.now, onPoll: (r) => reports.push(r), ...over,
  });
  return { corpus, poller, reports };
}

/** The CLI in a child process, awaited without blocking: the test's own server must keep answering. */
function runCli(args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [join(REPO, 'bin/crosscheck.js'), ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((r) => child.on('close', (code) => r({ code, stdout, stderr })));
}

const byUrl = (feeds: FeedState[]) => new Map(feeds.map((f) => [f.url, f]));

test('watch: one round over broken feeds gives each its state and diagnostic; the good ones are still read', async () => {
  const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, ' '));
  const big = Buffer.alloc(2 * 1024 * 1024, 'a');
  const teaser = page('Harbour budget', [SENTENCES[0], 'Subscribe to continue reading. Already a subscriber? Log in.']);
  const s = await serve({
    '/robots.txt': (_q, r) => r.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
    '/good.rss': feed(() => rss([story(`${s.base}/a/ostra-bridge`, 'Ostra Bridge')]), { etag: '"g1"', 'cache-control': 'max-age=3600' }),
    '/500.rss': (_q, r) => r.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>Internal error</body></html>'),
    '/429.rss': (_q, r) => r.writeHead(429, { 'retry-after': '7200' }).end(),
    '/slow.rss': (_q, r) => void setTimeout(() => r.writeHead(200).end(rss([])), 8000).unref(),
    '/loop-a': (_q, r) => r.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_q, r) => r.writeHead(302, { location: '/loop-a' }).end(),
    '/big.rss': (_q, r) => r.on('error', () => undefined).writeHead(200, { 'content-type': 'application/rss+xml' }).end(big),
    '/bomb.rss': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb),
    // A server default iso-8859-1 on a UTF-8 feed: the bytes are valid UTF-8, so they are read as such.
    '/charset.rss': (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' })
      .end(Buffer.from(rss([story(`${s.base}/a/zurich`, 'Zürich Brücke', 'Café owners in Zürich welcomed the news.')]), 'utf8')),
    '/summaries.rss': feed(() => rss([
      { title: 'Harbour budget', link: `${s.base}/paywalled`, summary: 'The harbour budget was approved.' },
      { title: 'Private matters', link: `${s.base}/private/story`, summary: 'A story robots.txt keeps us from.' },
    ])),
    '/paywalled': html(teaser),
    '/not-a-feed': html(page('Just a page', SENTENCES)),
  });
  const clock = { now: T0 };
  const { corpus, poller } = await watcher(join(dir, 'broken.db'), clock);
  try {
    const paths = ['/good.rss', '/500.rss', '/429.rss', '/slow.rss', '/loop-a', '/big.rss', '/bomb.rss', '/charset.rss', '/summaries.rss', '/not-a-feed'];
    await poller.load(paths.map((p) => ({ url: s.base + p, title: null })));
    const reports = await poller.cycle();
    assert.equal(reports.length, paths.length);
    for (const p of paths) assert.ok(s.count(p) >= 1, `${p} was polled`);
    const state = byUrl(await corpus.store.getFeeds());
    const at = (p: string) => state.get(s.base + p)!;
    const minutes = (f: FeedState) => (Date.parse(f.nextPollAt!) - T0) / MIN;

    assert.equal(at('/good.rss').status, 'ok');
    assert.equal(at('/good.rss').etag, '"g1"');
    assert.equal(minutes(at('/good.rss')), 60, 'Cache-Control max-age=3600 holds it past the 15-minute interval');
    assert.equal(at('/good.rss').articlesAdded, 1);

    const failures: [string, RegExp, number | null][] = [
      ['/500.rss', /^HTTP 500 Internal Server Error$/, 500],
      ['/429.rss', /^HTTP 429 Too Many Requests; Retry-After 7200 s$/, 429],
      ['/slow.rss', /^timed out after 3 s/, null],
      ['/loop-a', /^redirect loop \(back to .*\/loop-a\)$/, null],
      ['/big.rss', /^body too large \(over 1\.0 MB\)$/, 200],
      ['/bomb.rss', /^body too large once decompressed \(over 1\.0 MB; a compression bomb\?\)$/, 200],
      ['/not-a-feed', /^not a feed \(text\/html; neither RSS, Atom nor JSON Feed\)$/, 200],
    ];
    for (const [p, why, http] of failures) {
      const f = at(p);
      assert.equal(f.status, 'error', p);
      assert.match(f.message ?? '', why, p);
      assert.equal(f.httpStatus, http, p);
      assert.deepEqual([f.errors, f.errorsTotal, f.polls, f.itemsSeen], [1, 1, 1, 0], p);
    }
    assert.equal(minutes(at('/500.rss')), 30, 'the first failure doubles the interval');
    assert.equal(minutes(at('/429.rss')), 120, 'Retry-After 7200 s is honoured');

    const zurich = (await corpus.store.getArticles(['127-0-0-1-zurich']))[0];
    assert.match(zurich.analysed.clean.text, /Café owners in Zürich/, 'the wrong charset header did not garble the text');

    const summaries = at('/summaries.rss');
    assert.equal(summaries.status, 'ok');
    assert.equal(summaries.itemsSeen, 2);
    assert.match(summaries.message ?? '', /paywalled: blocked: paywall.*kept the feed's summary/);
    assert.match(summaries.message ?? '', /private\/story: disallowed by http:\/\/127\.0\.0\.1:\d+\/robots\.txt; kept the feed's summary/);
    assert.equal(s.count('/private/story'), 0, 'robots.txt kept us from the page');
    const kept = (await corpus.store.getArticles(['127-0-0-1-paywalled']))[0];
    assert.equal(kept.analysed.clean.text, 'The harbour budget was approved.', 'the summary was kept, the paywall page never stored');
  } finally {
    await corpus.close();
    await s.close();
  }
});

test('watch: validators and schedule survive a restart; a 304 takes nothing; an edited item is a revision', async () => {
  let version = 1;
  const items = () => [story(`${s.base}/a/ostra-bridge`, 'Ostra Bridge', version === 1 ? 'The toll will be 2 crowns.' : 'The toll will be 5 crowns.'),
    story(`${s.base}/a/karsk-ferry`, 'Karsk Ferry')];
  const s = await serve({ '/feed.rss': (q, r) => feed(rss(items()), { etag: `"v${version}"` })(q, r) });
  const db = join(dir, 'restart.db');
  const clock = { now: T0 };
  const url = `${s.base}/feed.rss`;
  try {
    const first = await watcher(db, clock);
    await first.poller.load([{ url, title: 'Ostra news' }]);
    const [r1] = await first.poller.cycle();
    assert.deepEqual([r1.taken, r1.sink?.added.length], [2, 2]);
    await first.corpus.close();

    // A restarted watch: ten minutes later nothing is due; at twenty the conditional GET gets a 304.
    clock.now = T0 + 10 * MIN;
    const second = await watcher(db, clock);
    const [loaded] = await second.poller.load([{ url, title: null }]);
    assert.deepEqual([loaded.etag, loaded.title, loaded.itemsSeen], ['"v1"', 'Ostra news', 2]);
    assert.deepEqual(await second.poller.cycle(), [], 'not due yet');
    clock.now = T0 + 20 * MIN;
    const [r2] = await second.poller.cycle();
    assert.equal(s.hits.get('/feed.rss')!.at(-1)!.headers['if-none-match'], '"v1"');
    assert.deepEqual([r2.feed.status, r2.feed.httpStatus, r2.taken, r2.sink], ['not-modified', 304, 0, null]);
    assert.equal(r2.feed.polls, 2);

    // The publisher edits one item: only it is taken, and the corpus keeps both versions.
    version = 2;
    clock.now = T0 + 40 * MIN;
    const [r3] = await second.poller.cycle();
    assert.equal(r3.taken, 1, 'the unchanged item is not taken again');
    assert.deepEqual(r3.sink?.revised, ['127-0-0-1-ostra-bridge']);
    assert.equal(r3.feed.etag, '"v2"');
    const revisions = await second.corpus.store.revisions('127-0-0-1-ostra-bridge');
    assert.equal(revisions.length, 1);
    assert.match(revisions[0].text, /2 crowns/);
    assert.equal((await second.corpus.store.getFeeds([url]))[0].articlesAdded, 3);
    await second.corpus.close();
  } finally {
    await s.close();
  }
});

test('watch: failures back off exponentially, recovery resets them, and the other feed keeps its pace', async () => {
  let down = true;
  const s = await serve({
    '/flaky.rss': (q, r) => (down ? r.writeHead(503).end() : feed(rss([story(`${s.base}/a/flaky`, 'Flaky Pier')]))(q, r)),
    '/steady.rss': feed(rss([]), { etag: '"s"' }),
  });
  const clock = { now: T0 };
  const controller = new AbortController();
  // The sleep moves the clock instead of waiting; the pier comes back after its third failure.
  const sleep = async (ms: number) => {
    clock.now += ms;
    if (s.count('/flaky.rss') === 3) down = false;
    if (clock.now > T0 + 24 * 60 * MIN) controller.abort();
  };
  const { corpus, poller, reports } = await watcher(join(dir, 'backoff.db'), clock, { sleep });
  try {
    await poller.load([{ url: `${s.base}/flaky.rss`, title: null }, { url: `${s.base}/steady.rss`, title: null }]);
    await poller.run(controller.signal);
    const flaky = reports.filter((r) => r.feed.url.endsWith('/flaky.rss'));
    const gaps = flaky.slice(0, 5).map((r) => (Date.parse(r.feed.nextPollAt!) - Date.parse(r.feed.lastFetchAt!)) / MIN);
    assert.deepEqual(gaps, [30, 60, 120, 15, 15], '503 without Retry-After: 2×, 4×, 8× the interval, then the interval again');
    assert.deepEqual(flaky.slice(0, 4).map((r) => r.feed.errors), [1, 2, 3, 0]);
    assert.match(flaky[0].feed.message!, /^HTTP 503 Service Unavailable \(no Retry-After\)$/);
    assert.equal(flaky[3].sink?.added.length, 1);
    const steady = reports.filter((r) => r.feed.url.endsWith('/steady.rss'));
    assert.ok(steady.length >= 90, `the steady feed polled every 15 minutes all day (${steady.length} polls)`);
    assert.ok(steady.slice(1).every((r) => r.feed.status === 'not-modified'));
  } finally {
    await corpus.close();
    await s.close();
  }
});

test('schedule: max-age less Age, no-store, Expires against the server Date, <ttl>, and the one-day cap', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  assert.equal(freshFor(h({ 'cache-control': 'public, max-age=600', age: '100' }), T0), 500_000);
  assert.equal(freshFor(h({ 'cache-control': 'no-store, max-age=600' }), T0), null);
  assert.equal(freshFor(h({ expires: 'Mon, 05 May 2031 10:00:00 GMT', date: 'Mon, 05 May 2031 09:00:00 GMT' }), T0), 3_600_000);
  assert.equal(ttlOf('<channel><ttl>90</ttl>'), 90 * MIN);
  assert.deepEqual(nextPoll(T0, 15 * MIN, { kind: 'ok', errors: 0, head: '<ttl>90</ttl>' }), { at: T0 + 90 * MIN, why: 'RSS <ttl>' });
  assert.deepEqual(nextPoll(T0, 15 * MIN, { kind: 'ok', errors: 0, headers: h({ 'cache-control': 'max-age=60' }) }), { at: T0 + 15 * MIN, why: 'interval' });
  assert.equal(nextPoll(T0, 15 * MIN, { kind: 'ok', errors: 0, headers: h({ 'cache-control': 'max-age=31536000' }) }).at, T0 + 24 * 60 * MIN);
  assert.equal(nextPoll(T0, 15 * MIN, { kind: 'error', errors: 12 }).at, T0 + 24 * 60 * MIN, 'backoff stops at a day');
});

test('feed lists: OPML with titles, or one URL a line with comments; a bad line is named', () => {
  const opml = parseFeedList('<?xml version="1.0"?><opml><body><outline text="News"><outline text="A &amp; B" xmlUrl="https://a.example/rss"/></outline></body></opml>');
  assert.deepEqual(opml, { feeds: [{ url: 'https://a.example/rss', title: 'A & B' }], problems: [] });
  const lines = parseFeedList('# my feeds\nhttps://a.example/rss\n\nftp://nope\nhttps://a.example/rss\r\nhttps://b.example/atom\n');
  assert.deepEqual(lines.feeds.map((f) => f.url), ['https://a.example/rss', 'https://b.example/atom']);
  assert.deepEqual(lines.problems, ['line 4 is not an http(s) URL: "ftp://nope"']);
});

test('watch CLI: --once from a URL list, feeds as a table and JSON; SIGINT lets the poll in progress commit, exit 0', async () => {
  let slowPageAsked: () => void = () => undefined;
  const asked = new Promise<void>((r) => (slowPageAsked = r));
  const s = await serve({
    '/good.rss': feed(() => rss([story(`${s.base}/a/ostra-bridge`, 'Ostra Bridge')]), { etag: '"g"' }),
    '/gone.rss': (_q, r) => r.writeHead(410).end(),
    '/slow.rss': feed(() => rss([{ title: 'Late pier', link: `${s.base}/slow-page`, summary: 'The pier opened late.' }])),
    '/slow-page': (_q, r) => {
      slowPageAsked();
      setTimeout(() => html(page('Karsk pier opens late', SENTENCES.map((x) => x.replace('Lantern Bridge', 'Karsk pier'))))(_q, r), 1500).unref();
    },
  });
  const db = join(dir, 'cli.db');
  const list = join(dir, 'feeds.txt');
  writeFileSync(list, `# test feeds\n${s.base}/good.rss\n${s.base}/gone.rss\n`);
  try {
    const once = await runCli(['watch', '--feeds', list, '--once', '--db', db, '--host-gap', '0']);
    assert.equal(once.code, 0, once.stderr);
    assert.match(once.stdout, /good\.rss: 1 new or changed item \(added 1, revised 0, duplicate 0, unchanged 0\); next \S+ \S+ \(interval\)/);
    assert.match(once.stdout, /gone\.rss: failed: HTTP 410 Gone \(1 in a row\); next .*\(backoff \(1 error in a row\)\)/);
    assert.match(once.stdout, /polled 2 feed\(s\): 1 answered, 1 failed, 0 not due; 1 item\(s\) taken, 1 article\(s\) added, 0 revised/);
    const again = await runCli(['watch', '--once', '--db', db]);
    assert.match(again.stderr, /good\.rss not due until .* \(--all polls it anyway\)/, 'cron run a minute later polls nothing early');
    const table = await runCli(['feeds', '--db', db]);
    assert.match(table.stdout, /^status\s+http\s+last fetch\s+next poll\s+items\s+articles\s+errors\s+feed/);
    assert.match(table.stdout, /error\s+410 .* 0\s+0\s+1\/1\s+http:\S+\/gone\.rss  — HTTP 410 Gone/);
    const json = JSON.parse((await runCli(['feeds', '--db', db, '--format', 'json'])).stdout) as (FeedState & { itemsInLastDocument: number })[];
    assert.deepEqual(json.map((f) => [f.status, f.itemsSeen, f.itemsInLastDocument]), [['error', 0, 0], ['ok', 1, 1]], 'gone.rss, good.rss: by URL');

    const child = spawn(process.execPath, [join(REPO, 'bin/crosscheck.js'), 'watch', '--feed', `${s.base}/slow.rss`, '--db', db, '--host-gap', '0'], { cwd: REPO });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await asked;
    child.kill('SIGINT');
    assert.equal(await exited, 0, err);
    assert.match(err, /SIGINT: finishing the feeds being polled, then stopping/);
    assert.match(out, /slow\.rss: 1 new or changed item \(added 1,/);
    const after = JSON.parse((await runCli(['feeds', '--db', db, '--format', 'json'])).stdout) as FeedState[];
    assert.equal(after.find((f) => f.url.endsWith('/slow.rss'))?.articlesAdded, 1, 'the poll in progress was committed');
  } finally {
    await s.close();
  }
});
