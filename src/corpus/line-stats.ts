// Outlet line statistics for an `add`: the stored corpus's counts of the batch's own lines, plus the batch.
// Only the batch's lines are looked up, so cleaning one new article costs its own lines, not the corpus.

import { distinctLineHashes, lineHash, OutletLineStats, type LineRecurrence } from '../clean/outlet-stats.js';
import type { Article } from '../model/article.js';
import type { Store } from '../store/types.js';

export class CorpusLineStats implements LineRecurrence {
  private readonly batch = new OutletLineStats();
  private readonly stored = new Map<string, number>();
  private readonly storedArticles = new Map<string, number>();
  /** Each new article's outlet and distinct line hashes, by article id, for the commit. */
  readonly lines = new Map<string, { outlet: string; hashes: [number, number][] }>();

  static async of(articles: Article[], store: Store): Promise<CorpusLineStats> {
    const stats = new CorpusLineStats();
    const byOutlet = new Map<string, Map<string, [number, number]>>();
    for (const a of articles) {
      const outlet = a.meta.outlet;
      if (!outlet) continue;
      const hashes = distinctLineHashes(outlet, a.raw);
      stats.batch.observeHashes(outlet, hashes);
      stats.lines.set(a.id, { outlet, hashes });
      let m = byOutlet.get(outlet);
      if (!m) byOutlet.set(outlet, (m = new Map()));
      for (const h of hashes) m.set(`${h[0]}:${h[1]}`, h);
    }
    for (const [outlet, m] of byOutlet) {
      const hashes = [...m.values()];
      const { counts, articles: n } = await store.outletLineCounts(outlet, hashes);
      stats.storedArticles.set(outlet, n);
      hashes.forEach((h, i) => {
        if (counts[i] > 0) stats.stored.set(`${outlet}\u0000${h[0]}:${h[1]}`, counts[i]);
      });
    }
    return stats;
  }

  recurrence(outlet: string | null, line: string): number {
    if (!outlet) return 0;
    const [h1, h2] = lineHash(outlet, line);
    return (this.stored.get(`${outlet}\u0000${h1}:${h2}`) ?? 0) + this.batch.recurrence(outlet, line);
  }

  articles(outlet: string | null): number {
    return outlet ? (this.storedArticles.get(outlet) ?? 0) + this.batch.articles(outlet) : 0;
  }
}
