import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborateStory } from './index.js';
import { computeAlignment } from './align.js';
import { summarise } from '../brief/summary.js';
import { storyArticles, storyReuse, p1, p2, p3 } from '../../test/fixtures/corroborate/story.js';

const result = corroborateStory(storyArticles, storyReuse, [], 'Port Verin inspections');
const byKind = (k: string) => result.contradictions.filter((c) => c.kind === k);

test('claims align reworded sentences and count independent copy-groups', () => {
  const dates = result.claims.find((c) => /two inspections/.test(c.text));
  assert.ok(dates, 'the inspections claim is found');
  // p3 states the same claim with another date (April 12, see the date contradiction): it is not counted
  // as agreeing with this wording.
  assert.deepEqual(dates.sources, ['p1', 'p2', 'p4']);
  assert.equal(dates.independentSources, 2, 'p1 and p2 are one copy-group');
  for (let i = 1; i < result.claims.length; i++) {
    assert.ok(result.claims[i - 1].independentSources >= result.claims[i].independentSources, 'sorted by independent support');
  }
  assert.ok(result.claims.some((c) => c.sources.length === 1 && c.sources[0] === 'p4' && /development bank/.test(c.text)), 'single-source addition kept');
});

test('date contradiction: one value per side with its independent support', () => {
  const [d] = byKind('date');
  assert.ok(d, 'a date contradiction');
  const april2 = d.values.find((v) => v.value.endsWith('04-02'))!;
  const april12 = d.values.find((v) => v.value.endsWith('04-12'))!;
  assert.deepEqual(april2.sources, ['p1', 'p2', 'p4']);
  assert.equal(april2.independentSources, 2);
  assert.deepEqual(april12.sources, ['p3']);
  assert.equal(april12.independentSources, 1);
  assert.ok(april12.evidence[0].includes('April 12'));
  assert.match(d.about, /inspections/);
  assert.equal(d.values.length, 2, 'March 3, which all agree on, is not contested');
});

test('quantity contradiction groups compatible vague amounts on one side', () => {
  const q = byKind('quantity');
  assert.equal(q.length, 1);
  assert.equal(q[0].values.length, 2);
  const dozen = q[0].values.find((v) => v.value.includes('dozen'))!;
  assert.deepEqual(dozen.sources, ['p3']);
  const hundreds = q[0].values.find((v) => v.value.includes('hundred'))!;
  assert.deepEqual(hundreds.sources, ['p1', 'p2', 'p4']);
});

test('name contradiction for the same role', () => {
  const [n] = byKind('name');
  assert.ok(n);
  assert.equal(n.about, 'name of the harbour master');
  assert.deepEqual(n.values.map((v) => v.value).sort(), ['Karl Odin', 'Tomas Brenn']);
});

test('quote altered in a rewrite: contradiction and variants', () => {
  const [q] = byKind('quote');
  assert.ok(q);
  const severe = q.values.find((v) => v.value.includes('severe'))!;
  assert.deepEqual(severe.sources, ['p2']);
  const quote = result.quotes.find((x) => x.speaker === 'Ilse Varga')!;
  assert.deepEqual(quote.sources, ['p1', 'p3']);
  assert.equal(quote.variants.length, 1);
  assert.deepEqual(quote.variants[0].sources, ['p2']);
});

test('headline contradicting its own body', () => {
  const h = byKind('headline');
  assert.equal(h.length, 1);
  assert.deepEqual(h[0].values[0].sources, ['p1']);
  assert.equal(h[0].values[0].value, 'twice in March');
  assert.match(h[0].values[1].value, /April 2/);
});

test('deterministic whatever the input order', () => {
  const again = corroborateStory([p3, p2, ...storyArticles.slice(3), p1], storyReuse, [], 'x');
  assert.deepEqual(again, result);
});

test('summary: 3–5 central sentences with all aligned sources, none from one copy-group only', () => {
  const s = summarise(storyArticles, storyReuse, result.claims);
  assert.ok(s.length >= 3 && s.length <= 5, `got ${s.length}`);
  for (const line of s) {
    const groups = new Set(line.sources.map((id) => storyReuse.groupOf.get(id)));
    assert.ok(groups.size >= 2, `"${line.text}" has independent support`);
  }
  const inspections = s.find((l) => /two inspections/.test(l.text));
  assert.ok(inspections, 'the most supported claim leads');
  assert.deepEqual(inspections.sources, ['p1', 'p2', 'p4'], 'without p3, which dates it differently');
  assert.deepEqual(summarise(storyArticles, storyReuse, result.claims), s);
});

test('an empty story yields nothing', () => {
  const empty = corroborateStory([], storyReuse, [], '');
  assert.deepEqual(empty, { claims: [], contradictions: [], quotes: [] });
  assert.deepEqual(summarise([], storyReuse, []), []);
});

test('the big-story alignment path (rarest terms propose candidates) still aligns reworded copies', () => {
  const exact = computeAlignment(storyArticles, storyReuse);
  const approx = computeAlignment(storyArticles, storyReuse, 0);
  const sourcesOf = (a: typeof exact, re: RegExp) => a.claims.find((c) => c.units.some((u) => re.test(u.text)))?.sources;
  for (const re of [/two inspections/, /serious rust/, /hundreds of new containers/]) {
    assert.deepEqual(sourcesOf(approx, re), sourcesOf(exact, re), `${re}`);
  }
  assert.ok(sourcesOf(exact, /two inspections/)!.length >= 3);
});
