// Whether `add`, `watch` and `serve` hand their articles to the workers instead of analysing them in-process:
// only on a shared PostgreSQL corpus, and only while at least one worker's heartbeat is alive. With none alive
// the jobs would wait for nobody, so the caller works in-process and says why. The probe creates nothing on
// NATS (JobQueue.openIfExists), since most PostgreSQL corpora never had a worker.

import { isDatabaseUrl } from '../store/paths.js';
import { JobQueue, type QueueOptions } from './jetstream.js';
import { liveWorkers, queueHealth, type QueueHealth } from './status.js';
import { enqueueItems, type EnqueueResult } from './enqueue.js';
import type { IngestItem } from '../ingest/types.js';

export interface Handoff {
  queue: JobQueue;
  /** Workers alive when it was opened. */
  workers: number;
}

/** The queue to hand articles to, or why there is none (a SQLite corpus, no NATS, no worker alive). */
export async function openHandoff(opts: QueueOptions): Promise<{ handoff: Handoff } | { why: string }> {
  if (!isDatabaseUrl(opts.db)) return { why: 'the corpus is a SQLite file, which only this machine can write' };
  const found = await JobQueue.openIfExists(opts);
  if ('why' in found) return found;
  const workers = await workersAlive(found.queue);
  if (workers > 0) return { handoff: { queue: found.queue, workers } };
  await found.queue.close();
  return { why: `no worker is alive on ${found.queue.namespace} (start one: crosscheck worker --db …)` };
}

/** Workers whose heartbeat has not expired. A broken read counts as none: the caller then works itself. */
export async function workersAlive(queue: JobQueue): Promise<number> {
  return (await liveWorkers(queue).catch(() => [])).length;
}

/** What a hand-off of one batch of items came to, in the shape the corpus's add answers (nothing added here:
 *  the workers add), with the jobs queued. */
export interface HandedOff {
  added: string[];
  revised: string[];
  duplicates: { id: string; of: string }[];
  unchanged: string[];
  rejected: EnqueueResult['rejected'];
  warnings: EnqueueResult['warnings'];
  queued: number;
  alreadyQueued: number;
}

/** For a long-running producer (`watch`, `serve`): each batch goes to the workers if one is alive at that
 *  moment, else `take` answers null and the caller adds it itself. Workers that start or stop later are seen
 *  at the next batch; `onChange` hears each switch between the two, with the reason. */
export class WorkerHandoff {
  /** The queue once some worker has made it; shared by concurrent callers (a burst of posts opens one). */
  private queue: Promise<JobQueue | { why: string }> | null = null;
  private handing: boolean | null = null;

  constructor(private readonly opts: QueueOptions, private readonly onChange: (handing: boolean, why: string) => void = () => {}) {}

  async take(items: IngestItem[]): Promise<HandedOff | null> {
    const queue = await this.aliveQueue();
    if (!queue) return null;
    const r = await enqueueItems(queue, items);
    return { added: [], revised: [], duplicates: [], unchanged: [], rejected: r.rejected, warnings: r.warnings, queued: r.queued.length, alreadyQueued: r.alreadyQueued.length };
  }

  /** The queue while a worker is alive on it, else null. */
  async aliveQueue(): Promise<JobQueue | null> {
    const queue = await this.opened();
    if ('why' in queue) {
      this.switched(false, queue.why);
      return null;
    }
    const workers = await workersAlive(queue);
    const alive = workers > 0;
    this.switched(alive, alive ? `${workers} worker${workers === 1 ? '' : 's'} alive on ${queue.namespace}` : `no worker is alive on ${queue.namespace}`);
    return alive ? queue : null;
  }

  /** The queue's state for a health probe; null while no worker ever made the queue. */
  async health(): Promise<QueueHealth | null> {
    const queue = await this.opened();
    return 'why' in queue ? null : queueHealth(queue);
  }

  /** Opened once found; while it is not there, asked again at each call (a worker may have made it since). */
  private async opened(): Promise<JobQueue | { why: string }> {
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
