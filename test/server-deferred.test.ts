// `serve` with deferred views, over real HTTP and the real analysis worker: an article that grows a big story
// is answered before the story's cross-check, which the worker runs once no add waits, and the live feed
// announces it. Articles are written for the test (test/fixtures/corpus/stories.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../src/server/index.js';
import { VIEW_PARAMS } from '../src/corpus/view.js';
import { FERRY } from './fixtures/corpus/stories.js';

const OUTLETS = ['Vellin Herald', 'Tarn Courier', 'Pier Gazette', 'Island Post', 'Harbour Times', 'Mainland Echo', 'Strait Ledger', 'Coast Daily', 'Ferry Watch', 'North Bulletin', 'Quay Record', 'Sound Review', 'Bay Mercury', 'Dock Observer'];
const item = (i: number, passengers: number) => {
  const [title, date, ...body] = FERRY(`the ${OUTLETS[i]}`, passengers).split('\n');
  void date;
  return { id: `ferry-${i}`, title, outlet: OUTLETS[i], published: '2031-05-12', url: `https://outlet-${i}.example/ferry`, text: body.join('\n') };
};

test('a big story grown through the API is cross-checked after the answer, and the feed says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-serve-deferred-'));
  const srv = await serve({ db: join(dir, 'corpus.db'), port: 0 });
  const ac = new AbortController();
  try {
    const size = VIEW_PARAMS.inlineMaxArticles + 1;
    const first = await fetch(`${srv.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Array.from({ length: size }, (_, i) => item(i, 212))) });
    assert.equal(first.status, 201);
    const { articles } = (await first.json()) as { articles: { story: string }[] };
    const story = articles[0].story;
    assert.ok(articles.every((a) => a.story === story), 'one story');

    const events = await fetch(`${srv.url}/api/events`, { signal: ac.signal });
    const reader = events.body!.getReader();
    let text = '';
    const contradiction = (async () => {
      // Two story events: the add's answer (its deferred view), then the worker's cross-check. An add that
      // cross-checked at once would announce the story once.
      const storyEvents = () => text.split(`event: story\ndata: {"id":"${story}"`).length - 1;
      while (!new RegExp(`event: contradiction\\ndata: \\{"story":"${story}"`).test(text) || storyEvents() < 2) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    const grown = await fetch(`${srv.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(item(size, 340)) });
    assert.equal(grown.status, 201);
    await Promise.race([contradiction, new Promise((_, rej) => setTimeout(() => rej(new Error(`no contradiction event in 30 s: ${text}`)), 30_000))]);

    const view = (await (await fetch(`${srv.url}/api/stories/${story}`)).json()) as { story: { pending?: unknown; articles: string[]; contradictions: { values: { value: string }[] }[] } };
    assert.equal(view.story.pending, undefined, 'the cross-check is current');
    assert.equal(view.story.articles.length, size + 1);
    assert.ok(view.story.contradictions.some((c) => c.values.some((v) => v.value.includes('340'))), 'the new count is compared');
  } finally {
    ac.abort();
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('uploads queued while an add runs are added together, and each is answered with its own articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-serve-coalesce-'));
  const srv = await serve({ db: join(dir, 'corpus.db'), port: 0 });
  try {
    const post = (body: unknown) => fetch(`${srv.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { added: string[]; rejected: { item: string; reason: string }[]; articles: { id: string; story: string | null }[] } }));
    // The first add runs while the others queue behind it; the last upload also holds a bad item.
    const answers = await Promise.all([
      post(item(0, 212)),
      post([item(1, 212), item(2, 212)]),
      post(item(3, 212)),
      post([item(4, 212), { title: 'no text here' }]),
    ]);
    assert.deepEqual(answers.map((a) => a.body.added), [['ferry-0'], ['ferry-1', 'ferry-2'], ['ferry-3'], ['ferry-4']]);
    assert.deepEqual(answers.map((a) => a.body.articles.map((x) => x.id)), [['ferry-0'], ['ferry-1', 'ferry-2'], ['ferry-3'], ['ferry-4']]);
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 400]);
    assert.deepEqual(answers.slice(0, 3).map((a) => a.body.rejected), [[], [], []], 'a problem is answered to its own upload');
    assert.match(answers[3].body.rejected[0].reason, /no "text" field/);
    for (const a of answers) for (const x of a.body.articles) assert.ok(x.story, `${x.id} is in a story`);
    const metrics = await (await fetch(`${srv.url}/metrics`)).text();
    assert.match(metrics, /crosscheck_articles_total\{status="added"\} 5\b/);
    const adds = Number(/^crosscheck_adds_total (\d+)/m.exec(metrics)?.[1]);
    assert.ok(adds >= 1 && adds < 4, `the uploads queued behind the first add went in together (${adds} adds for 4 uploads)`);
  } finally {
    await srv.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
