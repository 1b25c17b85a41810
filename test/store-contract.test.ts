// The store contract: one set of behaviour tests written against the `Store` interface only, run against every
// adapter (SQLite in a temporary file; PostgreSQL in a database this file creates and drops), plus the corpus
// end to end on PostgreSQL against the same input on SQLite. PostgreSQL tests skip, saying so, when no server
// answers at CROSSCHECK_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres).

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { AnalysedArticle } from '../src/model/article.js';
import type { ReuseLink, Story } from '../src/model/report.js';
import { signatureInputOf, signatureOf, reuseParams, type ReuseSignature } from '../src/reuse/index.js';
import { murmur3 } from '../src/reuse/murmur3.js';
import { openStore } from '../src/store/store.js';
import { listingOf } from '../src/model/listing.js';
import { pack } from '../src/store/packed.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/store/migrations.js';
import { PG_MIGRATIONS } from '../src/store/migrations-postgres.js';
import { openPostgresStore } from '../src/store/postgres.js';
import type { ClusterSummary, CorpusCommit, FeedState, Store } from '../src/store/types.js';
import Database from 'better-sqlite3';
import { Corpus } from '../src/corpus/index.js';
import { buildArticle } from './fixtures/cluster/build.js';
import { FERRY, ORCHARD } from './fixtures/corpus/stories.js';
import { ADMIN_URL, adminQuery, databaseUrl } from './fixtures/postgres.js';


/** Null when PostgreSQL answers, else why not (the PostgreSQL half then skips with it). */
async function postgresProblem(): Promise<string | null> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL unreachable at ${ADMIN_URL} (${(err as Error).message}): PostgreSQL contract tests skipped`;
  } finally {
    await c.end().catch(() => {});
  }
}
const pgProblem = await postgresProblem();
if (pgProblem) console.log(pgProblem);

/** A database of its own for one test: `open` may be called more than once (two processes' stores). */
interface Fresh {
  url: string;
  open(): Promise<Store>;
  drop(): Promise<void>;
}


const created: string[] = [];
after(async () => {
  // Whatever a failed test left behind.
  for (const name of created.splice(0)) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
});

async function freshPostgres(): Promise<Fresh> {
  const name = `cc_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  created.push(name);
  const url = databaseUrl(name);
  return {
    url,
    open: () => openPostgresStore(url),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      created.splice(created.indexOf(name), 1);
    },
  };
}

async function freshSqlite(): Promise<Fresh> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-contract-'));
  const path = join(dir, 'c.db');
  return { url: path, open: async () => openStore(path), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

const ADAPTERS: { name: string; fresh: () => Promise<Fresh>; skip: string | false }[] = [
  { name: 'SQLite', fresh: freshSqlite, skip: false },
  { name: 'PostgreSQL', fresh: freshPostgres, skip: pgProblem ?? false },
];

async function withStore(fresh: () => Promise<Fresh>, fn: (store: Store, db: Fresh) => Promise<void>): Promise<void> {
  const db = await fresh();
  const store = await db.open();
  try {
    await fn(store, db);
  } finally {
    await store.close();
    await db.drop();
  }
}

// ---- fixtures ---------------------------------------------------------------------------------------------

const BODIES = {
  ferry: `Ferry crews on the Vellin line walked out on Monday, stranding hundreds of passengers at the mainland pier.
The union said the strike would last three days unless the operator restored the night shift it cut in April.
Island shops said deliveries of fresh food had stopped and the clinic was rationing its medical supplies.`,
  orchard: `Apple growers in the Tarn valley said a late frost on Tuesday destroyed up to half of this year's blossom.
The growers' association asked the regional government for emergency aid to cover the lost harvests.
Orchard owner Pell Ostrander said the nights had dropped to minus four degrees, the coldest May on record.`,
  bridge: `The old Karsk bridge reopened to traffic on Friday after two years of repairs costing forty million crowns.
Engineers replaced the steel cables and strengthened the piers against the spring floods of the Karsk river.
Commuters from the eastern suburbs said their journeys into the city centre would now be twenty minutes shorter.`,
};

function article(id: string, body: string, hash = `h-${id}`): AnalysedArticle {
  const a = buildArticle(id, body, { title: body.split(' ').slice(0, 6).join(' '), published: '2031-05-12' });
  a.hash = hash;
  a.raw = '';
  return a;
}

/** A sentence of its own for article `i`: words no other `own(j)` shares in order (no common shingles or keys). */
function own(i: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'vo', 'de', 'pa', 'gu', 'zo'];
  const word = (n: number) => [n % 12, Math.floor(n / 12) % 12, Math.floor(n / 144) % 12].map((k) => syllables[k]).join('');
  return `${Array.from({ length: 12 }, (_, k) => word(i * 13 + k * 7 + 1)).join(' ')}.`;
}

const sig = (a: AnalysedArticle): ReuseSignature => signatureOf(signatureInputOf(a), reuseParams, murmur3);
/** What a stored record reads back as (JSON drops undefined fields). */
const asStored = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function commitOf(parts: Partial<CorpusCommit>): CorpusCommit {
  return {
    articles: [], signatures: [], links: [], outletLines: [], stories: [], removedStories: [], changes: [],
    documentFrequencies: new Map(), documents: 0, ...parts,
  };
}

const newArticle = (a: AnalysedArticle, key = `file:/in/${a.id}.txt`) => ({ id: a.id, key, raw: `raw of ${a.id}`, hash: a.hash, analysed: a });

function view(id: string, headline: string, events: { id: string; articles: string[]; start?: string | null; end?: string | null }[], contradictions = 0): Story {
  return {
    id, headline, articles: events.flatMap((e) => e.articles),
    events: events.map((e) => ({ id: e.id, label: e.id, articles: e.articles, start: e.start ?? null, end: e.end ?? null })),
    summary: [], timeline: [], entities: [], quotes: [], claims: [],
    contradictions: Array.from({ length: contradictions }, () => ({}) as Story['contradictions'][number]),
  };
}

function link(a: string, b: string, score = 0.9): ReuseLink {
  return { a, b, kind: 'near-duplicate', original: a, shared: 3, score, pairs: [{ a: 0, b: 0, similarity: 1 }] } as ReuseLink;
}

const sorted = (xs: string[]) => [...xs].sort();

// ---- the contract -----------------------------------------------------------------------------------------

for (const adapter of ADAPTERS) {
  describe(`store contract: ${adapter.name}`, { skip: adapter.skip }, () => {
    const it = (name: string, fn: (store: Store, db: Fresh) => Promise<void>) => test(name, () => withStore(adapter.fresh, fn));

    it('resolveAppearances: new, unchanged, revision, duplicate; proposed ids made unique', async (store) => {
      const first = await store.resolveAppearances([
        { key: 'file:/a/x.txt', hash: 'h1', proposedId: 'x' },
        { key: 'file:/b/x.txt', hash: 'h2', proposedId: 'x' },
        { key: 'file:/a/x.txt', hash: 'h1', proposedId: 'x' },
      ]);
      assert.deepEqual(first, [{ status: 'new', id: 'x' }, { status: 'new', id: 'x~2' }, { status: 'unchanged', id: 'x' }]);
      const x = article('x', BODIES.ferry, 'h1');
      const x2 = article('x~2', BODIES.orchard, 'h2');
      const x3 = article('x~3', BODIES.bridge, 'h3');
      await store.commit(commitOf({ articles: [newArticle(x, 'file:/a/x.txt'), newArticle(x2, 'file:/b/x.txt'), newArticle(x3, 'file:/c/x.txt')] }));
      const again = await store.resolveAppearances([
        { key: 'file:/a/x.txt', hash: 'h1', proposedId: 'x' },
        { key: 'file:/b/x.txt', hash: 'h9', proposedId: 'x' },
        { key: 'url:https://example.org/x', hash: 'h1', proposedId: 'x' },
        { key: 'file:/d/x.txt', hash: 'h8', proposedId: 'x~2' },
        { key: 'file:/e/y.txt', hash: 'h7', proposedId: 'y' },
      ]);
      assert.deepEqual(again, [
        { status: 'unchanged', id: 'x' },
        { status: 'revision', id: 'x~2', previousVersion: 1 },
        { status: 'duplicate', id: 'x~4', duplicateOf: 'x' },
        { status: 'new', id: 'x~2~2' },
        { status: 'new', id: 'y' },
      ]);
      assert.deepEqual(await store.resolveAppearances([]), []);
    });

    it('resolveAppearances: the same text twice in one chunk is a duplicate of the first, as of a stored one', async (store) => {
      const got = await store.resolveAppearances([
        { key: 'url:https://one.example/a', hash: 'same', proposedId: 'one' },
        { key: 'url:https://two.example/a', hash: 'same', proposedId: 'two' },
        { key: 'url:https://three.example/b', hash: 'other', proposedId: 'three' },
      ]);
      assert.deepEqual(got, [
        { status: 'new', id: 'one' },
        { status: 'duplicate', id: 'two', duplicateOf: 'one' },
        { status: 'new', id: 'three' },
      ]);
    });

    it('getArticles round trip, insertion order, articleIds pages, countArticles', async (store) => {
      const a = article('a', BODIES.ferry);
      const b = article('b', BODIES.orchard);
      const c = article('c', BODIES.bridge);
      await store.commit(commitOf({ articles: [newArticle(b), newArticle(a)] }));
      await store.commit(commitOf({ articles: [newArticle(c)] }));
      const got = await store.getArticles(['c', 'a', 'missing', 'b']);
      assert.deepEqual(got.map((s) => s.id), ['b', 'a', 'c']);
      assert.deepEqual(got[1].analysed, asStored(a));
      assert.equal(got[1].key, 'file:/in/a.txt');
      assert.equal(got[1].hash, 'h-a');
      assert.equal(got[1].version, 1);
      assert.ok(got[0].seq < got[1].seq && got[1].seq < got[2].seq);
      assert.match(got[0].addedAt, /^\d{4}-\d\d-\d\dT/);
      assert.equal(await store.countArticles(), 3);
      const page1 = await store.articleIds(-1, 2);
      assert.deepEqual(page1.map((p) => p.id), ['b', 'a']);
      const page2 = await store.articleIds(page1[1].seq, 2);
      assert.deepEqual(page2.map((p) => p.id), ['c']);
      assert.deepEqual(await store.articleIds(page2[0].seq), []);
      assert.deepEqual(await store.getArticles([]), []);
    });

    it('getListedArticles: each stored article\'s listing, in insertion order, current after a revision and a re-dating', async (store) => {
      const a = article('a', BODIES.ferry);
      const b = article('b', BODIES.orchard);
      await store.commit(commitOf({ articles: [newArticle(b), newArticle(a)] }));
      const listed = await store.getListedArticles(['a', 'missing', 'b']);
      assert.deepEqual(listed.map((s) => [s.id, s.version]), [['b', 1], ['a', 1]]);
      assert.deepEqual(listed[1].listed, listingOf(asStored(a)));
      assert.equal('tokens' in (listed[1].listed.text.sentences[0] ?? {}), false, 'no tokens: a listing, not the record');
      const a2 = article('a', BODIES.bridge, 'h-a2');
      await store.commit(commitOf({ articles: [{ ...newArticle(a2), revisionOf: { version: 1, text: a.clean.text } }] }));
      const redated = { ...asStored(b), meta: { ...asStored(b).meta, published: '2031-05-20', publishedFrom: 'copy' as const } };
      await store.commit(commitOf({ updatedArticles: [redated] }));
      const after = await store.getListedArticles(['a', 'b']);
      assert.deepEqual(after.map((s) => [s.id, s.version]), [['b', 1], ['a', 2]]);
      assert.equal(after[1].listed.clean.text, a2.clean.text, 'the revision\'s listing');
      assert.equal(after[0].listed.meta.published, '2031-05-20', 'the re-dated listing');
      assert.deepEqual(await store.getListedArticles([]), []);
    });

    it('a revision keeps the earlier text, moves the version on, and replaces the signature and links', async (store) => {
      const x = article('x', BODIES.ferry, 'h1');
      const y = article('y', BODIES.orchard, 'h-y');
      await store.commit(commitOf({ articles: [newArticle(x), newArticle(y)], signatures: [sig(x), sig(y)], links: [{ link: link('x', 'y'), joins: true }] }));
      const x2 = article('x', BODIES.bridge, 'h2');
      await store.commit(commitOf({ articles: [{ ...newArticle(x2), revisionOf: { version: 1, text: x.clean.text } }], signatures: [sig(x2)] }));
      const [stored] = await store.getArticles(['x']);
      assert.equal(stored.version, 2);
      assert.equal(stored.hash, 'h2');
      assert.equal(stored.analysed.clean.text, x2.clean.text);
      const revs = await store.revisions('x');
      assert.equal(revs.length, 1);
      assert.deepEqual({ ...revs[0], seenAt: '' }, { id: 'x', version: 1, hash: 'h1', seenAt: '', text: x.clean.text });
      assert.match(revs[0].seenAt, /^\d{4}-/);
      assert.deepEqual(await store.revisions('y'), []);
      assert.deepEqual(await store.resolveAppearances([{ key: 'file:/in/x.txt', hash: 'h2', proposedId: 'x' }]), [{ status: 'unchanged', id: 'x' }]);
      assert.deepEqual(await store.reuseLinks(['x', 'y']), [], 'the revised article\'s links are dropped');
      // The old text no longer finds x; the new one does.
      const probeOld = { ...sig(article('probe', BODIES.ferry, 'h1')) };
      const probeNew = { ...sig(article('probe2', BODIES.bridge, 'h2')) };
      const hits = await store.reuseCandidates([probeOld, probeNew]);
      assert.deepEqual([...hits.get('probe')!.keys()], []);
      assert.deepEqual([...hits.get('probe2')!.keys()], ['x']);
      assert.equal(await store.countArticles(), 2);
    });

    it('cached analyses: dated and undated, in order, replaced not duplicated', async (store) => {
      await store.putCachedAnalyses([
        { hash: 'c1', published: '2031-05-12', data: { v: 'dated' } },
        { hash: 'c1', published: null, data: { v: 'undated' } },
      ]);
      await store.putCachedAnalyses([{ hash: 'c1', published: null, data: { v: 'undated again' } }]);
      const got = await store.getCachedAnalyses([
        { hash: 'c1', published: null }, { hash: 'c2', published: null }, { hash: 'c1', published: '2031-05-12' }, { hash: 'c1', published: '2031-05-13' },
      ]);
      assert.deepEqual(got, [{ v: 'undated again' }, null, { v: 'dated' }, null]);
      assert.deepEqual(await store.getCachedAnalyses([]), []);
    });

    it('outlet line counts: distinct articles per line, the outlet\'s article count', async (store) => {
      await store.commit(commitOf({ outletLines: [
        { outlet: 'herald', hashes: [[1, 2], [-5, 7], [3, 4]] },
        { outlet: 'herald', hashes: [[1, 2], [9, 9]] },
        { outlet: 'gazette', hashes: [[1, 2]] },
      ] }));
      await store.commit(commitOf({ outletLines: [{ outlet: 'herald', hashes: [[1, 2], [-5, 7]] }] }));
      assert.deepEqual(await store.outletLineCounts('herald', [[1, 2], [-5, 7], [3, 4], [9, 9], [8, 8]]), { counts: [3, 2, 1, 1, 0], articles: 3 });
      assert.deepEqual(await store.outletLineCounts('gazette', [[1, 2], [-5, 7]]), { counts: [1, 0], articles: 1 });
      assert.deepEqual(await store.outletLineCounts('nobody', [[1, 2]]), { counts: [0], articles: 0 });
    });

    it('reuse candidates (batched, self excluded, duplicates always meet) and links', async (store) => {
      const a = article('a', BODIES.ferry, 'same');
      const b = article('b', BODIES.orchard);
      await store.commit(commitOf({ articles: [newArticle(a), newArticle(b)], signatures: [sig(a), sig(b)] }));
      const copy = article('copy', BODIES.ferry, 'other');
      const dup = article('dup', BODIES.bridge, 'same');
      const none = article('none', 'Nothing here is like anything stored, not one single sentence of it at all today.');
      const hits = await store.reuseCandidates([sig(copy), sig(a), sig(dup), sig(none)]);
      assert.deepEqual([...hits.keys()], ['copy', 'a', 'dup', 'none']);
      assert.deepEqual([...hits.get('copy')!.keys()], ['a']);
      const h = hits.get('copy')!.get('a')!;
      assert.equal(h.bands, reuseParams.bands);
      assert.ok(h.sentences >= reuseParams.minSharedSentenceKeys);
      assert.equal(h.content, false);
      assert.deepEqual([...hits.get('a')!.keys()], [], 'a stored article is not its own candidate');
      assert.deepEqual(hits.get('dup')!.get('a'), { bands: 0, sentences: 0, content: true }, 'same content hash meets');
      assert.equal(hits.get('none')!.size, 0);
      assert.equal((await store.reuseCandidates([])).size, 0);
      // Adding a stored id again is a no-op.
      await store.commit(commitOf({ signatures: [sig(a)] }));
      assert.deepEqual([...(await store.reuseCandidates([sig(copy)])).get('copy')!.keys()], ['a']);

      await store.commit(commitOf({ links: [{ link: link('a', 'b', 0.5), joins: true }, { link: link('b', 'c'), joins: false }] }));
      await store.commit(commitOf({ links: [{ link: link('a', 'b', 0.7), joins: false }] }));
      const links = await store.reuseLinks(['a']);
      assert.deepEqual(links, [{ link: link('a', 'b', 0.7), joins: false }], 'a pair is replaced, not doubled');
      const both = await store.reuseLinks(['b', 'a']);
      assert.deepEqual(sorted(both.map((l) => `${l.link.a}-${l.link.b}:${l.joins}`)), ['a-b:false', 'b-c:false']);
      assert.deepEqual(await store.reuseLinks(['zzz']), []);
      assert.deepEqual(await store.reuseLinks([]), []);
    });

    it('stories: write, list (order, since, query, articles, ids, limit), get, versions, members, changes', async (store) => {
      await store.commit(commitOf({
        stories: [
          { view: view('s1', 'Ferry strike halts crossings (100% stop)', [{ id: 'e1', articles: ['a1'], start: '2031-05-10', end: '2031-05-11' }, { id: 'e2', articles: ['a2'], start: '2031-05-12', end: null }], 2), terms: ['t|ferry', 't|strike'], independentSources: 2 },
          { view: view('s2', 'Orchard growers count frost damage', [{ id: 'e3', articles: ['a3'], start: '2031-05-14', end: '2031-05-14' }]), terms: ['t|frost'], independentSources: 1 },
          { view: view('s3', 'Undated story', [{ id: 'e4', articles: ['a4'] }]), terms: [], independentSources: 1 },
        ],
        changes: [{ story: 's1', at: '2031-05-20T00:00:00.000Z', what: 'created', others: [] }, { story: 's2', at: '', what: 'created', others: [] }],
      }));
      const list = await store.listStories({});
      assert.deepEqual(list.map((s) => s.id), ['s2', 's1', 's3']);
      assert.deepEqual({ ...list[1], updatedAt: '' }, {
        id: 's1', version: 1, headline: 'Ferry strike halts crossings (100% stop)', articles: 2, independentSources: 2, contradictions: 2,
        firstSeen: '2031-05-10', lastSeen: '2031-05-12', updatedAt: '',
      });
      assert.equal(list[2].firstSeen, null);
      assert.deepEqual((await store.listStories({ since: '2031-05-13' })).map((s) => s.id).filter((id) => id !== 's3'), ['s2']);
      assert.deepEqual((await store.listStories({ query: 'FERRY strike' })).map((s) => s.id), ['s1']);
      assert.deepEqual((await store.listStories({ query: '100%' })).map((s) => s.id), ['s1']);
      assert.deepEqual((await store.listStories({ query: '%' })).map((s) => s.id), ['s1'], '% is not a wildcard');
      assert.deepEqual((await store.listStories({ articles: ['a3', 'zz'] })).map((s) => s.id), ['s2']);
      assert.deepEqual((await store.listStories({ limit: 1 })).map((s) => s.id), ['s2']);
      // By id: summaries of those stories only, the same as the whole list's; none for no id.
      const byIds = await store.listStories({ ids: ['s3', 's1', 'nope'] });
      assert.deepEqual(byIds.map((s) => s.id).sort(), ['s1', 's3']);
      assert.deepEqual(byIds.find((s) => s.id === 's1'), list[1]);
      assert.deepEqual(await store.listStories({ ids: [] }), []);
      const got = await store.getStories(['s3', 's1', 'nope']);
      assert.deepEqual(got.map((s) => s.id), ['s3', 's1']);
      assert.deepEqual(got[1].view, asStored(view('s1', 'Ferry strike halts crossings (100% stop)', [{ id: 'e1', articles: ['a1'], start: '2031-05-10', end: '2031-05-11' }, { id: 'e2', articles: ['a2'], start: '2031-05-12', end: null }], 2)));
      assert.deepEqual([...(await store.storyOf(['a1', 'a2', 'a3', 'zz']))].sort(), [['a1', 's1'], ['a2', 's1'], ['a3', 's2']]);
      assert.deepEqual([...(await store.eventOf(['a1', 'a2']))].sort(), [['a1', 'e1'], ['a2', 'e2']]);

      // s2 grows with a2 (moved from s1): s1 keeps a1 only, without s1 being rewritten.
      await store.commit(commitOf({
        stories: [{ view: view('s2', 'Orchard growers count frost damage', [{ id: 'e3', articles: ['a3', 'a2'], start: '2031-05-14', end: '2031-05-14' }]), terms: ['t|frost'], independentSources: 2 }],
        changes: [{ story: 's2', at: '2031-05-21T00:00:00.000Z', what: 'grew', others: [] }],
      }));
      const [s2] = await store.getStories(['s2']);
      assert.equal(s2.version, 2);
      assert.equal(s2.articles, 2);
      assert.equal(s2.independentSources, 2);
      const members = await store.storyMembers(['s1', 's2', 'none']);
      assert.deepEqual(members.get('s1'), ['a1']);
      assert.deepEqual(sorted(members.get('s2')!), ['a2', 'a3']);
      assert.deepEqual(members.get('none'), []);
      assert.equal((await store.eventOf(['a2'])).get('a2'), 'e3');
      const changes = await store.storyChanges('s2');
      assert.deepEqual(changes.map((c) => c.what), ['created', 'grew']);
      assert.match(changes[0].at, /^\d{4}-/, 'an empty time is the commit time');
      assert.deepEqual(changes[1], { story: 's2', at: '2031-05-21T00:00:00.000Z', what: 'grew', others: [] });
      assert.deepEqual(await store.storyChanges('nope'), []);
    });

    it('storiesWithTerms: shared term counts, most shared first then id, limited', async (store) => {
      await store.commit(commitOf({ stories: [
        { view: view('b', 'B', [{ id: 'eb', articles: ['b1'] }]), terms: ['x', 'y', 'z', 'y'], independentSources: 1 },
        { view: view('a', 'A', [{ id: 'ea', articles: ['a1'] }]), terms: ['x', 'y'], independentSources: 1 },
        { view: view('c', 'C', [{ id: 'ec', articles: ['c1'] }]), terms: ['x', 'q'], independentSources: 1 },
      ] }));
      assert.deepEqual([...(await store.storiesWithTerms(['x', 'y', 'z', 'x'], 10))], [['b', 3], ['a', 2], ['c', 1]]);
      assert.deepEqual([...(await store.storiesWithTerms(['x', 'y'], 2))], [['a', 2], ['b', 2]]);
      assert.deepEqual([...(await store.storiesWithTerms(['nothing'], 5))], []);
    });

    it('pendingStories: views with pending members, longest waiting first; a view without terms keeps its terms', async (store) => {
      const pending = (id: string, since: string): Story => ({ ...view(id, id.toUpperCase(), [{ id: `e${id}`, articles: [`${id}1`, `${id}2`] }]), pending: { articles: [`${id}2`], since, clusterHeadline: id } });
      await store.commit(commitOf({ stories: [
        { view: pending('b', '2031-05-21T00:00:00.000Z'), terms: ['x', 'y'], independentSources: 2 },
        { view: pending('a', '2031-05-22T00:00:00.000Z'), terms: ['x'], independentSources: 2 },
        { view: view('c', 'C', [{ id: 'ec', articles: ['c1'] }]), terms: ['x'], independentSources: 1 },
      ] }));
      assert.deepEqual(await store.pendingStories(10), ['b', 'a']);
      assert.deepEqual(await store.pendingStories(1), ['b']);
      // The refresh: the full view, written without terms.
      await store.commit(commitOf({ stories: [{ view: view('b', 'B checked', [{ id: 'eb', articles: ['b1', 'b2'] }], 1), independentSources: 2 }] }));
      assert.deepEqual(await store.pendingStories(10), ['a']);
      assert.deepEqual([...(await store.storiesWithTerms(['x', 'y'], 10))], [['b', 2], ['a', 1], ['c', 1]]);
      const [b] = await store.getStories(['b']);
      assert.equal(b.version, 2);
      assert.equal(b.contradictions, 1);
      assert.deepEqual((await store.storyMembers(['b'])).get('b'), ['b1', 'b2']);
    });

    it('clusterSummaries: written with their stories, kept for a grown story, dropped when a story is rewritten or removed', async (store) => {
      const summary = (kind: 'story' | 'event', id: string, story: string, weight: number): ClusterSummary => ({
        kind, id, story, units: 1, articles: 1, keys: ['t|ferry', 'e|karsk'], weights: [weight, 0.5], counts: [2, 1],
        days: [[22000, 1]], years: [[2031, 1]], central: { id: 'a1', titled: true, score: 0.9, text: 'Ferry strike' },
      });
      const story = (id: string, articles: string[]) => ({ view: view(id, id, [{ id: `e-${id}`, articles }]), terms: [], independentSources: 1 });
      await store.commit(commitOf({
        stories: [story('s1', ['a1']), story('s2', ['a2'])],
        summaries: { rows: [summary('story', 's1', 's1', 1), summary('event', 'e-s1', 's1', 1), summary('story', 's2', 's2', 1), summary('event', 'e-s2', 's2', 1)], grown: [] },
      }));
      assert.deepEqual(await store.clusterSummaries(['s1', 's2', 'none'], 'story'), [summary('story', 's1', 's1', 1), summary('story', 's2', 's2', 1)]);
      assert.deepEqual(await store.clusterSummaries(['s1'], 'event'), [summary('event', 'e-s1', 's1', 1)]);
      // An online add into s1: its story row and a new event upserted, its other event rows kept.
      await store.commit(commitOf({
        stories: [{ view: view('s1', 's1', [{ id: 'e-s1', articles: ['a1'] }, { id: 'e-new', articles: ['a3'] }]), terms: [], independentSources: 2 }],
        summaries: { rows: [summary('story', 's1', 's1', 2), summary('event', 'e-new', 's1', 1)], grown: ['s1'] },
      }));
      assert.deepEqual((await store.clusterSummaries(['s1'], 'story'))[0].weights, [2, 0.5]);
      assert.deepEqual((await store.clusterSummaries(['s1'], 'event')).map((e) => e.id), ['e-new', 'e-s1']);
      // Rewritten without rows (an exact placement that kept none), and removed: no summary is left to go stale.
      await store.commit(commitOf({ stories: [story('s1', ['a1', 'a3'])], removedStories: ['s2'] }));
      assert.deepEqual(await store.clusterSummaries(['s1', 's2'], 'story'), []);
      assert.deepEqual(await store.clusterSummaries(['s1', 's2'], 'event'), []);
    });

    it('documentFrequencies accumulate across commits', async (store) => {
      assert.deepEqual(await store.documentFrequencies(['t|a']), { df: new Map(), documents: 0 });
      await store.commit(commitOf({ documentFrequencies: new Map([['t|a', 2], ['t|b', 1]]), documents: 2 }));
      await store.commit(commitOf({ documentFrequencies: new Map([['t|a', 1], ['e|Vellin', 1]]), documents: 1 }));
      const got = await store.documentFrequencies(['t|a', 't|b', 'e|Vellin', 't|missing', 't|a']);
      assert.deepEqual([...got.df].sort(), [['e|Vellin', 1], ['t|a', 3], ['t|b', 1]]);
      assert.equal(got.documents, 3);
    });

    it('removedStories drop the story, its members, events and terms', async (store) => {
      await store.commit(commitOf({ stories: [
        { view: view('s1', 'One', [{ id: 'e1', articles: ['a1', 'a2'] }]), terms: ['t|one'], independentSources: 1 },
        { view: view('s2', 'Two', [{ id: 'e2', articles: ['a3'] }]), terms: ['t|two'], independentSources: 1 },
      ] }));
      await store.commit(commitOf({ removedStories: ['s1'], changes: [{ story: 's1', at: '2031-05-22T00:00:00.000Z', what: 'removed', others: [] }] }));
      assert.deepEqual(await store.getStories(['s1']), []);
      assert.deepEqual((await store.listStories({})).map((s) => s.id), ['s2']);
      assert.equal((await store.storyOf(['a1', 'a2'])).size, 0);
      assert.equal((await store.eventOf(['a1', 'a2'])).size, 0);
      assert.deepEqual(await store.storyMembers(['s1']), new Map([['s1', []]]));
      assert.deepEqual([...(await store.storiesWithTerms(['t|one', 't|two'], 5))], [['s2', 1]]);
      assert.deepEqual((await store.storyChanges('s1')).map((c) => c.what), ['removed']);
      // A removed id written again starts at version 1.
      await store.commit(commitOf({ removedStories: ['s2'], stories: [{ view: view('s2', 'Two again', [{ id: 'e2', articles: ['a3'] }]), terms: [], independentSources: 1 }] }));
      assert.equal((await store.getStories(['s2']))[0].version, 1);
    });

    it('a rebuild commit replaces the derived state and keeps articles, outlet counts and history', async (store) => {
      const a = article('a', BODIES.ferry);
      const b = article('b', BODIES.orchard);
      await store.commit(commitOf({
        articles: [newArticle(a), newArticle(b)], signatures: [sig(a), sig(b)], links: [{ link: link('a', 'b'), joins: true }],
        outletLines: [{ outlet: 'herald', hashes: [[1, 1]] }],
        stories: [{ view: view('old', 'Old', [{ id: 'e-old', articles: ['a', 'b'] }]), terms: ['t|old'], independentSources: 1 }],
        changes: [{ story: 'old', at: '2031-05-20T00:00:00.000Z', what: 'created', others: [] }],
        documentFrequencies: new Map([['t|a', 2]]), documents: 2,
      }));
      await store.commit(commitOf({
        rebuild: true, signatures: [sig(b)],
        stories: [
          { view: view('sa', 'A', [{ id: 'ea', articles: ['a'] }]), terms: ['t|new'], independentSources: 1 },
          { view: view('sb', 'B', [{ id: 'eb', articles: ['b'] }]), terms: ['t|new'], independentSources: 1 },
        ],
        removedStories: ['old'], changes: [{ story: 'sa', at: '2031-05-23T00:00:00.000Z', what: 'rebuilt', others: [] }],
        documentFrequencies: new Map([['t|a', 1]]), documents: 2,
      }));
      assert.deepEqual((await store.listStories({})).map((s) => s.id).sort(), ['sa', 'sb']);
      assert.equal((await store.getStories(['sa']))[0].version, 1);
      assert.deepEqual([...(await store.storyOf(['a', 'b']))].sort(), [['a', 'sa'], ['b', 'sb']]);
      assert.deepEqual([...(await store.storiesWithTerms(['t|old', 't|new'], 5))], [['sa', 1], ['sb', 1]]);
      assert.deepEqual(await store.documentFrequencies(['t|a']), { df: new Map([['t|a', 1]]), documents: 2 }, 'replaced, not added to');
      assert.deepEqual(await store.reuseLinks(['a', 'b']), []);
      const hits = await store.reuseCandidates([sig(article('p', BODIES.ferry)), sig(article('q', BODIES.orchard))]);
      assert.equal(hits.get('p')!.size, 0, 'a\'s signature is gone');
      assert.deepEqual([...hits.get('q')!.keys()], ['b']);
      assert.equal(await store.countArticles(), 2);
      assert.deepEqual(await store.outletLineCounts('herald', [[1, 1]]), { counts: [1], articles: 1 });
      assert.deepEqual((await store.storyChanges('old')).map((c) => c.what), ['created']);
    });

    it('look-ups take any number of ids (40,000: past SQLite\'s bound-parameter limit)', async (store) => {
      const ids = Array.from({ length: 40_000 }, (_, i) => `a${i}`);
      await store.commit(commitOf({
        stories: [{ view: view('s', 'S', [{ id: 'e', articles: ['a39999'] }]), terms: ['t|x'], independentSources: 1 }],
        links: [{ link: link('a39998', 'a39999'), joins: true }], documentFrequencies: new Map([['t|39999', 1]]), documents: 1,
      }));
      assert.deepEqual([...(await store.storyOf(ids))], [['a39999', 's']]);
      assert.deepEqual([...(await store.eventOf(ids))], [['a39999', 'e']]);
      assert.equal((await store.reuseLinks(ids)).length, 1);
      assert.deepEqual([...(await store.documentFrequencies(ids.map((i) => `t|${i.slice(1)}`))).df], [['t|39999', 1]]);
      assert.deepEqual(await store.getArticles(ids), []);
      const resolved = await store.resolveAppearances(ids.map((id) => ({ key: `file:/${id}`, hash: id, proposedId: id })));
      assert.deepEqual(resolved.map((r) => r.id), ids);
      // Many files of one name in one chunk (`index.html` in every folder): x, x~2, … x~500.
      const same = await store.resolveAppearances(ids.slice(0, 500).map((id) => ({ key: `file:/${id}/index.html`, hash: id, proposedId: 'index' })));
      assert.deepEqual(same.map((r) => r.id), ['index', ...Array.from({ length: 499 }, (_, i) => `index~${i + 2}`)]);
    });

    test('listStories takes any number of article ids (an add of 40,000 inputs lists their stories)', () =>
      withStore(adapter.fresh, async (store) => {
        await store.commit(commitOf({ stories: [{ view: view('s', 'S', [{ id: 'e', articles: ['a39999'] }]), terms: [], independentSources: 1 }] }));
        const ids = Array.from({ length: 40_000 }, (_, i) => `a${i}`);
        assert.deepEqual((await store.listStories({ articles: ids })).map((s) => s.id), ['s']);
      }));

    it('a commit is all or nothing: a failing one leaves the store as it was, and usable', async (store) => {
      const a = article('a', BODIES.ferry);
      await store.commit(commitOf({ articles: [newArticle(a)], signatures: [sig(a)] }));
      const b = article('b', BODIES.orchard);
      await assert.rejects(store.commit(commitOf({
        articles: [newArticle(b), newArticle(a, 'file:/elsewhere/a.txt')], signatures: [sig(b)],
        stories: [{ view: view('s', 'S', [{ id: 'e', articles: ['a', 'b'] }]), terms: ['t|x'], independentSources: 1 }],
        outletLines: [{ outlet: 'herald', hashes: [[1, 1]] }], documentFrequencies: new Map([['t|x', 2]]), documents: 2,
      })));
      assert.equal(await store.countArticles(), 1);
      assert.deepEqual(await store.listStories({}), []);
      assert.deepEqual(await store.documentFrequencies(['t|x']), { df: new Map(), documents: 0 });
      assert.deepEqual(await store.outletLineCounts('herald', [[1, 1]]), { counts: [0], articles: 0 });
      assert.equal((await store.reuseCandidates([sig(article('q', BODIES.orchard))])).get('q')!.size, 0);
      await store.commit(commitOf({ articles: [newArticle(b)] }));
      assert.equal(await store.countArticles(), 2);
    });

    test('a key that is a stop-key stays one after a rebuild, whichever process looks', async () => {
      const boiler = 'Subscribe to our newsletter for the latest regional news and weather updates every morning.';
      const many = Array.from({ length: reuseParams.maxPosting + 6 }, (_, i) => article(`m${i}`, `${boiler}\n${own(i)}`));
      const db = await adapter.fresh();
      try {
        const first = await db.open();
        await first.commit(commitOf({ articles: many.map((a) => newArticle(a)), signatures: many.map(sig) }));
        await first.reuseCandidates([sig(article('p0', `${boiler}\n${own(1000)}`))]);
        await first.commit(commitOf({ rebuild: true, signatures: many.map(sig) }));
        await first.close();
        const second = await db.open();
        try {
          const more = [article('n1', `${boiler}\n${own(2001)}`), article('n2', `${boiler}\n${own(2002)}`)];
          await second.commit(commitOf({ articles: more.map((a) => newArticle(a)), signatures: more.map(sig) }));
          const hits = await second.reuseCandidates([sig(article('p', `${boiler}\n${own(3000)}`))]);
          assert.deepEqual([...hits.get('p')!.keys()], [], 'the boiler sentence is shared by more than maxPosting articles');
        } finally {
          await second.close();
        }
      } finally {
        await db.drop();
      }
    });

    it('lockWriter: a second writer is told who holds the corpus and proceeds after release', async (store, db) => {
      const other = await db.open();
      try {
        const release = await store.lockWriter(() => assert.fail('the first writer waits for nobody'));
        let told: string | null = null;
        let got = false;
        const second = other.lockWriter((holder) => (told = holder)).then((r) => ((got = true), r));
        for (let i = 0; i < 100 && told === null; i++) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(got, false, 'the second writer waits');
        assert.match(told ?? '', new RegExp(`pid ${process.pid} on .+, since \\d{4}-`));
        await release();
        const releaseSecond = await second;
        assert.equal(got, true);
        await releaseSecond();
        const third = await store.lockWriter(() => assert.fail('free again'));
        await third();
      } finally {
        await other.close();
      }
    });
  });
}

// ---- watched feeds (migration 3) ----------------------------------------------------------------------------

function feedState(url: string, over: Partial<FeedState> = {}): FeedState {
  return {
    url, title: null, etag: null, lastModified: null, intervalMs: 900_000, lastFetchAt: null, status: 'new', httpStatus: null,
    message: null, nextPollAt: null, errors: 0, errorsTotal: 0, polls: 0, itemsSeen: 0, articlesAdded: 0, seen: [], ...over,
  };
}

for (const adapter of ADAPTERS) {
  describe(`store contract, feeds: ${adapter.name}`, { skip: adapter.skip }, () => {
    test('putFeeds / getFeeds: every field kept, replaced by URL, listed by URL, and still there after reopening', () =>
      withStore(adapter.fresh, async (store, db) => {
        assert.deepEqual(await store.getFeeds(), []);
        const b = feedState('https://b.example/feed', {
          title: 'B "news" — ünïcode', etag: 'W/"abc"', lastModified: 'Wed, 02 Apr 2031 09:30:00 GMT', lastFetchAt: '2031-04-02T09:30:00.000Z',
          status: 'error', httpStatus: 503, message: 'HTTP 503 Service Unavailable; Retry-After 3600 s', nextPollAt: '2031-04-02T10:30:00.000Z',
          errors: 2, errorsTotal: 5, polls: 9, itemsSeen: 40, articlesAdded: 38, seen: ['k1|h1', 'k2|h2'], intervalMs: 3_600_000,
        });
        const a = feedState('https://a.example/rss');
        await store.putFeeds([b, a]);
        assert.deepEqual(await store.getFeeds(), [a, b]);
        const b2 = { ...b, status: 'ok' as const, errors: 0, message: null, seen: ['k3|h3'] };
        await store.putFeeds([b2]);
        assert.deepEqual(await store.getFeeds(['https://b.example/feed', 'https://missing.example/']), [b2]);
        assert.deepEqual(await store.getFeeds([]), []);
        await store.putFeeds([]);
        const again = await db.open();
        try {
          assert.deepEqual(await again.getFeeds(), [a, b2], 'another process sees the committed states');
        } finally {
          await again.close();
        }
      }));

    test('putFeeds of 1,200 feeds in one call (a big OPML) round-trips', () =>
      withStore(adapter.fresh, async (store) => {
        const many = Array.from({ length: 1200 }, (_, i) => feedState(`https://f${String(i).padStart(4, '0')}.example/rss`, { polls: i, seen: [`k${i}`] }));
        await store.putFeeds(many);
        const got = await store.getFeeds();
        assert.equal(got.length, 1200);
        assert.deepEqual(got[777], many[777]);
        assert.equal((await store.getFeeds(many.slice(0, 600).map((f) => f.url))).length, 600);
      }));
  });
}

/** A SQLite database built by the migrations up to `version` alone (`seed` writes rows as that schema had
 *  them), in a folder of its own that `check` gets the path of and that is removed afterwards. */
async function withSqliteAt(version: number, seed: (old: Database.Database) => void, check: (path: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `crosscheck-contract-v${version}-`));
  const path = join(dir, 'c.db');
  try {
    const old = new Database(path);
    for (const m of MIGRATIONS.filter((m) => m.version <= version)) m.up(old);
    old.pragma(`user_version = ${version}`);
    seed(old);
    old.close();
    await check(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('SQLite: a database of schema 2 (before feeds) is migrated to the current schema, its articles kept', () =>
  withSqliteAt(2, () => {}, async (path) => {
    const store = openStore(path);
    try {
      const x = article('x', BODIES.ferry);
      await store.commit(commitOf({ articles: [newArticle(x)] }));
      await store.putFeeds([feedState('https://a.example/rss')]);
      assert.equal((await store.getFeeds()).length, 1);
      assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    } finally {
      await store.close();
    }
    const reopened = openStore(path);
    assert.equal(await reopened.countArticles(), 1);
    await reopened.close();
  }));

test('SQLite: a database of schema 5 is migrated with every stored record listed', () => {
  const x = article('x', BODIES.ferry);
  return withSqliteAt(5, (old) => {
    old.prepare('INSERT INTO article (id, key, hash, version, seq, added_at, updated_at, data) VALUES (?, ?, ?, 1, 0, ?, ?, ?)')
      .run('x', 'file:/in/x.txt', 'h-x', '2031-05-14T00:00:00Z', '2031-05-14T00:00:00Z', pack(asStored(x)));
  }, async (path) => {
    const store = openStore(path);
    try {
      assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      assert.ok((store.db.prepare('SELECT listing FROM article').pluck().get() as Buffer | null)?.length, 'the listing was written by the migration');
      const [got] = await store.getListedArticles(['x']);
      assert.deepEqual(got.listed, listingOf(asStored(x)));
    } finally {
      await store.close();
    }
  });
});

test('SQLite: a row without a listing (written before schema 6) is listed from its record', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-contract-listing-'));
  try {
    const store = openStore(join(dir, 'c.db'));
    try {
      const x = article('x', BODIES.ferry);
      await store.commit(commitOf({ articles: [newArticle(x)] }));
      store.db.prepare('UPDATE article SET listing = NULL').run();
      const [got] = await store.getListedArticles(['x']);
      assert.deepEqual(got.listed, listingOf(asStored(x)));
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL: a database of schema 2 (before feeds) is migrated to the current schema, its articles kept', { skip: pgProblem ?? false }, async () => {
  const db = await freshPostgres();
  try {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
      for (const m of PG_MIGRATIONS.filter((m) => m.version <= 2)) {
        await m.up(c);
        await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      // An article stored before listings (schema 6): the migration lists it from its record.
      await c.query('INSERT INTO article (id, key, hash, version, seq, added_at, updated_at, data) VALUES ($1, $2, $3, 1, 0, $4, $4, $5)',
        ['old', 'file:/in/old.txt', 'h-old', '2031-05-14T00:00:00Z', pack(asStored(article('old', BODIES.orchard)))]);
    } finally {
      await c.end();
    }
    const store = await db.open();
    try {
      assert.deepEqual((await store.getListedArticles(['old']))[0]?.listed, listingOf(asStored(article('old', BODIES.orchard))));
      const check = new pg.Client({ connectionString: db.url });
      await check.connect();
      const { rows } = await check.query<{ listed: boolean }>("SELECT listing IS NOT NULL AS listed FROM article WHERE id = 'old'");
      await check.end();
      assert.equal(rows[0].listed, true, 'the listing was written by the migration');
      await store.commit(commitOf({ articles: [newArticle(article('x', BODIES.ferry))] }));
      await store.putFeeds([feedState('https://a.example/rss')]);
      assert.equal((await store.getFeeds()).length, 1);
      assert.equal(await store.countArticles(), 2);
    } finally {
      await store.close();
    }
  } finally {
    await db.drop();
  }
});

// ---- PostgreSQL only: migrations, a holder that dies, the same candidates as SQLite -----------------------

describe('PostgreSQL store', { skip: pgProblem ?? false }, () => {
  test('migrations: the same numbers and names as SQLite, tracked, and a newer schema refused', async () => {
    assert.deepEqual(PG_MIGRATIONS.map((m) => [m.version, m.name]), MIGRATIONS.map((m) => [m.version, m.name]));
    const db = await freshPostgres();
    try {
      // Two processes opening a new database at once: one migrates, the other finds it current.
      for (const store of await Promise.all([db.open(), db.open(), db.open()])) await store.close();
      await (await db.open()).close();
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const { rows } = await c.query('SELECT version, name FROM schema_migrations ORDER BY version');
        assert.deepEqual(rows.map((r) => [r.version, r.name]), MIGRATIONS.map((m) => [m.version, m.name]));
        await c.query(`INSERT INTO schema_migrations (version, name) VALUES (99, 'from the future')`);
      } finally {
        await c.end();
      }
      await assert.rejects(db.open(), new RegExp(`cannot use the database postgres://.*written by a newer crosscheck \\(schema 99; this version knows up to ${SCHEMA_VERSION}\\)`));
    } finally {
      await db.drop();
    }
  });

  test('an unreachable server or a missing database is one readable line', async () => {
    await assert.rejects(openPostgresStore('postgres://postgres:secret@127.0.0.1:1/none'), (err: Error) =>
      /cannot use the database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/none: nothing answers/.test(err.message));
    const u = new URL(ADMIN_URL);
    u.pathname = '/cc_test_does_not_exist';
    await assert.rejects(openPostgresStore(u.toString()), /does not exist \(create it first/);
  });

  test('reuseCandidates is one round trip per batch, whatever its size', async () => {
    const db = await freshPostgres();
    const store = (await db.open()) as Awaited<ReturnType<typeof openPostgresStore>>;
    try {
      const stored = [BODIES.ferry, BODIES.orchard, BODIES.bridge].map((b, i) => article(`s${i}`, b));
      await store.commit(commitOf({ articles: stored.map((a) => newArticle(a)), signatures: stored.map(sig) }));
      const probes = Array.from({ length: 60 }, (_, i) => sig(article(`p${i}`, `${[BODIES.ferry, BODIES.orchard, BODIES.bridge][i % 3]}\n${own(i)}`)));
      let statements = 0;
      const query = store.pool.query.bind(store.pool);
      store.pool.query = ((...args: Parameters<typeof query>) => (statements++, query(...args))) as typeof store.pool.query;
      const hits = await store.reuseCandidates(probes);
      assert.equal(statements, 1);
      assert.equal(hits.size, 60);
      assert.deepEqual([...hits.get('p4')!.keys()], ['s1']);
    } finally {
      await store.close();
      await db.drop();
    }
  });

  test('a writer whose connection ends (a killed process) leaves the lock free', async () => {
    const db = await freshPostgres();
    try {
      const first = await db.open();
      await first.lockWriter();
      await first.close();
      const second = await db.open();
      const release = await second.lockWriter(() => assert.fail('nobody holds it'));
      await release();
      await second.close();
    } finally {
      await db.drop();
    }
  });

  test('reuse candidates equal the SQLite index\'s on 150 articles with shared lines and stop-keys', async () => {
    const lines = [BODIES.ferry, BODIES.orchard, BODIES.bridge].flatMap((b) => b.split('\n'));
    const boiler = 'Subscribe to our newsletter for the latest regional news and weather updates every morning.';
    const make = (i: number) => {
      // Each article: a boiler sentence every article shares (a stop-key past maxPosting), two pool lines, its own line.
      const own = `Report ${i}: the council of district ${i} approved ${i + 3} new bus routes through the valley on Monday morning.`;
      return article(`n${i}`, [boiler, lines[i % lines.length], lines[(i * 7 + 3) % lines.length], own].join('\n'), i % 40 === 0 ? 'dup' : `h${i}`);
    };
    const stored = Array.from({ length: 150 }, (_, i) => make(i));
    const probes = Array.from({ length: 30 }, (_, i) => make(i * 5 + 1)).map((a) => ({ ...a, id: `probe-${a.id}` }));
    probes.push(stored[10], stored[40]);
    const results: string[] = [];
    for (const fresh of [freshSqlite, freshPostgres]) {
      await withStore(fresh, async (store) => {
        await store.commit(commitOf({ articles: stored.map((a) => newArticle(a)), signatures: stored.map(sig) }));
        const hits = await store.reuseCandidates(probes.map(sig));
        results.push(JSON.stringify([...hits].map(([id, m]) => [id, [...m].sort((x, y) => (x[0] < y[0] ? -1 : 1))])));
      });
    }
    assert.ok(results[0].length > 1000, 'the probes do find candidates');
    assert.equal(results[1], results[0]);
  });
});

// ---- the corpus end to end on PostgreSQL ------------------------------------------------------------------

test('the corpus on PostgreSQL: the same stories as on SQLite for the same adds and rebuild', { skip: pgProblem ?? false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-contract-corpus-'));
  writeFileSync(join(dir, 'ferry.txt'), FERRY('the Vellin Herald', 212));
  writeFileSync(join(dir, 'orchard.txt'), ORCHARD);
  writeFileSync(join(dir, 'ferry-wire.txt'), FERRY('the Coastal Wire', 212));
  const NOW = () => new Date('2031-05-20T00:00:00Z');
  const snapshot = async (corpus: Corpus) => {
    const stories = (await corpus.stories()).map((s) => ({ ...s, updatedAt: '' }));
    const views = (await corpus.store.getStories(stories.map((s) => s.id))).map((s) => s.view);
    const changes = await Promise.all(stories.map(async (s) => (await corpus.storyChanges(s.id)).map((c) => [c.what, c.others])));
    return { stories, views, changes, articles: await corpus.store.countArticles() };
  };
  const run = async (store: Store) => {
    const corpus = new Corpus(store);
    try {
      const steps = [];
      const first = await corpus.add([join(dir, 'ferry.txt'), join(dir, 'orchard.txt')], { workers: 0, now: NOW });
      steps.push({ added: first.added, created: first.storiesCreated.length, ...(await snapshot(corpus)) });
      const second = await corpus.add([join(dir, 'ferry-wire.txt'), join(dir, 'ferry.txt')], { workers: 0, now: NOW });
      steps.push({ added: second.added, unchanged: second.unchanged, updated: second.storiesUpdated, ...(await snapshot(corpus)) });
      await corpus.rebuild({ now: NOW });
      steps.push(await snapshot(corpus));
      return steps;
    } finally {
      await corpus.close();
    }
  };
  const sqlite = await freshSqlite();
  const postgres = await freshPostgres();
  try {
    const expected = await run(await sqlite.open());
    const got = await run(await postgres.open());
    assert.equal(expected[0].stories.length, 2, 'two stories from the first add');
    assert.deepEqual((expected[1] as unknown as { added: string[] }).added, ['ferry-wire']);
    assert.deepEqual(got, expected);
  } finally {
    await postgres.drop();
    await sqlite.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
