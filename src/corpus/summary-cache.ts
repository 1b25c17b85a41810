// Stored story and event summaries (src/cluster/summary.ts) kept parsed between the adds of one open corpus:
// an online placement reads those of up to 24 candidate stories and the events of the near ones at every add,
// JSON rows of up to 1,200 keys each. Entries are dropped for every story a commit of this corpus writes or
// removes, and all of them when another writer committed (Corpus.checkCaches compares the commit token).

import type { ClusterSummary, Store } from '../store/types.js';
import { RecentMap } from './recent-map.js';
import { byCodePoint } from '../corroborate/order.js';

/** Summary keys held (a key with its weight and count is ~70 bytes parsed): ~140 MB at most. */
export const SUMMARY_CACHE_KEYS = 2_000_000;

export class SummaryCache {
  /** Story id → its own summary (null: the store has none) or its events' summaries. */
  private readonly stories: RecentMap<string, ClusterSummary | null>;
  private readonly events: RecentMap<string, ClusterSummary[]>;

  constructor(private readonly store: Store, capacity = SUMMARY_CACHE_KEYS) {
    this.stories = new RecentMap(capacity / 2, (s) => 1 + (s?.keys.length ?? 0));
    this.events = new RecentMap(capacity / 2, (list) => 1 + list.reduce((n, s) => n + s.keys.length, 0));
  }

  /** As Store.clusterSummaries: the rows of these stories, by story id then id. */
  async clusterSummaries(storyIds: string[], kind: 'story' | 'event'): Promise<ClusterSummary[]> {
    const out = kind === 'story' ? await this.read(this.stories, storyIds, kind, (rows) => rows[0] ?? null) : await this.read(this.events, storyIds, kind, (rows) => rows);
    return out.sort((x, y) => byCodePoint(x.story, y.story) || byCodePoint(x.id, y.id));
  }

  private async read<V extends ClusterSummary | null | ClusterSummary[]>(entries: RecentMap<string, V>, ids: string[], kind: 'story' | 'event', of: (rows: ClusterSummary[]) => V): Promise<ClusterSummary[]> {
    const out: ClusterSummary[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = entries.use(id);
      if (hit === undefined) missing.push(id);
      else out.push(...([] as ClusterSummary[]).concat(hit ?? []));
    }
    if (missing.length) {
      const byStory = new Map<string, ClusterSummary[]>(missing.map((id) => [id, []]));
      for (const row of await this.store.clusterSummaries(missing, kind)) byStory.get(row.story)?.push(row);
      for (const [id, rows] of byStory) {
        entries.set(id, of(rows));
        out.push(...rows);
      }
      entries.trim();
    }
    return out;
  }

  /** Stories a commit wrote or removed: their summaries changed or went. */
  forget(storyIds: Iterable<string>): void {
    const ids = [...storyIds];
    this.stories.forget(ids);
    this.events.forget(ids);
  }

  clear(): void {
    this.stories.clear();
    this.events.clear();
  }
}
