// The embedded SQLite store (better-sqlite3, WAL): raw articles by content hash, the file names that
// carried them, and cached per-article analysis, so re-running `analyze` reuses work and a killed run
// resumes without loss or duplicates (every batch is one transaction).

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Article } from '../model/article.js';

export const DEFAULT_DB_PATH = '.crosscheck/crosscheck.db';

/** Bumped whenever a per-article stage changes its output, so stale cached analyses are recomputed. */
export const ANALYSIS_VERSION = 1;

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
  published TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (hash, version, published)
);
`;

/** A persistent store; `openStore(null)` gives an in-memory one with the same behaviour. */
export class Store {
  readonly db: StoreDatabase;
  private readonly insertContent;
  private readonly upsertSource;
  private readonly selectAnalysis;
  private readonly insertAnalysis;

  constructor(path: string | null) {
    if (path) mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path ?? ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.insertContent = this.db.prepare('INSERT OR IGNORE INTO content (hash, raw, stored_at) VALUES (?, ?, ?)');
    this.upsertSource = this.db.prepare(
      `INSERT INTO source (id, path, hash, format, encoding, meta, diagnostics) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(path, id) DO UPDATE SET hash = excluded.hash, format = excluded.format,
         encoding = excluded.encoding, meta = excluded.meta, diagnostics = excluded.diagnostics`,
    );
    this.selectAnalysis = this.db.prepare('SELECT data FROM analysis WHERE hash = ? AND version = ? AND published IS ?');
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
    const row = this.selectAnalysis.get(hash, ANALYSIS_VERSION, published) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as T) : null;
  }

  saveAnalyses(rows: { hash: string; published: string | null; data: unknown }[]): void {
    this.db.transaction(() => {
      for (const r of rows) this.insertAnalysis.run(r.hash, ANALYSIS_VERSION, r.published, JSON.stringify(r.data));
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
