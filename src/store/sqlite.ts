// The SQLite adapter of the store (better-sqlite3, WAL): the embedded default. Analysed records and story
// views are kept as deflated JSON (a record with its tokens is ~60 kB as text, ~10 kB deflated); everything
// one `add` chunk changes is written in one transaction.

import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { deflateRaw } from 'node:zlib';
import { pack, unpack } from './packed.js';
import { promisify } from 'node:util';
import type { AnalysedArticle } from '../model/article.js';
import { listingOf, type ListedArticle } from '../model/listing.js';
import type { ReuseLink, Story } from '../model/report.js';
import type { CandidateHits } from '../reuse/index-store.js';
import type { ReuseSignature } from '../reuse/signature.js';
import type { ClusterSummary } from '../cluster/summary.js';
import { migrate, UNDATED } from './migrations.js';
import { ANALYSIS_VERSION } from './analysis-version.js';
import { SqliteReuseIndex } from './sqlite-reuse-index.js';
import {
  FEED_COLUMNS, feedOfRow, feedRow, type AppearanceResolution, type ArticleRevision, type CorpusCommit, type FeedRow,
  type FeedState, type Store, type StoredArticle, type StoredLink, type StoredStory, type StoryChange, type StoryQuery,
  type StorySummary, type ListedStoredArticle,
} from './types.js';

export { ANALYSIS_VERSION } from './analysis-version.js';

/** SQLite's default limit on bound parameters is 32,766; lookups go in chunks well under it. */
const IN_CHUNK = 500;
/** How long a second writer polls for the lock before each new notice (ms). */
const LOCK_POLL_MS = 200;

/** The `data` of an article whose record a `recordsHeld` commit did not keep (never a deflated record: that
 *  has at least one byte). */
const NOT_KEPT = Buffer.alloc(0);
const deflateAsync = promisify(deflateRaw);

/** Records deflated at once on libuv's threadpool (4 threads): enough to keep it busy, few enough that the JSON
 *  texts waiting for it (~60 kB a record) stay a few MB. */
const PACK_IN_FLIGHT = 8;

/**
 * `pack` of many records, deflated off the main thread while it serialises the next ones: the same bytes as
 * `pack`. A commit of 10k new articles spent 2.7 s in deflate and 1.5 s in JSON, one after the other, on the
 * main thread (10k profile, 2026-12-01); the transaction itself stays synchronous.
 */
async function packAll(values: readonly unknown[]): Promise<Map<unknown, Buffer>> {
  const out = new Map<unknown, Buffer>();
  let next = 0;
  const lane = async () => {
    while (next < values.length) {
      const value = values[next++];
      out.set(value, await deflateAsync(JSON.stringify(value), { level: 1 }));
    }
  };
  await Promise.all(Array.from({ length: PACK_IN_FLIGHT }, lane));
  return out;
}

function chunks<T>(items: T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long opening retries a database that another process is creating at the same instant (ms). */
const OPEN_BUSY_MS = 10_000;

/**
 * Runs the (idempotent) opening steps again while SQLite answers SQLITE_BUSY. Two `add` processes creating one
 * database failed once in a loaded full run with "database is locked" while opening
 * (test/crash-safety.test.ts; not reproduced alone). The likely step is the switch of a new file to WAL, which
 * needs the file alone and can report the lock at once instead of through the busy handler. Every later
 * statement waits through busy_timeout as before.
 */
function whenNotBusy<T>(open: () => T): T {
  const deadline = Date.now() + OPEN_BUSY_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return open();
    } catch (err) {
      if (!String((err as { code?: string }).code).startsWith('SQLITE_BUSY') || Date.now() > deadline) throw err;
      Atomics.wait(pause, 0, 0, 50);
    }
  }
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly description: string;
  private readonly reuseIndex: SqliteReuseIndex;
  private readonly statements = new Map<string, Database.Statement>();

  /** A statement prepared once per open store: compiling one costs about as much as running a small lookup,
   *  and one add prepared ~40 (0.7 % of single adds' CPU, docs/performance.md). Lists are bound as one JSON
   *  parameter (`json_each`), so the SQL text, and the cache, stays one entry per query. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  constructor(path: string | null) {
    this.description = path ? `SQLite ${path}` : 'SQLite in memory';
    const db = new Database(path ?? ':memory:');
    try {
      // First: a second process waits for the first one's transaction instead of failing with SQLITE_BUSY.
      db.pragma('busy_timeout = 30000');
      this.reuseIndex = whenNotBusy(() => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        migrate(db);
        return new SqliteReuseIndex(db);
      });
    } catch (err) {
      db.close();
      throw err;
    }
    this.db = db;
  }

  // ---- appearances and articles -------------------------------------------------------------------------

  async resolveAppearances(items: { key: string; hash: string; proposedId: string }[]): Promise<AppearanceResolution[]> {
    const byKey = this.stmt('SELECT id, hash, version FROM article WHERE key = ?');
    const byHash = this.stmt('SELECT id FROM article WHERE hash = ? ORDER BY seq LIMIT 1').pluck();
    const idTaken = this.stmt('SELECT 1 FROM article WHERE id = ?').pluck();
    const taken = new Set<string>();
    // The last suffix tried per proposed id: 8,000 files named index.html restarted at ~2 each (quadratic).
    const nextSuffix = new Map<string, number>();
    const seenKeys = new Map<string, AppearanceResolution>();
    const chunkTwin = new Map<string, string>();
    return items.map((item) => {
      // The same appearance twice in one chunk (a file given twice) is one article.
      const again = seenKeys.get(item.key);
      if (again) return { status: 'unchanged', id: again.id };
      const row = byKey.get(item.key) as { id: string; hash: string; version: number } | undefined;
      let out: AppearanceResolution;
      if (row) {
        out = row.hash === item.hash ? { status: 'unchanged', id: row.id } : { status: 'revision', id: row.id, previousVersion: row.version };
      } else {
        let id = item.proposedId;
        let n = nextSuffix.get(item.proposedId) ?? 2;
        for (; taken.has(id) || idTaken.get(id); n++) id = `${item.proposedId}~${n}`;
        nextSuffix.set(item.proposedId, n);
        taken.add(id);
        const twin = chunkTwin.get(item.hash) ?? (byHash.get(item.hash) as string | undefined);
        out = twin ? { status: 'duplicate', id, duplicateOf: twin } : { status: 'new', id };
        // A later item of this chunk with the same text repeats this one, as it would a stored one.
        if (!twin) chunkTwin.set(item.hash, id);
      }
      seenKeys.set(item.key, out);
      return out;
    });
  }

  async getArticles(ids: string[]): Promise<StoredArticle[]> {
    const out: StoredArticle[] = [];
    for (const part of chunks(ids)) {
      const rows = this.stmt('SELECT id, key, hash, version, seq, added_at, data FROM article WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(part)) as { id: string; key: string; hash: string; version: number; seq: number; added_at: string; data: Buffer }[];
      for (const r of rows) {
        if (r.data.length === 0) throw new Error(`the record of ${r.id} was not kept (a commit with recordsHeld)`);
        out.push({ id: r.id, key: r.key, hash: r.hash, version: r.version, seq: r.seq, addedAt: r.added_at, analysed: unpack<AnalysedArticle>(r.data) });
      }
    }
    // In insertion order, whatever order SQLite returned them in.
    return out.sort((a, b) => a.seq - b.seq);
  }

  async getListedArticles(ids: string[]): Promise<ListedStoredArticle[]> {
    const out: ListedStoredArticle[] = [];
    const unlisted: string[] = [];
    for (const part of chunks(ids)) {
      const rows = this.stmt('SELECT id, version, seq, listing FROM article WHERE id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(part)) as { id: string; version: number; seq: number; listing: Buffer | null }[];
      for (const r of rows) {
        if (r.listing && r.listing.length) out.push({ id: r.id, version: r.version, seq: r.seq, listed: unpack<ListedArticle>(r.listing) });
        else unlisted.push(r.id);
      }
    }
    // Rows written before schema 6 (or with their records held): the record, listed here.
    for (const s of unlisted.length ? await this.getArticles(unlisted) : []) out.push({ id: s.id, version: s.version, seq: s.seq, listed: listingOf(s.analysed) });
    return out.sort((a, b) => a.seq - b.seq);
  }

  async articleIds(afterSeq = -1, limit = 10_000): Promise<{ id: string; seq: number }[]> {
    return this.stmt('SELECT id, seq FROM article WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as { id: string; seq: number }[];
  }

  async revisions(id: string): Promise<ArticleRevision[]> {
    const rows = this.stmt('SELECT id, version, hash, seen_at, text FROM article_revision WHERE id = ? ORDER BY version').all(id) as
      { id: string; version: number; hash: string; seen_at: string; text: string }[];
    return rows.map((r) => ({ id: r.id, version: r.version, hash: r.hash, seenAt: r.seen_at, text: r.text }));
  }

  async countArticles(): Promise<number> {
    return this.stmt('SELECT count(*) FROM article').pluck().get() as number;
  }

  // ---- per-article analysis cache -----------------------------------------------------------------------

  async getCachedAnalyses(keys: { hash: string; published: string | null }[]): Promise<(unknown | null)[]> {
    return keys.map((k) => this.loadAnalysis(k.hash, k.published));
  }

  async putCachedAnalyses(rows: { hash: string; published: string | null; data: unknown }[]): Promise<void> {
    this.saveAnalyses(rows);
  }

  /** Synchronous forms of the cache, for the batch pipeline and tests. */
  loadAnalysis<T>(hash: string, published: string | null): T | null {
    const row = this.stmt('SELECT data FROM analysis WHERE hash = ? AND version = ? AND published = ?')
      .get(hash, ANALYSIS_VERSION, published ?? UNDATED) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : null;
  }

  saveAnalyses(rows: { hash: string; published: string | null; data: unknown }[]): void {
    const insert = this.stmt('INSERT OR REPLACE INTO analysis (hash, version, published, data) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const r of rows) insert.run(r.hash, ANALYSIS_VERSION, r.published ?? UNDATED, JSON.stringify(r.data));
    })();
  }

  // ---- outlet statistics, reuse -------------------------------------------------------------------------

  async outletLineCounts(outlet: string, hashes: [number, number][]): Promise<{ counts: number[]; articles: number }> {
    const one = this.stmt('SELECT n FROM outlet_line WHERE outlet = ? AND h1 = ? AND h2 = ?').pluck();
    const articles = (this.stmt('SELECT articles FROM outlet WHERE outlet = ?').pluck().get(outlet) as number | undefined) ?? 0;
    return { counts: hashes.map(([h1, h2]) => (one.get(outlet, h1, h2) as number | undefined) ?? 0), articles };
  }

  async reuseCandidates(signatures: ReuseSignature[]): Promise<Map<string, Map<string, CandidateHits>>> {
    return new Map(signatures.map((s) => [s.id, this.reuseIndex.query(s)]));
  }

  async reuseLinks(ids: string[]): Promise<StoredLink[]> {
    const seen = new Set<string>();
    const out: StoredLink[] = [];
    for (const part of chunks(ids)) {
      // The same plan as with one parameter per id (a multi-index OR: the primary key on a, reuse_link_b on b).
      const rows = this.stmt(`SELECT a, b, joins, data FROM reuse_link
        WHERE a IN (SELECT value FROM json_each(?)) OR b IN (SELECT value FROM json_each(?))`).all(JSON.stringify(part), JSON.stringify(part)) as
        { a: string; b: string; joins: number; data: string }[];
      for (const r of rows) {
        const key = `${r.a}\u0000${r.b}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ link: JSON.parse(r.data) as ReuseLink, joins: r.joins === 1 });
      }
    }
    return out;
  }

  // ---- clustering state ---------------------------------------------------------------------------------

  private memberMap(table: 'story_member' | 'event_member', column: 'story_id' | 'event_id', articleIds: string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const part of chunks(articleIds)) {
      const rows = this.stmt(`SELECT ${column} AS owner, article_id FROM ${table} WHERE article_id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(part)) as { owner: string; article_id: string }[];
      for (const r of rows) out.set(r.article_id, r.owner);
    }
    return out;
  }

  async storyOf(articleIds: string[]): Promise<Map<string, string>> {
    return this.memberMap('story_member', 'story_id', articleIds);
  }

  async eventOf(articleIds: string[]): Promise<Map<string, string>> {
    return this.memberMap('event_member', 'event_id', articleIds);
  }

  async storyMembers(storyIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(storyIds.map((id) => [id, []]));
    for (const part of chunks(storyIds)) {
      const rows = this.stmt('SELECT story_id, article_id FROM story_member WHERE story_id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(part)) as { story_id: string; article_id: string }[];
      for (const r of rows) out.get(r.story_id)!.push(r.article_id);
    }
    return out;
  }

  async clusterSummaries(storyIds: string[], kind: 'story' | 'event'): Promise<ClusterSummary[]> {
    const out: ClusterSummary[] = [];
    for (const part of chunks(storyIds)) {
      const rows = this.stmt('SELECT data FROM cluster_summary WHERE story_id IN (SELECT value FROM json_each(?)) AND kind = ? ORDER BY story_id, id')
        .pluck().all(JSON.stringify(part), kind) as string[];
      for (const r of rows) out.push(JSON.parse(r) as ClusterSummary);
    }
    return out;
  }

  async storiesWithTerms(terms: string[], limit: number): Promise<Map<string, number>> {
    // (term, story_id) is the primary key: a story's count is the number of distinct terms it shares.
    const rows = this.stmt('SELECT story_id, count(*) AS n FROM story_term WHERE term IN (SELECT value FROM json_each(?)) GROUP BY story_id')
      .all(JSON.stringify([...new Set(terms)])) as { story_id: string; n: number }[];
    const counts = new Map(rows.map((r) => [r.story_id, r.n]));
    const ranked = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return new Map(ranked.slice(0, limit));
  }

  async documentFrequencies(keys: string[]): Promise<{ df: Map<string, number>; documents: number }> {
    const df = new Map<string, number>();
    // One statement per IN_CHUNK keys, not one per key: placing one article asks for the keys of its whole
    // neighbourhood (thousands).
    const select = this.stmt('SELECT key, df FROM term_df WHERE key IN (SELECT value FROM json_each(?))');
    for (const part of chunks([...new Set(keys)], IN_CHUNK * 8)) {
      for (const r of select.all(JSON.stringify(part)) as { key: string; df: number }[]) if (r.df) df.set(r.key, r.df);
    }
    const documents = Number((this.stmt("SELECT value FROM corpus_meta WHERE key = 'documents'").pluck().get() as string | undefined) ?? 0);
    return { df, documents };
  }

  // ---- stories ------------------------------------------------------------------------------------------

  async getStories(ids: string[]): Promise<StoredStory[]> {
    const out: StoredStory[] = [];
    for (const part of chunks(ids)) {
      const rows = this.stmt('SELECT * FROM story WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(part)) as StoryRow[];
      for (const r of rows) out.push({ ...summaryOf(r), view: unpack<Story>(r.view) });
    }
    const order = new Map(ids.map((id, i) => [id, i]));
    return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  async pendingStories(limit: number): Promise<string[]> {
    return this.stmt('SELECT id FROM story WHERE pending_since IS NOT NULL ORDER BY pending_since, id LIMIT ?').pluck().all(limit) as string[];
  }

  async listStories(q: StoryQuery): Promise<StorySummary[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (q.since) {
      where.push('coalesce(last_seen, updated_at) >= ?');
      args.push(q.since);
    }
    for (const word of (q.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
      // Plain substring match on the headline: instr, not LIKE, so % and _ in a query are not wildcards.
      where.push('instr(lower(headline), ?) > 0');
      args.push(word);
    }
    if (q.articles?.length) {
      // One JSON parameter, not one per id: SQLite binds at most 32,766 (an add of more inputs lists its stories).
      where.push('id IN (SELECT story_id FROM story_member WHERE article_id IN (SELECT value FROM json_each(?)))');
      args.push(JSON.stringify(q.articles));
    }
    if (q.ids) {
      where.push('id IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(q.ids));
    }
    const sql = `SELECT id, version, headline, articles, sources, contradictions, first_seen, last_seen, updated_at FROM story
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY coalesce(last_seen, '') DESC, articles DESC, id LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit ?? 1_000_000) as StoryRow[]).map(summaryOf);
  }

  async storyChanges(id: string): Promise<StoryChange[]> {
    const rows = this.stmt('SELECT story_id, at, what, others FROM story_change WHERE story_id = ? ORDER BY rowid').all(id) as
      { story_id: string; at: string; what: StoryChange['what']; others: string }[];
    return rows.map((r) => ({ story: r.story_id, at: r.at, what: r.what, others: JSON.parse(r.others) as string[] }));
  }

  // ---- writing ------------------------------------------------------------------------------------------

  async commit(change: CorpusCommit): Promise<void> {
    // Held records are not packed: JSON and deflate of each were ~8 s of the main thread of a 10k analyze
    // (zlib 4.2, JSON 2.5, lanes 1.3; docs/performance.md), for rows nothing reads.
    const records = change.recordsHeld ? [] : change.articles.map((a) => a.analysed);
    const listings = new Map([...records, ...(change.updatedArticles ?? [])].map((a) => [a, listingOf(a)]));
    const packed = await packAll([...records, ...(change.updatedArticles ?? []), ...listings.values()]);
    this.commitSync(change, packed, listings);
  }

  async commitToken(): Promise<string | null> {
    return (this.stmt("SELECT value FROM corpus_meta WHERE key = 'commit'").pluck().get() as string | undefined) ?? null;
  }

  /** `packed`: records already packed (packAll), by object; any other is packed here. */
  private commitSync(change: CorpusCommit, packed?: Map<unknown, Buffer>, listings?: Map<AnalysedArticle, ListedArticle>): void {
    const packOf = (record: unknown) => packed?.get(record) ?? pack(record);
    const articleData = (record: unknown) => (change.recordsHeld ? NOT_KEPT : packOf(record));
    // Without its record an article keeps no listing either (getListedArticles then fails as getArticles does).
    const listingData = (record: AnalysedArticle) => (change.recordsHeld ? null : packOf(listings?.get(record) ?? listingOf(record)));
    const now = new Date().toISOString();
    const db = this.db;
    db.transaction(() => {
      // Outlet line counts stay: they count distinct articles' raw lines, which a rebuild does not change.
      if (change.rebuild) {
        db.exec(`DELETE FROM reuse_link; DELETE FROM reuse_band; DELETE FROM reuse_signature; DELETE FROM term_df;
          DELETE FROM corpus_meta; DELETE FROM story; DELETE FROM story_member; DELETE FROM event_member; DELETE FROM story_term;
          DELETE FROM cluster_summary;`);
        this.reuseIndex.reset();
      }
      const nextSeq = () => ((this.stmt('SELECT coalesce(max(seq), -1) FROM article').pluck().get() as number) + 1);
      const insertContent = this.stmt('INSERT OR IGNORE INTO content (hash, raw, stored_at) VALUES (?, ?, ?)');
      const insertArticle = this.stmt(
        'INSERT INTO article (id, key, hash, version, seq, added_at, updated_at, data, listing) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)');
      const reviseArticle = this.stmt('UPDATE article SET hash = ?, version = version + 1, updated_at = ?, data = ?, listing = ? WHERE id = ?');
      const keepRevision = this.stmt('INSERT OR IGNORE INTO article_revision (id, version, hash, seen_at, text) SELECT id, version, hash, updated_at, ? FROM article WHERE id = ?');
      const updateData = this.stmt('UPDATE article SET data = ?, listing = ?, updated_at = ? WHERE id = ?');
      let seq = nextSeq();
      for (const a of change.articles) {
        insertContent.run(a.hash, a.raw, now);
        if (a.revisionOf) {
          keepRevision.run(a.revisionOf.text, a.id);
          reviseArticle.run(a.hash, now, articleData(a.analysed), listingData(a.analysed), a.id);
        } else insertArticle.run(a.id, a.key, a.hash, seq++, now, now, articleData(a.analysed), listingData(a.analysed));
      }
      for (const a of change.updatedArticles ?? []) updateData.run(packOf(a), packOf(listings?.get(a) ?? listingOf(a)), now, a.id);
      // A revision's earlier text no longer speaks for it: its signature and links are replaced by the new ones.
      const revised = change.articles.filter((a) => a.revisionOf).map((a) => a.id);
      this.reuseIndex.forget(revised);
      const dropLinks = this.stmt('DELETE FROM reuse_link WHERE a = ? OR b = ?');
      for (const id of revised) dropLinks.run(id, id);
      this.reuseIndex.addMany(change.signatures);
      const upsertLink = this.stmt('INSERT OR REPLACE INTO reuse_link (a, b, joins, data) VALUES (?, ?, ?, ?)');
      for (const { link, joins } of change.links) upsertLink.run(link.a, link.b, joins ? 1 : 0, JSON.stringify(link));
      const outletInc = this.stmt('INSERT INTO outlet (outlet, articles) VALUES (?, 1) ON CONFLICT(outlet) DO UPDATE SET articles = articles + 1');
      const lineInc = this.stmt('INSERT INTO outlet_line (outlet, h1, h2, n) VALUES (?, ?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1');
      for (const o of change.outletLines) {
        outletInc.run(o.outlet);
        for (const [h1, h2] of o.hashes) lineInc.run(o.outlet, h1, h2);
      }
      const dfInc = this.stmt('INSERT INTO term_df (key, df) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET df = df + excluded.df');
      for (const [k, n] of change.documentFrequencies) dfInc.run(k, n);
      this.stmt(`INSERT INTO corpus_meta (key, value) VALUES ('documents', ?)
        ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT)`).run(String(change.documents));
      this.writeStories(change, now);
      this.stmt("INSERT INTO corpus_meta (key, value) VALUES ('commit', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(randomUUID());
      // IMMEDIATE: the commit reads (the next seq) before it writes, and a deferred transaction whose snapshot
      // another connection has written past since fails at its first write with SQLITE_BUSY at once, without
      // the busy timeout (seen in CI: two adds opening one new database, one failing at insertContent).
      // Taking the write lock at BEGIN waits on busy_timeout instead.
    }).immediate();
  }

  private writeStories(change: CorpusCommit, now: string): void {
    const db = this.db;
    const dropStory = (id: string, keepTerms = false) => {
      this.stmt('DELETE FROM story WHERE id = ?').run(id);
      this.stmt('DELETE FROM event_member WHERE article_id IN (SELECT article_id FROM story_member WHERE story_id = ?)').run(id);
      this.stmt('DELETE FROM story_member WHERE story_id = ?').run(id);
      if (!keepTerms) this.stmt('DELETE FROM story_term WHERE story_id = ?').run(id);
    };
    for (const id of change.removedStories) dropStory(id);
    const version = this.stmt('SELECT version FROM story WHERE id = ?').pluck();
    const insertStory = this.stmt(`INSERT INTO story (id, version, headline, articles, sources, contradictions, first_seen, last_seen, updated_at, view, pending_since)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const member = this.stmt('INSERT OR REPLACE INTO story_member (story_id, article_id) VALUES (?, ?)');
    const leave = this.stmt('DELETE FROM story_member WHERE article_id = ?');
    const eventMember = this.stmt('INSERT OR REPLACE INTO event_member (event_id, article_id) VALUES (?, ?)');
    const leaveEvent = this.stmt('DELETE FROM event_member WHERE article_id = ?');
    const term = this.stmt('INSERT OR IGNORE INTO story_term (term, story_id) VALUES (?, ?)');
    for (const { view, terms, independentSources } of change.stories) {
      const previous = version.get(view.id) as number | undefined;
      dropStory(view.id, !terms);
      const dates = view.events.flatMap((e) => [e.start, e.end]).filter((d): d is string => d !== null).sort();
      insertStory.run(view.id, (previous ?? 0) + 1, view.headline, view.articles.length, independentSources, view.contradictions.length,
        dates[0] ?? null, dates[dates.length - 1] ?? null, now, pack(view), view.pending?.since ?? null);
      for (const a of view.articles) {
        leave.run(a);
        member.run(view.id, a);
      }
      for (const e of view.events) for (const a of e.articles) {
        leaveEvent.run(a);
        eventMember.run(e.id, a);
      }
      for (const t of terms ?? []) term.run(t, view.id);
    }
    const record = this.stmt('INSERT INTO story_change (story_id, at, what, others) VALUES (?, ?, ?, ?)');
    for (const c of change.changes) record.run(c.story, c.at || now, c.what, JSON.stringify(c.others));
    this.writeSummaries(change);
  }

  /** Summaries go with the membership they summarise (CorpusCommit.summaries): dropped for every written or
   *  removed story but the grown ones, then upserted, in the commit's transaction. */
  private writeSummaries(change: CorpusCommit): void {
    const grown = new Set(change.summaries?.grown ?? []);
    const drop = this.stmt('DELETE FROM cluster_summary WHERE story_id = ?');
    for (const id of [...change.removedStories, ...change.stories.map((s) => s.view.id)]) if (!grown.has(id)) drop.run(id);
    const put = this.stmt('INSERT OR REPLACE INTO cluster_summary (story_id, kind, id, data) VALUES (?, ?, ?, ?)');
    for (const r of change.summaries?.rows ?? []) put.run(r.story, r.kind, r.id, JSON.stringify(r));
  }

  // ---- watched feeds ------------------------------------------------------------------------------------

  async getFeeds(urls?: string[]): Promise<FeedState[]> {
    if (!urls) return (this.stmt('SELECT * FROM feed ORDER BY url').all() as FeedRow[]).map(feedOfRow);
    const out: FeedState[] = [];
    for (const part of chunks(urls)) {
      const rows = this.stmt(`SELECT * FROM feed WHERE url IN (${part.map(() => '?').join(',')})`).all(...part) as FeedRow[];
      for (const r of rows) out.push(feedOfRow(r));
    }
    return out.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  }

  async putFeeds(feeds: FeedState[]): Promise<void> {
    const put = this.stmt(`INSERT OR REPLACE INTO feed (${FEED_COLUMNS.join(', ')}) VALUES (${FEED_COLUMNS.map(() => '?').join(', ')})`);
    this.db.transaction(() => {
      for (const f of feeds) put.run(...feedRow(f));
    })();
  }

  // ---- one writer ---------------------------------------------------------------------------------------

  async lockWriter(onWait?: (holder: string) => void): Promise<() => Promise<void>> {
    const me = `pid ${process.pid} on ${hostname()}`;
    const take = this.db.transaction((): string | null => {
      const row = this.stmt('SELECT holder, pid, since FROM writer_lock WHERE id = 1').get() as { holder: string; pid: number; since: string } | undefined;
      // A holder on this host whose process is gone was killed: its lock is stale (its chunk never committed).
      if (row && !(row.holder.endsWith(`on ${hostname()}`) && !processAlive(row.pid))) return `${row.holder}, since ${row.since}`;
      this.stmt('INSERT OR REPLACE INTO writer_lock (id, holder, pid, since) VALUES (1, ?, ?, ?)').run(me, process.pid, new Date().toISOString());
      return null;
    });
    let told = false;
    for (;;) {
      const holder = take.immediate();
      if (holder === null) break;
      if (!told) onWait?.(holder);
      told = true;
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
    return async () => {
      this.stmt('DELETE FROM writer_lock WHERE id = 1 AND pid = ?').run(process.pid);
    };
  }

  /** Row counts, for tests and `--timings`. */
  counts(): { contents: number; sources: number; analyses: number; stories: number } {
    const one = (sql: string) => this.stmt(sql).pluck().get() as number;
    return {
      contents: one('SELECT count(*) FROM content'),
      sources: one('SELECT count(*) FROM article'),
      analyses: one('SELECT count(*) FROM analysis'),
      stories: one('SELECT count(*) FROM story'),
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

interface StoryRow {
  id: string; version: number; headline: string; articles: number; sources: number; contradictions: number;
  first_seen: string | null; last_seen: string | null; updated_at: string; view: Buffer;
}

function summaryOf(r: StoryRow): StorySummary {
  return {
    id: r.id, version: r.version, headline: r.headline, articles: r.articles, independentSources: r.sources,
    contradictions: r.contradictions, firstSeen: r.first_seen, lastSeen: r.last_seen, updatedAt: r.updated_at,
  };
}
