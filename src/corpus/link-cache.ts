// Stored reuse links kept parsed between the adds of one open corpus, by article: placing one article reads
// the links of its whole neighbourhood, and copies of one wire text link pairwise (k² links in a story of k
// copies: 16,000 rows for 500 articles of the 2k bench corpus), so reading and parsing them was 11 % of the
// CPU of single adds (docs/performance.md). A commit's new links join the lists of their cached ends; all
// entries are dropped on a revision (its links are replaced), a failed chunk, or another writer's commit.

import type { Store, StoredLink } from '../store/types.js';
import { ARTICLE_CACHE_CAPACITY } from './article-cache.js';
import { CORPUS_CACHES } from '../cluster/features.js';
import { RecentMap } from './recent-map.js';

const keyOf = (l: StoredLink) => `${l.link.a}\u0000${l.link.b}`;

export class LinkCache {
  /** Article id → every stored link touching it. */
  private readonly entries: RecentMap<string, StoredLink[]>;

  /** The article cache's capacity: the two serve one neighbourhood (~30 links of ~0.4 kB per article). */
  constructor(private readonly store: Store, capacity = ARTICLE_CACHE_CAPACITY) {
    this.entries = new RecentMap(capacity);
  }

  /** Stored links touching any of the ids, each once, in (a, b) order whatever was cached. */
  async get(ids: string[]): Promise<StoredLink[]> {
    if (!CORPUS_CACHES) return sorted(await this.store.reuseLinks(ids));
    const out = new Map<string, StoredLink>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.entries.use(id);
      if (!hit) {
        missing.push(id);
        continue;
      }
      for (const l of hit) out.set(keyOf(l), l);
    }
    if (missing.length) {
      const wanted = new Set(missing);
      for (const id of missing) this.entries.set(id, []);
      for (const l of await this.store.reuseLinks(missing)) {
        out.set(keyOf(l), l);
        if (wanted.has(l.link.a)) this.entries.peek(l.link.a)!.push(l);
        if (wanted.has(l.link.b) && l.link.b !== l.link.a) this.entries.peek(l.link.b)!.push(l);
      }
    }
    this.entries.trim();
    return sorted([...out.values()]);
  }

  /** Links a commit added: each joins the cached lists of its ends. Every one touches a new article of that
   *  commit (a revision clears the cache instead), so none replaces a cached link. Appending rather than
   *  dropping: a new copy of a wire text links to every stored copy, and dropping their lists made the next
   *  add into that story read them all again. */
  added(links: StoredLink[]): void {
    for (const l of links) {
      this.entries.peek(l.link.a)?.push(l);
      if (l.link.b !== l.link.a) this.entries.peek(l.link.b)?.push(l);
    }
  }

  forget(ids: Iterable<string>): void {
    this.entries.forget(ids);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Keys built once, not twice per comparison (that sort was a fifth of this cache's time at 10k). */
function sorted(links: StoredLink[]): StoredLink[] {
  const keyed = links.map((l) => [keyOf(l), l] as const);
  keyed.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return keyed.map(([, l]) => l);
}
