// Dates with provenance through the corpus and out (issue 16 item 4): a fetched page's published,
// modified and first-seen survive the store (articles are stored as JSON, no migration), reach the 1.4
// report, validate against its schema, and show in both briefs with where they came from, escaped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '../src/corpus/index.js';
import { ingestBuffer } from '../src/ingest/index.js';
import { renderMarkdown } from '../src/brief/markdown.js';
import { renderHtml } from '../src/brief/html.js';
import { REPORT_VERSION, type Report } from '../src/model/report.js';
import { validateReport, schemaErrors } from './schema.js';

const SEEN = '2031-03-14T10:00:00.000Z';
const page = readFileSync(new URL('./fixtures/dates/graph-json-ld.html', import.meta.url));

test('published, modified and first-seen persist through openCorpus and reach the report and the brief', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-dates-'));
  const items = ingestBuffer('https://harbour.example/news/ferry-returns', page, { firstSeen: { at: SEEN, from: 'fetch' }, url: 'https://harbour.example/news/ferry-returns' });
  const db = join(dir, 'c.db');
  const first = await openCorpus({ db });
  try {
    await first.addItems(items);
  } finally {
    await first.close();
  }
  const corpus = await openCorpus({ db });
  try {
    const report = await corpus.report({ now: new Date('2031-03-15T00:00:00Z') });
    assert.equal(report.version, REPORT_VERSION);
    assert.ok(validateReport(report), schemaErrors());
    const [a] = report.articles;
    assert.deepEqual(
      [a.published, a.publishedFrom, a.modified, a.modifiedFrom, a.firstSeen, a.firstSeenFrom],
      ['2031-03-13', 'json-ld', '2031-03-14', 'json-ld', SEEN, 'fetch'],
    );
    const md = renderMarkdown(report);
    assert.match(md, /published 2031-03-13 \(from json-ld\) · modified 2031-03-14 \(from json-ld\) · first seen 2031-03-14 10:00 UTC \(fetch\)/);
    assert.match(renderHtml(report), /first seen 2031-03-14 10:00 UTC \(fetch\)/);
  } finally {
    await corpus.close();
  }
});

test('a report of a file says no first-seen (null), and the schema refuses a source it does not know', () => {
  const report: Report = {
    version: REPORT_VERSION, generatedAt: SEEN, rejected: [], warnings: [], reuse: [], stories: [],
    articles: [{ id: 'a', path: 'a.txt', url: null, outlet: null, title: null, published: '2031-03-13', publishedFrom: 'header', modified: null, modifiedFrom: null, firstSeen: null, firstSeenFrom: null, language: 'en', sentences: 1, removed: [] }],
  };
  assert.ok(validateReport(report), schemaErrors());
  const bad = { ...report, articles: [{ ...report.articles[0], firstSeenFrom: 'guess' }] };
  assert.equal(validateReport(bad), false);
});

test('dates in the brief are escaped: a hostile stored value stays text', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const report = {
    version: REPORT_VERSION, generatedAt: SEEN, rejected: [], warnings: [], reuse: [],
    articles: [{ id: 'a', path: 'a.html', url: null, outlet: 'o', title: 't', published: '2031-03-13', publishedFrom: 'meta', modified: hostile, modifiedFrom: 'meta', firstSeen: hostile, firstSeenFrom: 'fetch', language: 'en', sentences: 1, removed: [] }],
    stories: [{ id: 's', headline: 'Ferry returns', articles: ['a'], events: [], summary: [{ text: 'The ferry returned on Thursday, the operator said.', sources: ['a'] }], timeline: [], entities: [], quotes: [], claims: [], contradictions: [] }],
  } as unknown as Report;
  const html = renderHtml(report);
  assert.ok(!html.includes(hostile), 'no raw markup from a date');
  assert.match(html, /modified &#60;img src=x onerror=alert\(1\)&#62;/);
  assert.match(renderMarkdown(report), /modified \\<img src=x onerror=alert\(1\)\\>/);
});
