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
