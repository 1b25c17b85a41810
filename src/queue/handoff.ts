// Whether `add`, `watch` and `serve` hand their articles to the workers instead of analysing them in-process:
// only on a shared PostgreSQL corpus, and only while at least one worker's heartbeat is alive. With none alive
// the jobs would wait for nobody, so the caller works in-process and says why. The probe creates nothing on
// NATS (JobQueue.openIfExists), since most PostgreSQL corpora never had a worker.

import { isDatabaseUrl } from '../store/paths.js';
import { JobQueue, type QueueOptions } from './jetstream.js';
import { liveWorkers, queueHealth, type QueueHealth } from './status.js';
import { enqueueItems, type EnqueueResult } from './enqueue.js';
import type { IngestItem } from '../ingest/types.js';

/** The workers' queue while at least one worker is alive on it, with how many are. */
export interface Alive {
  queue: JobQueue;
  workers: number;
}

/** Workers whose heartbeat has not expired. A broken read counts as none: the caller then works itself. */
export async function workersAlive(queue: JobQueue): Promise<number> {
  return (await liveWorkers(queue).catch(() => [])).length;
}

/** What a hand-off of one batch of items came to, in the shape the corpus's add answers (nothing added here:
 *  the workers add), with the jobs queued. `via` tells it from an add the caller made itself (`watch`'s sink
 *  answers either). */
export interface HandedOff {
  via: 'workers';
  added: string[];
  revised: string[];
  duplicates: { id: string; of: string }[];
  unchanged: string[];
  rejected: EnqueueResult['rejected'];
  warnings: EnqueueResult['warnings'];
  queued: number;
  alreadyQueued: number;
}

/** The one check for live workers, for `add` (once), `watch` and `serve` (at each batch): each batch goes to
 *  the workers if one is alive at that moment, else `take` answers null and the caller adds it itself. Workers
 *  that start or stop later are seen at the next batch; `onChange` hears each switch between the two, with
 *  the reason. */
export class WorkerHandoff {
  /** The queue once some worker has made it; shared by concurrent callers (a burst of posts opens one). */
  private queue: Promise<JobQueue | { why: string }> | null = null;
  private handing: boolean | null = null;

  constructor(private readonly opts: QueueOptions, private readonly onChange: (handing: boolean, why: string) => void = () => {}) {}

  async take(items: IngestItem[]): Promise<HandedOff | null> {
    const alive = await this.alive();
    if ('why' in alive) return null;
    const r = await enqueueItems(alive.queue, items);
    return { via: 'workers', added: [], revised: [], duplicates: [], unchanged: [], rejected: r.rejected, warnings: r.warnings, queued: r.queued.length, alreadyQueued: r.alreadyQueued.length };
  }

  /** The queue and its live workers, or why the caller must add the items itself (a SQLite corpus, no NATS,
   *  no queue yet, no worker alive). */
  async alive(): Promise<Alive | { why: string }> {
    const queue = await this.opened();
    if ('why' in queue) {
      this.switched(false, queue.why);
      return queue;
    }
    const workers = await workersAlive(queue);
    if (workers === 0) {
      const why = `no worker is alive on ${queue.namespace} (start one: crosscheck worker --db …)`;
      this.switched(false, why);
      return { why };
    }
    this.switched(true, `${workers} worker${workers === 1 ? '' : 's'} alive on ${queue.namespace}`);
    return { queue, workers };
  }

  /** The queue's state for a health probe; null while no worker ever made the queue. */
  async health(): Promise<QueueHealth | null> {
    const queue = await this.opened();
    return 'why' in queue ? null : queueHealth(queue);
  }

  /** Opened once found; while it is not there, asked again at each call (a worker may have made it since). */
  private async opened(): Promise<JobQueue | { why: string }> {
    if (!isDatabaseUrl(this.opts.db)) return { why: 'the corpus is a SQLite file, which only this machine can write' };
    this.queue ??= JobQueue.openIfExists(this.opts).then((found) => ('why' in found ? found : found.queue));
    const queue = await this.queue;
    if ('why' in queue) this.queue = null;
    return queue;
  }

  private switched(handing: boolean, why: string): void {
    if (this.handing !== handing) this.onChange(handing, why);
    this.handing = handing;
  }

  async close(): Promise<void> {
    const queue = await this.queue;
    this.queue = null;
    if (queue && !('why' in queue)) await queue.close();
  }
}
