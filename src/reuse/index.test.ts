import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { detectReuse, signatureInputOf, signatureOf } from './index.js';
import { SqliteReuseIndex } from '../store/sqlite-reuse-index.js';
import { buildArticle } from '../../test/fixtures/reuse/build.js';
import { BRIDGE, BRIDGE_REWRITE, FESTIVAL_WITH_LIFT, OTHER_BRIDGE } from '../../test/fixtures/reuse/articles.js';

const linkOf = (r: ReturnType<typeof detectReuse>, a: string, b: string) => r.links.find((l) => l.a === a && l.b === b);

test('same text under two names is a duplicate with every sentence aligned', () => {
  const r = detectReuse([buildArticle('a1', BRIDGE), buildArticle('a2', BRIDGE)]);
  const link = linkOf(r, 'a1', 'a2');
  assert.equal(link?.kind, 'duplicate');
  assert.equal(link?.score, 1);
  assert.equal(link?.shared, 8);
  assert.equal(r.groupOf.get('a2'), 'a1');
});

test('a shuffled, reworded copy is a rewrite whose aligned pairs match the right sentences', () => {
  const r = detectReuse([buildArticle('w', BRIDGE_REWRITE), buildArticle('o', BRIDGE)]);
  const link = linkOf(r, 'o', 'w');
  assert.equal(link?.kind, 'rewrite');
  assert.ok(link!.shared >= 6, `shared ${link!.shared}`);
  // Sentence 0 of the original ("reopened … on Saturday") is sentence 1 of the rewrite.
  assert.ok(link!.pairs.some((p) => p.a === 0 && p.b === 1));
  assert.ok(link!.pairs.every((p) => p.similarity >= 0.5 && p.similarity <= 1));
  assert.equal(r.groupOf.get('w'), 'o');
});

test('small edits (one sentence dropped, one word changed) are a near-duplicate', () => {
  const edited = BRIDGE.split('\n').filter((_, i) => i !== 6).join('\n').replace('sharply', 'steeply');
  const r = detectReuse([buildArticle('x', BRIDGE), buildArticle('y', edited)]);
  assert.equal(linkOf(r, 'x', 'y')?.kind, 'near-duplicate');
});

test('a lifted block is partial and does not merge the independence groups', () => {
  const r = detectReuse([buildArticle('bridge', BRIDGE), buildArticle('fest', FESTIVAL_WITH_LIFT)]);
  const link = linkOf(r, 'bridge', 'fest');
  assert.equal(link?.kind, 'partial');
  assert.equal(link?.shared, 3);
  assert.equal(r.groupOf.get('fest'), 'fest');
  assert.equal(r.groupOf.get('bridge'), 'bridge');
});

test('direction: earlier date wins; otherwise attribution; otherwise containment', () => {
  const dated = detectReuse([
    buildArticle('p', BRIDGE, { published: '2024-03-09' }),
    buildArticle('q', BRIDGE_REWRITE, { published: '2024-03-08' }),
  ]);
  assert.equal(linkOf(dated, 'p', 'q')?.original, 'q');
  const cited = detectReuse([
    buildArticle('p', BRIDGE, { outlet: 'harbourpost.com' }),
    buildArticle('q', BRIDGE_REWRITE + '\nThe mayor spoke to reporters, according to the Harbour Post.', { outlet: 'dailyrewrite.net' }),
  ]);
  assert.equal(linkOf(cited, 'p', 'q')?.original, 'p');
  const contained = detectReuse([buildArticle('bridge', BRIDGE), buildArticle('fest', FESTIVAL_WITH_LIFT)]);
  assert.equal(linkOf(contained, 'bridge', 'fest')?.original, null, 'the lift covers under 80% of BRIDGE: unsure');
  const undecided = detectReuse([buildArticle('a1', BRIDGE), buildArticle('a2', BRIDGE)]);
  assert.equal(linkOf(undecided, 'a1', 'a2')?.original, null);
});

test('an undated copy inherits the date of its dated source', () => {
  const r = detectReuse([buildArticle('src', BRIDGE, { published: '2024-03-09' }), buildArticle('copy', BRIDGE_REWRITE)]);
  assert.deepEqual(r.inheritedDates.get('copy'), { published: '2024-03-09', from: 'src' });
  assert.equal(r.inheritedDates.has('src'), false);
});

test('every article gets a group, singletons included; group id is the smallest member id', () => {
  const r = detectReuse([buildArticle('z', BRIDGE), buildArticle('m', OTHER_BRIDGE), buildArticle('b', BRIDGE_REWRITE)]);
  assert.deepEqual([...r.groupOf].sort(), [['b', 'b'], ['m', 'm'], ['z', 'b']]);
});

test('a SQLite index persists: a second run finds the pair and re-adding is idempotent', () => {
  const db = new Database(':memory:');
  const first = detectReuse([buildArticle('o', BRIDGE)], { index: new SqliteReuseIndex(db) });
  assert.equal(first.links.length, 0);
  const index = new SqliteReuseIndex(db);
  assert.equal(index.size, 1);
  const second = detectReuse([buildArticle('o', BRIDGE), buildArticle('w', BRIDGE_REWRITE)], { index });
  assert.equal(linkOf(second, 'o', 'w')?.kind, 'rewrite');
  assert.equal(index.size, 2);
  const rows = db.prepare('SELECT count(*) FROM reuse_band').pluck().get() as number;
  detectReuse([buildArticle('o', BRIDGE), buildArticle('w', BRIDGE_REWRITE)], { index });
  assert.equal(db.prepare('SELECT count(*) FROM reuse_band').pluck().get(), rows);
});

test('a copy of an article stored by an earlier run is not linked but noted as an earlier-run candidate', () => {
  const db = new Database(':memory:');
  detectReuse([buildArticle('old', BRIDGE)], { index: new SqliteReuseIndex(db) });
  const copy = buildArticle('new', BRIDGE);
  const r = detectReuse([copy], { index: new SqliteReuseIndex(db) });
  assert.deepEqual(r.links, []);
  const note = copy.diagnostics.find((d) => d.origin === 'reuse:earlier-run-candidate');
  assert.ok(note && note.message.includes('old'), JSON.stringify(copy.diagnostics));
});

test('precomputed signatures (as from worker threads) give the same links as computing them here', () => {
  const articles = [buildArticle('o', BRIDGE), buildArticle('w', BRIDGE_REWRITE), buildArticle('x', OTHER_BRIDGE)];
  const signatures = new Map(articles.map((a) => [a.id, signatureOf(signatureInputOf(a))]));
  const pre = detectReuse(articles, { signatures });
  const here = detectReuse(articles.map((a) => buildArticle(a.id, a.raw)));
  assert.deepEqual(pre.links, here.links);
  assert.equal(linkOf(pre, 'o', 'w')?.kind, 'rewrite');
});
