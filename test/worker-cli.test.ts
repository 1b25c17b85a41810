// The worker queue's commands as a user meets them: listed in --help, and refused with one clear line on
// the embedded SQLite default, which has no queue (the commands need a shared PostgreSQL corpus).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

test('worker, enqueue and status are commands of the CLI', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  for (const c of ['worker [options]', 'enqueue [options] <inputs...>', 'status [options]']) assert.ok(r.stdout.includes(c), c);
  const w = runCli(['worker', '--help']);
  assert.equal(w.code, 0);
  assert.match(w.stdout, /--until-empty/);
  assert.match(w.stdout, /--shutdown-grace <seconds>/);
});

test('the queue commands refuse a SQLite corpus with a usage error, not a stack trace', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'crosscheck-worker-cli-')), 'x.db');
  for (const args of [['status', '--db', db], ['worker', '--db', db], ['enqueue', 'examples/', '--db', db]]) {
    const r = runCli(args);
    assert.equal(r.code, 2, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /--db must be a postgres:\/\/ URL/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('a --metrics-port that is not a port is a usage error before anything is connected', () => {
  const r = runCli(['worker', '--db', 'postgres://127.0.0.1:1/none', '--metrics-port', 'abc']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--metrics-port expects a port number \(0–65535\), got "abc"/);
});

test('a --shutdown-grace that is not a number of seconds is a usage error before anything is connected', () => {
  for (const bad of ['soon', '-1', '', '3000000']) {
    const r = runCli(['worker', '--db', 'postgres://127.0.0.1:1/none', '--shutdown-grace', bad]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--shutdown-grace expects seconds from 0 to 86400/);
  }
});
