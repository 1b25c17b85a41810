// Gate: temporal expressions on TBAQ-cleaned (TempEval-3 training data) must stay above pinned floors and
// well above plain chrono-node. Skips when ../shared/data is absent. Floors sit ~1 point under the
// figures of `npx tsx eval/timex.ts` (docs/dates.md) so that regressions, not noise, fail it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { loadTbaq, predictChrono, predictOurs, score, TBAQ_DIR } from '../eval/timex.js';

const present = existsSync(TBAQ_DIR);

test('TBAQ temporal expressions: span and value F1 floors, and above the chrono baseline', { skip: present ? false : `TBAQ-cleaned absent (${TBAQ_DIR})` }, () => {
  const docs = loadTbaq();
  assert.ok(docs.length >= 200, `expected the 256 TBAQ documents, found ${docs.length}`);
  const ours = score(docs.map((d) => ({ gold: d.gold, predicted: predictOurs(d) })));
  const base = score(docs.map((d) => ({ gold: d.gold, predicted: predictChrono(d) })));
  assert.ok(ours.strict.f >= 0.8, `strict span F1 ${ours.strict.f.toFixed(3)} < 0.80`);
  assert.ok(ours.relaxed.f >= 0.9, `relaxed span F1 ${ours.relaxed.f.toFixed(3)} < 0.90`);
  assert.ok(ours.value.f >= 0.75, `value F1 ${ours.value.f.toFixed(3)} < 0.75`);
  assert.ok(ours.value.f >= base.value.f + 0.2, `value F1 ${ours.value.f.toFixed(3)} not 20 points above chrono's ${base.value.f.toFixed(3)}`);
});
