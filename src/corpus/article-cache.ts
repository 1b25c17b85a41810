// Stored articles kept parsed between the adds of one open corpus: placing an article reloads the stories it
// may join, and inflating and parsing their records was most of a single add's time (bench/corpus-add.ts).
// Least recently used first out; entries are dropped when a commit changes them, and all on a failed chunk.

import type { Store, StoredArticle } from '../store/types.js';
import { RecentMap } from './recent-map.js';

/** Parsed records kept: a record with its tokens is ~0.2 MB in memory, so 4,000 stay under 1 GB. */
export const ARTICLE_CACHE_CAPACITY = 4000;

export class ArticleCache {
  private readonly entries: RecentMap<string, StoredArticle>;

  constructor(private readonly store: Store, capacity = ARTICLE_CACHE_CAPACITY) {
    this.entries = new RecentMap(capacity);
  }

  /** The stored articles of these ids, in insertion order, from memory where possible. */
  async get(ids: string[]): Promise<StoredArticle[]> {
    const out: StoredArticle[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.entries.use(id);
      if (hit) out.push(hit);
      else missing.push(id);
    }
    for (const s of missing.length ? await this.store.getArticles(missing) : []) {
      out.push(s);
      this.entries.set(s.id, s);
    }
    this.entries.trim();
    return out.sort((a, b) => a.seq - b.seq);
  }

  forget(ids: Iterable<string>): void {
    this.entries.forget(ids);
  }

  clear(): void {
    this.entries.clear();
  }
}
