// Quality gate on ECB+ (../shared/data/stories-ecbplus): story/event BCubed F1 must stay above pinned floors
// (a few points under the figures printed by `npx tsx eval/ecbplus.ts`), and shuffling the input must not
// change the result. Skips when the corpus is absent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHeldOut, loadEcbPlus, runOurs, score } from '../eval/ecbplus.js';

const FLOORS = { story: 0.95, event: 0.935, heldOutEvent: 0.89, heldOutStory: 0.96 };

const data = await loadEcbPlus();
const skip = data ? false : 'ECB+ corpus (../shared/data/stories-ecbplus) is absent';

test('ECB+ story and event BCubed F1 stay above their floors', { skip }, () => {
  const { articles, gold } = data!;
  const all = score(runOurs(articles), gold);
  assert.ok(all.story.f1 >= FLOORS.story, `story F1 ${all.story.f1.toFixed(3)} < ${FLOORS.story}`);
  assert.ok(all.event.f1 >= FLOORS.event, `event F1 ${all.event.f1.toFixed(3)} < ${FLOORS.event}`);
  const held = articles.filter((a) => isHeldOut(gold.get(a.id)!.story));
  const h = score(runOurs(held), gold);
  assert.ok(h.story.f1 >= FLOORS.heldOutStory, `held-out story F1 ${h.story.f1.toFixed(3)} < ${FLOORS.heldOutStory}`);
  assert.ok(h.event.f1 >= FLOORS.heldOutEvent, `held-out event F1 ${h.event.f1.toFixed(3)} < ${FLOORS.heldOutEvent}`);
});

test('ECB+ clustering is independent of input order', { skip }, () => {
  const { articles, gold } = data!;
  const reversed = score(runOurs([...articles].reverse()), gold);
  const forward = score(runOurs(articles), gold);
  assert.equal(reversed.story.f1, forward.story.f1);
  assert.equal(reversed.event.f1, forward.event.f1);
});
