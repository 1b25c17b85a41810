// Adding to a corpus that stays open and keeps being added to (serve's add worker, `watch`): adds place new
// articles online and defer the cross-check of the big stories they grow, so an add waits for the new
// articles, not for the stories they join; between adds the pending stories are cross-checked one at a time,
// and a refresh gives way to the next add after the story in hand.

import type { IngestItem } from '../ingest/types.js';
import type { AddOptions, AddResult, Corpus } from './index.js';

/** What a live add asks for: deferred views (view.ts VIEW_PARAMS) and online placement (place-online.ts),
 *  which falls back to the exact path on its signals (ECB+ singles: agreement with batch 1.000 / 0.988,
 *  docs/performance.md). A refresh makes the views what an add without deferral computes. */
export const LIVE_ADD: Pick<AddOptions, 'deferViews' | 'placement'> = { deferViews: true, placement: 'online' };

export class LiveAdder {
  private adding = 0;
  private stopped = false;
  private refreshing: Promise<void> | null = null;
  private refreshedCount = 0;

  /** `onRefreshed`: told each story whose view a refresh committed; `onError`: a refresh that failed (the
   *  story stays pending, and the next idle turn tries again). */
  constructor(
    private readonly corpus: Corpus,
    private readonly onRefreshed: (stories: string[]) => void = () => {},
    private readonly onError: (err: Error) => void = () => {},
  ) {}

  /** One add with LIVE_ADD (unless `opts` says otherwise), after the story being refreshed, if any; refreshes follow when idle. */
  async add(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, opts: AddOptions = {}): Promise<AddResult> {
    this.adding++;
    try {
      await this.refreshing;
      return await this.corpus.addItems(items, { ...LIVE_ADD, ...opts });
    } finally {
      this.adding--;
      this.refreshWhenIdle();
    }
  }

  /** Cross-checks pending stories while no add waits (also those an earlier process left pending). */
  refreshWhenIdle(): void {
    if (this.refreshing || this.adding || this.stopped) return;
    this.refreshing = (async () => {
      for (;;) {
        const { refreshed } = await this.corpus.refreshViews({ limit: 1, yieldTo: () => this.adding > 0 || this.stopped });
        if (!refreshed.length) break;
        this.refreshedCount += refreshed.length;
        this.onRefreshed(refreshed);
      }
    })()
      .catch((err: Error) => this.onError(err))
      .finally(() => {
        this.refreshing = null;
      });
  }

  /** Resolves when no refresh runs and none is pending (every add done), or a round refreshed nothing (it
 *  failed, or was stopped): a `watch --once` waits for it before it exits. */
  async settled(): Promise<void> {
    for (;;) {
      await this.refreshing;
      if (this.stopped || this.adding || !(await this.corpus.store.pendingStories(1)).length) return;
      const before = this.refreshedCount;
      this.refreshWhenIdle();
      await this.refreshing;
      if (this.refreshedCount === before) return;
    }
  }

  /** No refresh starts after the story in hand; resolves once that one is committed. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.refreshing;
  }
}
