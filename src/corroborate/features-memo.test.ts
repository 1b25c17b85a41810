// The per-article sentence features (terms, fact keys, copy keys, main clauses) and the per-claim
// representatives are kept between story views: a story grown one article at a time must get exactly the
// view a cold computation on fresh copies of the same articles gets, and an article whose extraction
// changed (a re-dated copy) must not keep its old features. Fictional story of test/fixtures.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborateStory } from './index.js';
import { computeAlignment, type Alignment } from './align.js';
import { summarise } from '../brief/summary.js';
import type { AnalysedArticle } from '../model/article.js';
import { storyArticles, storyReuse } from '../../test/fixtures/corroborate/story.js';

/** Claims as article:sentence lists, and every aligned pair's similarity: what the alignment decided. */
function decisions(al: Alignment) {
  const claims = al.claims.map((c) => c.units.map((u) => `${u.article}:${u.sentence}`));
  const sims = al.units.flatMap((u) => al.units.filter((v) => v.uid > u.uid).map((v) => al.similarity(u, v)));
  return { claims, sims };
}

const cold = (articles: AnalysedArticle[]) => articles.map((a) => structuredClone(a));

test('a story grown one article at a time gets the view of a cold computation at every step', () => {
  // Warm: the same records every time, so features and representatives come from the memos.
  for (let k = 1; k <= storyArticles.length; k++) {
    const warm = storyArticles.slice(0, k);
    const fresh = cold(warm);
    const a = corroborateStory(warm, storyReuse, [], '');
    const b = corroborateStory(fresh, storyReuse, [], '');
    assert.deepEqual(a, b, `after ${k} articles`);
    assert.deepEqual(summarise(warm, storyReuse, a.claims), summarise(fresh, storyReuse, b.claims));
    // Both paths of the alignment: exact, and the approximate one of big stories (forced by a low switch).
    for (const exactMax of [5_000, 5]) {
      assert.deepEqual(decisions(computeAlignment(warm, storyReuse, exactMax)), decisions(computeAlignment(fresh, storyReuse, exactMax)), `k=${k}, exactMax=${exactMax}`);
    }
  }
  const full = corroborateStory(storyArticles, storyReuse, [], '');
  assert.ok(full.claims.some((c) => c.independentSources >= 2), 'the story has corroborated claims to compare');
  assert.ok(full.contradictions.length > 0, 'and contradictions');
});

test('an article whose extraction changed is featured again, not served its old fact keys', () => {
  const [first, ...rest] = cold(storyArticles);
  const before = computeAlignment([first, ...rest], storyReuse);
  // The same record with its dates re-extracted (as redateArticle replaces `extract`): no dates any more.
  first.extract = { ...first.extract, dates: [] };
  const after = computeAlignment([first, ...rest], storyReuse);
  const fresh = computeAlignment(cold([first, ...rest]), storyReuse);
  assert.deepEqual(decisions(after), decisions(fresh));
  const dated = before.units.find((u) => u.article === first.id && u.dates.length)!;
  assert.ok(dated, 'the first article states a date');
  assert.deepEqual(after.units[dated.uid].dates, [], 'the unit lost its dates with the new extraction');
  assert.notDeepEqual(decisions(after).sims, decisions(before).sims, 'shared-date bonuses are gone');
});
