// The corpus commands end to end, as a user runs them: add, add again, stories, report from the store,
// rebuild keeping ids, and the one-line errors of a missing corpus or an unknown story.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { schemaErrors, validateReport } from './schema.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'crosscheck-corpus-cli-'));

test('add, add again, stories, report and rebuild on one corpus', () => {
  const db = join(tmp(), 'news.db');
  const first = runCli(['add', 'examples/', '--db', db, '-q', '--format', 'json']);
  assert.equal(first.code, 0, first.stderr);
  const added = JSON.parse(first.stdout) as { added: string[]; storiesCreated: string[]; unchanged: number };
  assert.ok(added.added.length >= 10, 'the examples are added');
  assert.ok(added.storiesCreated.length >= 3);

  const again = runCli(['add', 'examples/', '--db', db, '-q']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^added 0, revised 0, duplicate 0, unchanged \d+/);
  assert.match(again.stdout, /stories: 0 created, 0 updated/);

  const listed = runCli(['stories', '--db', db, '--format', 'json']);
  assert.equal(listed.code, 0, listed.stderr);
  const stories = JSON.parse(listed.stdout) as { id: string; headline: string; articles: number }[];
  assert.deepEqual(stories.map((s) => s.id).sort(), [...added.storiesCreated].sort());
  const table = runCli(['stories', '--db', db, '--query', 'storm']);
  assert.match(table.stdout.split('\n')[0], /^id\s+articles\s+sources/);
  assert.ok(table.stdout.split('\n').slice(1).filter(Boolean).every((l) => /storm/i.test(l)), table.stdout);

  const storm = stories.find((s) => /storm/i.test(s.headline))!;
  const report = runCli(['report', '--db', db, '--story', storm.id, '--format', 'json']);
  assert.equal(report.code, 0, report.stderr);
  const json = JSON.parse(report.stdout) as { stories: { id: string; articles: string[] }[] };
  assert.ok(validateReport(json), schemaErrors());
  assert.deepEqual(json.stories.map((s) => s.id), [storm.id]);
  assert.equal(json.stories[0].articles.length, storm.articles);

  const csv = runCli(['report', '--db', db, '--story', storm.id, '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  const rows = csv.stdout.trim().split('\r\n');
  assert.equal(rows[0], 'story,kind,about,text,articles,outlets,independent_sources,article_ids');
  assert.ok(rows.length > 2 && rows.slice(1).every((r) => r.startsWith(`${storm.id},`)));
  assert.ok(rows.some((r) => r.includes(',disagreement,')), 'the storm story has disagreements');
  const all = runCli(['report', '--db', db, '--format', 'csv']).stdout.trim().split('\r\n');
  assert.equal(all.filter((r) => r.startsWith('story,')).length, 1, 'one header for all stories');
  const jsonld = JSON.parse(runCli(['report', '--db', db, '--story', storm.id, '--format', 'jsonld']).stdout) as Record<string, unknown>;
  assert.match(JSON.stringify(jsonld), /"@type":"Claim"/);
  assert.match(JSON.stringify(jsonld), /"appearance":\[/);

  const rebuilt = runCli(['rebuild', '--db', db]);
  assert.equal(rebuilt.code, 0, rebuilt.stderr);
  const after = JSON.parse(runCli(['stories', '--db', db, '--format', 'json']).stdout) as { id: string }[];
  assert.deepEqual(after.map((s) => s.id).sort(), stories.map((s) => s.id).sort(), 'a rebuild keeps story ids');
});

test('reading a corpus that does not exist, or a story it does not hold, is a one-line usage error', () => {
  const db = join(tmp(), 'none.db');
  const missing = runCli(['stories', '--db', db]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^crosscheck: no corpus at .*none\.db: add articles first/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  const made = join(tmp(), 'c.db');
  assert.equal(runCli(['add', 'examples/harbour-gazette-library-opens.txt', '--db', made, '-q']).code, 0);
  const unknown = runCli(['report', '--db', made, '--story', 's-nothere']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no story s-nothere/);
});
