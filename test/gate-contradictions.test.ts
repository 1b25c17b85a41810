// Gate: contradiction precision/recall on conflicts injected into real stories-ecbplus articles
// (eval/contradictions.ts, first 20 events, ~10 s). Floors pinned a little under the measured figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DATA_DIR, runEval } from '../eval/contradictions.js';

const absent = existsSync(`${DATA_DIR}/gold.tsv`) ? false : `corpus absent: ${DATA_DIR}`;

test('injected conflicts: precision and recall floors, no alarm on compatible edits', { skip: absent }, async (t) => {
  const r = await runEval(20);
  if (typeof r === 'string') return t.skip(r);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  const tp = sum(r.ours.tp);
  const fp = sum(r.ours.fp);
  const injected = sum(r.ours.injected);
  const precision = tp / (tp + fp);
  const recall = tp / injected;
  // Measured on the first 20 events: precision 0.955, recall 0.656 (baseline 0.426 / 0.906).
  assert.ok(precision >= 0.9, `precision ${precision.toFixed(3)} ≥ 0.9`);
  assert.ok(recall >= 0.6, `recall ${recall.toFixed(3)} ≥ 0.6`);
  assert.equal(r.ours.compatibleAlarms, 0, 'compatible edits raise no alarm');
  const baseP = sum(r.base.tp) / (sum(r.base.tp) + sum(r.base.fp));
  assert.ok(precision > baseP + 0.3, 'well above the naive baseline in precision');
  assert.ok(r.untouchedAlarms / r.untouchedStories < 1, 'under one alarm per untouched real story');
});
