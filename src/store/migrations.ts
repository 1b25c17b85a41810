// Numbered schema migrations of the SQLite store, tracked in `PRAGMA user_version`. A database from before
// numbering (user_version 0 with our tables) is brought up from migration 1; one written by a newer
// crosscheck is refused with a clear message rather than half-understood.

import type Database from 'better-sqlite3';
import { packListing } from './packed.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Undated content is keyed by '' in the analysis table: SQLite lets NULL into a (non-integer) primary key and
 *  treats every NULL as distinct, so `INSERT OR REPLACE` of undated content added a row each run. */
export const UNDATED = '';

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'content and the per-article analysis cache (the 0.1 layout)',
    up(db) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS content (hash TEXT PRIMARY KEY, raw TEXT NOT NULL, stored_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS analysis (
          hash TEXT NOT NULL, version INTEGER NOT NULL, published TEXT NOT NULL, data TEXT NOT NULL,
          PRIMARY KEY (hash, version, published));
      `);
      // 0.1 databases stored undated analyses under NULL, one row per run: keep the latest under ''.
      if (db.prepare('SELECT 1 FROM analysis WHERE published IS NULL LIMIT 1').get()) {
        db.exec(`DELETE FROM analysis WHERE published IS NULL AND rowid NOT IN
                   (SELECT max(rowid) FROM analysis WHERE published IS NULL GROUP BY hash, version)`);
        db.exec(`UPDATE OR REPLACE analysis SET published = '${UNDATED}' WHERE published IS NULL`);
      }
    },
  },
  {
    version: 2,
    name: 'the living corpus: articles with appearance keys and revisions, reuse links, stories, statistics',
    up(db) {
      // 0.1 keyed its derived state (reuse signatures, story membership) by file names, which collide across
      // folders: it is dropped and rebuilt as articles are added again. Raw content and the analysis cache stay.
      db.exec(`
        DROP TABLE IF EXISTS source;
        DROP TABLE IF EXISTS reuse_signature;
        DROP TABLE IF EXISTS reuse_band;
        DROP TABLE IF EXISTS story_member;
        DROP TABLE IF EXISTS event_member;
        CREATE TABLE article (
          id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, version INTEGER NOT NULL,
          seq INTEGER NOT NULL UNIQUE, added_at TEXT NOT NULL, updated_at TEXT NOT NULL, data BLOB NOT NULL);
        CREATE INDEX article_hash ON article(hash);
        CREATE TABLE article_revision (
          id TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT NOT NULL, seen_at TEXT NOT NULL, text TEXT NOT NULL,
          PRIMARY KEY (id, version));
        CREATE TABLE reuse_signature (
          doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, minhash BLOB NOT NULL,
          simhash_hi INTEGER NOT NULL, simhash_lo INTEGER NOT NULL);
        CREATE TABLE reuse_band (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
        CREATE TABLE reuse_link (a TEXT NOT NULL, b TEXT NOT NULL, joins INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (a, b));
        CREATE INDEX reuse_link_b ON reuse_link(b);
        CREATE TABLE outlet (outlet TEXT PRIMARY KEY, articles INTEGER NOT NULL);
        CREATE TABLE outlet_line (outlet TEXT NOT NULL, h1 INTEGER NOT NULL, h2 INTEGER NOT NULL, n INTEGER NOT NULL,
          PRIMARY KEY (outlet, h1, h2)) WITHOUT ROWID;
        CREATE TABLE term_df (key TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE story (
          id TEXT PRIMARY KEY, version INTEGER NOT NULL, headline TEXT NOT NULL, articles INTEGER NOT NULL,
          sources INTEGER NOT NULL, contradictions INTEGER NOT NULL, first_seen TEXT, last_seen TEXT,
          updated_at TEXT NOT NULL, view BLOB NOT NULL);
        CREATE INDEX story_last_seen ON story(last_seen);
        CREATE TABLE story_member (story_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (story_id, article_id));
        CREATE INDEX story_member_article ON story_member(article_id);
        CREATE TABLE event_member (event_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (event_id, article_id));
        CREATE INDEX event_member_article ON event_member(article_id);
        CREATE TABLE story_term (term TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (term, story_id)) WITHOUT ROWID;
        CREATE INDEX story_term_story ON story_term(story_id);
        CREATE TABLE story_change (story_id TEXT NOT NULL, at TEXT NOT NULL, what TEXT NOT NULL, others TEXT NOT NULL);
        CREATE INDEX story_change_story ON story_change(story_id);
        CREATE TABLE writer_lock (id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL, pid INTEGER NOT NULL, since TEXT NOT NULL);
      `);
    },
  },
  {
    version: 3,
    name: 'watched feeds: validators, schedule, health and the items already taken',
    up(db) {
      db.exec(`
        CREATE TABLE feed (
          url TEXT PRIMARY KEY, title TEXT, etag TEXT, last_modified TEXT, interval_ms INTEGER NOT NULL,
          last_fetch_at TEXT, status TEXT NOT NULL, http_status INTEGER, message TEXT, next_poll_at TEXT,
          errors INTEGER NOT NULL, errors_total INTEGER NOT NULL, polls INTEGER NOT NULL,
          items_seen INTEGER NOT NULL, articles_added INTEGER NOT NULL, seen TEXT NOT NULL);
      `);
    },
  },
  {
    version: 4,
    name: 'deferred story views: members not yet cross-checked, and the stories that have any',
    up(db) {
      db.exec(`
        ALTER TABLE story ADD COLUMN pending_since TEXT;
        CREATE INDEX story_pending ON story(pending_since) WHERE pending_since IS NOT NULL;
      `);
    },
  },
  {
    version: 5,
    name: 'story and event summaries for the online placement (empty at first: stories are placed exactly until written)',
    up(db) {
      db.exec(`
        CREATE TABLE cluster_summary (story_id TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,
          PRIMARY KEY (story_id, kind, id)) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 6,
    name: 'article listings: what a report lists of an article, beside its full record (null: read the record)',
    up(db) {
      db.exec('ALTER TABLE article ADD COLUMN listing BLOB');
      // Listed from each stored record once (~1 ms an article), so a story page of an older corpus reads
      // listings at once; rows whose records were held (empty data) stay unlisted.
      const rows = db.prepare('SELECT rowid AS r, data FROM article WHERE length(data) > 0 AND rowid > ? ORDER BY rowid LIMIT 500');
      const write = db.prepare('UPDATE article SET listing = ? WHERE rowid = ?');
      for (let last = -1; ;) {
        const page = rows.all(last) as { r: number; data: Buffer }[];
        if (!page.length) break;
        for (const { r, data } of page) write.run(packListing(data), r);
        last = page[page.length - 1].r;
      }
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Applies every migration above the database's version, in one immediate transaction that reads the
 *  version inside it: two processes opening a new database at once cannot both run migration 2 (the second
 *  waits on the write lock, then finds the schema current). Throws a message for a newer schema. */
export function migrate(db: Database.Database): { from: number; to: number } {
  const current = () => db.pragma('user_version', { simple: true }) as number;
  const guard = (from: number) => {
    if (from > SCHEMA_VERSION) {
      throw new Error(`it was written by a newer crosscheck (schema ${from}; this version knows up to ${SCHEMA_VERSION}): upgrade crosscheck`);
    }
  };
  const seen = current();
  guard(seen);
  if (seen === SCHEMA_VERSION) return { from: seen, to: SCHEMA_VERSION };
  return db.transaction(() => {
    const from = current();
    guard(from);
    for (const m of MIGRATIONS) {
      if (m.version <= from) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    return { from, to: SCHEMA_VERSION };
  }).immediate();
}
