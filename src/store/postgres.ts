// The PostgreSQL adapter of the store (node-postgres): the same tables, meaning and deflated-JSON records as the
// SQLite one, for a store shared by several processes. Every call is batched into one statement (one round trip),
// each `commit` is one transaction, and the one writer holds a session-level advisory lock.

import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { pack, unpack } from './packed.js';
import type { AnalysedArticle } from '../model/article.js';
import { listingOf, type ListedArticle } from '../model/listing.js';
import type { ReuseLink, Story } from '../model/report.js';
import { forEachKey, type CandidateHits, type KeyKind } from '../reuse/index-store.js';
import { reuseParams } from '../reuse/params.js';
import type { ReuseSignature } from '../reuse/signature.js';
import type { ClusterSummary } from '../cluster/summary.js';
import { LOCK_CLASS, LOCK_WRITER, migratePostgres, UNDATED } from './migrations-postgres.js';
import { StoreError } from './paths.js';
import { byCodePoint } from '../corroborate/order.js';
import { ANALYSIS_VERSION } from './analysis-version.js';
import {
  FEED_COLUMNS, feedOfRow, feedRow, type AppearanceResolution, type ArticleRevision, type CorpusCommit, type FeedRow,
  type FeedState, type Store, type StoredArticle, type StoredLink, type StoredStory, type StoryChange, type StoryQuery,
  type StorySummary, type ListedStoredArticle,
} from './types.js';

/** PostgreSQL allows 65,535 bound parameters per statement; multi-row VALUES stay under it. */
const MAX_PARAMS = 30_000;
/** Rows per unnest() statement (arrays are sent as text; this bounds one message to a few MB). */
const UNNEST_ROWS = 50_000;
/** Signatures per candidate statement: a normal `add` chunk is one statement; a huge one is a few. */
const CANDIDATE_BATCH = 4_000;
/** Ids per getArticles statement (records are ~10 kB deflated each). */
const ARTICLE_BATCH = 2_000;
const POOL_SIZE = 4;
const LOCK_POLL_MS = 200;
const KIND_CODE: Record<KeyKind, number> = { content: 0, band: 1, sentence: 2 };


/** int8 (counts, seq, reuse keys < 2^53) as JS numbers, for this adapter's connections only. */
const TYPES = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
} as pg.CustomTypesConfig;

/** Is `db` a PostgreSQL connection URL (rather than a SQLite path)? */
export function isPostgresUrl(db: string | null | undefined): db is string {
  return !!db && /^postgres(ql)?:\/\//i.test(db);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** A person-readable reason from what node-postgres or the server threw. */
function pgReason(err: unknown): string {
  const e = err as { code?: string; message?: string; address?: string; port?: number };
  if (e.code === 'ECONNREFUSED') return `nothing answers at ${e.address ?? 'the host'}:${e.port ?? ''} (is PostgreSQL running?)`;
  if (e.code === '3D000') return `${e.message} (create it first: createdb NAME)`;
  if (e.code === '28P01' || e.code === '28000') return `authentication failed: ${e.message}`;
  return (e.message ?? String(err)).split('\n', 1)[0];
}

/** Opens (and migrates) the PostgreSQL store at `url`; failures are StoreErrors with one actionable line. */
export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types: TYPES, application_name: 'crosscheck' });
  // An idle client that loses its connection emits here; the next query on the pool reports the problem.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw new StoreError(`cannot use the database ${redactUrl(url)}: ${pgReason(err)}`);
  }
  return new PostgresStore(pool, url);
}

type Q = Pick<pg.ClientBase, 'query'>;

/** Runs `head VALUES (…),(…) tail` over `rows` in statements under MAX_PARAMS, each placeholder cast. */
async function insertValues(c: Q, head: string, casts: string[], rows: unknown[][], tail = ''): Promise<pg.QueryResult[]> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / casts.length));
  const results: pg.QueryResult[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    const marks = part.map((_, r) => `(${casts.map((t, k) => `$${r * casts.length + k + 1}::${t}`).join(',')})`).join(',');
    results.push(await c.query(`${head} VALUES ${marks} ${tail}`, part.flat()));
  }
  return results;
}

/** Runs `sql` (which reads its columns as `$1…$n` arrays) over column arrays in slices of UNNEST_ROWS. */
async function unnestRows(c: Q, sql: string, columns: unknown[][]): Promise<void> {
  const n = columns[0]?.length ?? 0;
  for (let i = 0; i < n; i += UNNEST_ROWS) await c.query(sql, columns.map((col) => col.slice(i, i + UNNEST_ROWS)));
}

/** The last value per key, in first-seen order (PostgreSQL's ON CONFLICT cannot touch one row twice). */
function lastByKey<T>(items: T[], key: (t: T) => string): T[] {
  const m = new Map<string, T>();
  for (const t of items) m.set(key(t), t);
  return [...m.values()];
}

export class PostgresStore implements Store {
  readonly description: string;
  /** Lock clients held by this store (ended by close). */
  private readonly lockClients = new Set<pg.Client>();

  constructor(readonly pool: pg.Pool, private readonly url: string) {
    this.description = `PostgreSQL ${redactUrl(url)}`;
  }

  // ---- appearances and articles -------------------------------------------------------------------------

  async resolveAppearances(items: { key: string; hash: string; proposedId: string }[]): Promise<AppearanceResolution[]> {
    if (items.length === 0) return [];
    const [byKey, byHash, existing] = await Promise.all([
      this.pool.query<{ key: string; id: string; hash: string; version: number }>(
        'SELECT key, id, hash, version FROM article WHERE key = ANY($1::text[])', [[...new Set(items.map((i) => i.key))]]),
      this.pool.query<{ hash: string; id: string }>(
        'SELECT DISTINCT ON (hash) hash, id FROM article WHERE hash = ANY($1::text[]) ORDER BY hash, seq', [[...new Set(items.map((i) => i.hash))]]),
      this.idsLike([...new Set(items.map((i) => i.proposedId))]),
    ]);
    const stored = new Map(byKey.rows.map((r) => [r.key, r]));
    const twinOf = new Map(byHash.rows.map((r) => [r.hash, r.id]));
    const taken = new Set<string>();
    // The last suffix tried per proposed id: every one below it is taken, so many files of one name stay linear.
    const lastTried = new Map<string, number>();
    const seenKeys = new Map<string, AppearanceResolution>();
    return items.map((item) => {
      // The same appearance twice in one chunk (a file given twice) is one article.
      const again = seenKeys.get(item.key);
      if (again) return { status: 'unchanged', id: again.id };
      const row = stored.get(item.key);
      let out: AppearanceResolution;
      if (row) {
        out = row.hash === item.hash ? { status: 'unchanged', id: row.id } : { status: 'revision', id: row.id, previousVersion: row.version };
      } else {
        let n = lastTried.get(item.proposedId) ?? 1;
        let id = n === 1 ? item.proposedId : `${item.proposedId}~${n}`;
        while (taken.has(id) || existing.has(id)) id = `${item.proposedId}~${++n}`;
        lastTried.set(item.proposedId, n);
        taken.add(id);
        const twin = twinOf.get(item.hash);
        out = twin ? { status: 'duplicate', id, duplicateOf: twin } : { status: 'new', id };
        // A later item of this chunk with the same text repeats this one, as it would a stored one.
        if (!twin) twinOf.set(item.hash, id);
      }
      seenKeys.set(item.key, out);
      return out;
    });
  }

  /** Stored ids equal to one of `ids` or starting with `id~` (the ones uniquing may have used). */
  private async idsLike(ids: string[]): Promise<Set<string>> {
    // In "C" order, every `x~…` lies in [`x~`, `x` + U+007F): an index range scan per proposed id.
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT a.id FROM unnest($1::text[]) AS p(id) JOIN article a ON a.id = p.id
       UNION SELECT a.id FROM unnest($1::text[]) AS p(id) JOIN article a ON a.id >= p.id || '~' AND a.id < p.id || chr(127)`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  async getArticles(ids: string[]): Promise<StoredArticle[]> {
    const out: StoredArticle[] = [];
    for (let i = 0; i < ids.length; i += ARTICLE_BATCH) {
      const { rows } = await this.pool.query<{ id: string; key: string; hash: string; version: number; seq: number; added_at: string; data: Buffer }>(
        'SELECT id, key, hash, version, seq, added_at, data FROM article WHERE id = ANY($1::text[])', [ids.slice(i, i + ARTICLE_BATCH)]);
      for (const r of rows) {
        out.push({ id: r.id, key: r.key, hash: r.hash, version: r.version, seq: r.seq, addedAt: r.added_at, analysed: unpack<AnalysedArticle>(r.data) });
      }
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  async getListedArticles(ids: string[]): Promise<ListedStoredArticle[]> {
    const out: ListedStoredArticle[] = [];
    const unlisted: string[] = [];
    for (let i = 0; i < ids.length; i += ARTICLE_BATCH) {
      const { rows } = await this.pool.query<{ id: string; version: number; seq: number; listing: Buffer | null }>(
        'SELECT id, version, seq, listing FROM article WHERE id = ANY($1::text[])', [ids.slice(i, i + ARTICLE_BATCH)]);
      for (const r of rows) {
        if (r.listing) out.push({ id: r.id, version: r.version, seq: Number(r.seq), listed: unpack<ListedArticle>(r.listing) });
        else unlisted.push(r.id);
      }
    }
    // Rows written before schema 6: the record, listed here.
    for (const s of unlisted.length ? await this.getArticles(unlisted) : []) out.push({ id: s.id, version: s.version, seq: s.seq, listed: listingOf(s.analysed) });
    return out.sort((a, b) => a.seq - b.seq);
  }

  async articleIds(afterSeq = -1, limit = 10_000): Promise<{ id: string; seq: number }[]> {
    const { rows } = await this.pool.query<{ id: string; seq: number }>('SELECT id, seq FROM article WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
    return rows;
  }

  async revisions(id: string): Promise<ArticleRevision[]> {
    const { rows } = await this.pool.query<{ id: string; version: number; hash: string; seen_at: string; text: string }>(
      'SELECT id, version, hash, seen_at, text FROM article_revision WHERE id = $1 ORDER BY version', [id]);
    return rows.map((r) => ({ id: r.id, version: r.version, hash: r.hash, seenAt: r.seen_at, text: r.text }));
  }

  async countArticles(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT count(*) AS n FROM article')).rows[0].n;
  }

  // ---- per-article analysis cache -----------------------------------------------------------------------

  async getCachedAnalyses(keys: { hash: string; published: string | null }[]): Promise<(unknown | null)[]> {
    const out: (unknown | null)[] = keys.map(() => null);
    if (keys.length === 0) return out;
    const { rows } = await this.pool.query<{ i: number; data: Buffer }>(
      `SELECT k.i, a.data FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(hash, published, i)
       JOIN analysis a ON a.hash = k.hash AND a.published = k.published AND a.version = $3`,
      [keys.map((k) => k.hash), keys.map((k) => k.published ?? UNDATED), ANALYSIS_VERSION]);
    for (const r of rows) out[r.i - 1] = unpack(r.data);
    return out;
  }

  async putCachedAnalyses(rows: { hash: string; published: string | null; data: unknown }[]): Promise<void> {
    // In key order: two concurrent upserts of overlapping rows (a verbatim copy cached by two batches at
    // once) then lock them in one order and cannot deadlock, which one in-process add on PostgreSQL did.
    const key = (r: { hash: string; published: string | null }) => `${r.hash}\u0000${r.published ?? UNDATED}`;
    const unique = lastByKey(rows, key).sort((a, b) => byCodePoint(key(a), key(b)));
    await insertValues(this.pool, 'INSERT INTO analysis (hash, version, published, data)', ['text', 'int', 'text', 'bytea'],
      unique.map((r) => [r.hash, ANALYSIS_VERSION, r.published ?? UNDATED, pack(r.data)]),
      'ON CONFLICT (hash, version, published) DO UPDATE SET data = excluded.data');
  }

  // ---- outlet statistics, reuse -------------------------------------------------------------------------

  async outletLineCounts(outlet: string, hashes: [number, number][]): Promise<{ counts: number[]; articles: number }> {
    // Row 0 carries the outlet's article count; rows 1… the counts of the hashes that are stored.
    const { rows } = await this.pool.query<{ i: number; n: number }>(
      `SELECT 0::bigint AS i, articles::bigint AS n FROM outlet WHERE outlet = $1
       UNION ALL SELECT k.i, l.n FROM unnest($2::bigint[], $3::bigint[]) WITH ORDINALITY AS k(h1, h2, i)
       JOIN outlet_line l ON l.outlet = $1 AND l.h1 = k.h1 AND l.h2 = k.h2`,
      [outlet, hashes.map((h) => h[0]), hashes.map((h) => h[1])]);
    const counts = hashes.map(() => 0);
    let articles = 0;
    for (const r of rows) {
      if (r.i === 0) articles = r.n;
      else counts[r.i - 1] = r.n;
    }
    return { counts, articles };
  }

  async reuseCandidates(signatures: ReuseSignature[]): Promise<Map<string, Map<string, CandidateHits>>> {
    const out = new Map<string, Map<string, CandidateHits>>(signatures.map((s) => [s.id, new Map()]));
    for (let i = 0; i < signatures.length; i += CANDIDATE_BATCH) {
      const part = signatures.slice(i, i + CANDIDATE_BATCH);
      for (const r of await this.candidateRows(part)) {
        out.get(part[r.sig].id)!.set(r.id, { bands: r.bands, sentences: r.sentences, content: r.content });
      }
    }
    return out;
  }

  /** One statement for a batch: every (signature, key) pair is joined to its posting list (read up to
   *  maxPosting + 1 rows; longer non-content lists are stop-keys and skipped), hits are grouped per
   *  (signature, stored doc), and only candidates worth verifying (isCandidate) come back, with their ids. */
  private async candidateRows(sigs: ReuseSignature[]): Promise<{ sig: number; id: string; bands: number; sentences: number; content: boolean }[]> {
    const sigIdx: number[] = [];
    const keys: number[] = [];
    const kinds: number[] = [];
    sigs.forEach((s, n) => {
      // Each key counts once per signature, under the kind it was first seen with (as the SQLite index).
      const seen = new Set<number>();
      forEachKey(s, (key, kind) => {
        if (seen.has(key)) return;
        seen.add(key);
        sigIdx.push(n);
        keys.push(key);
        kinds.push(KIND_CODE[kind]);
      });
    });
    const { rows } = await this.pool.query(
      `WITH q AS (SELECT * FROM unnest($1::int[], $2::bigint[], $3::int[]) AS q(sig, key, kind)),
       p AS (SELECT k.key, s.doc, count(*) OVER (PARTITION BY k.key) AS n FROM (SELECT DISTINCT key FROM q) k
             CROSS JOIN LATERAL (SELECT b.doc FROM reuse_band b WHERE b.key = k.key ORDER BY b.doc LIMIT $4) s),
       h AS (SELECT q.sig, p.doc, count(*) FILTER (WHERE q.kind = 1) AS bands, count(*) FILTER (WHERE q.kind = 2) AS sentences,
                    bool_or(q.kind = 0) AS content
             FROM q JOIN p ON p.key = q.key AND (q.kind = 0 OR p.n <= $5) GROUP BY q.sig, p.doc)
       SELECT h.sig, r.id, h.bands, h.sentences, h.content FROM h JOIN reuse_signature r ON r.doc = h.doc
       WHERE r.id <> ($6::text[])[h.sig + 1] AND (h.content OR h.bands > 0 OR h.sentences >= $7)`,
      [sigIdx, keys, kinds, reuseParams.maxPosting + 1, reuseParams.maxPosting, sigs.map((s) => s.id), reuseParams.minSharedSentenceKeys]);
    return rows;
  }

  async reuseLinks(ids: string[]): Promise<StoredLink[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.pool.query<{ joins: number; data: string }>(
      'SELECT joins, data FROM reuse_link WHERE a = ANY($1::text[]) OR b = ANY($1::text[]) ORDER BY a, b', [ids]);
    return rows.map((r) => ({ link: JSON.parse(r.data) as ReuseLink, joins: r.joins === 1 }));
  }

  // ---- clustering state ---------------------------------------------------------------------------------

  private async memberMap(table: 'story_member' | 'event_member', column: 'story_id' | 'event_id', articleIds: string[]): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ owner: string; article_id: string }>(
      `SELECT ${column} AS owner, article_id FROM ${table} WHERE article_id = ANY($1::text[])`, [articleIds]);
    return new Map(rows.map((r) => [r.article_id, r.owner]));
  }

  async storyOf(articleIds: string[]): Promise<Map<string, string>> {
    return this.memberMap('story_member', 'story_id', articleIds);
  }

  async eventOf(articleIds: string[]): Promise<Map<string, string>> {
    return this.memberMap('event_member', 'event_id', articleIds);
  }

  async storyMembers(storyIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(storyIds.map((id) => [id, []]));
    const { rows } = await this.pool.query<{ story_id: string; article_id: string }>(
      'SELECT story_id, article_id FROM story_member WHERE story_id = ANY($1::text[]) ORDER BY story_id, article_id', [storyIds]);
    for (const r of rows) out.get(r.story_id)!.push(r.article_id);
    return out;
  }

  async clusterSummaries(storyIds: string[], kind: 'story' | 'event'): Promise<ClusterSummary[]> {
    const { rows } = await this.pool.query<{ data: string }>(
      'SELECT data FROM cluster_summary WHERE story_id = ANY($1::text[]) AND kind = $2 ORDER BY story_id, id', [storyIds, kind]);
    return rows.map((r) => JSON.parse(r.data) as ClusterSummary);
  }

  async storiesWithTerms(terms: string[], limit: number): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ story_id: string; n: number }>(
      'SELECT story_id, count(*) AS n FROM story_term WHERE term = ANY($1::text[]) GROUP BY story_id', [[...new Set(terms)]]);
    const ranked = rows.map((r) => [r.story_id, r.n] as [string, number]);
    ranked.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return new Map(ranked.slice(0, limit));
  }

  async documentFrequencies(keys: string[]): Promise<{ df: Map<string, number>; documents: number }> {
    // The row with a NULL key carries the corpus's document count.
    const { rows } = await this.pool.query<{ key: string | null; df: number }>(
      `SELECT key, df::bigint AS df FROM term_df WHERE key = ANY($1::text[]) AND df <> 0
       UNION ALL SELECT NULL, value::bigint FROM corpus_meta WHERE key = 'documents'`, [[...new Set(keys)]]);
    const df = new Map<string, number>();
    let documents = 0;
    for (const r of rows) {
      if (r.key === null) documents = r.df;
      else df.set(r.key, r.df);
    }
    return { df, documents };
  }

  // ---- stories ------------------------------------------------------------------------------------------

  async getStories(ids: string[]): Promise<StoredStory[]> {
    const { rows } = await this.pool.query<StoryRow>('SELECT * FROM story WHERE id = ANY($1::text[])', [ids]);
    const order = new Map(ids.map((id, i) => [id, i]));
    return rows.map((r) => ({ ...summaryOf(r), view: unpack<Story>(r.view) })).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }

  async listStories(q: StoryQuery): Promise<StorySummary[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => `$${args.push(v)}`;
    if (q.since) where.push(`coalesce(last_seen, updated_at) >= ${arg(q.since)}`);
    // Plain substring match on the headline (strpos, not LIKE: % and _ in a query are not wildcards).
    for (const word of (q.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)) where.push(`strpos(lower(headline), ${arg(word)}) > 0`);
    if (q.articles?.length) where.push(`id IN (SELECT story_id FROM story_member WHERE article_id = ANY(${arg(q.articles)}::text[]))`);
    if (q.ids) where.push(`id = ANY(${arg(q.ids)}::text[])`);
    const sql = `SELECT id, version, headline, articles, sources, contradictions, first_seen, last_seen, updated_at FROM story
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY coalesce(last_seen, '') DESC, articles DESC, id LIMIT ${arg(q.limit ?? 1_000_000)}`;
    return (await this.pool.query<StoryRow>(sql, args)).rows.map(summaryOf);
  }

  async pendingStories(limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM story WHERE pending_since IS NOT NULL ORDER BY pending_since, id LIMIT $1', [limit]);
    return rows.map((r) => r.id);
  }

  async storyChanges(id: string): Promise<StoryChange[]> {
    const { rows } = await this.pool.query<{ story_id: string; at: string; what: StoryChange['what']; others: string }>(
      'SELECT story_id, at, what, others FROM story_change WHERE story_id = $1 ORDER BY n', [id]);
    return rows.map((r) => ({ story: r.story_id, at: r.at, what: r.what, others: JSON.parse(r.others) as string[] }));
  }

  // ---- writing ------------------------------------------------------------------------------------------

  async commitToken(): Promise<string | null> {
    const { rows } = await this.pool.query<{ value: string }>("SELECT value FROM corpus_meta WHERE key = 'commit'");
    return rows[0]?.value ?? null;
  }

  async commit(change: CorpusCommit): Promise<void> {
    const now = new Date().toISOString();
    await this.inTransaction(async (c) => {
      // Outlet line counts stay: they count distinct articles' raw lines, which a rebuild does not change.
      if (change.rebuild) {
        await c.query('TRUNCATE reuse_link, reuse_band, reuse_signature, term_df, corpus_meta, story, story_member, event_member, story_term, cluster_summary');
      }
      await writeArticles(c, change, now);
      await writeReuse(c, change);
      await writeStatistics(c, change);
      await writeStories(c, change, now);
      await c.query(`INSERT INTO corpus_meta (key, value) VALUES ('commit', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [randomUUID()]);
    });
  }

  /** Runs `work` in one transaction on one pooled client; a client whose ROLLBACK failed is not returned to the pool. */
  private async inTransaction(work: (c: pg.PoolClient) => Promise<unknown>): Promise<void> {
    const c = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await c.query('BEGIN');
      await work(c);
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw err;
    } finally {
      c.release(broken);
    }
  }

  // ---- watched feeds ------------------------------------------------------------------------------------

  async getFeeds(urls?: string[]): Promise<FeedState[]> {
    const { rows } = urls
      ? await this.pool.query<FeedRow>('SELECT * FROM feed WHERE url = ANY($1::text[]) ORDER BY url', [urls])
      : await this.pool.query<FeedRow>('SELECT * FROM feed ORDER BY url');
    return rows.map(feedOfRow);
  }

  /** One statement (multi-row VALUES, split only past MAX_PARAMS): a poll cycle of 1,000 feeds is a round trip. */
  async putFeeds(feeds: FeedState[]): Promise<void> {
    if (feeds.length === 0) return;
    const casts = ['text', 'text', 'text', 'text', 'int8', 'text', 'text', 'int4', 'text', 'text', 'int4', 'int4', 'int4', 'int8', 'int8', 'text'];
    const update = FEED_COLUMNS.filter((c) => c !== 'url').map((c) => `${c} = excluded.${c}`).join(', ');
    await this.inTransaction((c) => insertValues(c, `INSERT INTO feed (${FEED_COLUMNS.join(', ')})`, casts, lastByKey(feeds, (f) => f.url).map(feedRow), `ON CONFLICT (url) DO UPDATE SET ${update}`));
  }

  // ---- one writer ---------------------------------------------------------------------------------------

  /** A session-level advisory lock on a connection of its own, held until the returned release: a killed
   *  holder's connection closes and the lock goes with it, so there is nothing stale to clean up. */
  async lockWriter(onWait?: (holder: string) => void): Promise<() => Promise<void>> {
    const me = `pid ${process.pid} on ${hostname()}`;
    const client = new pg.Client({ connectionString: this.url, types: TYPES, application_name: `crosscheck writer ${me}`.slice(0, 63), keepAlive: true });
    client.on('error', () => {});
    await client.connect();
    this.lockClients.add(client);
    try {
      let told = false;
      while (!(await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_CLASS, LOCK_WRITER])).rows[0].ok) {
        const holder = told ? null : await lockHolder(client);
        if (holder !== null) {
          onWait?.(holder);
          told = true;
        }
        await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
      }
      await client.query(`INSERT INTO writer_lock (id, holder, pid, since, backend) VALUES (1, $1, $2, $3, pg_backend_pid())
        ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, since = excluded.since, backend = excluded.backend`,
        [me, process.pid, new Date().toISOString()]);
    } catch (err) {
      await this.dropLockClient(client);
      throw err;
    }
    return async () => {
      try {
        await client.query('DELETE FROM writer_lock WHERE backend = pg_backend_pid()');
        await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_CLASS, LOCK_WRITER]);
      } finally {
        await this.dropLockClient(client);
      }
    };
  }

  private async dropLockClient(client: pg.Client): Promise<void> {
    if (!this.lockClients.delete(client)) return;
    await client.end().catch(() => {});
  }

  /** Row counts, for tests and `--timings` (as SqliteStore.counts). */
  async counts(): Promise<{ contents: number; sources: number; analyses: number; stories: number }> {
    const { rows } = await this.pool.query<{ contents: number; sources: number; analyses: number; stories: number }>(
      `SELECT (SELECT count(*) FROM content) AS contents, (SELECT count(*) FROM article) AS sources,
              (SELECT count(*) FROM analysis) AS analyses, (SELECT count(*) FROM story) AS stories`);
    return rows[0];
  }

  async close(): Promise<void> {
    // Ending a held lock's connection releases the lock (as a killed process would).
    await Promise.all([...this.lockClients].map((c) => this.dropLockClient(c)));
    if (!this.pool.ended) await this.pool.end();
  }
}

/** Who holds the writer lock: the holder row of the backend that holds it, else what pg_stat_activity says.
 *  Null when nobody holds it any more (released between the try and this look). */
async function lockHolder(c: Q): Promise<string | null> {
  const { rows } = await c.query<{ pid: number; holder: string | null; since: string | null; app: string | null; addr: string | null; started: Date | null }>(
    `SELECT l.pid, w.holder, w.since, a.application_name AS app, host(a.client_addr) AS addr, a.backend_start AS started
     FROM pg_locks l LEFT JOIN writer_lock w ON w.backend = l.pid LEFT JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 2`, [LOCK_CLASS, LOCK_WRITER]);
  const r = rows[0];
  if (!r) return null;
  if (r.holder) return `${r.holder}, since ${r.since}`;
  const who = r.app || 'a PostgreSQL session';
  return `${who} (server pid ${r.pid}${r.addr ? ` from ${r.addr}` : ''})${r.started ? `, connected since ${r.started.toISOString()}` : ''}`;
}

// ---- the parts of one commit (all on the transaction's client) --------------------------------------------

async function writeArticles(c: Q, change: CorpusCommit, now: string): Promise<void> {
  await insertValues(c, 'INSERT INTO content (hash, raw, stored_at)', ['text', 'text', 'text'],
    change.articles.map((a) => [a.hash, a.raw, now]), 'ON CONFLICT (hash) DO NOTHING');
  const revised = change.articles.filter((a) => a.revisionOf);
  // The version being replaced is kept first, with the time it was stored, then the article moves on.
  await insertValues(c, 'INSERT INTO article_revision (id, version, hash, seen_at, text) SELECT a.id, a.version, a.hash, a.updated_at, v.text FROM (',
    ['text', 'text'], revised.map((a) => [a.id, a.revisionOf!.text]), ') AS v(id, text) JOIN article a ON a.id = v.id ON CONFLICT (id, version) DO NOTHING');
  await insertValues(c, 'UPDATE article AS a SET hash = v.hash, version = a.version + 1, updated_at = v.at, data = v.data, listing = v.listing FROM (',
    ['text', 'text', 'text', 'bytea', 'bytea'], revised.map((a) => [a.id, a.hash, now, pack(a.analysed), pack(listingOf(a.analysed))]), ') AS v(id, hash, at, data, listing) WHERE a.id = v.id');
  const first = change.articles.filter((a) => !a.revisionOf);
  if (first.length) {
    const seq = (await c.query<{ next: number }>('SELECT coalesce(max(seq), -1) + 1 AS next FROM article')).rows[0].next;
    await insertValues(c, 'INSERT INTO article (id, key, hash, version, seq, added_at, updated_at, data, listing)',
      ['text', 'text', 'text', 'int', 'bigint', 'text', 'text', 'bytea', 'bytea'],
      first.map((a, i) => [a.id, a.key, a.hash, 1, seq + i, now, now, pack(a.analysed), pack(listingOf(a.analysed))]));
  }
  const updated = lastByKey(change.updatedArticles ?? [], (a) => a.id);
  await insertValues(c, 'UPDATE article AS a SET data = v.data, listing = v.listing, updated_at = v.at FROM (', ['text', 'bytea', 'bytea', 'text'],
    updated.map((a) => [a.id, pack(a), pack(listingOf(a)), now]), ') AS v(id, data, listing, at) WHERE a.id = v.id');
}

async function writeReuse(c: Q, change: CorpusCommit): Promise<void> {
  // A revision's earlier text no longer speaks for it: its signature and links are replaced by the new ones.
  // Its postings stay in reuse_band until a rebuild, naming a doc no signature row has, so queries skip them.
  const revised = change.articles.filter((a) => a.revisionOf).map((a) => a.id);
  if (revised.length) {
    await c.query('DELETE FROM reuse_signature WHERE id = ANY($1::text[])', [revised]);
    await c.query('DELETE FROM reuse_link WHERE a = ANY($1::text[]) OR b = ANY($1::text[])', [revised]);
  }
  await addSignatures(c, change.signatures);
  const links = lastByKey(change.links, (l) => `${l.link.a}\u0000${l.link.b}`);
  await insertValues(c, 'INSERT INTO reuse_link (a, b, joins, data)', ['text', 'text', 'int', 'text'],
    links.map(({ link, joins }) => [link.a, link.b, joins ? 1 : 0, JSON.stringify(link)]),
    'ON CONFLICT (a, b) DO UPDATE SET joins = excluded.joins, data = excluded.data');
}

/** Signatures not stored yet (the first of an id wins, as in SQLite), then all their keys in bulk. */
async function addSignatures(c: Q, signatures: ReuseSignature[]): Promise<void> {
  const first = new Map<string, ReuseSignature>();
  for (const s of signatures) if (!first.has(s.id)) first.set(s.id, s);
  const fresh = [...first.values()];
  const docs = new Map<string, number>();
  for (const r of await insertValues(c, 'INSERT INTO reuse_signature (id, minhash, simhash_hi, simhash_lo)', ['text', 'bytea', 'bigint', 'bigint'],
    fresh.map((s) => [s.id, Buffer.from(s.minhash.buffer, s.minhash.byteOffset, s.minhash.byteLength), s.simhash[0], s.simhash[1]]),
    'ON CONFLICT (id) DO NOTHING RETURNING doc, id')) {
    for (const row of r.rows as { doc: number; id: string }[]) docs.set(row.id, row.doc);
  }
  const rows: [number, number][] = [];
  for (const s of fresh) {
    const doc = docs.get(s.id);
    if (doc !== undefined) forEachKey(s, (key) => rows.push([key, doc]));
  }
  // In B-tree order, so a batch touches each index page once instead of at random.
  rows.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  await unnestRows(c, 'INSERT INTO reuse_band (key, doc) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING',
    [rows.map((r) => r[0]), rows.map((r) => r[1])]);
}

async function writeStatistics(c: Q, change: CorpusCommit): Promise<void> {
  const outlets = new Map<string, number>();
  const lines = new Map<string, [string, number, number, number]>();
  for (const o of change.outletLines) {
    outlets.set(o.outlet, (outlets.get(o.outlet) ?? 0) + 1);
    for (const [h1, h2] of o.hashes) {
      const k = `${o.outlet}\u0000${h1}:${h2}`;
      const row = lines.get(k);
      if (row) row[3]++;
      else lines.set(k, [o.outlet, h1, h2, 1]);
    }
  }
  await unnestRows(c, `INSERT INTO outlet (outlet, articles) SELECT * FROM unnest($1::text[], $2::int[])
    ON CONFLICT (outlet) DO UPDATE SET articles = outlet.articles + excluded.articles`, [[...outlets.keys()], [...outlets.values()]]);
  const rows = [...lines.values()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2]));
  await unnestRows(c, `INSERT INTO outlet_line (outlet, h1, h2, n) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::int[])
    ON CONFLICT (outlet, h1, h2) DO UPDATE SET n = outlet_line.n + excluded.n`, [0, 1, 2, 3].map((k) => rows.map((r) => r[k])));
  const df = [...change.documentFrequencies].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  await unnestRows(c, `INSERT INTO term_df (key, df) SELECT * FROM unnest($1::text[], $2::int[])
    ON CONFLICT (key) DO UPDATE SET df = term_df.df + excluded.df`, [df.map((d) => d[0]), df.map((d) => d[1])]);
  await c.query(`INSERT INTO corpus_meta (key, value) VALUES ('documents', $1)
    ON CONFLICT (key) DO UPDATE SET value = (corpus_meta.value::bigint + excluded.value::bigint)::text`, [String(change.documents)]);
}

/** The SQLite adapter writes stories one by one; this is the same end state in set form: removed and rewritten
 *  stories are dropped (with their members' events), then every written story takes its articles and events
 *  from wherever they were (the last view naming an article wins), and the changes are appended in order. */
async function writeStories(c: Q, change: CorpusCommit, now: string): Promise<void> {
  const views = lastByKey(change.stories, (s) => s.view.id);
  const removed = new Set(change.removedStories);
  const drop = [...removed, ...views.map((s) => s.view.id)];
  // A refreshed view (no terms) keeps the index terms placement wrote.
  const dropTerms = [...removed, ...views.filter((s) => s.terms).map((s) => s.view.id)];
  const { rows: before } = await c.query<{ id: string; version: number }>('SELECT id, version FROM story WHERE id = ANY($1::text[])', [views.map((s) => s.view.id)]);
  const previous = new Map(before.filter((r) => !removed.has(r.id)).map((r) => [r.id, r.version]));
  if (drop.length) {
    await c.query('DELETE FROM event_member WHERE article_id IN (SELECT article_id FROM story_member WHERE story_id = ANY($1::text[]))', [drop]);
    for (const [table, column] of [['story', 'id'], ['story_member', 'story_id']]) {
      await c.query(`DELETE FROM ${table} WHERE ${column} = ANY($1::text[])`, [drop]);
    }
    await c.query('DELETE FROM story_term WHERE story_id = ANY($1::text[])', [dropTerms]);
  }
  await insertValues(c, 'INSERT INTO story (id, version, headline, articles, sources, contradictions, first_seen, last_seen, updated_at, view, pending_since)',
    ['text', 'int', 'text', 'int', 'int', 'int', 'text', 'text', 'text', 'bytea', 'text'],
    views.map(({ view, independentSources }) => {
      const dates = view.events.flatMap((e) => [e.start, e.end]).filter((d): d is string => d !== null).sort();
      return [view.id, (previous.get(view.id) ?? 0) + 1, view.headline, view.articles.length, independentSources, view.contradictions.length,
        dates[0] ?? null, dates[dates.length - 1] ?? null, now, pack(view), view.pending?.since ?? null];
    }));
  const members = new Map<string, string>();
  const events = new Map<string, string>();
  for (const { view } of views) {
    for (const a of view.articles) members.delete(a), members.set(a, view.id);
    for (const e of view.events) for (const a of e.articles) events.delete(a), events.set(a, e.id);
  }
  await unnestRows(c, 'DELETE FROM story_member WHERE article_id = ANY($1::text[])', [[...members.keys()]]);
  await unnestRows(c, 'INSERT INTO story_member (story_id, article_id) SELECT * FROM unnest($1::text[], $2::text[])', [[...members.values()], [...members.keys()]]);
  await unnestRows(c, 'DELETE FROM event_member WHERE article_id = ANY($1::text[])', [[...events.keys()]]);
  await unnestRows(c, 'INSERT INTO event_member (event_id, article_id) SELECT * FROM unnest($1::text[], $2::text[])', [[...events.values()], [...events.keys()]]);
  const terms = views.flatMap(({ view, terms }) => (terms ?? []).map((t) => [t, view.id]));
  await unnestRows(c, 'INSERT INTO story_term (term, story_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING',
    [terms.map((t) => t[0]), terms.map((t) => t[1])]);
  await insertValues(c, 'INSERT INTO story_change (story_id, at, what, others)', ['text', 'text', 'text', 'text'],
    change.changes.map((ch) => [ch.story, ch.at || now, ch.what, JSON.stringify(ch.others)]));
  await writeSummaries(c, change, drop);
}

/** Summaries go with the membership they summarise (CorpusCommit.summaries): dropped for every written or
 *  removed story but the grown ones, then upserted. */
async function writeSummaries(c: Q, change: CorpusCommit, written: string[]): Promise<void> {
  const grown = new Set(change.summaries?.grown ?? []);
  const drop = written.filter((id) => !grown.has(id));
  if (drop.length) await c.query('DELETE FROM cluster_summary WHERE story_id = ANY($1::text[])', [drop]);
  const rows = lastByKey(change.summaries?.rows ?? [], (r) => `${r.story}\u0000${r.kind}\u0000${r.id}`);
  await unnestRows(c, `INSERT INTO cluster_summary (story_id, kind, id, data) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
    ON CONFLICT (story_id, kind, id) DO UPDATE SET data = excluded.data`,
  [rows.map((r) => r.story), rows.map((r) => r.kind), rows.map((r) => r.id), rows.map((r) => JSON.stringify(r))]);
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
