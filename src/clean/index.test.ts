// The clean stage as a whole: layout, removal records, headings, datelines, and corpus evidence from
// OutletLineStats (including the wire-copy case that must keep its sentences). Fictional articles only.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../model/article.js';
import { ArticlePipeline } from '../pipeline/stage.js';
import { OutletLineStats, cleanBody, createCleanStage } from './index.js';
import { logicalLines } from './layout.js';

function article(id: string, raw: string, outlet: string | null = 'ledger.example'): Article {
  return {
    id,
    path: `${id}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    meta: { title: null, url: null, outlet, published: null, publishedFrom: null, author: null, declaredLanguage: null },
    raw,
    hash: id,
    diagnostics: [],
  };
}

const STORY = [
  'PORT CALDER, Westmark (AP) — The harbour authority closed the old pier on Tuesday after inspectors found three cracked columns.',
  'By Jane Doe',
  'Inspectors said the columns had lost a quarter of their strength during the winter storms, and that repairs would take a year.',
  'Advertisement',
  'What Comes Next',
  'The council will vote on a £4 million repair plan in March, its leader Mara Quill said in a statement on Wednesday.',
  '"We cannot let the pier fall into the sea," Quill told reporters outside the town hall.',
  '© 2023 Harbour Ledger Media. All rights reserved.',
  'Be the first to comment',
].join('\n');

test('the stage assigns a clean slot with paragraphs separated by one blank line', () => {
  const a = article('a1', STORY);
  new ArticlePipeline([createCleanStage()]).run(a);
  const clean = a.clean!;
  assert.equal(clean.text.split('\n\n').length, clean.paragraphs.length);
  assert.ok(!/\n{3,}/.test(clean.text));
  for (const p of clean.paragraphs) assert.ok(!clean.text.slice(p.start, p.end).includes('\n'));
  assert.equal(clean.paragraphs[0].start, 0);
  assert.equal(clean.paragraphs.at(-1)!.end, clean.text.length);
  assert.ok(clean.text.startsWith('The harbour authority closed the old pier'));
});

test('every removal is recorded with its rule, and each kind is summarised in a diagnostic', () => {
  const a = article('a2', STORY);
  createCleanStage().run(a);
  const reasons = a.clean!.removed.map((r) => r.reason).sort();
  assert.deepEqual(reasons, ['clean:advertisement', 'clean:byline', 'clean:comment-prompt', 'clean:copyright', 'clean:dateline'].sort());
  for (const r of a.clean!.removed) assert.ok(!a.clean!.text.includes(r.text), r.text);
  const origins = a.diagnostics.map((d) => d.origin).sort();
  assert.deepEqual(origins, [...new Set(reasons)].sort());
});

test('a section heading is kept in the text and marked as a heading', () => {
  const clean = cleanBody(STORY);
  const headings = clean.paragraphs.filter((p) => p.heading).map((p) => clean.text.slice(p.start, p.end));
  assert.deepEqual(headings, ['What Comes Next']);
});

test('a heading must be followed by a longer paragraph; the last line is never a heading', () => {
  const clean = cleanBody('The pier closed on Tuesday after inspectors found cracks in three of its columns.\nWhat Comes Next');
  assert.equal(clean.paragraphs.filter((p) => p.heading).length, 0);
});

test('blank-line blocks and hard-wrapped text become paragraphs', () => {
  const wrapped = [
    'The harbour authority closed the old pier on Tuesday after',
    'inspectors found three cracked columns, and said that repairs',
    'would take at least a year to complete, possibly longer.',
    '',
    'The council will vote on the plan in March.',
  ].join('\n');
  assert.deepEqual(logicalLines(wrapped), [
    'The harbour authority closed the old pier on Tuesday after inspectors found three cracked columns, and said that repairs would take at least a year to complete, possibly longer.',
    'The council will vote on the plan in March.',
  ]);
  // One-line paragraphs (as HTML extraction writes them) stay separate even without blank lines.
  assert.deepEqual(logicalLines('First paragraph.\nSecond paragraph.\n\n\n\nThird.'), ['First paragraph.', 'Second paragraph.', 'Third.']);
  // Stacked furniture lines of wrap-like length are not glued together (each starts with a capital).
  const furniture = ['Listen to the Ledger Daily podcast every morning', 'Sign up for our Morning Tide newsletter today', 'Follow the Harbour Ledger on Instagram and TikTok'];
  assert.deepEqual(logicalLines(furniture.join('\n')), furniture);
});

test('whitespace is normalised and invisible characters dropped', () => {
  const clean = cleanBody('The\u00a0pier  closed\u200b on\tTuesday.\r\n\r\nIt will reopen in May.');
  assert.equal(clean.text, 'The pier closed on Tuesday.\n\nIt will reopen in May.');
});

test('an empty body gives an empty slot', () => {
  assert.deepEqual(cleanBody(''), { text: '', paragraphs: [], removed: [] });
});

// ---------------------------------------------------------------------------------------------------
// Corpus evidence

const FURNITURE = ['Listen to the Ledger Daily podcast every morning', 'Tips? Write to the harbour desk'];

const PLACES = ['Port Calder', 'Westhaven', 'Northfield', 'Greyhope', 'Saltmarsh', 'Ashby Cove', 'Millbrook', 'Lowtide', 'Eastwick', 'Redcliff'];
const CAUSES = ['a crane blocked the quay', 'fog closed the estuary', 'a crew member fell ill', 'the ramp jammed', 'a gale delayed boarding'];

/** A fictional article of the outlet: two story lines (different words each time) and two furniture lines. */
function storyOf(n: number): string {
  const place = PLACES[n % PLACES.length];
  const cause = CAUSES[n % CAUSES.length];
  return [
    `The morning ferry from ${place} left late on a grey day because ${cause}, the operator said in a short statement.`,
    FURNITURE[0],
    `Passengers travelling to ${place} said the crew kept them informed while ${cause}, and refunds were promised to anyone who missed a connection.`,
    FURNITURE[1],
  ].join('\n');
}

test('lines recurring across an outlet’s articles are removed as corpus boilerplate', () => {
  const stats = new OutletLineStats();
  for (let n = 1; n <= 5; n++) stats.observe('ledger.example', storyOf(n));
  assert.equal(stats.articles('ledger.example'), 5);
  assert.equal(stats.recurrence('ledger.example', FURNITURE[0]), 5);
  // Normalisation: case, punctuation and digits do not split a line's count.
  assert.equal(stats.recurrence('ledger.example', 'listen to the LEDGER daily podcast, every morning!'), 5);
  const a = article('s3', storyOf(3));
  createCleanStage(stats).run(a);
  assert.deepEqual(
    a.clean!.removed.map((r) => [r.text, r.reason]),
    FURNITURE.map((f) => [f, 'clean:corpus-boilerplate']),
  );
  assert.ok(a.clean!.text.includes(`Passengers travelling to ${PLACES[3]}`));
});

test('evidence is per outlet: the same line in another outlet is not boilerplate there', () => {
  const stats = new OutletLineStats();
  for (let n = 1; n <= 5; n++) stats.observe('ledger.example', storyOf(n));
  stats.observe('wire.example', storyOf(9));
  assert.equal(stats.recurrence('wire.example', FURNITURE[0]), 1);
  const a = article('w9', storyOf(9), 'wire.example');
  createCleanStage(stats).run(a);
  assert.deepEqual(a.clean!.removed, []);
});

test('a wire story republished by one outlet several times keeps all its sentences', () => {
  const stats = new OutletLineStats();
  const wire = [
    'The harbour authority closed the old pier on Tuesday.',
    'Inspectors said three columns had cracked during the winter storms.',
    'The council will vote on repairs in March.',
    FURNITURE[0],
  ].join('\n');
  // The same wire copy four times (updates), plus other stories carrying the outlet's furniture line.
  for (let k = 0; k < 4; k++) stats.observe('ledger.example', wire);
  for (let n = 1; n <= 6; n++) stats.observe('ledger.example', storyOf(n));
  const clean = cleanBody(wire, 'ledger.example', stats);
  assert.deepEqual(clean.removed.map((r) => r.text), [FURNITURE[0]]);
  assert.equal(clean.paragraphs.length, 3);
});

test('a long story line is not boilerplate for recurring in a few articles', () => {
  const stats = new OutletLineStats();
  const long = 'The harbour authority said on Tuesday that the old pier would stay closed until engineers had inspected every one of its columns.';
  for (let n = 1; n <= 5; n++) stats.observe('ledger.example', `${long}\nThe ferry from ${PLACES[n]} left late after ${CAUSES[n]} for most of the morning, the operator said.`);
  const clean = cleanBody(`${long}\nThe ferry from ${PLACES[7]} left on time.`, 'ledger.example', stats);
  assert.deepEqual(clean.removed, []);
});

test('articles without an outlet give and get no corpus evidence', () => {
  const stats = new OutletLineStats();
  for (let n = 1; n <= 5; n++) stats.observe(null, storyOf(n));
  assert.equal(stats.articles(null), 0);
  assert.equal(stats.recurrence(null, FURNITURE[0]), 0);
  assert.deepEqual(cleanBody(storyOf(1), null, stats).removed, []);
});

test('a line repeated inside one article counts once', () => {
  const stats = new OutletLineStats();
  stats.observe('ledger.example', `${FURNITURE[0]}\n\n${FURNITURE[0]}\n\n${FURNITURE[0]}`);
  assert.equal(stats.recurrence('ledger.example', FURNITURE[0]), 1);
});
