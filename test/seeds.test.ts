// End-to-end on the five real seed articles in ../shared/seeds (read at run time, never copied here):
// the acceptance checks of the foundation, reuse, clustering, extraction and cross-check issues.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Report } from '../src/model/report.js';
import { runCli } from './run-cli.js';
import { validateReport, schemaErrors } from './schema.js';

const SEEDS = fileURLToPath(new URL('../../shared/seeds', import.meta.url));
const skip = existsSync(SEEDS) ? false : `../shared/seeds is absent (${SEEDS}); seed acceptance tests skipped`;

let cached: Report | null = null;
function seedReport(): Report {
  if (!cached) {
    const r = runCli(['analyze', SEEDS, '--no-db', '--format', 'json', '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    cached = JSON.parse(r.stdout) as Report;
  }
  return cached;
}
const byPrefix = (report: Report, p: string) => report.articles.find((a) => a.id.startsWith(p))!;

test('seeds: five articles, header metadata of 001, schema-valid JSON', { skip }, () => {
  const report = seedReport();
  assert.ok(validateReport(report), schemaErrors());
  assert.equal(report.articles.length, 5);
  const a = byPrefix(report, '001');
  assert.ok(a.title && a.title.length > 20);
  assert.equal(a.published, '2022-07-16');
  assert.equal(a.publishedFrom, 'header');
  assert.match(a.url ?? '', /^https:\/\/www\.timesofisrael\.com\//);
  assert.equal(a.outlet, 'timesofisrael.com');
});

test('seeds: pleas, badge, copyright notice and comment prompt are removed with their reasons', { skip }, () => {
  const report = seedReport();
  const reasons = (p: string) => new Set(byPrefix(report, p).removed.map((r) => r.reason));
  assert.ok([...reasons('001')].some((r) => /plea|paywall|newsletter|donation/.test(r)), [...reasons('001')].join());
  assert.ok([...reasons('000')].some((r) => /badge/.test(r)), [...reasons('000')].join());
  assert.ok(reasons('003').has('clean:copyright'), [...reasons('003')].join());
  assert.ok(reasons('003').has('clean:comment-prompt'), [...reasons('003')].join());
});

test('seeds: 000 and 001 are a rewrite (or near-duplicate) with shared sentences; 004 copies neither', { skip }, () => {
  const report = seedReport();
  const ids = report.articles.map((a) => a.id);
  const id = (p: string) => ids.find((x) => x.startsWith(p))!;
  const link = (x: string, y: string) => report.reuse.find((l) => (l.a === id(x) && l.b === id(y)) || (l.a === id(y) && l.b === id(x)));
  const l01 = link('000', '001');
  assert.ok(l01, 'a reuse link between 000 and 001');
  assert.ok(['rewrite', 'near-duplicate'].includes(l01.kind), l01.kind);
  assert.ok(l01.shared >= 5 && l01.sharedSentences.length === l01.shared);
  for (const other of ['000', '001']) {
    const l = link('004', other);
    assert.ok(!l || l.kind === 'partial', `004 is not a copy of ${other}`);
  }
});

test('seeds: 000, 001, 004 form one event and 002, 003 another', { skip }, () => {
  const report = seedReport();
  const events = report.stories.flatMap((s) => s.events.map((e) => e.articles.map((a) => a.slice(0, 3)).sort().join(',')));
  assert.ok(events.includes('000,001,004'), events.join(' | '));
  assert.ok(events.includes('002,003'), events.join(' | '));
});

test('seeds: entities with roles, attributed quotes and the dated displays on the timeline', { skip }, () => {
  const report = seedReport();
  const story = report.stories.find((s) => s.articles.some((a) => a.startsWith('001')))!;
  const entity = (name: string) => story.entities.find((e) => e.name === name || e.aliases.includes(name));
  assert.ok(entity('Jake Sullivan')?.roles.some((r) => /national security adviser/i.test(r)), 'Sullivan with his role');
  assert.equal(entity('Jake Sullivan')?.type, 'person');
  assert.ok(entity('John Kirby')?.roles.some((r) => /spokesman/i.test(r)), 'Kirby with his role');
  assert.ok(entity('William Burns')?.roles.some((r) => /CIA Director/i.test(r)), 'Burns with his role');
  assert.ok(entity('Hossein Amir-Abdollahian')?.roles.some((r) => /foreign minister/i.test(r)), 'Amir-Abdollahian with his role');
  assert.ok(story.entities.some((e) => /Kashan/.test(e.name) && e.type === 'place'), 'Kashan airfield is a place');
  assert.ok(story.entities.some((e) => /Shahed-191/.test(e.name) && e.type === 'product'), 'Shahed-191 is a product');
  const speakers = new Set(story.quotes.map((q) => q.speaker));
  for (const s of ['Jake Sullivan', 'John Kirby', 'William Burns', 'Dmitry Peskov', 'Hossein Amir-Abdollahian']) {
    assert.ok(speakers.has(s), `a quote by ${s} (speakers: ${[...speakers].join(', ')})`);
  }
  const dates = new Map(story.timeline.map((t) => [t.date, t.sources]));
  assert.ok(dates.get('2022-06-08')?.some((s) => s.startsWith('001')), 'June 8 with 001 as a source');
  assert.ok(dates.get('2022-07-05')?.some((s) => s.startsWith('001')), 'July 5 with 001 as a source');
});

test('seeds: the date, headline and quote contradictions, and none between "hundreds" and "several hundred"', { skip }, () => {
  const report = seedReport();
  const story = report.stories.find((s) => s.articles.some((a) => a.startsWith('001')))!;
  const date = story.contradictions.find(
    (c) => c.kind === 'date' && c.values.some((v) => v.value.includes('July 5') || v.value.includes('07-05')),
  );
  assert.ok(date, 'a date contradiction about July 5');
  const july5 = date.values.find((v) => v.value.includes('July 5') || v.value.includes('07-05'))!;
  const july15 = date.values.find((v) => v.value.includes('July 15') || v.value.includes('07-15'))!;
  assert.ok(july5.sources.some((s) => s.startsWith('001')));
  assert.deepEqual(july15.sources.map((s) => s.slice(0, 3)), ['004']);
  assert.equal(july5.independentSources, 1);
  assert.equal(july15.independentSources, 1);
  assert.ok(story.contradictions.some((c) => c.kind === 'headline' && c.values.some((v) => v.sources.some((s) => s.startsWith('001')))));
  const quoteConflict = story.contradictions.some((c) => c.kind === 'quote' && c.values.some((v) => /strike-capable/.test(v.value)) && c.values.some((v) => /attack-capable/.test(v.value)));
  const quoteVariants = story.quotes.some((q) => [q.text, ...q.variants.map((v) => v.text)].some((t) => /strike-capable/.test(t)) && [q.text, ...q.variants.map((v) => v.text)].some((t) => /attack-capable/.test(t)));
  assert.ok(quoteConflict || quoteVariants, 'strike-capable vs attack-capable is reported');
  for (const c of story.contradictions.filter((c) => c.kind === 'quantity' || c.kind === 'number')) {
    const values = c.values.map((v) => v.value).join(' / ');
    assert.ok(!(/hundreds/i.test(values) && /several hundred/i.test(values)), `false alarm: ${values}`);
  }
});
