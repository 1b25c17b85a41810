// Options and paths are checked before any work (issue 12): clear one-line errors, no stack traces, no
// temporary file named; too many workers are clamped to the cores; small things a new user hits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readdirSync, chmodSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ANALYSIS_VERSION, openStore } from '../src/store/store.js';
import { runCli, REPO } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'crosscheck-preflight-'));
const ARTICLE = 'Tarn bridge closes\n2031-03-03\n\nThe council of Tarn closed the old bridge on Monday after engineers found cracks in two piers, Mayor Ines Roca said.\n';
const input = (): string => {
  const dir = tmp();
  writeFileSync(join(dir, 'tarn.txt'), ARTICLE);
  return dir;
};
const oneLine = (stderr: string) => {
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
  assert.doesNotMatch(stderr, /\n\s+at |\.tmp\b/);
};

test('-o into a missing folder fails at once with one line naming the folder, not a temp file', () => {
  const r = runCli(['analyze', input(), '--no-db', '-o', '/nonexistent-crosscheck/dir/brief.md']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'crosscheck: cannot write the report to /nonexistent-crosscheck/dir/brief.md: the folder /nonexistent-crosscheck/dir does not exist\n');
  const dir = input();
  const asFolder = runCli(['analyze', dir, '--no-db', '-o', dir]);
  assert.equal(asFolder.code, 2);
  oneLine(asFolder.stderr);
  assert.match(asFolder.stderr, /it is a folder/);
});

test('a database that is not a database, or under a file, is one line and exit 2 before any work', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'notes.db'), 'these are my notes, not SQLite\n');
  const r = runCli(['analyze', input(), '--db', join(dir, 'notes.db')]);
  assert.equal(r.code, 2);
  oneLine(r.stderr);
  assert.match(r.stderr, /cannot use the database .*notes\.db: it is not a SQLite database/);
  assert.equal(readFileSync(join(dir, 'notes.db'), 'utf8'), 'these are my notes, not SQLite\n', 'left untouched');
  const under = runCli(['analyze', input(), '--db', join(dir, 'notes.db', 'x.db')]);
  assert.equal(under.code, 2);
  oneLine(under.stderr);
  assert.match(under.stderr, /notes\.db is not a folder/);
});

test('a read-only database is one line and exit 2', (t) => {
  if (process.getuid?.() === 0) {
    t.skip('running as root: permission bits do not stop root, so a read-only database cannot be made here');
    return;
  }
  const dir = tmp();
  const db = join(dir, 'x.db');
  assert.equal(runCli(['analyze', input(), '--db', db, '--quiet']).code, 0);
  chmodSync(db, 0o444);
  const r = runCli(['analyze', input(), '--db', db]);
  assert.equal(r.code, 2);
  oneLine(r.stderr);
  assert.match(r.stderr, /read-only/);
});

test('--workers above the core count is clamped with a warning', () => {
  const out = join(tmp(), 'r.json');
  const r = runCli(['analyze', input(), '--no-db', '--workers', '64', '--format', 'json', '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  const cores = availableParallelism();
  assert.match(r.stderr, new RegExp(`--workers 64 is more than the ${cores} core\\(s\\) here; using ${cores}`));
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).articles.length, 1);
  assert.deepEqual(readdirSync(join(out, '..')), ['r.json'], 'no temporary file left');
});

test('crosscheck --version prints the package version', () => {
  const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;
  for (const flag of ['--version', '-V']) {
    const r = runCli([flag]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${version}\n`);
  }
});

test('every example file named in --help exists', () => {
  for (const cmd of ['analyze', 'extract']) {
    const help = runCli([cmd, '--help']).stdout;
    const named = [...help.matchAll(/\bexamples\/[\w./-]+/g)].map((m) => m[0]);
    for (const path of named) assert.ok(existsSync(join(REPO, path)), `${cmd} --help names ${path}, which does not exist`);
  }
  assert.match(runCli(['extract', '--help']).stdout, /examples\/[\w-]+\.txt/);
});

test('a database path that is a folder is one line and exit 2', () => {
  const r = runCli(['analyze', input(), '--db', tmp()]);
  assert.equal(r.code, 2);
  oneLine(r.stderr);
  assert.match(r.stderr, /it is not a file/);
});

test('the analysis cache keeps one row for undated content, and old duplicate rows are merged', () => {
  const dir = tmp();
  const path = join(dir, 'x.db');
  const store = openStore(path);
  store.saveAnalyses([{ hash: 'h1', published: null, data: { n: 1 } }]);
  store.saveAnalyses([{ hash: 'h1', published: null, data: { n: 2 } }]);
  store.saveAnalyses([{ hash: 'h1', published: '2031-03-03', data: { n: 3 } }]);
  assert.equal(store.counts().analyses, 2);
  assert.deepEqual(store.loadAnalysis('h1', null), { n: 2 });
  assert.deepEqual(store.loadAnalysis('h1', '2031-03-03'), { n: 3 });
  store.close();

  // A database written before the fix: NULL keys, one row per run.
  const old = join(dir, 'old.db');
  const db = new Database(old);
  db.exec('CREATE TABLE analysis (hash TEXT NOT NULL, version INTEGER NOT NULL, published TEXT, data TEXT NOT NULL, PRIMARY KEY (hash, version, published))');
  const insert = db.prepare(`INSERT OR REPLACE INTO analysis VALUES (?, ${ANALYSIS_VERSION}, NULL, ?)`);
  for (let run = 1; run <= 3; run++) insert.run('h1', JSON.stringify({ run }));
  assert.equal((db.prepare('SELECT count(*) AS n FROM analysis').get() as { n: number }).n, 3);
  db.close();
  const migrated = openStore(old);
  assert.equal(migrated.counts().analyses, 1);
  assert.deepEqual(migrated.loadAnalysis('h1', null), { run: 3 });
  migrated.close();
});
