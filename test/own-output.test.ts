// Its own output is not an article (issue 12): a brief written into the folder it analyses is skipped on
// the next run with a warning, in every format, and the stories stay as they were.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/model/report.js';
import { isOwnReport, markReport } from '../src/ingest/own-output.js';
import { runCli } from './run-cli.js';

const STORY_A = 'Tarn bridge closes for repairs\n2031-03-03\n\nThe council of Tarn closed the old bridge on Monday after engineers found cracks in two piers. Repairs will cost 4 million euros, Mayor Ines Roca said.\n';
const STORY_B = 'Ostry ferry strike ends\n2031-03-04\n\nFerry workers in Ostry ended a nine-day strike on Tuesday after the operator agreed to raise wages by 4 percent, the union said.\n';

for (const format of ['md', 'json', 'html'] as const) {
  test(`analyze dir -o dir/brief.${format} twice: the second run skips the brief with a warning`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosscheck-own-'));
    writeFileSync(join(dir, 'tarn.txt'), STORY_A);
    writeFileSync(join(dir, 'ostry.txt'), STORY_B);
    const out = join(dir, `brief.${format}`);
    const args = ['analyze', dir, '--no-db', '--format', format, '-o', out];
    assert.equal(runCli(args).code, 0);
    const first = readFileSync(out, 'utf8');
    assert.ok(isOwnReport(first), 'the written report carries the marker');
    const second = runCli(args);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, new RegExp(`warning ${out.replace(/[.\\/]/g, '\\$&')}: skipped: a crosscheck report \\(its own output\\), not an article`));
    assert.match(second.stderr, /crosscheck: 2 article\(s\), 0 rejected, 0 reuse link\(s\), 2 stories/);
    if (format === 'json') {
      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      assert.deepEqual(report.articles.map((a) => a.id).sort(), ['ostry', 'tarn']);
      assert.ok(!report.stories.some((s) => /Crosscheck brief/i.test(s.headline ?? '')));
    }
  });
}

test('the marker is invisible where it is written and only reports are taken for reports', () => {
  assert.match(markReport('md', '# Crosscheck brief\n'), /^<!-- crosscheck-report: [^>]*-->\n# Crosscheck brief\n$/);
  assert.match(markReport('html', '<!DOCTYPE html>\n<html><head>\n<title>x</title>'), /<head>\n<meta name="generator" content="crosscheck-report">\n<title>/);
  // Briefs written before the marker existed are recognised by their shape.
  assert.ok(isOwnReport('# Crosscheck brief\n\n_2 articles · 2 stories · report 1.2.0, generated 2031-03-05T10:00:00.000Z_\n'));
  // Articles that merely look a bit like one are not.
  assert.ok(!isOwnReport('# Crosscheck brief\n\nA newsletter about fact-checking, published weekly.\n'));
  assert.ok(!isOwnReport('{"version": "2.0.1", "text": "The council voted on Monday.", "generatedAt": "2031-01-01"}'));
  assert.ok(!isOwnReport('<html><head><title>Crosscheck brief</title></head><body><p>An article.</p></body></html>'));
});
