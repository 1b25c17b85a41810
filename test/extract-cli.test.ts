// `crosscheck extract`: every mention's offsets index into the cleaned text printed with --text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  dates: (Mention & { value: string | null; resolution: string })[];
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
