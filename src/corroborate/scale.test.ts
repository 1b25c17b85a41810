// Big stories of near-identical articles (issue 12 item 5): the pairwise rules compare each wording with
// anchors past EXHAUSTIVE_WORDINGS, per-pair findings of one topic become one finding, number sides are
// pruned without changing them. Fictional articles and ranges written for the test; fixed clock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANCHOR_WORDINGS, EXHAUSTIVE_WORDINGS, forComparedPairs } from './pairs.js';
import { collapseCrowds, MAX_FINDINGS_PER_TOPIC } from './index.js';
import { compatible, sides, type Range, type Stated } from './rules/number.js';
import type { Contradiction, ReuseResult } from '../model/report.js';
import type { SentenceUnit } from './align.js';
import { analyze } from '../analyze.js';
import { writeNearIdentical } from '../../bench/near-identical.js';

test('every pair up to EXHAUSTIVE_WORDINGS wordings, then each wording against the anchors only', () => {
  const count = (n: number) => {
    let k = 0;
    forComparedPairs(n, () => k++);
    return k;
  };
  assert.equal(count(EXHAUSTIVE_WORDINGS), (EXHAUSTIVE_WORDINGS * (EXHAUSTIVE_WORDINGS - 1)) / 2);
  const n = 10_000;
  let pairs = 0;
  forComparedPairs(n, (i, j) => {
    assert.ok(i < ANCHOR_WORDINGS && i < j);
    pairs++;
  });
  assert.equal(pairs, ANCHOR_WORDINGS * n - (ANCHOR_WORDINGS * (ANCHOR_WORDINGS + 1)) / 2);
});

test('findings of one topic past MAX_FINDINGS_PER_TOPIC are one finding with every value; fewer stay as they are', () => {
  const reuse = { links: [], groupOf: new Map([['a1', 'g'], ['a2', 'g']]) } as unknown as ReuseResult;
  const pair = (x: number, y: number): Contradiction => ({
    kind: 'number', about: 'number of bus routes',
    values: [x, y].map((v) => ({ value: String(v), sources: [`a${v}`], independentSources: 1, evidence: [`Approved ${v} routes.`] })),
  });
  const few = Array.from({ length: MAX_FINDINGS_PER_TOPIC }, (_, i) => pair(1, i + 2));
  assert.deepEqual(collapseCrowds(few, reuse), few);
  const many = [...few, pair(1, 999), { ...pair(5, 6), about: 'number of buses' }];
  const out = collapseCrowds(many, reuse);
  assert.equal(out.length, 2);
  assert.equal(out[0].values.length, MAX_FINDINGS_PER_TOPIC + 2);
  // The value every pair shared leads (most sources... here one article, first in code-point order).
  assert.equal(out[0].values[0].value, '1');
  assert.equal(out[1].about, 'number of buses');
});

/** The sides as computed before the pruning: every member of every side compared. */
function naiveSides(statements: Stated[]): Stated[][] {
  const out: Stated[][] = [];
  const ordered = [...statements].sort((a, b) => a.range.min - b.range.min || a.range.max - b.range.max || a.unit.uid - b.unit.uid);
  for (const s of ordered) {
    const side = out.find((g) => g.every((x) => compatible(x.range, s.range)));
    if (side) side.push(s);
    else out.push([s]);
  }
  return out;
}

test('pruned number sides are the sides of the full comparison (random exact, vague, open and decimal amounts)', () => {
  let seed = 12;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 200; round++) {
    const statements: Stated[] = Array.from({ length: 1 + Math.floor(rnd() * 40) }, (_, uid) => {
      const base = [3, 10, 70, 100, 1000, 6.2, 6, 217, 0.4][Math.floor(rnd() * 9)] * (rnd() < 0.5 ? 1 : 1 + Math.floor(rnd() * 30) / 10);
      const kind = rnd();
      const range: Range = kind < 0.5 ? { min: base, max: base, exact: true } : kind < 0.75 ? { min: base * 0.85, max: base * 1.15, exact: false } : kind < 0.9 ? { min: base, max: Infinity, exact: false } : { min: base, max: base * 2, exact: false };
      return { range, text: String(base), unit: { uid } as SentenceUnit };
    });
    const show = (xs: Stated[][]) => xs.map((g) => g.map((s) => s.unit.uid));
    assert.deepEqual(show(sides(statements)), show(naiveSides(statements)), `round ${round}`);
  }
});

test('600 near-identical short articles: one story, one finding per topic, in seconds', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-scale-'));
  try {
    writeNearIdentical(dir, 600);
    const { report, timings } = await analyze([dir], { db: null, workers: 0, now: () => new Date('2031-03-15T00:00:00Z') });
    assert.equal(report.stories.length, 1);
    const [story] = report.stories;
    const topics = story.contradictions.map((c) => `${c.kind}:${c.about}`);
    assert.equal(new Set(topics).size, topics.length, 'one finding per topic');
    // Each article approves its own number of routes: one finding with every article's figure.
    const routes = story.contradictions.find((c) => c.about === 'number of bus');
    assert.ok(routes && routes.values.length >= 500, `values ${routes?.values.length}`);
    // Before: ~5 s for 400 articles, growing with n² (bench/near-identical.ts); generous for a loaded machine.
    assert.ok(timings.get('corroborate')! < 20_000, `corroborate ${timings.get('corroborate')} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
