// Dates with provenance (issue 16 item 4): each source proposes and each guard refuses, positive and
// negative, on a fixed clock (first seen 2031-03-14T10:00Z); the fixture pages in test/fixtures/dates go
// through ingest as a fetched page would; feeds, the feed/page merge and files keep their own rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ingestBuffer } from '../index.js';
import type { Article } from '../../model/article.js';
import { textCandidates, urlCandidate, type DateCandidate } from './candidate.js';
import { refusal } from './guard.js';
import { chooseDates } from './choose.js';
import { withFeedDates } from './merge.js';

const SEEN = '2031-03-14T10:00:00.000Z';
const FIXTURES = new URL('../../../test/fixtures/dates/', import.meta.url);
const c = (value: string, from: DateCandidate['from'], over: Partial<DateCandidate> = {}): DateCandidate => ({ field: 'published', value, from, detail: from, ...over });
const web = { firstSeen: SEEN, web: true };

function article(path: string, bytes: string | Buffer, opts: Parameters<typeof ingestBuffer>[2] = {}): Article[] {
  return ingestBuffer(path, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), opts).flatMap((i) => (i.kind === 'article' ? [i.article] : []));
}

test('url: /YYYY/MM/DD/, YYYY-MM-DD and /YYYYMMDD/ in the path; not a month alone, a query date or an impossible day', () => {
  assert.equal(urlCandidate('https://o.example/2031/03/14/bridge')?.value, '2031-03-14');
  assert.equal(urlCandidate('https://o.example/news/bridge-2031-03-14.html')?.value, '2031-03-14');
  assert.equal(urlCandidate('https://o.example/20310314/bridge')?.value, '2031-03-14');
  assert.equal(urlCandidate('https://o.example/2031/03/bridge'), null, 'year and month name no day');
  assert.equal(urlCandidate('https://o.example/bridge?date=2031-03-14'), null, 'query dates are campaigns');
  assert.equal(urlCandidate('https://o.example/2031/02/30/bridge'), null);
  assert.equal(urlCandidate('not a url'), null);
});

test('text: a short dateline or byline gives a date; a lede sentence and an "Updated" line do not', () => {
  assert.deepEqual(textCandidates('Bridge reopens\nBy Jane Roe | March 13, 2031\nThe bridge...').map((x) => x.value), ['2031-03-13']);
  assert.deepEqual(textCandidates('The bridge over the Ostra, closed since the storm of March 3, 2031, reopened to traffic on Friday morning after repairs.'), []);
  assert.deepEqual(textCandidates('Updated March 15, 2031 at 10:00'), []);
  assert.deepEqual(textCandidates('By Jane Roe\nStaff writer'), [], 'no full date');
});

test('guard: future beyond first-seen refused, within a day allowed, and not applied without first-seen', () => {
  assert.equal(refusal(c('2031-03-16', 'meta'), web)?.origin, 'ingest:date-future');
  assert.equal(refusal(c('2031-03-15', 'meta'), web), null, 'a day for time zones');
  assert.equal(refusal(c('2040-01-01', 'header'), { firstSeen: null, web: false }), null, 'files have no first-seen');
});

test('guard: before 1990 refused on web pages only; modified before published refused, after allowed', () => {
  assert.equal(refusal(c('1970-01-01', 'meta'), web)?.origin, 'ingest:date-before-web');
  assert.equal(refusal(c('1989-10-27', 'header'), { firstSeen: null, web: false }), null, 'a 1989 wire story as text');
  assert.equal(refusal(c('1991-08-06', 'meta'), web), null);
  const mod = (v: string) => c(v, 'meta', { field: 'modified' });
  assert.equal(refusal(mod('2031-03-01'), { ...web, published: '2031-03-12' })?.origin, 'ingest:date-modified-before-published');
  assert.equal(refusal(mod('2031-03-12'), { ...web, published: '2031-03-12' }), null);
});

test('guard: cookie/consent expiry, copyright notice and a year alone refused; an ordinary dateline kept', () => {
  assert.equal(refusal(c('2033-03-14', 'text', { context: 'This cookie expires on March 14, 2033' }), web)?.origin, 'ingest:date-cookie');
  assert.equal(refusal(c('2019-03-01', 'text', { context: '© March 1, 2019 Harbour Gazette' }), web)?.origin, 'ingest:date-copyright');
  assert.equal(refusal(c('2019-01-01', 'json-ld', { yearOnly: true, context: '2019' }), web)?.origin, 'ingest:date-year-only');
  assert.equal(refusal(c('2031-03-10', 'text', { context: 'By Ana Lind, March 10, 2031' }), web), null);
});

test('choose: meta/JSON-LD > feed > URL > text, whatever order they come in; a refusal falls through with a diagnostic', () => {
  const all = [c('2031-03-10', 'text'), c('2031-03-11', 'url'), c('2031-03-12', 'feed'), c('2031-03-13', 'json-ld')];
  assert.deepEqual([chooseDates(all, web).published, chooseDates(all, web).publishedFrom], ['2031-03-13', 'json-ld']);
  assert.equal(chooseDates(all.slice(0, 3), web).publishedFrom, 'feed');
  assert.equal(chooseDates(all.slice(0, 2), web).publishedFrom, 'url');
  const refused = chooseDates([c('2032-01-01', 'json-ld'), ...all.slice(0, 2)], web);
  assert.equal(refused.published, '2031-03-11');
  assert.deepEqual(refused.diagnostics.map((d) => [d.origin, d.level]), [['ingest:date-future', 'warning']]);
  const none = chooseDates([c('2032-01-01', 'text')], web);
  assert.equal(none.published, null);
  assert.equal(none.diagnostics[0].level, 'info', 'a refused dateline guess is a note');
});

test('fixture pages: each gives its expected published, modified and refusals, first seen at the fetch', () => {
  const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as { firstSeen: string; pages: Record<string, Record<string, string | string[]>> };
  for (const [name, e] of Object.entries(expected.pages)) {
    const [a] = article(`${name}.html`, readFileSync(new URL(`${name}.html`, FIXTURES)), { firstSeen: { at: expected.firstSeen, from: 'fetch' }, url: e.url as string });
    assert.ok(a, name);
    assert.equal(a.meta.published, e.published, `${name}: published`);
    assert.equal(a.meta.publishedFrom, e.publishedFrom, `${name}: publishedFrom`);
    assert.equal(a.meta.modified, e.modified ?? null, `${name}: modified`);
    assert.equal(a.meta.modifiedFrom, e.modifiedFrom ?? null, `${name}: modifiedFrom`);
    assert.deepEqual([a.meta.firstSeen, a.meta.firstSeenFrom], [expected.firstSeen, 'fetch'], name);
    assert.deepEqual(a.diagnostics.filter((d) => d.origin.startsWith('ingest:date-')).map((d) => d.origin), e.refused ?? [], `${name}: refusals`);
  }
});

test('a file has no first-seen, so a fictional future date stands; a text header still says header', () => {
  const [page] = article('future.html', readFileSync(new URL('future.html', FIXTURES)));
  assert.deepEqual([page.meta.published, page.meta.publishedFrom, page.meta.firstSeen], ['2032-01-01', 'json-ld', null]);
  const [txt] = article('wire.txt', 'Bridge reopens\n2031-03-14\n\nThe bridge over the Ostra reopened on Friday after two years of repairs, officials said.');
  assert.deepEqual([txt.meta.published, txt.meta.publishedFrom, txt.meta.firstSeenFrom], ['2031-03-14', 'header', null]);
});

const BODY = 'The bridge over the Ostra reopened to traffic on Friday after two years of repairs, officials said. '.repeat(3);

test('feeds: RSS pubDate, Atom published + updated as written, JSON Feed date_modified; a pubDate after the poll refused', () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>G</title>
<item><title>A</title><link>https://g.example/a</link><pubDate>Thu, 13 Mar 2031 09:00:00 GMT</pubDate><description>${BODY}</description></item>
<item><title>B</title><link>https://g.example/2031/03/12/b</link><pubDate>Sat, 01 Jan 2033 09:00:00 GMT</pubDate><description>${BODY}</description></item></channel></rss>`;
  const [a, b] = article('g.xml', rss, { firstSeen: { at: SEEN, from: 'feed' } });
  assert.deepEqual([a.meta.published, a.meta.publishedFrom, a.meta.firstSeenFrom], ['2031-03-13', 'feed', 'feed']);
  assert.deepEqual([b.meta.published, b.meta.publishedFrom], ['2031-03-12', 'url'], 'the future pubDate refused, the link dates it');
  assert.ok(b.diagnostics.some((d) => d.origin === 'ingest:date-future'));
  const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>H</title><id>h</id><updated>2031-03-14T00:00:00Z</updated>
<entry><title>C</title><id>c</id><link href="https://h.example/c"/><published>2031-03-12T23:30:00-05:00</published><updated>2031-03-13T08:00:00-05:00</updated><content>${BODY}</content></entry></feed>`;
  const [atomItem] = article('h.xml', atom);
  assert.deepEqual([atomItem.meta.published, atomItem.meta.modified, atomItem.meta.modifiedFrom], ['2031-03-12', '2031-03-13', 'feed'], 'the outlet\'s calendar day, not UTC');
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: 'https://j.example/1', content_text: BODY, date_published: '2031-03-12T10:00:00Z', date_modified: '2031-03-11T10:00:00Z' }] });
  const [jsonItem] = article('j.json', json);
  assert.deepEqual([jsonItem.meta.published, jsonItem.meta.modified], ['2031-03-12', null], 'modified before published refused');
});

test('a summary\'s page: its meta date beats the feed, the feed beats its URL date; first-seen stays the feed\'s', () => {
  const base = { title: null, url: null, outlet: null, author: null, declaredLanguage: null };
  const feed = { ...base, published: '2031-03-12', publishedFrom: 'feed' as const, modified: null, modifiedFrom: null, firstSeen: SEEN, firstSeenFrom: 'feed' as const };
  const page = (published: string, from: 'meta' | 'url') => ({ ...base, published, publishedFrom: from, modified: '2031-03-13', modifiedFrom: 'meta' as const, firstSeen: '2031-03-14T10:00:05.000Z', firstSeenFrom: 'fetch' as const });
  assert.deepEqual([withFeedDates(page('2031-03-11', 'meta'), feed).published, withFeedDates(page('2031-03-11', 'meta'), feed).publishedFrom], ['2031-03-11', 'meta']);
  const merged = withFeedDates(page('2031-03-10', 'url'), feed);
  assert.deepEqual([merged.published, merged.publishedFrom, merged.modified, merged.firstSeen, merged.firstSeenFrom], ['2031-03-12', 'feed', '2031-03-13', SEEN, 'feed']);
  assert.equal(withFeedDates({ ...page('2031-03-10', 'url'), modified: '2031-03-11' }, feed).modified, null, 'mixed, modified may still not precede published');
});
