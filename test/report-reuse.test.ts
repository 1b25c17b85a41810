import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FULL_REUSE_GROUP, reportReuse } from '../src/analyze.js';
import type { ReuseLink, ReuseResult } from '../src/model/report.js';
import { buildArticle } from './fixtures/reuse/build.js';

const body = 'The Tarsk ferry resumed service on Monday after repairs to its ramp.\nHarbour master Odile Penn said crossings would run hourly.';

function groupOf(ids: string[], score: (a: number, b: number) => number): { reuse: ReuseResult; byId: Map<string, ReturnType<typeof buildArticle>> } {
  const links: ReuseLink[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      links.push({ a: ids[i], b: ids[j], kind: 'near-duplicate', original: ids[i], shared: 2, score: score(i, j), pairs: [{ a: 0, b: 0, similarity: 1 }] });
    }
  }
  const byId = new Map(ids.map((id) => [id, buildArticle(id, body)]));
  return { reuse: { links, groupOf: new Map(ids.map((id) => [id, ids[0]])), inheritedDates: new Map() }, byId };
}

test('a small copy group lists every pairwise link', () => {
  const ids = Array.from({ length: FULL_REUSE_GROUP }, (_, i) => `w${i}`);
  const { reuse, byId } = groupOf(ids, () => 0.9);
  const out = reportReuse(reuse, byId);
  assert.equal(out.reuse.length, (ids.length * (ids.length - 1)) / 2);
  assert.equal(out.reuseOmitted, undefined);
  assert.equal(out.reuse[0].sharedSentences[0].a, 'The Tarsk ferry resumed service on Monday after repairs to its ramp.');
});

test('a large copy group is reported as its strongest spanning links, still connected', () => {
  const ids = Array.from({ length: 30 }, (_, i) => `w${String(i).padStart(2, '0')}`);
  // Each article is closest to w00 (the wire original): the star is the maximum spanning tree.
  const { reuse, byId } = groupOf(ids, (a, b) => (a === 0 ? 0.99 : 0.8 - 0.001 * (a + b)));
  const out = reportReuse(reuse, byId);
  assert.equal(out.reuse.length, ids.length - 1);
  assert.equal(out.reuseOmitted, reuse.links.length - (ids.length - 1));
  assert.ok(out.reuse.every((l) => l.a === 'w00'), 'every copy keeps its link to the original');
});
