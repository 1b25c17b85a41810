// Turning inputs into jobs: files, folders, URLs, feeds and lists are read as `add` reads them (src/fetch
// sourceItems), and each article item becomes one job, published with its id (source + content hash) as the
// message id, so enqueueing the same inputs twice leaves one job per article.

import { sourceItems, type SourceOptions } from '../fetch/index.js';
import type { Rejected, Report } from '../model/report.js';
import type { IngestItem } from '../ingest/types.js';
import type { Article } from '../model/article.js';
import { JobQueue, type QueueOptions } from './jetstream.js';
import { articleJob } from './job.js';

export interface EnqueueResult {
  /** Job ids published now. */
  queued: string[];
  /** Job ids that were already in the queue (the same source and text, enqueued before). */
  alreadyQueued: string[];
  rejected: Rejected[];
  warnings: Report['warnings'];
}

/** Reads the inputs and enqueues one job per article on the queue of `opts.db`. */
export async function enqueue(inputs: string[], opts: QueueOptions & { source?: SourceOptions; now?: () => Date }): Promise<EnqueueResult> {
  const queue = await JobQueue.open(opts);
  try {
    return await enqueueItems(queue, sourceItems(inputs, opts.source), opts.now);
  } finally {
    await queue.close();
  }
}

/** Jobs published at once: enough to keep the round trips overlapped, few enough to bound the memory held. */
const PUBLISH_IN_FLIGHT = 64;

/** Enqueues already-ingested items (the way in for `add`, `watch` and `serve` once they hand work out). */
export async function enqueueItems(queue: JobQueue, items: AsyncIterable<IngestItem> | Iterable<IngestItem>, now = () => new Date()): Promise<EnqueueResult> {
  const out: EnqueueResult = { queued: [], alreadyQueued: [], rejected: [], warnings: [] };
  let pending: Promise<void>[] = [];
  const publish = async (article: Article) => {
    const { id, job } = articleJob(article, now());
    (await queue.publishJob(id, job) ? out.queued : out.alreadyQueued).push(id);
  };
  for await (const item of items) {
    if (item.kind === 'rejected') out.rejected.push({ path: item.path, reason: item.reason });
    else if (item.kind === 'warning') out.warnings.push({ path: item.path, message: item.message });
    else {
      pending.push(publish(item.article).catch((err) => {
        out.rejected.push({ path: item.article.path, reason: `not enqueued: ${(err as Error).message}` });
      }));
      if (pending.length >= PUBLISH_IN_FLIGHT) await Promise.all(pending.splice(0));
    }
  }
  await Promise.all(pending);
  pending = [];
  return out;
}
