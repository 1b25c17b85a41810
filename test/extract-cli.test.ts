// `crosscheck extract`: every mention's offsets index into the cleaned text printed with --text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

interface Mention {
  start: number;
  end: number;
  text: string;
}
interface Extracted {
  id: string;
  published: string | null;
  text: string;
  entities: (Mention & { name: string; type: string; roles: string[] })[];
  quotes: { speaker: string | null; content: Mention; cue: Mention | null; speakerSpan: Mention | null; direct: boolean }[];
  dates: (Mention & { value: string | null; resolution: string; timex?: string | null })[];
  quantities: (Mention & { value: number | null; min: number | null; max: number | null; unit: string | null })[];
}

test('extract prints mentions whose offsets index the cleaned text, dates resolved against --published', () => {
  const r = runCli(['extract', 'examples/coastal-wire-storm-closes-port.txt', '--text', '--published', '2025-03-14']);
  assert.equal(r.code, 0, r.stderr);
  const [article] = JSON.parse(r.stdout) as Extracted[];
  const spans: Mention[] = [
    ...article.entities,
    ...article.dates,
    ...article.quantities,
    ...article.quotes.flatMap((q) => [q.content, q.cue, q.speakerSpan].filter((m): m is Mention => m !== null)),
  ];
  assert.ok(spans.length > 10);
  for (const m of spans) assert.equal(article.text.slice(m.start, m.end), m.text, JSON.stringify(m));
  assert.ok(article.entities.some((e) => e.name === 'Marta Okafor' && e.type === 'person'));
  assert.ok(article.dates.some((d) => d.value === '2025-03-11'), 'Tuesday, March 11');
  assert.ok(article.dates.some((d) => d.value === '2025-03-13'), '"on Thursday" before a Friday publication is the day before');
  assert.ok(article.quantities.some((q) => q.value === 42));
  assert.ok(article.quotes.some((q) => q.speaker === 'Marta Okafor' && q.direct));
});

test('extract --format md prints one table per kind', () => {
  const r = runCli(['extract', 'examples/harbour-gazette-library-opens.txt', '--format', 'md']);
  assert.equal(r.code, 0, r.stderr);
  for (const heading of ['### Entities', '### Quotes', '### Dates', '### Quantities']) assert.ok(r.stdout.includes(heading), heading);
});

test('extract rejects a malformed --published as a usage error', () => {
  const r = runCli(['extract', 'examples/harbour-gazette-library-opens.txt', '--published', '16/07/2022']);
  assert.equal(r.code, 2);
});

test('extract --format json gives each date its TimeML value (timex) beside the calendar value', () => {
  // A fictional article written for this test; Wednesday 2013-03-20 is in ISO week 12.
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-timex-'));
  try {
    const file = join(dir, 'ferry.txt');
    writeFileSync(file, 'Ferry returns to Lake Orvel\n\nMayor Ilse Varga, who has led the town for eight years, said the ferry is now running again this week. Boats leave every Thursday from the old pier, she said.\n');
    const r = runCli(['extract', file, '--format', 'json', '--published', '2013-03-20']);
    assert.equal(r.code, 0, r.stderr);
    const [article] = JSON.parse(r.stdout) as Extracted[];
    const byText = new Map(article.dates.map((d) => [d.text, d]));
    assert.deepEqual([byText.get('eight years')?.value, byText.get('eight years')?.timex], ['P8Y', 'P8Y']);
    assert.deepEqual([byText.get('now')?.value, byText.get('now')?.timex], [null, 'PRESENT_REF']);
    assert.deepEqual([byText.get('this week')?.value, byText.get('this week')?.timex], ['2013-03', '2013-W12']);
    assert.deepEqual([byText.get('every Thursday')?.value, byText.get('every Thursday')?.timex], [null, 'XXXX-WXX-4']);
    const md = runCli(['extract', file, '--format', 'md', '--published', '2013-03-20']);
    assert.ok(md.stdout.includes('| this week | 2013-03 | 2013-W12 |'), md.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('extract --explain shows the features behind each quote the tagger added', () => {
  const r = runCli(['extract', 'examples/harbour-gazette-storm-local.txt', '--format', 'md', '--explain']);
  assert.equal(r.code, 0, r.stderr);
  const section = r.stdout.slice(r.stdout.indexOf('#### Quote tagger'));
  assert.ok(r.stdout.includes('#### Quote tagger'), 'a tagger section');
  assert.match(section, /^- tagger: cue "[^"]+"/m);
  assert.match(section, /^ {2}- cue: [-+]\d/m, 'the weights that fired for the cue');
  const plain = runCli(['extract', 'examples/harbour-gazette-storm-local.txt', '--format', 'md']);
  assert.ok(!plain.stdout.includes('#### Quote tagger'), 'only when asked');
});
