// The embedded SQLite store (better-sqlite3, WAL): raw articles by content hash, the file names that
// carried them, and cached per-article analysis, so re-running `analyze` reuses work and a killed run
// resumes without loss or duplicates (every batch is one transaction).

import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Article } from '../model/article.js';

export const DEFAULT_DB_PATH = '.crosscheck/crosscheck.db';

/** Bumped whenever a per-article stage changes its output, so stale cached analyses are recomputed.
 * 2: dates carry `timex`; non-English articles have no quotes and only language-neutral names. */
export const ANALYSIS_VERSION = 2;

export type StoreDatabase = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS content (
  hash TEXT PRIMARY KEY,
  raw TEXT NOT NULL,
  stored_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS source (
  id TEXT NOT NULL,
  path TEXT NOT NULL,
  hash TEXT NOT NULL REFERENCES content(hash),
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  meta TEXT NOT NULL,
  diagnostics TEXT NOT NULL,
  PRIMARY KEY (path, id)
);
CREATE INDEX IF NOT EXISTS source_hash ON source(hash);
CREATE TABLE IF NOT EXISTS analysis (
  hash TEXT NOT NULL,
  version INTEGER NOT NULL,
  published TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (hash, version, published)
);
`;

/** The database cannot be used (missing folder that cannot be made, read-only, not a database): one line
 *  a person can act on, raised before any work starts. */
export class StoreError extends Error {}

/** Why `path` cannot hold a read-write SQLite database in WAL mode, or null when it can. WAL needs the
 *  folder writable too (it creates `-wal` and `-shm` files beside the database). */
export function storePathProblem(path: string): string | null {
  const full = resolve(path);
  if (existsSync(full)) {
    const info = statSync(full);
    if (!info.isFile()) return 'it is not a file';
    try {
      accessSync(full, constants.R_OK | constants.W_OK);
    } catch {
      return 'it is read-only (no write permission)';
    }
  }
  // The nearest folder that exists must be a folder we can write into (to create the rest, or the WAL files).
  let dir = dirname(full);
  while (!existsSync(dir)) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) return `${dir} is not a folder`;
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `the folder ${dir} is read-only (no write permission)`;
  }
  return null;
}

/** A person-readable reason from what SQLite or the file system threw. */
function storeReason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'SQLITE_NOTADB') return 'it is not a SQLite database';
  if (e.code?.startsWith('SQLITE_READONLY')) return 'it is read-only';
  if (e.code?.startsWith('SQLITE_CANTOPEN')) return 'it cannot be opened';
  if (e.code === 'SQLITE_CORRUPT') return 'the database file is damaged';
  return (e.message ?? String(err)).split('\n', 1)[0];
}

/** Undated content is keyed by '' in the analysis table: SQLite lets NULL into a (non-integer) primary key
 *  and treats every NULL as distinct, so `INSERT OR REPLACE` of undated content added a row each run. */
const UNDATED = '';

/** Brings a database written by an earlier version up to date: undated analyses once stored under NULL
 *  keep one row each (the latest) under ''. */
function migrate(db: StoreDatabase): void {
  if (!db.prepare('SELECT 1 FROM analysis WHERE published IS NULL LIMIT 1').get()) return;
  db.transaction(() => {
    db.exec(`DELETE FROM analysis WHERE published IS NULL AND rowid NOT IN
               (SELECT max(rowid) FROM analysis WHERE published IS NULL GROUP BY hash, version)`);
    db.exec(`UPDATE OR REPLACE analysis SET published = '${UNDATED}' WHERE published IS NULL`);
  })();
}

/** A persistent store; `openStore(null)` gives an in-memory one with the same behaviour. */
export class Store {
  readonly db: StoreDatabase;
  private readonly insertContent;
  private readonly upsertSource;
  private readonly selectAnalysis;
  private readonly insertAnalysis;

  constructor(path: string | null) {
    if (path) {
      const problem = storePathProblem(path);
      if (problem) throw new StoreError(`cannot use the database ${path}: ${problem}`);
    }
    let db: StoreDatabase | null = null;
    try {
      if (path) mkdirSync(dirname(path), { recursive: true });
      db = new Database(path ?? ':memory:');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(SCHEMA);
      migrate(db);
    } catch (err) {
      db?.close();
      throw new StoreError(`cannot use the database ${path}: ${storeReason(err)}`);
    }
    this.db = db;
    this.insertContent = this.db.prepare('INSERT OR IGNORE INTO content (hash, raw, stored_at) VALUES (?, ?, ?)');
    this.upsertSource = this.db.prepare(
      `INSERT INTO source (id, path, hash, format, encoding, meta, diagnostics) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(path, id) DO UPDATE SET hash = excluded.hash, format = excluded.format,
         encoding = excluded.encoding, meta = excluded.meta, diagnostics = excluded.diagnostics`,
    );
    this.selectAnalysis = this.db.prepare('SELECT data FROM analysis WHERE hash = ? AND version = ? AND published = ?');
    this.insertAnalysis = this.db.prepare(
      'INSERT OR REPLACE INTO analysis (hash, version, published, data) VALUES (?, ?, ?, ?)',
    );
  }

  /** Stores a batch of ingested articles in one transaction; content is stored once per hash. */
  saveArticles(articles: Article[]): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const a of articles) {
        this.insertContent.run(a.hash, a.raw, now);
        this.upsertSource.run(a.id, a.path, a.hash, a.format, a.encoding, JSON.stringify(a.meta), JSON.stringify(a.diagnostics));
      }
    })();
  }

  /** Cached analysis (clean/text/extract slots) for a content hash under a given publication date. */
  loadAnalysis<T>(hash: string, published: string | null): T | null {
    const row = this.selectAnalysis.get(hash, ANALYSIS_VERSION, published ?? UNDATED) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : null;
  }

  saveAnalyses(rows: { hash: string; published: string | null; data: unknown }[]): void {
    this.db.transaction(() => {
      for (const r of rows) this.insertAnalysis.run(r.hash, ANALYSIS_VERSION, r.published ?? UNDATED, JSON.stringify(r.data));
    })();
  }

  counts(): { contents: number; sources: number; analyses: number } {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      contents: one('SELECT count(*) AS n FROM content'),
      sources: one('SELECT count(*) AS n FROM source'),
      analyses: one('SELECT count(*) AS n FROM analysis'),
    };
  }

  close(): void {
    this.db.close();
  }
}

export function openStore(path: string | null): Store {
  return new Store(path);
}
