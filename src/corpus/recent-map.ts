// The least-recently-used bookkeeping the caches of stored records share: a Map iterates in insertion
// order, so re-inserting a key on each hit keeps the least recently used first, and trimming drops from the
// front. Capacity counts entries, or a weight per entry when one is given (the server's story cache
// weighs a story by its articles, since one story may be a thousand times another).

export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  constructor(private readonly capacity: number, private readonly weigh: (value: V) => number = () => 1) {}

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
    const old = this.entries.get(key);
    if (old !== undefined) this.total -= this.weigh(old);
    this.entries.set(key, value);
    this.total += this.weigh(value);
  }

  /** Drops the least recently used entries past the capacity. */
  trim(): void {
    for (const [key, value] of this.entries) {
      if (this.total <= this.capacity) break;
      this.entries.delete(key);
      this.total -= this.weigh(value);
    }
  }

  forget(keys: Iterable<K>): void {
    for (const k of keys) {
      const old = this.entries.get(k);
      if (old === undefined) continue;
      this.entries.delete(k);
      this.total -= this.weigh(old);
    }
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
