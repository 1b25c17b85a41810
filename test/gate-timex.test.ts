// Gate: temporal expressions on TBAQ-cleaned (TempEval-3 training data) must stay above pinned floors and
// well above plain chrono-node, on the whole set and on each half (TimeBank: where second-pass rules were
// chosen; AQUAINT: the held-out check). Skips when ../shared/data is absent. Floors sit ~1 point under the
// figures of `npx tsx eval/timex.ts` (docs/dates.md) so that regressions, not noise, fail it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { loadTbaq, predictChrono, predictOurs, score, TBAQ_DIR } from '../eval/timex.js';

const present = existsSync(TBAQ_DIR);

test('TBAQ temporal expressions: span and value F1 floors, and above the chrono baseline', { skip: present ? false : `TBAQ-cleaned absent (${TBAQ_DIR})` }, () => {
  const docs = loadTbaq();
  assert.ok(docs.length >= 200, `expected the 256 TBAQ documents, found ${docs.length}`);
  const floors: Record<string, { strict: number; relaxed: number; value: number }> = {
    all: { strict: 0.835, relaxed: 0.925, value: 0.79 },
    TimeBank: { strict: 0.84, relaxed: 0.925, value: 0.81 },
    AQUAINT: { strict: 0.825, relaxed: 0.925, value: 0.75 },
  };
  for (const [split, floor] of Object.entries(floors)) {
    const part = docs.filter((d) => split === 'all' || d.corpus === split);
    assert.ok(part.length > 50, `${split}: only ${part.length} documents`);
    const ours = score(part.map((d) => ({ gold: d.gold, predicted: predictOurs(d) })));
    const base = score(part.map((d) => ({ gold: d.gold, predicted: predictChrono(d) })));
    assert.ok(ours.strict.f >= floor.strict, `${split}: strict span F1 ${ours.strict.f.toFixed(3)} < ${floor.strict}`);
    assert.ok(ours.relaxed.f >= floor.relaxed, `${split}: relaxed span F1 ${ours.relaxed.f.toFixed(3)} < ${floor.relaxed}`);
    assert.ok(ours.value.f >= floor.value, `${split}: value F1 ${ours.value.f.toFixed(3)} < ${floor.value}`);
    assert.ok(ours.value.f >= base.value.f + 0.15, `${split}: value F1 ${ours.value.f.toFixed(3)} not 15 points above chrono's ${base.value.f.toFixed(3)}`);
  }
});
