// One add at a time inside the process: requests queue here before the corpus's own writer lock, and the
// uploads that queued while an add ran are added together; the analyser runs the add (in its worker thread
// for a database), then the list cache is patched from its result and the live feed told what changed (only
// after the commit succeeded). Each upload is answered with its own articles and their stories.

import type { Corpus, StorySummary } from '../corpus/index.js';
import type { Analyser } from './analyser.js';
import type { EventBus } from './events.js';
import type { StoryListing } from './listing.js';
import type { ServerMetrics } from './metrics.js';
import type { ItemProblem, Upload } from './upload.js';
import type { AddOutcome } from './analyser.js';

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

/** Articles one coalesced add takes at most: uploads that queued while an add ran go in together (one
 *  placement and one cross-check per story instead of one per upload), up to this many. */
const MAX_COALESCED_ARTICLES = 1000;

interface Queued {
  upload: Upload;
  resolve: (a: AddAnswer) => void;
  reject: (e: Error) => void;
}

export class Writer {
  private readonly queue: Queued[] = [];
  private running: Promise<void> | null = null;
  pending = 0;

  /** `corpus` is the request thread's, for reads after the commit; `analyser` runs the adds. */
  constructor(private readonly corpus: Corpus, private readonly analyser: Analyser, private readonly listing: StoryListing, private readonly bus: EventBus, private readonly metrics: ServerMetrics) {
    analyser.onRefreshed?.((ids) => void this.refreshed(ids).catch(() => undefined));
  }

  add(upload: Upload): Promise<AddAnswer> {
    this.metrics.addQueue.inc();
    this.pending++;
    const answer = new Promise<AddAnswer>((resolve, reject) => this.queue.push({ upload, resolve, reject }));
    this.kick();
    return answer;
  }

  private kick(): void {
    if (this.running) return;
    // An upload queued between the pump's last look and this callback starts the next pump.
    this.running = this.pump().finally(() => {
      this.running = null;
      if (this.queue.length) this.kick();
    });
  }

  /** Resolves once every queued add has finished (before the analyser is closed). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  /** One add at a time; each takes every upload queued meanwhile (up to MAX_COALESCED_ARTICLES). */
  private async pump(): Promise<void> {
    while (this.queue.length) {
      const batch = [this.queue.shift()!];
      let articles = batch[0].upload.articles;
      while (this.queue.length && articles + this.queue[0].upload.articles <= MAX_COALESCED_ARTICLES) {
        articles += this.queue[0].upload.articles;
        batch.push(this.queue.shift()!);
      }
      try {
        await this.settle(batch);
      } finally {
        for (let i = 0; i < batch.length; i++) this.metrics.addQueue.dec(), this.pending--;
      }
    }
  }

  /** Answers every upload of the batch; when the add of them together fails, each is added on its own, so
   *  one upload's failure does not fail the others that happened to queue beside it. */
  private async settle(batch: Queued[]): Promise<void> {
    try {
      const answers = await this.addTogether(batch.map((b) => b.upload));
      batch.forEach((b, i) => b.resolve(answers[i]));
      return;
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err as Error);
    }
    for (const b of batch) {
      await this.addTogether([b.upload]).then(([a]) => b.resolve(a), (e: Error) => b.reject(e));
    }
  }

  /** One add of the uploads' items together; each upload's answer holds its own articles and their stories. */
  private async addTogether(uploads: Upload[]): Promise<AddAnswer[]> {
    const items = uploads.flatMap((u) => u.items);
    const r: AddFigures = items.some((i) => i.kind === 'article')
      ? (this.metrics.adds.inc(), await this.analyser.add(items))
      : { added: [], revised: [], duplicates: [], unchanged: [], inputIds: [], rejected: [], warnings: items.flatMap((i) => (i.kind === 'warning' ? [{ path: i.path, message: i.message }] : [])), storiesCreated: [], storiesUpdated: [], storiesRemoved: [] };
    // The analyser has committed: this thread's connection sees the new rows on its next read.
    const storyOf = await this.corpus.store.storyOf(r.inputIds);
    // Summaries only: a big story's stored view is megabytes of JSON this thread would parse for nothing.
    const changedIds = [...r.storiesCreated, ...r.storiesUpdated];
    const summaries = new Map((changedIds.length ? await this.corpus.store.listStories({ ids: changedIds }) : []).map((s) => [s.id, s]));
    const before = await this.contradictionsListed(r.storiesUpdated);
    await this.listing.applyChanges([...summaries.values()], r.storiesRemoved);
    const whole = answerOf(r, storyOf, summaries, [...uploads.flatMap((u) => u.problems)]);
    this.count(whole);
    this.announce(whole, before);
    if (uploads.length === 1) return [whole];
    // inputIds follow the article items in order, so each upload's ids are the next slice of them.
    let at = 0;
    return uploads.map((u) => {
      const n = u.items.filter((i) => i.kind === 'article').length;
      const ids = r.inputIds.slice(at, (at += n));
      const paths = new Set(u.items.map((i) => (i.kind === 'article' ? i.article.path : i.path)));
      return answerOf(r, storyOf, summaries, u.problems, new Set(ids), paths);
    });
  }

  /** The contradiction counts the listing holds for these stories (before it takes new figures). */
  private async contradictionsListed(ids: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const id of ids) out.set(id, (await this.listing.get(id))?.contradictions ?? 0);
    return out;
  }

  /** A deferred cross-check was committed: the listing takes the new figures and the live feed is told. */
  private async refreshed(ids: string[]): Promise<void> {
    this.metrics.viewsRefreshed.inc(ids.length);
    const before = await this.contradictionsListed(ids);
    const summaries = ids.length ? await this.corpus.store.listStories({ ids }) : [];
    await this.listing.applyChanges(summaries, []);
    this.announce({ added: [], revised: [], duplicates: [], unchanged: [], rejected: [], warnings: [], articles: [], stories: { created: [], updated: summaries, removed: [] } }, before);
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

/** What an answer reads of an add's outcome. */
type AddFigures = Pick<AddOutcome, 'added' | 'revised' | 'duplicates' | 'unchanged' | 'inputIds' | 'rejected' | 'warnings' | 'storiesCreated' | 'storiesUpdated' | 'storiesRemoved'>;

/** The answer to an add, or to one upload of it (`ids`: its articles; `paths`: its items' paths). */
function answerOf(r: AddFigures, storyOf: Map<string, string>, summaries: Map<string, StorySummary>, problems: ItemProblem[], ids?: Set<string>, paths?: Set<string>): AddAnswer {
  const mine = (id: string) => !ids || ids.has(id);
  const inputIds = ids ? [...ids] : r.inputIds;
  const stories = new Set(inputIds.map((id) => storyOf.get(id)));
  const ofMine = (list: string[]) => list.filter((id) => !ids || stories.has(id)).map((id) => summaries.get(id)).filter((s): s is StorySummary => !!s);
  return {
    added: r.added.filter(mine), revised: r.revised.filter(mine), duplicates: r.duplicates.filter((d) => mine(d.id)), unchanged: r.unchanged.filter(mine),
    rejected: [...problems, ...r.rejected.filter((x) => !paths || paths.has(x.path)).map((x) => ({ item: x.path, reason: x.reason }))],
    warnings: r.warnings.filter((w) => !paths || paths.has(w.path)).map((w) => ({ item: w.path, message: w.message })),
    articles: inputIds.map((id) => ({ id, story: storyOf.get(id) ?? null })),
    stories: { created: ofMine(r.storiesCreated), updated: ofMine(r.storiesUpdated), removed: r.storiesRemoved },
  };
}
