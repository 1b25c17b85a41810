// Where the store lives by default and the checks a person can act on before any work starts. Kept free of
// the database driver, so the CLI can check options without loading it.

import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const DEFAULT_DB_PATH = '.crosscheck/crosscheck.db';

/** The database to use when `--db` is not given: `CROSSCHECK_DB` (a path or a URL), else the default path. */
export function defaultDatabase(): string {
  return process.env.CROSSCHECK_DB || DEFAULT_DB_PATH;
}

/** A database for messages: a URL's password is never printed. */
export function databaseForDisplay(db: string): string {
  return isDatabaseUrl(db) ? db.replace(/(\/\/[^:@/]*):[^@/]*@/, '$1:***@') : db;
}

/** `--db postgres://…` (or `postgresql://…`) names a PostgreSQL database instead of a SQLite file. */
export function isDatabaseUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The database cannot be used (missing folder that cannot be made, read-only, not a database): one line
 *  a person can act on, raised before any work starts. */
export class StoreError extends Error {}

/** Why `path` cannot hold a read-write SQLite database in WAL mode, or null when it can. WAL needs the
 *  folder writable too (it creates `-wal` and `-shm` files beside the database). */
export function storePathProblem(path: string): string | null {
  // A PostgreSQL URL is checked by connecting to it (src/store/postgres.ts), not as a file path.
  if (isDatabaseUrl(path)) return null;
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
export function storeReason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'SQLITE_NOTADB') return 'it is not a SQLite database';
  if (e.code?.startsWith('SQLITE_READONLY')) return 'it is read-only';
  if (e.code?.startsWith('SQLITE_CANTOPEN')) return 'it cannot be opened';
  if (e.code === 'SQLITE_CORRUPT') return 'the database file is damaged';
  return (e.message ?? String(err)).split('\n', 1)[0];
}
