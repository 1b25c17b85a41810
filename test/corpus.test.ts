// The living corpus: identity across folders, idempotent re-adds, revisions, duplicates at two URLs, stored
// stories that grow incrementally, and one writer at a time. Articles are written for the test.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '../src/corpus/index.js';
import { openStore } from '../src/store/store.js';
import { renderMarkdown } from '../src/brief/markdown.js';
import { FERRY, ORCHARD } from './fixtures/corpus/stories.js';

const NOW = () => new Date('2031-05-20T00:00:00Z');
const tmp = () => mkdtempSync(join(tmpdir(), 'crosscheck-corpus-'));

async function add(db: string, inputs: string[]) {
  const corpus = await openCorpus({ db });
  try {
    return await corpus.add(inputs, { workers: 0, now: NOW });
  } finally {
    await corpus.close();
  }
}

test('two folders with same-named different files: two articles, two stories, both reuse signatures', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'a', 'x.txt'), FERRY('the Vellin Herald', 212));
  writeFileSync(join(dir, 'b', 'x.txt'), ORCHARD);
  const db = join(dir, 'c.db');
  const first = await add(db, [join(dir, 'a')]);
  const second = await add(db, [join(dir, 'b')]);
  assert.deepEqual(first.added, ['x']);
  assert.deepEqual(second.added, ['x~2'], 'the second x.txt is another article with its own id');
  const store = openStore(db);
  try {
    assert.equal(store.counts().sources, 2);
    assert.equal(store.counts().stories, 2);
    const signatures = store.db.prepare('SELECT id FROM reuse_signature ORDER BY id').pluck().all();
    assert.deepEqual(signatures, ['x', 'x~2']);
    const stories = await store.listStories({});
    assert.deepEqual(stories.map((s) => s.headline).sort(), ['Ferry strike halts crossings to Vellin island', 'Orchard growers count frost damage after cold snap']);
  } finally {
    await store.close();
  }
});

test('re-adding the same folder adds nothing; a changed file becomes a revision with both versions kept', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'ferry.txt'), FERRY('the Vellin Herald', 212));
  const db = join(dir, 'c.db');
  await add(db, [join(dir, 'in')]);
  const again = await add(db, [join(dir, 'in')]);
  assert.deepEqual(again.added, []);
  assert.deepEqual(again.unchanged, ['ferry']);
  assert.deepEqual(again.storiesCreated, []);
  writeFileSync(join(dir, 'in', 'ferry.txt'), FERRY('the Vellin Herald', 340));
  const revised = await add(db, [join(dir, 'in')]);
  assert.deepEqual(revised.revised, ['ferry']);
  const corpus = await openCorpus({ db });
  try {
    const revisions = await corpus.store.revisions('ferry');
    assert.equal(revisions.length, 1);
    assert.match(revisions[0].text, /stranding 212 passengers/);
    const [stored] = await corpus.store.getArticles(['ferry']);
    assert.equal(stored.version, 2);
    assert.match(stored.analysed.clean.text, /stranding 340 passengers/);
    assert.ok(stored.analysed.diagnostics.some((d) => d.origin === 'corpus:revision'));
    assert.equal(await corpus.store.countArticles(), 1, 'a revision is not a second article');
    const report = await corpus.report({ now: NOW() });
    const article = report.articles.find((a) => a.id === 'ferry')!;
    assert.equal(article.version, 2);
    assert.equal(article.revisions?.length, 1);
    assert.ok(article.revisions![0].removed.some((t) => t.includes('212 passengers')));
    assert.ok(article.revisions![0].added.some((t) => t.includes('340 passengers')));
    assert.ok(article.diagnostics?.some((d) => d.origin === 'corpus:revision'));
    const brief = renderMarkdown(report);
    assert.match(brief, /## Revised articles/);
    assert.match(brief, /removed: “Ferry crews .*212 passengers/);
  } finally {
    await corpus.close();
  }
});

test('the same text at two URLs is two appearances, reported as duplicates and one independent source', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'in'));
  const body = FERRY('reporters', 212).split('\n');
  const at = (url: string) => [body[0], body[1], url, ...body.slice(2)].join('\n');
  writeFileSync(join(dir, 'in', 'one.txt'), at('https://vellinherald.example/news/ferry-strike'));
  writeFileSync(join(dir, 'in', 'two.txt'), at('https://islandwire.example/ferry-strike-vellin?utm_source=feed'));
  const db = join(dir, 'c.db');
  await add(db, [join(dir, 'in', 'one.txt')]);
  const second = await add(db, [join(dir, 'in', 'two.txt')]);
  assert.deepEqual(second.duplicates, [{ id: 'two', of: 'one' }]);
  const corpus = await openCorpus({ db });
  try {
    const report = await corpus.report({ now: NOW() });
    assert.equal(report.stories.length, 1);
    assert.deepEqual([...report.stories[0].articles].sort(), ['one', 'two']);
    assert.ok(report.reuse.some((l) => l.kind === 'duplicate'), 'the stored article is linked, not only noted');
    const [summary] = await corpus.stories();
    assert.equal(summary.independentSources, 1);
  } finally {
    await corpus.close();
  }
});

test('a story keeps its id and version grows when a later add brings a new article of it', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'herald.txt'), FERRY('the Vellin Herald', 212));
  writeFileSync(join(dir, 'orchard.txt'), ORCHARD);
  writeFileSync(join(dir, 'post.txt'), FERRY('the Coast Post', 212).replace('walked out on Monday', 'went on strike on Monday').replace('Island shops', 'Shopkeepers on the island'));
  const db = join(dir, 'c.db');
  await add(db, [join(dir, 'herald.txt'), join(dir, 'orchard.txt')]);
  const corpus = await openCorpus({ db });
  try {
    const before = await corpus.stories();
    const ferry = before.find((s) => s.headline.startsWith('Ferry'))!;
    const orchard = before.find((s) => s.headline.startsWith('Orchard'))!;
    const added = await corpus.add([join(dir, 'post.txt')], { workers: 0, now: NOW });
    assert.deepEqual(added.storiesUpdated, [ferry.id]);
    const after = await corpus.stories();
    const grown = after.find((s) => s.id === ferry.id)!;
    assert.equal(grown.articles, 2);
    assert.equal(grown.version, 2);
    assert.equal(after.find((s) => s.id === orchard.id)!.version, 1, 'an untouched story is not recomputed');
    assert.ok((await corpus.storyChanges(ferry.id)).some((c) => c.what === 'grew'));
  } finally {
    await corpus.close();
  }
});

test('a second writer waits for the first and says so', async () => {
  const dir = tmp();
  const db = join(dir, 'c.db');
  const first = await openCorpus({ db });
  const release = await first.store.lockWriter();
  const waits: string[] = [];
  const second = await openCorpus({ db, onWait: (h) => waits.push(h) });
  writeFileSync(join(dir, 'o.txt'), ORCHARD);
  const pending = second.add([join(dir, 'o.txt')], { workers: 0, now: NOW });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(waits.length, 1);
  assert.match(waits[0], new RegExp(`pid ${process.pid}`));
  await release();
  const done = await pending;
  assert.deepEqual(done.added, ['o']);
  await first.close();
  await second.close();
});

test('objects of one JSON Lines file that declare ids but no URL are separate appearances', async () => {
  const dir = tmp();
  const line = (id: string, text: string) => JSON.stringify({ id, title: `Item ${id}`, text });
  writeFileSync(join(dir, 'batch.jsonl'), [line('first', ORCHARD.split('\n').slice(3).join('\n')), line('second', FERRY('the Herald', 99).split('\n').slice(3).join('\n'))].join('\n') + '\n');
  const db = join(dir, 'c.db');
  const first = await add(db, [join(dir, 'batch.jsonl')]);
  assert.equal(first.added.length, 2);
  const again = await add(db, [join(dir, 'batch.jsonl')]);
  assert.deepEqual(again.added, []);
  assert.equal(again.unchanged.length, 2);
});
