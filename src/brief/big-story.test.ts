// The brief on big stories (issue 12 item 5) and on articles the English-only rules skip (item 9): capped
// citation lists with the rest left to the JSON, short lines, the stories that matter first, and
// non-English articles shown as "not analysed for claims (de)". Fictional reports built for the test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPORT_VERSION, type Report, type ReportArticle, type Story } from '../model/report.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { MAX_CITED, MAX_SOURCE_NOTES, MAX_VALUES_SHOWN } from './view.js';

const article = (id: string, language: string | null = 'en'): ReportArticle => ({
  id, path: `in/${id}.txt`, url: null, outlet: `outlet ${id}`, title: `Title of ${id}`, published: '2030-05-02', publishedFrom: 'header', language, sentences: 3, removed: [],
});

function story(id: string, headline: string, ids: string[], extra: Partial<Story> = {}): Story {
  return {
    id, headline, articles: ids, events: [], summary: [{ text: `${headline} happened on Monday in the valley, officials said today.`, sources: ids }],
    timeline: [], entities: [], quotes: [], claims: [{ text: `${headline} is a claim many carry.`, sources: ids, independentSources: ids.length }],
    contradictions: [], ...extra,
  };
}

/** 1,000 articles in one story with a 1,000-value disagreement, listed first; a small 3-source story second. */
function bigReport(): Report {
  const many = Array.from({ length: 1000 }, (_, i) => `n${String(i).padStart(4, '0')}`);
  const few = ['s1', 's2', 's3', 's4'];
  // The big story's articles are copies of one report: one independent source, however many outlets.
  const reuse = many.slice(1).map((b) => ({ a: many[0], b, kind: 'duplicate' as const, original: many[0], shared: 3, score: 1, sharedSentences: [] }));
  const values = many.map((id, i) => ({ value: String(i + 3), sources: [id], independentSources: 1, evidence: [`The council approved ${i + 3} bus routes.`] }));
  return {
    version: REPORT_VERSION, generatedAt: '2030-05-03T00:00:00.000Z',
    articles: [...many, ...few].map((id) => article(id)), rejected: [], warnings: [], reuse,
    stories: [
      story('big', 'Council approves bus routes', many, { contradictions: [{ kind: 'number', about: 'number of bus routes', values }] }),
      story('small', 'Bridge closes for repairs', few, { contradictions: [{ kind: 'date', about: 'date of the closure', values: [
        { value: '2030-05-01', sources: ['s1', 's2'], independentSources: 2, evidence: ['The bridge closed on May 1.'] },
        { value: '2030-05-02', sources: ['s3'], independentSources: 1, evidence: ['The bridge closed on May 2.'] },
      ] }] }),
    ],
  };
}

test('a 1,000-article story cites the first sources of each line and says how many more the JSON has', () => {
  const report = bigReport();
  const md = renderMarkdown(report);
  assert.ok(md.includes(`… and ${1000 - MAX_CITED} more]`), 'the story line and the claim cite 10 and count the rest');
  const longest = Math.max(...md.split('\n').map((l) => l.length));
  assert.ok(longest < 400, `longest Markdown line ${longest} characters`);
  assert.ok(md.includes(`…and ${1000 - MAX_VALUES_SHOWN} more values (all are in the JSON report)`));
  assert.ok(md.includes(`…and notes on ${1004 - 4 - MAX_SOURCE_NOTES} more sources`));
  // The report itself (the JSON) keeps every source and value.
  assert.equal(report.stories[0].claims[0].sources.length, 1000);
  assert.equal(report.stories[0].contradictions[0].values.length, 1000);
  const html = renderHtml(report);
  assert.ok(html.includes(`… and ${1000 - MAX_CITED} more]`));
  assert.ok(!html.includes('n0999'), 'no line lists the thousandth article');
  assert.ok(Math.max(...html.split('\n').map((l) => l.length)) < 2000);
});

test('the brief leads with the story of most independent sources, whatever the input order', () => {
  const md = renderMarkdown(bigReport());
  // 4 independent sources beat 1,000 copies of one report.
  assert.ok(md.indexOf('## Bridge closes for repairs') < md.indexOf('## Council approves bus routes'));
  const html = renderHtml(bigReport());
  assert.ok(html.indexOf('Bridge closes for repairs</h2>') < html.indexOf('Council approves bus routes</h2>'));
});

test('among stories with as many independent sources, the one with disagreements comes first', () => {
  const quiet = story('quiet', 'Library opens', ['q1', 'q2']);
  const disputed = story('disputed', 'Ferry delayed', ['d1', 'd2'], { contradictions: [{ kind: 'number', about: 'number of passengers', values: [
    { value: '40', sources: ['d1'], independentSources: 1, evidence: ['The ferry carried 40 passengers.'] },
    { value: '70', sources: ['d2'], independentSources: 1, evidence: ['The ferry carried 70 passengers.'] },
  ] }] });
  const report: Report = { version: REPORT_VERSION, generatedAt: '2030-05-03T00:00:00.000Z', articles: ['q1', 'q2', 'd1', 'd2'].map((id) => article(id)), rejected: [], warnings: [], reuse: [], stories: [quiet, disputed] };
  const md = renderMarkdown(report);
  assert.ok(md.indexOf('## Ferry delayed') < md.indexOf('## Library opens'));
});

test('an article in German is shown as not analysed for claims (de)', () => {
  const report: Report = {
    version: REPORT_VERSION, generatedAt: '2030-05-03T00:00:00.000Z',
    articles: [article('e1'), article('e2'), article('g1', 'de'), article('u1', null)], rejected: [], warnings: [], reuse: [],
    stories: [story('mixed', 'Harbour reopens', ['e1', 'e2', 'g1', 'u1'], { claims: [{ text: 'The harbour reopened on Monday after repairs.', sources: ['e1', 'e2'], independentSources: 2 }] })],
  };
  const md = renderMarkdown(report);
  assert.ok(md.includes('_1 article not analysed for claims (de)._'));
  const notes = md.slice(md.indexOf('### Per-source notes'));
  assert.match(notes, /\*\*g1\*\*[^\n]*\n {2}- not analysed for claims \(de\)/);
  // English and undetected (a short text) articles carry no such note.
  assert.equal(notes.match(/not analysed/g)!.length, 1);
  const html = renderHtml(report);
  assert.ok(html.includes('1 article not analysed for claims (de).'));
  assert.ok(html.includes('<li class="note">not analysed for claims (de)</li>'));
});
