// No input stops the run (issue 12): pathological files are each rejected with a reason and the good
// article beside them is still analysed. Fixtures are written here; the clock is fixed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { cleanBody } from '../src/clean/index.js';

const now = () => new Date('2031-05-02T08:00:00Z');
const GOOD =
  'Tarn ferry service resumes\n2031-04-30\n\nThe ferry between Tarn and Ostry resumed on Wednesday after a two-week ' +
  'stoppage, the operator said. Captain Ilse Varga said 300 passengers crossed on the first day.\n\n' +
  'The stoppage followed a fault in the loading ramp, which engineers replaced at a cost of 80,000 euros.\n';

const manyLines = (n: number): string => Array.from({ length: n }, (_, i) => `Line ${i} here.`).join('\n');

test('a block of 150,000 short lines cleans without overflowing the stack', () => {
  const clean = cleanBody(manyLines(150_000));
  assert.equal(clean.paragraphs.length, 150_000);
  assert.ok(clean.text.startsWith('Line 0 here.\n\nLine 1 here.'));
});

test('a 2.5 MB file of short lines and a boilerplate-only file are rejected with reasons; the good one is analysed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-robust-'));
  writeFileSync(join(dir, 'good.txt'), GOOD);
  writeFileSync(join(dir, 'lines.txt'), manyLines(150_000));
  writeFileSync(join(dir, 'furniture.txt'), 'Share this article\nFollow us on Twitter\nSubscribe to our newsletter for the latest news.\n© 2031 Tarn Courier. All rights reserved.\nAdvertisement\n');
  const { report } = await analyze([dir], { db: null, now, workers: 0 });
  assert.deepEqual(report.articles.map((a) => a.id), ['good']);
  assert.equal(report.stories.length, 1);
  const reasons = new Map(report.rejected.map((r) => [r.path.slice(dir.length + 1), r.reason]));
  assert.equal(reasons.get('furniture.txt'), 'furniture: no article text (only boilerplate: 5 line(s) removed)');
  assert.match(reasons.get('lines.txt') ?? '', /^lines: article text too long \(\d+ KB after cleaning; the limit is 512 KB\)$/);
});
