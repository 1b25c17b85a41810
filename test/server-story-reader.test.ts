// The story reader thread (src/server/story-reader.ts) on a real SQLite file built from examples/: what it
// renders is byte for byte what the request thread would render itself; a read someone waits for goes
// before queued background renders; a story that is not there is null, not an error; the served corpus
// warms its story pages at start and says so in /healthz; a page read after an add shows the add; and a reader
// that cannot open its corpus fails each read with the reason instead of starting thread after thread.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus, type Corpus, type StorySummary } from '../src/corpus/index.js';
import { LocalStorySource, type StoryArtifact } from '../src/server/story-cache.js';
import { WorkerStorySource } from '../src/server/story-reader.js';
import { examplesServer } from './fixtures/server/setup.js';

let dir: string;
let db: string;
let corpus: Corpus;
let stories: StorySummary[];
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-reader-'));
  db = join(dir, 'corpus.db');
  corpus = await openCorpus({ db });
  await corpus.add([join(import.meta.dirname, '..', 'examples')]);
  stories = await corpus.stories({});
});
after(async () => {
  await corpus?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the reader thread renders what this thread renders, for every artifact of every story', async () => {
  assert.ok(stories.length >= 3, 'examples/ makes several stories');
  const reader = new WorkerStorySource(db);
  const local = new LocalStorySource(corpus);
  try {
    await reader.ready();
    for (const s of stories) {
      for (const want of ['page', 'json', 'csv', 'jsonld'] as StoryArtifact[]) {
        const there = await reader.render(s.id, s, want, false);
        const here = await local.render(s.id, s, want);
        assert.ok(there && here, `${s.id} ${want} rendered`);
        assert.equal(Buffer.from(there).toString('utf8'), Buffer.from(here).toString('utf8'), `${s.id} ${want}`);
      }
    }
    assert.equal(await reader.render('s-no-such-story', null, 'page', false), null);
  } finally {
    await reader.close();
    await local.close();
  }
});

test('a read someone waits for goes before the background renders queued ahead of it', async () => {
  const reader = new WorkerStorySource(db);
  try {
    await reader.ready();
    const order: string[] = [];
    const note = (label: string) => (b: unknown) => (order.push(label), b);
    // The first background render is sent at once; the rest wait in the queue behind it.
    const background = stories.flatMap((s) => (['json', 'csv', 'jsonld'] as StoryArtifact[]).map((want) => reader.render(s.id, s, want, true).then(note(`bg ${s.id} ${want}`))));
    const read = reader.render(stories[0].id, stories[0], 'page', false).then(note('read'));
    await Promise.all([...background, read]);
    assert.ok(order.indexOf('read') <= 1, `the read came ${order.indexOf('read') + 1}th of ${order.length}: ${order.join(', ')}`);
    // A promoted background render leaves the background queue too.
    const later = stories.map((s) => reader.render(s.id, s, 'page', true).then(note(`late ${s.id}`)));
    const last = stories[stories.length - 1];
    reader.promote(last.id, 'page');
    order.length = 0;
    await Promise.all(later);
    assert.ok(order.indexOf(`late ${last.id}`) <= 1, order.join(', '));
  } finally {
    await reader.close();
  }
});

test('serve warms its story pages at start, /healthz says how far, and a page read after an add shows it', async () => {
  const srv = await examplesServer();
  try {
    let health: { storyPages: { warmed: number; of: number } } | null = null;
    for (let i = 0; i < 100; i++) {
      health = (await (await fetch(`${srv.url}/healthz`)).json()) as typeof health;
      if (health!.storyPages.of > 0 && health!.storyPages.warmed === health!.storyPages.of) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(health!.storyPages.of, stories.length, 'every story of examples/ is warmed (the cache holds them all)');
    assert.equal(health!.storyPages.warmed, stories.length);

    const s = stories[0];
    const page = await (await fetch(`${srv.url}/stories/${s.id}`)).text();
    const word = s.headline.match(/[A-Za-z]{4,}/)![0];
    assert.ok(page.includes(word), `the page of ${s.id} names "${word}" of its headline`);
    const [member] = ((await (await fetch(`${srv.url}/api/stories/${s.id}`)).json()) as { articles: { id: string; title: string | null }[] }).articles;
    // A new outlet's word-for-word copy of a member joins its story; the page read next shows the new version.
    const own = ((await (await fetch(`${srv.url}/api/articles/${encodeURIComponent(member.id)}`)).json()) as { text: string }).text;
    const added = (await (await fetch(`${srv.url}/api/articles`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'reader-copy', title: member.title ?? 'A copy', outlet: 'Reader Test Gazette', url: 'https://reader-test.example/copy', text: own }),
    })).json()) as { articles: { id: string; story: string | null }[] };
    const story = added.articles[0].story;
    assert.ok(story, 'the copy is in a story');
    const after = (await (await fetch(`${srv.url}/api/stories/${story}`)).json()) as { articles: { id: string }[] };
    assert.ok(after.articles.some((a) => a.id === added.articles[0].id), 'the story read after the add holds the new article');
    assert.match(await (await fetch(`${srv.url}/stories/${story}`)).text(), /Reader Test Gazette|reader-test/);
  } finally {
    await srv.close();
  }
});

test('a reader that cannot open the corpus fails its reads with the reason, and does not respawn in a loop', async () => {
  // A database path under a file: no folder can be made there, so the corpus cannot open.
  const reader = new WorkerStorySource(join(db, 'inside-a-file.db'));
  try {
    await assert.rejects(reader.ready(), /story reader could not open/);
    const s = stories[0];
    // Each read tries once more (a fresh thread), and fails the same way: no thread after thread meanwhile.
    await assert.rejects(reader.render(s.id, s, 'page', false), /story reader could not open/);
    await assert.rejects(reader.render(s.id, s, 'json', true), /story reader could not open/);
  } finally {
    await reader.close();
  }
});

test('crosscheck serve on a taken port says so and exits: the threads it started do not keep it alive', async () => {
  const { createServer: createHttp } = await import('node:http');
  const { spawn } = await import('node:child_process');
  const taken = createHttp();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
  const port = (taken.address() as { port: number }).port;
  try {
    // The CLI sets an exit code and returns: a thread left running would hold the process (killed at 60 s).
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'crosscheck.js'), 'serve', '--db', db, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
    clearTimeout(killer);
    assert.equal(signal, null, `the process had to be killed: ${stderr}`);
    assert.notEqual(code, 0);
    assert.match(stderr, /is in use/);
  } finally {
    taken.close();
  }
});
