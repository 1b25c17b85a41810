// The least-recently-used bookkeeping the corpus's caches of stored records share: a Map iterates in
// insertion order, so re-inserting a key on each hit keeps the least recently used first, and trimming
// drops from the front.

export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  /** The value of a key, marked as just used; undefined when absent. */
  use(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  /** The value without marking it used (appending to a cached list). */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.set(key, value);
  }

  /** Drops the least recently used entries past the capacity. */
  trim(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(key);
    }
  }

  forget(keys: Iterable<K>): void {
    for (const k of keys) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}
