// ingestPaths: files, folders (recursive, sorted, dotfiles and web assets skipped), globs, stdin, and the
// file-level refusals (missing, unreadable, oversized) that must not stop the run.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ingestPaths } from './index.js';
import { globToRegExp } from './walk.js';
import type { IngestItem } from './types.js';

let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  mkdirSync(join(dir, 'pile', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'pile', '.hidden'));
  writeFileSync(join(dir, 'pile', 'b-story.txt'), 'The ferry stops on Monday.\n');
  writeFileSync(join(dir, 'pile', 'a-story.txt'), 'The bridge reopened on Friday.\n');
  writeFileSync(join(dir, 'pile', 'sub', 'c-story.md'), 'Cyclists welcomed the wider path.\n');
  writeFileSync(join(dir, 'pile', 'sub', 'broken.pdf'), '%PDF-1.4\n%\u00e2\u00e3\n');
  writeFileSync(join(dir, 'pile', 'empty.txt'), '');
  writeFileSync(join(dir, 'pile', '.notes.txt'), 'A dotfile: never read.\n');
  writeFileSync(join(dir, 'pile', '.hidden', 'x.txt'), 'Inside a dot folder: never read.\n');
  writeFileSync(join(dir, 'pile', 'style.css'), 'body { color: red }\n');
  writeFileSync(join(dir, 'pile', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'big.txt'), 'x'.repeat(5000));
  writeFileSync(join(dir, 'locked.txt'), 'Locked away.\n');
  chmodSync(join(dir, 'locked.txt'), 0o000);
});

after(() => {
  chmodSync(join(dir, 'locked.txt'), 0o644);
  rmSync(dir, { recursive: true, force: true });
});

async function collect(inputs: string[], opts = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingestPaths(inputs, opts)) out.push(item);
  return out;
}

const summary = (items: IngestItem[]): string[] =>
  items.map((i) => (i.kind === 'article' ? `article ${i.article.id}` : i.kind === 'rejected' ? `rejected ${i.path.slice(dir.length + 1)}: ${i.reason}` : `warning ${i.message}`));

test('a folder is walked recursively in sorted order; one bad file among good ones costs only itself', async () => {
  assert.deepEqual(summary(await collect([join(dir, 'pile')])), [
    'article a-story',
    'article b-story',
    'rejected pile/empty.txt: empty file',
    'rejected pile/sub/broken.pdf: binary file (PDF)',
    'article c-story',
  ]);
});

test('missing and unreadable paths are rejected with a reason, and the next input is still read', async () => {
  const items = await collect([join(dir, 'nope.txt'), join(dir, 'pile', 'a-story.txt', 'inside'), join(dir, 'locked.txt'), join(dir, 'pile', 'b-story.txt')]);
  const s = summary(items);
  assert.equal(s[0], 'rejected nope.txt: no such file or directory');
  assert.match(s[1], /^rejected pile\/a-story\.txt\/inside: cannot read \(ENOTDIR\)$/);
  // root can read a 000 file; everyone else must get a clear refusal
  if (process.getuid?.() === 0) assert.equal(s[2], 'article locked');
  else assert.equal(s[2], 'rejected locked.txt: permission denied');
  assert.equal(s[3], 'article b-story');
});

test('oversized files are rejected from their size, without being read', async () => {
  const items = await collect([join(dir, 'big.txt')], { maxBytes: 1000 });
  assert.deepEqual(summary(items), ['rejected big.txt: file too large (4.9 KB; the limit is 1000 bytes)']);
  assert.deepEqual(summary(await collect([join(dir, 'big.txt')], { maxBytes: 10_000 })), ['article big']);
});

test('globs: *, **, ?, [..] and {a,b}; a glob matching nothing is rejected; a file named twice is read once', async () => {
  const items = await collect([join(dir, 'pile', '**', '*-story.{txt,md}'), join(dir, 'pile', '?-story.txt'), join(dir, 'pile', '*.nothing')]);
  assert.deepEqual(summary(items), ['article a-story', 'article b-story', 'article c-story', 'rejected pile/*.nothing: no files match this pattern']);
  const re = globToRegExp('**/[ab]-*.txt');
  assert.ok(re.test('a-story.txt') && re.test('x/y/b-1.txt'));
  assert.ok(!re.test('c-story.txt') && !re.test('a-story.txt.bak'));
});

test('stdin: `-` reads the stream as one file with id "stdin"; oversized stdin is refused', async () => {
  const [item] = await collect(['-'], { stdin: Readable.from([Buffer.from('Bridge reopens\n2031-03-14\nThe bridge reopened.\n')]) });
  assert.ok(item.kind === 'article');
  assert.equal(item.article.id, 'stdin');
  assert.equal(item.article.path, '-');
  assert.equal(item.article.meta.published, '2031-03-14');
  const big = await collect(['-'], { stdin: Readable.from([Buffer.alloc(600, 'a'), Buffer.alloc(600, 'b')]), maxBytes: 1000 });
  assert.deepEqual(big, [{ kind: 'rejected', path: '-', reason: 'input too large (over 1000 bytes on stdin)' }]);
});

test('an empty folder gives a warning, not an error', async () => {
  mkdirSync(join(dir, 'void'));
  assert.deepEqual(summary(await collect([join(dir, 'void')])), ['warning folder has no article files']);
});
