// The claim representative counts word-for-word copies once (claims.ts medoid): it must pick the unit the
// all-pairs medoid picks, also when copies share their words but not their facts (a changed date makes
// another wording, not another copy). Fictional story of test/fixtures, with copies made for the test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeAlignment, type AlignedClaim, type Alignment, type SentenceUnit } from './align.js';
import { representative } from './claims.js';
import { reuseOf } from '../../test/fixtures/corroborate/build.js';
import { p1, p3, storyArticles } from '../../test/fixtures/corroborate/story.js';
import type { AnalysedArticle } from '../model/article.js';

/** The definition: the unit with the largest summed similarity to the others, the earliest on a tie. */
function allPairsMedoid(claim: AlignedClaim, alignment: Alignment): SentenceUnit {
  let best = claim.units[0];
  let bestScore = -1;
  for (const u of claim.units) {
    let score = 0;
    for (const v of claim.units) if (v !== u) score += alignment.similarity(u, v);
    if (score > bestScore + 1e-9) [best, bestScore] = [u, score];
  }
  return best;
}

const copy = (a: AnalysedArticle, id: string): AnalysedArticle => ({ ...a, id });

test('the representative of claims full of copies is the all-pairs medoid', () => {
  // Five copies of p1 and four of p3: claims with repeated wordings beside the reworded ones.
  const copies = [...[1, 2, 3, 4, 5].map((k) => copy(p1, `c1-${k}`)), ...[1, 2, 3, 4].map((k) => copy(p3, `c3-${k}`))];
  // One p3 copy re-dated: the same words with another date, so another wording for the medoid.
  const redated = copy(p3, 'c3-x');
  redated.extract = { ...p3.extract, dates: p3.extract.dates.map((d) => ({ ...d, value: '2031-01-01' })) };
  const articles = [...storyArticles, ...copies, redated];
  const alignment = computeAlignment(articles, reuseOf(articles.map((a) => [a.id])));
  const repeated = alignment.claims.filter((c) => new Set(c.units.map((u) => u.text)).size < c.units.length);
  assert.ok(repeated.length > 0, 'some claims hold copies of one wording');
  assert.ok(alignment.claims.some((c) => c.units.some((u) => u.article === 'c3-x' && u.dates.length)), 'the re-dated copy aligns');
  for (const c of alignment.claims) assert.equal(representative(c, alignment), allPairsMedoid(c, alignment), c.units[0].text);
});

test('copies with the same words but other facts are not counted as one wording', () => {
  // Two wordings that differ in their date only: a claim of p3, one copy, and three re-dated copies. If the
  // re-dated ones were counted as copies of p3's wording their date bonus would be wrong, and the sums too.
  const redated = [1, 2, 3].map((k) => {
    const a = copy(p3, `r-${k}`);
    a.extract = { ...p3.extract, dates: p3.extract.dates.map((d, i) => ({ ...d, value: `2031-01-0${i + 1}` })) };
    return a;
  });
  const articles = [p3, copy(p3, 'p3-copy'), ...redated];
  const alignment = computeAlignment(articles, reuseOf(articles.map((a) => [a.id])));
  const unitOf = (c: AlignedClaim, id: string) => c.units.find((u) => u.article === id)!;
  // Claims where the date decides: p3's sentence is less similar to a re-dated copy than to its own copy.
  const decided = alignment.claims.filter((c) => c.units.length === articles.length && alignment.similarity(unitOf(c, 'p3'), unitOf(c, 'r-1')) < alignment.similarity(unitOf(c, 'p3'), unitOf(c, 'p3-copy')));
  assert.ok(decided.length > 0, 'a sentence whose date changes its similarities aligns across all five');
  for (const c of decided) {
    const rep = representative(c, alignment);
    assert.equal(rep, allPairsMedoid(c, alignment));
    // Three re-dated wordings against two: the medoid is one of the three (p3 first, were they one wording).
    assert.match(rep.article, /^r-/);
  }
});
