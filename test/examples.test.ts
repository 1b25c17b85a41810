// End-to-end on the repository's own fictional corpus (examples/, planted features in docs/examples.md):
// copies, an inherited date, stories, and the planted conflicts must all come out of the real CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Report } from '../src/model/report.js';
import { runCli } from './run-cli.js';

let cached: Report | null = null;
function report(): Report {
  if (!cached) {
    const r = runCli(['analyze', 'examples', '--no-db', '--format', 'json', '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    cached = JSON.parse(r.stdout) as Report;
  }
  return cached;
}
const WIRE = 'coastal-wire-storm-closes-port';
const HTML_COPY = 'lantern-daily-port-closure';
const REWRITE = 'bayside-bulletin-storm-rewrite';

const link = (x: string, y: string) => report().reuse.find((l) => (l.a === x && l.b === y) || (l.a === y && l.b === x));

test('examples: the HTML republication is a (near-)duplicate and the reworded copy a rewrite', () => {
  assert.ok(['duplicate', 'near-duplicate'].includes(link(WIRE, HTML_COPY)?.kind ?? ''), JSON.stringify(link(WIRE, HTML_COPY)));
  assert.equal(link(WIRE, REWRITE)?.kind, 'rewrite');
  assert.equal(link('metro-ledger-corvane', 'velonews-example-corvane-recall'), undefined, 'independent reports are not copies');
});

test('examples: the undated rewrite inherits its date from the copy it rewrites', () => {
  const a = report().articles.find((x) => x.id === REWRITE)!;
  assert.equal(a.published, '2025-03-14');
  assert.equal(a.publishedFrom, 'copy');
});

test('examples: storm, recall and library are separate stories', () => {
  const storyOf = (id: string) => report().stories.find((s) => s.articles.includes(id))!.id;
  assert.equal(storyOf(WIRE), storyOf(REWRITE));
  assert.equal(storyOf(WIRE), storyOf('harbour-gazette-storm-local'));
  assert.equal(storyOf('velonews-example-corvane-recall'), storyOf('metro-ledger-corvane'));
  assert.notEqual(storyOf(WIRE), storyOf('velonews-example-corvane-recall'));
  assert.notEqual(storyOf(WIRE), storyOf('harbour-gazette-library-opens'));
});

test('examples: the planted date, number and headline conflicts are reported, with independence', () => {
  const all = report().stories.flatMap((s) => s.contradictions);
  const date = all.find((c) => c.kind === 'date' && c.values.some((v) => /March 11|03-11/.test(v.value)) && c.values.some((v) => /March 12|03-12/.test(v.value)));
  assert.ok(date, `closing date conflict; got ${JSON.stringify(all.map((c) => [c.kind, c.about]))}`);
  const number = all.find((c) => (c.kind === 'number' || c.kind === 'quantity') && c.values.some((v) => /80,?000/.test(v.value)) && c.values.some((v) => /60,?000/.test(v.value)));
  assert.ok(number, 'recall size conflict');
  const eighty = number.values.find((v) => /80,?000/.test(v.value))!;
  assert.equal(eighty.independentSources, 1, 'the copy does not count as a second source');
  assert.ok(all.some((c) => c.kind === 'headline' && c.values.some((v) => v.sources.includes('velonews-example-corvane-recall'))), 'headline vs body');
  assert.ok(!all.some((c) => c.values.some((v) => /several hundred/.test(v.value)) && c.values.some((v) => /^hundreds/.test(v.value))), 'compatible vagueness is no conflict');
});

test('examples: an independently worded disagreement, a rising toll as an update, a unit conversion silent', () => {
  const story = report().stories.find((s) => s.articles.includes('orvel-courier-dunmere-landslide'))!;
  assert.ok(story.articles.includes('northern-post-dunmere-toll-rises'), 'one story');
  assert.ok(!report().reuse.some((l) => [l.a, l.b].includes('orvel-courier-dunmere-landslide') && [l.a, l.b].includes('northern-post-dunmere-toll-rises')), 'the two are not copies');
  const age = story.contradictions.find((c) => c.slot === 'age of Hana Brecht');
  assert.ok(age, `age conflict; got ${JSON.stringify(story.contradictions.map((c) => c.about))}`);
  assert.deepEqual(age.values.map((v) => v.value).sort(), ['47', '51']);
  assert.equal(age.betweenCopies, false);
  const mention = age.values.find((v) => v.value === '47')!.mentions![0];
  assert.equal(mention.text, '47');
  const toll = story.updates?.find((u) => u.slot === 'people killed');
  assert.ok(toll, 'the toll rising from at least three to nine is an update');
  assert.deepEqual(toll.values.map((v) => v.value), ['at least three', 'nine']);
  assert.ok(!story.contradictions.some((c) => c.values.some((v) => /12|19/.test(v.value))), '12 miles and 19 kilometres are one distance');
  assert.ok(!story.contradictions.some((c) => c.slot === 'people killed'), 'the rising toll is no contradiction');
});

test('examples: contradiction values carry the offsets of what each source wrote (report 1.2)', () => {
  const date = report().stories.flatMap((s) => s.contradictions).find((c) => c.kind === 'date')!;
  const march12 = date.values.find((v) => /03-12/.test(v.value))!;
  const m = march12.mentions![0];
  assert.equal(m.article, 'harbour-gazette-storm-local');
  assert.match(m.text, /March 12/);
  assert.ok(m.evidence.includes(m.text));
});

test('examples: a story is not headed by the title the brief flags against its own body', () => {
  const story = report().stories.find((s) => s.articles.includes('velonews-example-corvane-recall'))!;
  assert.ok(story.contradictions.some((c) => c.kind === 'headline'), 'the headline finding stands');
  assert.doesNotMatch(story.headline, /8,000/);
});
