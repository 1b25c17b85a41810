// Timeline on small fictional stories, and on the seeds when ../shared is present.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AnalysedArticle } from '../model/article.js';
import { cleanOfLines } from '../../test/fixtures/clean-lines.js';
import { segment } from '../text/sentences.js';
import { extractDates } from './dates/index.js';
import { extractQuantities } from './quantities/index.js';
import { buildTimeline } from './timeline.js';

/** A minimal analysed article: one paragraph per line, our dates and quantities, no entities/quotes. */
function article(id: string, published: string | null, lines: string[]): AnalysedArticle {
  const clean = cleanOfLines(lines);
  const a = {
    id, path: `${id}.txt`, format: 'txt', encoding: 'utf-8', raw: clean.text, hash: id, diagnostics: [],
    meta: { title: null, url: null, outlet: null, published, publishedFrom: published ? 'header' : null, author: null, declaredLanguage: null },
    clean,
  } as unknown as AnalysedArticle;
  a.text = { language: 'en', sentences: segment(a.clean) };
  a.extract = { entities: [], quotes: [], dates: extractDates(a, published), quantities: extractQuantities(a) };
  return a;
}

const storyA = article('a', '2031-03-14', [
  'The ferry company said Friday that its two new ships were inspected in the harbour on March 2 and again on March 9.',
  'The harbour master confirmed the inspections.',
]);
const storyB = article('b', '2031-03-15', [
  'Inspectors examined the new ferry ships in the harbour on March 2, port officials said.',
  'A vote on the route is planned for April 20.',
]);
const storyC = article('c', '2031-03-15', ['Inspectors examined the new ferry ships in the harbour on March 2, port officials said.']);

test('same date and similar sentence merge across articles; separate dates stay separate; sorted', () => {
  const groups = new Map([['a', 'a'], ['b', 'b'], ['c', 'b']]);
  const tl = buildTimeline([storyB, storyA, storyC], groups);
  // "said Friday" (the publication day) dates the statement, and the sentence has event dates: no entry for it.
  assert.deepEqual(tl.map((e) => e.date), ['2031-03-02', '2031-03-09', '2031-04-20']);
  const march2 = tl.find((e) => e.date === '2031-03-02')!;
  assert.deepEqual(march2.sources, ['a', 'b', 'c']);
  assert.ok(march2.text.includes('March 2'));
  assert.deepEqual(tl.find((e) => e.date === '2031-03-09')!.sources, ['a']);
});

test('deterministic regardless of input order', () => {
  const groups = new Map<string, string>();
  assert.deepEqual(buildTimeline([storyA, storyB, storyC], groups), buildTimeline([storyC, storyB, storyA], groups));
});

test('undated articles give no relative entries; absolute dates still count', () => {
  const undated = article('u', null, ['The mill closed on Tuesday.', 'It had opened on May 4, 1990, with 40 workers.']);
  const tl = buildTimeline([undated], new Map());
  assert.deepEqual(tl.map((e) => e.date), ['1990-05-04']);
});

test('a dateline restating the publication date is not an entry; durations and vague dates are not either', () => {
  const a = article('d', '2031-03-14', ['PORTVILLE, March 14 - The strike lasted three days and talks continue now.']);
  assert.deepEqual(buildTimeline([a], new Map()), []);
});

test('the timeline is capped per story, keeping multi-source dates', () => {
  const many = Array.from({ length: 20 }, (_, i) => `The council met on January ${i + 1} to discuss the budget item ${i}.`);
  const a = article('m', '2031-03-14', many);
  const b = article('n', '2031-03-14', ['The council met on January 20 to discuss the budget item 19.']);
  const tl = buildTimeline([a, b], new Map());
  assert.equal(tl.length, 15);
  assert.ok(tl.some((e) => e.date === '2031-01-20' && e.sources.length === 2));
});

test('a reporting-day date is an entry only when nothing else dates the sentence', () => {
  // 2031-03-14 is a Friday.
  const a = article('r', '2031-03-14', [
    'Floods closed the coastal road on Tuesday, leaving 30 lorries stranded, county officials said on Friday.',
    'The bridge will need months of repair, engineer Ada Lund told reporters on Thursday.',
  ]);
  const tl = buildTimeline([a], new Map());
  assert.deepEqual(tl.map((e) => e.date), ['2031-03-11', '2031-03-13']);
  assert.ok(tl[0].text.startsWith('Floods closed the coastal road'));
});

test('a long sentence with two dates shows the clause of each date', () => {
  const long = 'Port inspectors examined the cranes of the north quay on March 2 after the storm had passed through the region, and the regional governor opened the rebuilt grain terminal on March 9 in front of a crowd of several hundred residents.';
  const a = article('t', '2031-03-14', [long]);
  const tl = buildTimeline([a], new Map());
  assert.deepEqual(tl.map((e) => e.date), ['2031-03-02', '2031-03-09']);
  assert.ok(tl[0].text.includes('March 2') && !tl[0].text.includes('March 9'), tl[0].text);
  assert.ok(tl[1].text.includes('March 9') && !tl[1].text.includes('March 2'), tl[1].text);
  assert.ok(tl[1].text.length < long.length);
  // A short two-date sentence stays whole under both dates.
  const b = article('s', '2031-03-14', ['The ferry sailed on March 2 and on March 9.']);
  assert.ok(buildTimeline([b], new Map()).every((e) => e.text === 'The ferry sailed on March 2 and on March 9.'));
});

test('copies that rewrite a dated sentence merge into one entry; unrelated articles with few shared words do not', () => {
  const a = article('p', '2031-03-14', ['Storm Ines compelled the port to shut on Tuesday, stranding 42 vessels.']);
  const b = article('q', '2031-03-14', ['Gales forced the harbour to close on Tuesday, leaving 42 ships stuck.']);
  const copies = buildTimeline([a, b], new Map([['p', 'g'], ['q', 'g']]));
  assert.equal(copies.length, 1);
  assert.deepEqual(copies[0].sources, ['p', 'q']);
  const apart = buildTimeline([a, b], new Map([['p', 'p'], ['q', 'q']]));
  assert.equal(apart.length, 2);
});

const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

test('seeds: the timeline holds 2022-06-08 and 2022-07-05 with their sources', { skip: existsSync(SEEDS) ? false : `seeds absent (${SEEDS})` }, () => {
  const articles: AnalysedArticle[] = [];
  for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt')).sort()) {
    const lines = readFileSync(`${SEEDS}/${f}`, 'utf8').split(/\r?\n/);
    // Header (when present): title, YYYYMMDD, URL; then the body, one paragraph a line.
    const dated = /^\d{8}$/.test(lines[1]?.trim() ?? '');
    const published = dated ? `${lines[1].slice(0, 4)}-${lines[1].slice(4, 6)}-${lines[1].slice(6, 8)}` : null;
    const body = (dated ? lines.slice(3) : lines).map((l) => l.trim()).filter(Boolean);
    articles.push(article(f.replace(/\.txt$/, ''), published, body));
  }
  const tl = buildTimeline(articles, new Map());
  const datedIds = articles.filter((a) => a.meta.published).map((a) => a.id);
  for (const date of ['2022-06-08', '2022-07-05']) {
    const e = tl.find((x) => x.date === date);
    assert.ok(e, `no ${date} in ${JSON.stringify(tl.map((x) => x.date))}`);
    assert.ok(e.sources.some((s) => datedIds.includes(s)));
    assert.ok(/June 8/.test(e.text) && /July 5/.test(e.text));
  }
});
