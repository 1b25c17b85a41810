// The server's story cache (src/server/data.ts StoryCache): an unchanged story is loaded from the store once
// however often it is read, concurrent readers share that one load, and an add that changes the story is
// shown by the very next read (the cache key is the listed version, which the add patches).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openCorpus, type Corpus } from '../src/corpus/index.js';
import { createServer } from '../src/server/app.js';

// A made-up event told by two outlets in their own words, so both land in one story.
const first = {
  id: 'ferry-a', title: 'Ferry runs aground off Kestin', outlet: 'Kestin Courier', published: '2025-03-02',
  text: 'A passenger ferry ran aground off Kestin harbour on Saturday morning. The coastguard said all 112 passengers were taken ashore by lifeboats. The ferry operator Norrow Lines said an investigation had begun.',
};
const second = {
  id: 'ferry-b', title: 'Kestin ferry grounding: passengers rescued', outlet: 'Harbour Gazette', published: '2025-03-02',
  text: 'All 112 passengers of a ferry that ran aground off Kestin harbour on Saturday were brought ashore by lifeboats, the coastguard said. Norrow Lines, which operates the ferry, said it had begun an investigation.',
};

/** The corpus with its report() counted: every story load goes through it. */
function counted(corpus: Corpus): { corpus: Corpus; loads: () => number } {
  let n = 0;
  const report = corpus.report.bind(corpus);
  corpus.report = (async (...args: Parameters<Corpus['report']>) => {
    n++;
    return report(...args);
  }) as Corpus['report'];
  return { corpus, loads: () => n };
}

test('an unchanged story is loaded once, concurrent reads share the load, and an add shows at the next read', async () => {
  const { corpus, loads } = counted(await openCorpus({ db: null }));
  try {
    const { app } = createServer({ corpus });
    const post = (body: unknown) => app.request('http://127.0.0.1/api/articles', { method: 'POST', headers: { 'content-type': 'application/json', host: '127.0.0.1' }, body: JSON.stringify(body) });
    const read = async (id: string) => (await (await app.request(`http://127.0.0.1/api/stories/${id}`, { headers: { host: '127.0.0.1' } })).json()) as { articles: { id: string }[]; summary: { version: number } };
    const added = (await (await post(first)).json()) as { articles: { id: string; story: string }[] };
    const story = added.articles[0].story;
    assert.ok(story, 'the first article is in a story');

    const before = loads();
    const reads = await Promise.all([read(story), read(story), read(story)]);
    await read(story);
    assert.equal(loads() - before, 1, 'four reads of an unchanged story, one load');
    assert.deepEqual(reads.map((r) => r.articles.length), [1, 1, 1]);
    // The story page shares the cache with the API.
    const page = await app.request(`http://127.0.0.1/stories/${story}`, { headers: { host: '127.0.0.1' } });
    assert.equal(page.status, 200);
    assert.equal(loads() - before, 1);

    const grown = (await (await post(second)).json()) as { articles: { id: string; story: string }[] };
    assert.equal(grown.articles[0].story, story, 'the second article joined the story');
    const after = await read(story);
    assert.deepEqual(after.articles.map((a) => a.id).sort(), [...reads[0].articles.map((a) => a.id), grown.articles[0].id].sort());
    assert.ok(after.summary.version > reads[0].summary.version, 'the new version is read, not the cached one');
  } finally {
    await corpus.close();
  }
});
