// Gate: article-body extraction on extraction-zyte (all 181 pages) must not fall below the pinned floor.
// Floor = measured F1 0.952 (eval/zyte.ts, docs/ingest.md) minus a small margin; Readability alone 0.947.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ZYTE_DIR, ingestBody, loadZyte, scoresOf, shingleMatch } from '../eval/zyte.js';

const F1_FLOOR = 0.945;

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
