// `crosscheck status`: the queue, the workers and the corpus at a glance (table), or all of it as JSON.
// Loaded by main.ts only when the command runs.

import { isDatabaseUrl } from '../../store/paths.js';
import { QueueError } from '../../queue/jetstream.js';
import type { QueueStatus } from '../../queue/status.js';
import { EXIT_USAGE, UserError } from './exit.js';

export interface StatusCommandOptions { db: string; nats?: string; queue?: string; format: 'table' | 'json' }

export async function statusCommand(opts: StatusCommandOptions): Promise<void> {
  if (!isDatabaseUrl(opts.db)) throw new UserError(`the worker queue belongs to a shared corpus: --db must be a postgres:// URL (got ${opts.db})`, EXIT_USAGE);
  const { queueStatus } = await import('../../queue/status.js');
  let s: QueueStatus;
  try {
    s = await queueStatus({ db: opts.db, nats: opts.nats, namespace: opts.queue });
  } catch (err) {
    if (err instanceof QueueError) throw new UserError(err.message, EXIT_USAGE);
    throw err;
  }
  process.stdout.write(opts.format === 'json' ? JSON.stringify(s, null, 2) + '\n' : statusTable(s));
}

export function statusTable(s: QueueStatus): string {
  const o = s.outcomes;
  const lines = [
    `queue ${s.queue} on ${s.nats}`,
    `jobs: ${s.queued} queued, ${s.running} running, ${s.retrying} retrying, ${s.done} done, ${s.failed.length} failed (dead-lettered)`,
    `  done: ${o.added} added, ${o.revised} revised, ${o.duplicate} duplicate, ${o.unchanged} unchanged, ${o.rejected} rejected`,
    `workers alive: ${s.workers.length}${s.workers.length ? `, ${s.articlesPerSecond} articles/s together` : ''}`,
    ...s.workers.map((w) => `  ${w.worker}  pid ${w.pid} on ${w.host}, since ${w.startedAt}, ${w.done} done, ${w.articlesPerSecond}/s, seen ${w.lastSeenSeconds} s ago`),
    `corpus: ${s.corpus.articles} articles, ${s.corpus.stories} stories`,
  ];
  if (s.failed.length) {
    lines.push('failed:');
    for (const f of s.failed) lines.push(`  ${f.path ?? f.key ?? f.job}  after ${f.deliveries} tries: ${f.reason}`);
  }
  return lines.join('\n') + '\n';
}
