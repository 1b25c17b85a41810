// Opening the store: the adapter behind the one interface (src/store/types.ts). Only SQLite is embedded;
// nothing here needs a service.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqliteStore } from './sqlite.js';
import { StoreError, storePathProblem, storeReason } from './paths.js';

export { ANALYSIS_VERSION, SqliteStore } from './sqlite.js';
export { DEFAULT_DB_PATH, StoreError, storePathProblem } from './paths.js';
export type { Store } from './types.js';

/** Opens (creating and migrating) the store at `path`; `openStore(null)` gives an in-memory one with the same
 *  behaviour. Every failure is a StoreError with one line a person can act on. */
export function openStore(path: string | null): SqliteStore {
  if (path) {
    const problem = storePathProblem(path);
    if (problem) throw new StoreError(`cannot use the database ${path}: ${problem}`);
  }
  try {
    if (path) mkdirSync(dirname(path), { recursive: true });
    return new SqliteStore(path);
  } catch (err) {
    throw new StoreError(`cannot use the database ${path}: ${storeReason(err)}`);
  }
}
