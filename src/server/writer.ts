// One add at a time inside the process: requests queue here before the corpus's own writer lock, the
// analyser runs the add (in its worker thread for a database), then the list cache is patched from its
// result and the live feed told what changed (only after the commit succeeded).

import type { Corpus, StorySummary } from '../corpus/index.js';
import type { Analyser } from './analyser.js';
import type { EventBus } from './events.js';
import type { StoryListing } from './listing.js';
import type { ServerMetrics } from './metrics.js';
import type { ItemProblem, Upload } from './upload.js';

export interface AddAnswer {
  added: string[];
  revised: string[];
  duplicates: { id: string; of: string }[];
  unchanged: string[];
  rejected: ItemProblem[];
  warnings: { item: string; message: string }[];
  /** Each input article and the story it is in now. */
  articles: { id: string; story: string | null }[];
  stories: { created: StorySummary[]; updated: StorySummary[]; removed: string[] };
}

export class Writer {
  private tail: Promise<unknown> = Promise.resolve();
  pending = 0;

  /** `corpus` is the request thread's, for reads after the commit; `analyser` runs the adds. */
  constructor(private readonly corpus: Corpus, private readonly analyser: Analyser, private readonly listing: StoryListing, private readonly bus: EventBus, private readonly metrics: ServerMetrics) {}

  add(upload: Upload): Promise<AddAnswer> {
    this.metrics.addQueue.inc();
    this.pending++;
    const run = this.tail.then(() => this.addNow(upload));
    this.tail = run.catch(() => undefined).finally(() => (this.metrics.addQueue.dec(), this.pending--));
    return run;
  }

  /** Resolves once every queued add has finished (before the analyser is closed). */
  async drain(): Promise<void> {
    while (this.pending) await this.tail;
  }

  private async addNow(upload: Upload): Promise<AddAnswer> {
    const articles = upload.items.filter((i) => i.kind === 'article').length;
    const r = articles
      ? await this.analyser.add(upload.items)
      : { added: [], revised: [], duplicates: [], unchanged: [], inputIds: [], rejected: [], warnings: upload.items.flatMap((i) => (i.kind === 'warning' ? [{ path: i.path, message: i.message }] : [])), storiesCreated: [], storiesUpdated: [], storiesRemoved: [] };
    // The analyser has committed: this thread's connection sees the new rows on its next read.
    const storyOf = await this.corpus.store.storyOf(r.inputIds);
    const stored = await this.corpus.store.getStories([...r.storiesCreated, ...r.storiesUpdated]);
    const summaries = new Map(stored.map(({ view: _view, ...s }) => [s.id, s as StorySummary]));
    const before = new Map<string, number>();
    for (const id of r.storiesUpdated) before.set(id, (await this.listing.get(id))?.contradictions ?? 0);
    await this.listing.applyChanges([...summaries.values()], r.storiesRemoved);
    const answer: AddAnswer = {
      added: r.added, revised: r.revised, duplicates: r.duplicates, unchanged: r.unchanged,
      rejected: [...upload.problems, ...r.rejected.map((x) => ({ item: x.path, reason: x.reason }))],
      warnings: r.warnings.map((w) => ({ item: w.path, message: w.message })),
      articles: r.inputIds.map((id) => ({ id, story: storyOf.get(id) ?? null })),
      stories: {
        created: r.storiesCreated.map((id) => summaries.get(id)).filter((s): s is StorySummary => !!s),
        updated: r.storiesUpdated.map((id) => summaries.get(id)).filter((s): s is StorySummary => !!s),
        removed: r.storiesRemoved,
      },
    };
    this.count(answer);
    this.announce(answer, before);
    return answer;
  }

  private count(a: AddAnswer): void {
    const m = this.metrics.articlesAdded;
    if (a.added.length) m.inc({ status: 'added' }, a.added.length);
    if (a.revised.length) m.inc({ status: 'revised' }, a.revised.length);
    if (a.duplicates.length) m.inc({ status: 'duplicate' }, a.duplicates.length);
    if (a.unchanged.length) m.inc({ status: 'unchanged' }, a.unchanged.length);
    if (a.rejected.length) m.inc({ status: 'rejected' }, a.rejected.length);
  }

  private announce(a: AddAnswer, before: Map<string, number>): void {
    const storyOf = new Map(a.articles.map((x) => [x.id, x.story]));
    for (const id of a.added) this.bus.emit({ type: 'article', data: { id, story: storyOf.get(id) ?? null, status: 'added' } });
    for (const id of a.revised) this.bus.emit({ type: 'article', data: { id, story: storyOf.get(id) ?? null, status: 'revised' } });
    const story = (s: StorySummary, change: 'created' | 'updated') => {
      this.bus.emit({ type: 'story', data: { id: s.id, change, headline: s.headline, articles: s.articles, independentSources: s.independentSources, contradictions: s.contradictions } });
      const was = before.get(s.id) ?? 0;
      if (s.contradictions > was) this.bus.emit({ type: 'contradiction', data: { story: s.id, contradictions: s.contradictions, before: was } });
    };
    for (const s of a.stories.created) story(s, 'created');
    for (const s of a.stories.updated) story(s, 'updated');
    for (const id of a.stories.removed) this.bus.emit({ type: 'story-removed', data: { id } });
  }
}
