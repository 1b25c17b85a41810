// Crash safety of `add` (issue 13, Measure): a child process adding a folder in chunks is SIGKILLed at 20
// seeded random points and once inside a commit; every database it leaves is consistent, and finishing the add
// gives the stories of an uninterrupted one. Two `add` processes on one database at once both succeed.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalUrl } from '../src/corpus/identity.js';
import { openStore } from '../src/store/store.js';
import { prng, writeArticles } from './fixtures/corpus/articles.js';

const CHILD = fileURLToPath(new URL('./fixtures/corpus/add-child.ts', import.meta.url));
const COUNT = 72;
const CHUNK = 8;
const KILLS = 20;
const SEED = 2031;

const tmp = () => mkdtempSync(join(tmpdir(), 'crosscheck-crash-'));

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
  /** Milliseconds from `ready` (corpus open) to exit; NaN when it never got there. */
  addMs: number;
  /** When each line came, in milliseconds from `ready` (`ingest 17`: the 17th input is being read). */
  marks: Map<string, number>;
}

/** Starts one `add` child; with `kill`, SIGKILLs it `ms` after it prints the line `at`. */
function startChild(db: string, input: string, opts: { kill?: { at: string; ms: number }; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, input, String(CHUNK)], { env: { ...process.env, ...opts.env } });
  let stdout = '';
  let stderr = '';
  let readyAt = NaN;
  let timer: NodeJS.Timeout | undefined;
  const marks = new Map<string, number>();
  child.stdout.on('data', (d) => {
    const lines = (stdout.slice(stdout.lastIndexOf('\n') + 1) + d).split('\n').slice(0, -1);
    stdout += d;
    for (const line of lines) {
      if (line === 'ready') readyAt = performance.now();
      marks.set(line, performance.now() - readyAt);
      if (line === opts.kill?.at) timer = setTimeout(() => child.kill('SIGKILL'), opts.kill.ms);
    }
  });
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<ChildRun>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, pid: child.pid!, addMs: performance.now() - readyAt, marks });
    });
  });
  return { child, done };
}

const runChild = (...args: Parameters<typeof startChild>) => startChild(...args).done;

/** The folder's articles as the corpus must end up holding them: id (file name) → appearance key (URL line). */
function expectedArticles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) out.set(name.replace(/\.txt$/, ''), `url:${canonicalUrl(readFileSync(join(dir, name), 'utf8').split('\n')[2])}`);
  return out;
}

const one = <T>(db: ReturnType<typeof openStore>['db'], sql: string) => db.prepare(sql).pluck().get() as T;

/** Articles: each committed one once, with its own key, in whole chunks of `order` (the order they were
 *  added in: the folder walk); returns their count. */
function checkArticles(store: ReturnType<typeof openStore>, expected: Map<string, string>, order: string[], where: string): number {
  const rows = store.db.prepare('SELECT id, key FROM article ORDER BY seq').all() as { id: string; key: string }[];
  assert.equal(rows.length % CHUNK === 0 || rows.length === order.length, true, `${where}: ${rows.length} articles is not whole chunks`);
  assert.deepEqual(rows.map((r) => r.id), order.slice(0, rows.length), `${where}: the committed articles are the first chunks, each once`);
  for (const r of rows) assert.equal(r.key, expected.get(r.id), `${where}: ${r.id} has its own appearance key`);
  // Derived per-article state counted once per article: a chunk applied twice (or half) would show here.
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM reuse_signature'), rows.length, `${where}: one reuse signature per article`);
  assert.equal(one<number>(store.db, 'SELECT coalesce(sum(articles), 0) FROM outlet'), rows.length, `${where}: outlet statistics count each article once`);
  assert.equal(Number(one<string | undefined>(store.db, "SELECT value FROM corpus_meta WHERE key = 'documents'") ?? 0), rows.length, `${where}: clustering document count`);
  return rows.length;
}

/** Stories: membership rows, the stored view and the summary columns agree; every article in exactly one. */
async function checkStories(store: ReturnType<typeof openStore>, where: string): Promise<void> {
  const articles = one<number>(store.db, 'SELECT count(*) FROM article');
  assert.equal(one<number>(store.db, 'SELECT count(DISTINCT article_id) FROM story_member'), articles, `${where}: every article is in a story`);
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM story_member'), articles, `${where}: no article is in two stories`);
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM event_member'), articles, `${where}: every article is in exactly one event`);
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM story_member WHERE story_id NOT IN (SELECT id FROM story)'), 0, `${where}: members of a missing story`);
  const summaries = await store.listStories({});
  const members = await store.storyMembers(summaries.map((s) => s.id));
  const stored = await store.getStories(summaries.map((s) => s.id));
  for (const s of stored) {
    const rows = [...members.get(s.id)!].sort();
    assert.equal(s.view.id, s.id, `${where}: the view of ${s.id} is its own`);
    assert.deepEqual([...s.view.articles].sort(), rows, `${where}: the view of ${s.id} lists its members`);
    assert.equal(s.articles, rows.length, `${where}: the article count of ${s.id}`);
    assert.deepEqual(s.view.events.flatMap((e) => e.articles).sort(), rows, `${where}: the events of ${s.id} hold its members`);
  }
}

/** Reuse links: each pair once (not also reversed), between stored articles; terms only of stored stories. */
function checkLinks(store: ReturnType<typeof openStore>, where: string): void {
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM reuse_link l JOIN reuse_link r ON l.a = r.b AND l.b = r.a'), 0, `${where}: a link stored both ways`);
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM reuse_link WHERE a NOT IN (SELECT id FROM article) OR b NOT IN (SELECT id FROM article)'), 0, `${where}: a link to an article never committed`);
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM reuse_band WHERE doc NOT IN (SELECT doc FROM reuse_signature)'), 0, `${where}: reuse bands of a signature never committed`);
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM story_term WHERE story_id NOT IN (SELECT id FROM story)'), 0, `${where}: index terms of a missing story`);
}

/** Every invariant of a database an `add` left behind; returns how many articles it holds. */
async function checkDatabase(db: string, expected: Map<string, string>, where: string, order = [...expected.keys()]): Promise<number> {
  const store = openStore(db);
  try {
    const n = checkArticles(store, expected, order, where);
    await checkStories(store, where);
    checkLinks(store, where);
    return n;
  } finally {
    await store.close();
  }
}

/** The stories as sets of article sets (and ids), comparable across databases. */
async function storySets(db: string): Promise<string[]> {
  const store = openStore(db);
  try {
    const members = await store.storyMembers((await store.listStories({})).map((s) => s.id));
    return [...members].map(([id, list]) => `${id}: ${[...list].sort().join(' ')}`).sort();
  } finally {
    await store.close();
  }
}

/** A finished add: all articles, consistent, the reference stories, and the writer lock released. */
async function checkFinished(db: string, expected: Map<string, string>, stories: string[], where: string): Promise<void> {
  assert.equal(await checkDatabase(db, expected, where), expected.size, `${where}: every input is stored`);
  assert.deepEqual(await storySets(db), stories, `${where}: the stories of an uninterrupted add`);
  const store = openStore(db);
  assert.equal(one<number>(store.db, 'SELECT count(*) FROM writer_lock'), 0, `${where}: the writer lock is released`);
  await store.close();
}

const summary = (run: ChildRun) => JSON.parse(run.stdout.trim().split('\n').pop()!) as { added: number; unchanged: number; duplicates: number; rejected: number };

const ok = (run: ChildRun, what: string) => assert.equal(run.code, 0, `${what} failed (${run.signal ?? run.code}): ${run.stderr}`);

// One folder and its uninterrupted add, shared by the tests below.
const root = tmp();
const input = join(root, 'in');
writeArticles(input, COUNT, SEED);
const expected = expectedArticles(input);
after(() => rmSync(root, { recursive: true, force: true }));

interface Reference {
  /** The stories of the uninterrupted add (storySets). */
  stories: string[];
  /** Milliseconds from `ready` to exit. */
  ms: number;
  /** When it began reading each chunk, in ms from `ready`: chunkStart[k] for chunk k (from 0). */
  chunkStart: number[];
}

let measured: Promise<Reference> | undefined;
/** The uninterrupted add (measured once, whichever test asks first). */
const reference = () => (measured ??= measureReference());

async function measureReference(): Promise<Reference> {
  const db = join(root, 'reference.db');
  const run = await runChild(db, input);
  ok(run, 'the reference add');
  const chunkStart = Array.from({ length: COUNT / CHUNK }, (_, k) => run.marks.get(`ingest ${k * CHUNK + 1}`)!);
  assert.ok(chunkStart.every((t, k) => t >= (chunkStart[k - 1] ?? 0)), `the add reports its progress: ${chunkStart}`);
  assert.equal(await checkDatabase(db, expected, 'reference'), COUNT);
  return { stories: await storySets(db), ms: run.addMs, chunkStart };
}

test('an uninterrupted add of the folder in chunks (the reference), and adding it again adds nothing', async () => {
  const { stories } = await reference();
  assert.ok(stories.length >= 6, `the folder forms several stories (got ${stories.length})`);
  const db = join(root, 'reference.db');
  const again = await runChild(db, input);
  ok(again, 'the second add');
  assert.deepEqual(summary(again), { added: 0, unchanged: COUNT, duplicates: 0, rejected: 0 });
  assert.deepEqual(await storySets(db), stories, 'adding the folder again leaves the stories as they were');
});

/** A kill `ms` into the reference add, made robust to how loaded the machine is: in the chunk the reference
 *  add was reading then, as far into it, timed from the line the child prints as it starts reading that chunk
 *  (`ingest 8k+1` comes once the chunks before are committed, or skipped unchanged by a resumed add). */
function killPoint(ms: number, committed: number, chunkStart: number[]): { at: string; ms: number } {
  if (ms < chunkStart[0]) return { at: 'ready', ms };
  const inChunk = chunkStart.findLastIndex((t) => t <= ms);
  // A kill before what this database already holds lands as early in its first chunk still to do.
  const chunk = Math.max(inChunk, committed / CHUNK);
  return { at: `ingest ${chunk * CHUNK + 1}`, ms: ms - chunkStart[inChunk] };
}

test(`kill -9 during add at ${KILLS} random points: nothing lost, doubled or inconsistent; finishing gives the reference stories`, { timeout: 300_000 }, async (t) => {
  const { stories, ms: referenceMs, chunkStart } = await reference();
  const rand = prng(SEED);
  // Points over the whole add as the reference timed it; four databases take five each in increasing order,
  // so each kill lands in the add resumed after the one before (one resume to the end per database).
  const points = Array.from({ length: KILLS }, () => Math.round((0.02 + 0.96 * rand()) * referenceMs));
  const plan = [0, 1, 2, 3].flatMap((g) => points.slice(g * 5, g * 5 + 5).sort((x, y) => x - y).map((ms) => ({ g, ms })));
  const committedAtKill: number[] = [];
  let db = '';
  let committed = 0;
  const finish = async () => {
    if (committed < COUNT) ok(await runChild(db, input), `the add resumed on ${db}`);
    // Same stories, ids included: a resumed add re-reads the folder in the same order, its committed chunks
    // come back unchanged (and commit nothing), so the chunks it analyses are those of the uninterrupted run.
    await checkFinished(db, expected, stories, db);
  };
  for (let i = 0, missed = 0; i < plan.length;) {
    if (i === 0 || plan[i].g !== plan[i - 1].g || committed === COUNT) {
      if (db) await finish();
      db = join(root, `killed-${i}.db`);
      committed = 0;
    }
    const kill = killPoint(plan[i].ms, committed, chunkStart);
    const run = await runChild(db, input, { kill });
    const where = `kill ${i + 1} (${kill.ms} ms after "${kill.at}")`;
    // The killed holder's lock is stale: the next add takes it over at once instead of waiting for it.
    assert.doesNotMatch(run.stderr, /waiting/, `${where}: the add waited for a dead writer`);
    if (run.signal !== 'SIGKILL') {
      // This add ran faster than the reference and finished first: the point is tried again on a new database,
      // half as far into its chunk (a tail the reference spent under load may not exist in a quicker run).
      ok(run, `the add before ${where}`);
      assert.ok(++missed < KILLS, 'the kills keep missing the add');
      const start = plan[i].ms < chunkStart[0] ? 0 : chunkStart.findLast((c) => c <= plan[i].ms)!;
      plan[i].ms = Math.round((start + plan[i].ms) / 2);
      committed = COUNT;
      continue;
    }
    committed = await checkDatabase(db, expected, `after ${where}`);
    committedAtKill.push(committed);
    i++;
  }
  await finish();
  t.diagnostic(`articles committed at each kill: ${committedAtKill.join(' ')}`);
  assert.equal(committedAtKill.length, KILLS);
  assert.ok(new Set(committedAtKill).size >= 5, `the kills landed at different points of the add (articles committed: ${committedAtKill})`);
});

test('kill -9 inside a commit: the chunk is rolled back whole, and the add resumes from it', async () => {
  const db = join(root, 'in-commit.db');
  const run = await runChild(db, input, { env: { CROSSCHECK_TEST_DIE_IN_COMMIT: '3' } });
  assert.equal(run.signal, 'SIGKILL', `the child died in its third commit: ${run.stderr}`);
  assert.equal(await checkDatabase(db, expected, 'died in commit 3'), 2 * CHUNK, 'the first two chunks stay, nothing of the third');
  ok(await runChild(db, input), 'the resumed add');
  await checkFinished(db, expected, (await reference()).stories, 'resumed after dying in a commit');
});

/** Two overlapping folders of the generated articles (same files, so same URLs: one appearance each). */
function overlappingFolders(dir: string): { a: string; b: string; overlap: number } {
  const names = readdirSync(input).sort();
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  mkdirSync(a);
  mkdirSync(b);
  for (const n of names.slice(0, 44)) copyFileSync(join(input, n), join(a, n));
  for (const n of names.slice(28)) copyFileSync(join(input, n), join(b, n));
  return { a, b, overlap: 44 - 28 };
}

/** Two adds that open the database at one instant, once both have loaded their modules (so neither is done
 *  before the other starts, however loaded the machine). */
function together(db: string, a: string, b: string): Promise<ChildRun[]> {
  const env = { CROSSCHECK_TEST_GO: '1' };
  const children = [startChild(db, a, { env }), startChild(db, b, { env })];
  let loaded = 0;
  for (const c of children) c.child.stdout.on('data', (d) => {
    if (String(d).includes('loaded\n') && ++loaded === 2) for (const o of children) o.child.stdin.write('go\n');
  });
  return Promise.all(children.map((c) => c.done));
}

/** Both adds of two folders at once succeeded, one after the other, into one consistent corpus of their union. */
async function checkTwoWriters(db: string, runs: ChildRun[], folders: { a: string; b: string; overlap: number }): Promise<void> {
  runs.forEach((r, i) => ok(r, `add ${i + 1} of two at once`));
  const waited = runs.filter((r) => /waiting: the corpus is being written by pid \d+/.test(r.stderr));
  assert.equal(waited.length, 1, `exactly one add waited for the other and said so: ${runs.map((r) => JSON.stringify(r.stderr)).join(', ')}`);
  const [first, second] = waited[0] === runs[0] ? [runs[1], runs[0]] : runs;
  assert.match(second.stderr, new RegExp(`by pid ${first.pid} on `), 'the waiting add names the one it waits for');
  assert.equal(summary(first).added + summary(second).added, COUNT, 'every article of the union added once');
  assert.equal(summary(second).unchanged, folders.overlap, 'the second add finds the shared articles already stored');
  // The corpus holds the first add's folder, then the rest of the second's, each in its walk order.
  const ids = (dir: string) => readdirSync(dir).sort().map((n) => n.replace(/\.txt$/, ''));
  const firstIds = ids(first === runs[0] ? folders.a : folders.b);
  const order = [...firstIds, ...ids(first === runs[0] ? folders.b : folders.a).filter((id) => !firstIds.includes(id))];
  assert.equal(await checkDatabase(db, expected, 'two adds at once', order), COUNT);
}

test('two add processes on one database at once: both succeed, the second waits and says so, nothing is corrupted', async () => {
  const dir = join(root, 'two-writers');
  mkdirSync(dir);
  const folders = overlappingFolders(dir);
  const db = join(dir, 'c.db');
  // The database exists (as after any earlier add): the adds race for the writer lock, not for creating it.
  await openStore(db).close();
  const runs = await together(db, folders.a, folders.b);
  await checkTwoWriters(db, runs, folders);
});

// Before 680f868 the second opener re-ran migration 2 ("table article already exists") or failed to upgrade its
// read transaction ("database is locked"); both open at one instant, so it does not always collide.
test('two add processes opening a new database at the same instant: both succeed', async () => {
  const dir = join(root, 'two-creators');
  mkdirSync(dir);
  const folders = overlappingFolders(dir);
  const db = join(dir, 'c.db');
  const runs = await together(db, folders.a, folders.b);
  await checkTwoWriters(db, runs, folders);
});
