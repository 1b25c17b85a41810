// Gate: quote attribution on a fixed subset of PolNeAR dev (every 2nd document) must stay above pinned
// floors (measured 2026-11: see docs/entities.md; floors sit a few points under the measurement).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { polnearDir, prf, scoreSplit } from '../eval/quotes.js';

// Measured on this subset after the second quotes pass: source .648, cue .644, content .658, whole .612.
const FLOORS = { source: 0.62, cue: 0.62, content: 0.63, whole: 0.58 };

test('quotes-polnear dev subset: span-overlap F1 floors, and above the baseline',
  { skip: existsSync(polnearDir) ? false : 'PolNeAR data absent (../shared/data/quotes-polnear)' }, () => {
    const s = scoreSplit('dev', 2);
    for (const [k, floor] of Object.entries(FLOORS) as [keyof typeof FLOORS, number][]) {
      const f = prf(s.ours[k]).f;
      assert.ok(f >= floor, `${k} F1 ${f.toFixed(3)} < floor ${floor}`);
      assert.ok(f > prf(s.baseline[k]).f, `${k}: ours must beat the direct-quote baseline`);
    }
  });
