// The online placement path (src/corpus/place-online.ts): a new article is placed by the stored summaries of
// the candidate stories into the right stored story, an unrelated one opens a story of its own, both agree
// with the exact path, and the fallback signals send a chunk to the exact path (and say why). Articles are
// written for the test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus, type AddOptions } from '../src/corpus/index.js';
import { openStore } from '../src/store/store.js';
import { FERRY, ORCHARD } from './fixtures/corpus/stories.js';

const NOW = () => new Date('2031-05-20T00:00:00Z');

/** The ferry strike told again in other words (no copy of FERRY: it is placed by its score, not a reuse link). */
const FERRY_DAY_TWO = `Vellin ferry walkout leaves island without supplies
May 13, 2031

The strike by ferry crews on the Vellin line went into its second day on Tuesday with no crossings to the island.
Union spokesperson Ada Korr said the crews would stay out until the operator restored the cut night shift.
The island clinic said its supplies would last until Thursday and shops on Vellin island had run out of fresh food.
`;

const BRIDGE = `Karsk bridge reopens after two years of repairs
May 16, 2031

The old Karsk bridge reopened to traffic on Friday after repairs costing forty million crowns, the city said.
Engineers replaced the steel cables and strengthened the piers against the spring floods of the Karsk river.
Commuters from the eastern suburbs said their journeys into the city centre would now be twenty minutes shorter.
`;

function corpusDir(): { dir: string; db: string; file: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-online-'));
  return {
    dir,
    db: join(dir, 'c.db'),
    file: (name, text) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    },
  };
}

async function add(db: string, inputs: string[], opts: AddOptions = {}) {
  const corpus = await openCorpus({ db });
  try {
    return await corpus.add(inputs, { workers: 0, now: NOW, ...opts });
  } finally {
    await corpus.close();
  }
}

async function storyOf(db: string, ids: string[]): Promise<Map<string, string>> {
  const store = openStore(db);
  try {
    return await store.storyOf(ids);
  } finally {
    await store.close();
  }
}

/** Two stored stories: the ferry strike (two outlets) and the orchard frost. */
async function twoStories(where: ReturnType<typeof corpusDir>) {
  const first = await add(where.db, [where.file('herald.txt', FERRY('the Vellin Herald', 212)), where.file('orchard.txt', ORCHARD)]);
  assert.equal(first.storiesCreated.length, 2);
  return first;
}

test('online: a new article about a stored story joins it, an unrelated one opens its own, as the exact path places them', async () => {
  const results: { joined: string; created: string[]; stories: Map<string, string> }[] = [];
  for (const placement of ['online', 'exact'] as const) {
    const where = corpusDir();
    await twoStories(where);
    const ferryStory = (await storyOf(where.db, ['herald'])).get('herald')!;
    const day2 = await add(where.db, [where.file('day2.txt', FERRY_DAY_TWO)], { placement });
    assert.deepEqual(day2.placements, [{ path: placement, fallback: [] }], `${placement}: placed by the path asked for`);
    assert.deepEqual(day2.storiesUpdated, [ferryStory], `${placement}: the second day joins the ferry story`);
    assert.deepEqual(day2.storiesCreated, []);
    const bridge = await add(where.db, [where.file('bridge.txt', BRIDGE)], { placement });
    assert.deepEqual(bridge.placements.map((p) => p.path), [placement]);
    assert.equal(bridge.storiesCreated.length, 1, `${placement}: the bridge opens a story`);
    assert.deepEqual(bridge.storiesUpdated, []);
    results.push({ joined: ferryStory, created: bridge.storiesCreated, stories: await storyOf(where.db, ['herald', 'orchard', 'day2', 'bridge']) });
  }
  assert.deepEqual(results[0].stories, results[1].stories, 'the same stories, with the same ids, both ways');

  // The grown story's stored view lists the new article in its event, and its summaries were written with it.
  const where = corpusDir();
  await twoStories(where);
  await add(where.db, [where.file('day2.txt', FERRY_DAY_TWO)], { placement: 'online' });
  const store = openStore(where.db);
  try {
    const story = (await store.storyOf(['day2'])).get('day2')!;
    const [stored] = await store.getStories([story]);
    assert.deepEqual([...stored.view.articles].sort(), ['day2', 'herald']);
    assert.deepEqual(stored.view.events.flatMap((e) => e.articles).sort(), ['day2', 'herald']);
    const [summary] = await store.clusterSummaries([story], 'story');
    assert.equal(summary.articles, 2);
    const events = await store.clusterSummaries([story], 'event');
    assert.equal(events.reduce((n, e) => n + e.articles, 0), 2, 'the event summaries count the story\'s members');
  } finally {
    await store.close();
  }
});

test('online: fallback signals place the chunk exactly and say why (empty corpus, revision, a story without summaries)', async () => {
  const where = corpusDir();
  const herald = where.file('herald.txt', FERRY('the Vellin Herald', 212));
  const first = await add(where.db, [herald, where.file('orchard.txt', ORCHARD)], { placement: 'online' });
  assert.deepEqual(first.placements, [{ path: 'exact', fallback: ['empty corpus'] }]);

  writeFileSync(herald, FERRY('the Vellin Herald', 340));
  const revised = await add(where.db, [herald], { placement: 'online' });
  assert.deepEqual(revised.revised, ['herald']);
  assert.deepEqual(revised.placements, [{ path: 'exact', fallback: ['revision'] }]);

  // A database whose stories have no summaries (written by an older crosscheck, or a rebuild): the exact path
  // runs and writes them, so the next add near the same story is placed online.
  // Only the ferry story loses them: with 48 lookup keys the orchard story is a candidate of day3 too, and a
  // candidate without summaries sends an add to the exact path whatever its neighbour.
  const ferry = (await storyOf(where.db, ['herald'])).get('herald')!;
  const store = openStore(where.db);
  store.db.prepare('DELETE FROM cluster_summary WHERE story_id = ?').run(ferry);
  await store.close();
  const day2 = await add(where.db, [where.file('day2.txt', FERRY_DAY_TWO)], { placement: 'online' });
  assert.equal(day2.placements[0].path, 'exact');
  assert.match(day2.placements[0].fallback[0], /^no summary for \d+ candidate stor(y|ies)$/);
  const day3 = await add(where.db, [where.file('day3.txt', FERRY_DAY_TWO.replace('second day on Tuesday', 'third day on Wednesday').replace('May 13', 'May 14'))], { placement: 'online' });
  assert.deepEqual(day3.placements, [{ path: 'online', fallback: [] }]);
  const stories = await storyOf(where.db, ['herald', 'day2', 'day3']);
  assert.equal(new Set(stories.values()).size, 1, 'all three in the ferry story');

  // Asked for nothing, the exact path runs with no fallback to report.
  const plain = await add(where.db, [where.file('bridge.txt', BRIDGE)]);
  assert.deepEqual(plain.placements, [{ path: 'exact', fallback: [] }]);
});

test('online: every stored summary counts its story\'s and event\'s members after adds by both paths', async () => {
  const where = corpusDir();
  await twoStories(where);
  await add(where.db, [where.file('day2.txt', FERRY_DAY_TWO)], { placement: 'online' });
  await add(where.db, [where.file('post.txt', FERRY('the Coast Post', 212))], { placement: 'online' });
  await add(where.db, [where.file('bridge.txt', BRIDGE)]);
  await add(where.db, [where.file('day3.txt', FERRY_DAY_TWO.replace('second day on Tuesday', 'third day on Wednesday').replace('May 13', 'May 14'))], { placement: 'online' });
  const store = openStore(where.db);
  try {
    const stories = (await store.listStories({})).map((s) => s.id);
    const members = await store.storyMembers(stories);
    for (const id of stories) {
      const list = members.get(id)!;
      const [summary] = await store.clusterSummaries([id], 'story');
      assert.equal(summary?.articles, list.length, `${id}: the story summary counts its members`);
      const eventOf = await store.eventOf(list);
      const events = await store.clusterSummaries([id], 'event');
      assert.deepEqual(events.map((e) => e.id).sort(), [...new Set(eventOf.values())].sort(), `${id}: one summary per stored event`);
      for (const e of events) assert.equal(e.articles, [...eventOf.values()].filter((x) => x === e.id).length, `${e.id}: its members`);
    }
  } finally {
    await store.close();
  }
});
