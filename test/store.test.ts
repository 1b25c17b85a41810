import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/store.js';
import { runCli } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'crosscheck-store-'));

function storedCounts(db: string) {
  const store = openStore(db);
  try {
    return store.counts();
  } finally {
    store.close();
  }
}

test('ingest is idempotent: one article at one URL under two file names is one appearance, re-running adds nothing', () => {
  const dir = tmp();
  const input = join(dir, 'in');
  mkdirSync(input);
  copyFileSync('examples/harbour-gazette-library-opens.txt', join(input, 'a.txt'));
  copyFileSync('examples/harbour-gazette-library-opens.txt', join(input, 'b.txt'));
  copyFileSync('examples/coastal-wire-storm-closes-port.txt', join(input, 'c.txt'));
  const db = join(dir, 'x.db');
  assert.equal(runCli(['analyze', input, '--db', db, '--quiet']).code, 0);
  const first = storedCounts(db);
  assert.equal(first.contents, 2);
  // a.txt and b.txt carry the same URL header: one appearance of one article, not two.
  assert.equal(first.sources, 2);
  assert.equal(runCli(['analyze', input, '--db', db, '--quiet']).code, 0);
  assert.deepEqual(storedCounts(db), first);
});

test('a killed run loses nothing committed and the next run completes without duplicates', async () => {
  const dir = tmp();
  const input = join(dir, 'in');
  mkdirSync(input);
  const n = 400;
  for (let i = 0; i < n; i++) {
    writeFileSync(
      join(input, `a${String(i).padStart(4, '0')}.txt`),
      `Report number ${i} from the valley\n\nThe council of Vale ${i} met on Monday to approve ${i + 3} new bus routes. ` +
        `Residents said the routes would cut travel times by ${i % 50} minutes. The mayor of district ${i} promised more buses next year.\n`,
    );
  }
  const db = join(dir, 'x.db');
  const bin = fileURLToPath(new URL('../bin/crosscheck.js', import.meta.url));
  // `add` commits one chunk at a time, so a kill lands between commits; `analyze` into an empty corpus is one chunk.
  const chunk = 25;
  const child = spawn(process.execPath, [bin, 'add', input, '--db', db, '--quiet', '--workers', '0', '--chunk', String(chunk)], { stdio: 'ignore' });
  // Listen for the exit now: a child that finishes before the kill has already emitted it.
  const exited = new Promise((r) => child.once('exit', r));
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 20_000;
  while (!done && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    if (existsSync(db)) {
      try {
        if (storedCounts(db).contents > 0) break;
      } catch {
        /* the database may be mid-creation */
      }
    }
  }
  child.kill('SIGKILL');
  await exited;
  const partial = storedCounts(db);
  assert.ok(partial.contents <= n);
  // A chunk is committed whole or not at all.
  assert.equal(partial.contents % chunk, 0, `partial commit of ${partial.contents} articles`);
  assert.equal(runCli(['analyze', input, '--db', db, '--quiet']).code, 0);
  const after = storedCounts(db);
  assert.equal(after.contents, n);
  assert.equal(after.sources, n);
  assert.equal(after.analyses, n);
});

test('a story keeps its id when its folder grows and analyze runs again on the same database', () => {
  const dir = tmp();
  const input = join(dir, 'in');
  mkdirSync(input);
  for (const f of ['coastal-wire-storm-closes-port.txt', 'harbour-gazette-storm-local.txt', 'harbour-gazette-library-opens.txt']) {
    copyFileSync(join('examples', f), join(input, f));
  }
  const db = join(dir, 'x.db');
  const storyIds = () => {
    const r = runCli(['analyze', input, '--db', db, '--format', 'json', '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { stories: { id: string; articles: string[] }[] };
    return new Map(report.stories.map((s) => [s.articles.includes('coastal-wire-storm-closes-port') ? 'storm' : s.articles.join(), s.id]));
  };
  const before = storyIds();
  copyFileSync('examples/bayside-bulletin-storm-rewrite.txt', join(input, 'bayside-bulletin-storm-rewrite.txt'));
  const after = storyIds();
  assert.equal(after.get('storm'), before.get('storm'));
});
