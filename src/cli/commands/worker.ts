// `crosscheck worker` (take article jobs from the queue until SIGTERM, then finish the batch or hand back its
// jobs after --shutdown-grace, and exit 0) and
// `crosscheck enqueue` (turn inputs into one job per article). Loaded by main.ts only when one of them runs.

import { databaseForDisplay, isDatabaseUrl } from '../../store/paths.js';
import { QueueError } from '../../queue/jetstream.js';
import { EXIT_NOTHING_ANALYSED, EXIT_USAGE, UserError } from './exit.js';
import { outletRegistry } from './analyze.js';

export interface WorkerCommandOptions {
  db: string; nats?: string; queue?: string; batch?: string; outlets?: string; untilEmpty?: boolean; quiet?: boolean; metricsPort?: string; metricsHost?: string; shutdownGrace?: string;
}
export interface EnqueueCommandOptions { db: string; nats?: string; queue?: string; format: 'table' | 'json'; quiet?: boolean }

/** Workers share one corpus across processes and machines: only a database server can be that corpus. */
function sharedDatabase(db: string): string {
  if (!isDatabaseUrl(db)) throw new UserError(`workers need a shared corpus: --db must be a postgres:// URL (got ${db})`, EXIT_USAGE);
  return db;
}

function batchSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new UserError(`--batch expects a whole number above 0, got "${value}"`, EXIT_USAGE);
  return n;
}

function portOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 0 && n <= 65535)) throw new UserError(`--metrics-port expects a port number (0–65535), got "${value}"`, EXIT_USAGE);
  return n;
}

/** A day: longer than any batch, and far under setTimeout's limit. */
const MAX_GRACE_S = 86_400;

function graceOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  // setTimeout fires at once past 2^31 - 1 ms (24.8 days): a grace that long would hand back immediately.
  if (!(value.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= MAX_GRACE_S)) throw new UserError(`--shutdown-grace expects seconds from 0 to ${MAX_GRACE_S}, got "${value}"`, EXIT_USAGE);
  return n * 1000;
}

/** A queue that cannot be reached is the user's to fix (start NATS), not a crash. */
async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof QueueError) throw new UserError(err.message, EXIT_USAGE);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(`the metrics port is in use (${(err as Error).message}): choose another --metrics-port`, EXIT_USAGE);
    throw err;
  }
}

export async function workerCommand(opts: WorkerCommandOptions): Promise<void> {
  const db = sharedDatabase(opts.db);
  const batch = batchSize(opts.batch);
  const metricsPort = portOf(opts.metricsPort);
  const shutdownGraceMs = graceOf(opts.shutdownGrace);
  const outlets = opts.outlets === undefined ? undefined : outletRegistry(opts.outlets);
  const { runWorker } = await import('../../queue/worker.js');
  const log = (line: string) => !opts.quiet && process.stderr.write(`crosscheck: ${line}\n`);
  log(`worker on ${databaseForDisplay(db)} (SIGTERM finishes the current batch, or hands its jobs back, and exits)`);
  await asUserError(() => runWorker({ db, nats: opts.nats, namespace: opts.queue, batch, outlets, untilEmpty: opts.untilEmpty, log, metricsPort, metricsHost: opts.metricsHost, shutdownGraceMs }));
}

export async function enqueueCommand(inputs: string[], opts: EnqueueCommandOptions): Promise<void> {
  const db = sharedDatabase(opts.db);
  const { enqueue } = await import('../../queue/enqueue.js');
  const r = await asUserError(() => enqueue(inputs, { db, nats: opts.nats, namespace: opts.queue }));
  for (const x of r.rejected) if (!opts.quiet) process.stderr.write(`rejected ${x.path}: ${x.reason}\n`);
  for (const w of r.warnings) if (!opts.quiet) process.stderr.write(`warning ${w.path}: ${w.message}\n`);
  if (opts.format === 'json') process.stdout.write(JSON.stringify({ queued: r.queued.length, alreadyQueued: r.alreadyQueued.length, rejected: r.rejected }, null, 2) + '\n');
  else process.stdout.write(`queued ${r.queued.length}, already queued ${r.alreadyQueued.length}, rejected ${r.rejected.length}\n`);
  if (r.queued.length + r.alreadyQueued.length === 0) throw new UserError(`no article could be enqueued (${r.rejected.length} input(s) rejected)`, EXIT_NOTHING_ANALYSED);
}
