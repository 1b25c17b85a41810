// Gate: article-body extraction on extraction-zyte (all 181 pages) must not fall below the pinned floor.
// Floor = measured F1 0.960 (eval/zyte.ts, docs/ingest.md) minus a small margin; Readability alone 0.947.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ZYTE_DIR, ingestBody, loadZyte, scoresOf, shingleMatch } from '../eval/zyte.js';

test('metric: shingle matching as the benchmark computes it', () => {
  const truth = 'The bridge reopened on Friday after two years';
  assert.deepEqual(shingleMatch(truth, truth), [1, 0, 0]);
  // 8 tokens → 5 shingles; the prediction adds "Home Menu" in front: 2 extra shingles, all 5 found
  const [tp, fp, fn] = shingleMatch(truth, `Home Menu ${truth}`);
  assert.deepEqual([tp * 7, fp * 7, fn], [5, 2, 0]);
  // tokens are \w+ runs: punctuation and case are kept apart exactly as Python's re would
  assert.deepEqual(shingleMatch('a-b c, d', 'a b c d'), [1, 0, 0]);
  const s = scoresOf([[1, 0, 0], [0.5, 0.5, 0]]);
  assert.equal(s.precision, 0.75);
  assert.equal(s.recall, 1);
});

const F1_FLOOR = 0.955;

test('extraction-zyte: ingest body F1 over 4-token shingles stays above the floor', (t) => {
  if (!existsSync(ZYTE_DIR)) {
    t.skip(`${ZYTE_DIR} is absent: extraction-zyte corpus not available`);
    return;
  }
  const pages = loadZyte();
  assert.equal(pages.length, 181);
  const rows = pages.map((page) => shingleMatch(page.truth, ingestBody(page)?.raw ?? ''));
  const s = scoresOf(rows);
  t.diagnostic(`precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`);
  assert.ok(s.f1 >= F1_FLOOR, `F1 ${s.f1.toFixed(3)} fell below ${F1_FLOOR}`);
});

// Ingest + clean: measured 0.971 (P 0.956, R 0.986) with the page-furniture rules (0.964 before them).
const CLEAN_F1_FLOOR = 0.968;

test('extraction-zyte: ingest + clean F1 stays above the floor', async (t) => {
  if (!existsSync(ZYTE_DIR)) {
    t.skip(`${ZYTE_DIR} is absent: extraction-zyte corpus not available`);
    return;
  }
  const { createCleanStage } = await import('../src/clean/index.js');
  const rows = loadZyte().map((page) => {
    const article = ingestBody(page);
    if (article) createCleanStage().run(article);
    return shingleMatch(page.truth, article?.clean?.text ?? '');
  });
  const s = scoresOf(rows);
  t.diagnostic(`precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`);
  assert.ok(s.f1 >= CLEAN_F1_FLOOR, `F1 ${s.f1.toFixed(3)} fell below ${CLEAN_F1_FLOOR}`);
});
