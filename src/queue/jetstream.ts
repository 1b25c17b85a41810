// The job queue of `crosscheck worker`, on NATS JetStream (docs/scale.md says why this engine): one stream of
// article jobs read by one durable pull consumer that every worker shares, a stream of outcomes (one record
// per finished job), a dead-letter stream (jobs given up on, with the reason), and a key-value bucket whose
// entries expire by themselves, for the workers' heartbeats. Everything a queue is lives under a namespace,
// by default derived from the corpus's database, so two corpora on one NATS server never share jobs.

import { AckPolicy, connect, DeliverPolicy, nanos, RetentionPolicy, StorageType, type ConsumerConfig, type JetStreamClient, type JetStreamManager, type JsMsg, type KV, type NatsConnection, type StreamConfig } from 'nats';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

/** Tuning of a queue; the first process to open a namespace creates it with these, and a later one that
 *  passes its own tuning updates it. */
export interface QueueTuning {
  /** Visibility timeout: a job a worker holds this long without acknowledging (or saying it is still working)
   *  is handed to another worker. 30 s is ~10× the slowest batch of 8 measured here (bench/workers.ts) while
   *  a killed worker's jobs still come back within half a minute. */
  ackWaitMs: number;
  /** Deliveries before a job is dead-lettered. 3: a transient failure (a database restart) gets two more
   *  chances; an input that makes a stage throw fails the same way each time, so more tries only cost time. */
  maxDeliver: number;
  /** A job enqueued again within this window is the same job (JetStream's message-id dedup). One day covers a
   *  re-run of the day's inputs; later, the corpus itself finds the article unchanged. */
  dedupWindowMs: number;
}

export const DEFAULT_TUNING: QueueTuning = { ackWaitMs: 30_000, maxDeliver: 3, dedupWindowMs: 24 * 3600_000 };

/** Heartbeats every 5 s; an entry not renewed for 15 s (three missed beats) has expired: the worker is gone. */
export const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TTL_MS = 3 * HEARTBEAT_MS;
/** How long `add` waits for NATS before analysing in-process: a local server answers in milliseconds, and a
 *  user without one should not wait the client's default 20 s for an answer that is not coming. */
const PROBE_TIMEOUT_MS = 2_000;
/** The one durable consumer all workers pull from: each job goes to one of them at a time. */
const CONSUMER = 'workers';

export interface QueueOptions {
  /** NATS server (default CROSSCHECK_NATS, else nats://127.0.0.1:4222). */
  nats?: string;
  /** Namespace of the queue's streams (default: from the database name, see queueNamespace). */
  namespace?: string;
  /** The corpus the jobs are for; names the default namespace. */
  db: string;
  tuning?: Partial<QueueTuning>;
}

/** `crosscheck_<database name>`: workers and `add` on one database meet on one queue without configuring it. */
export function queueNamespace(db: string): string {
  let name = db;
  try {
    name = decodeURIComponent(new URL(db).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    // Not a URL (a SQLite path): the path itself names it.
  }
  return `crosscheck_${name.replace(/[^A-Za-z0-9_-]+/g, '_')}`;
}

export function natsUrl(nats?: string): string {
  return nats ?? process.env.CROSSCHECK_NATS ?? DEFAULT_NATS_URL;
}

interface Names {
  jobs: string;
  jobSubject: string;
  outcomes: string;
  outcomeSubject: string;
  dead: string;
  deadSubject: string;
  workers: string;
}

function names(ns: string): Names {
  return {
    jobs: `${ns}_jobs`, jobSubject: `${ns}.job`,
    outcomes: `${ns}_outcomes`, outcomeSubject: `${ns}.outcome`,
    dead: `${ns}_dead`, deadSubject: `${ns}.dead`,
    workers: `${ns}_workers`,
  };
}

/** JetStream's advisory when a consumer stops redelivering a message nobody acknowledged: a job whose every
 *  worker died (or hung) on it. The dead-letter stream captures it, so such a job is listed too. */
function maxDeliveriesSubject(n: Names): string {
  return `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${n.jobs}.${CONSUMER}`;
}

export class JobQueue {
  private constructor(
    readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly namespace: string,
    readonly server: string,
    /** What the shared consumer runs with: a process that passed no tuning of its own adopts the consumer's
     *  (a worker must count tries against the consumer's maxDeliver, or it hands back a job the server then
     *  drops instead of dead-lettering it with its reason). */
    public tuning: QueueTuning,
    private readonly n: Names,
  ) {}

  /** Connects and makes sure the streams, the consumer and the heartbeat bucket exist (idempotent). */
  static async open(opts: QueueOptions): Promise<JobQueue> {
    const server = natsUrl(opts.nats);
    const namespace = opts.namespace ?? queueNamespace(opts.db);
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: server, name: `crosscheck ${process.pid}`, maxReconnectAttempts: -1 });
    } catch (err) {
      throw new QueueError(`cannot reach NATS at ${server} (${(err as Error).message}): is nats-server running with JetStream (-js)?`);
    }
    const q = new JobQueue(nc, nc.jetstream(), await nc.jetstreamManager(), namespace, server, { ...DEFAULT_TUNING, ...opts.tuning }, names(namespace));
    await q.ensure(opts.tuning !== undefined);
    return q;
  }

  /** The queue of `opts` if some worker ever opened it, else null, creating nothing: `add`, `watch` and
   *  `serve` ask this on every PostgreSQL corpus, and most of those never had a worker. A server that does not
   *  answer within `timeoutMs` is also null (the caller works in-process and says why). */
  static async openIfExists(opts: QueueOptions, timeoutMs = PROBE_TIMEOUT_MS): Promise<{ queue: JobQueue } | { why: string }> {
    const server = natsUrl(opts.nats);
    const namespace = opts.namespace ?? queueNamespace(opts.db);
    const n = names(namespace);
    let nc: NatsConnection;
    try {
      nc = await connect({ servers: server, name: `crosscheck ${process.pid}`, timeout: timeoutMs, maxReconnectAttempts: -1 });
    } catch (err) {
      return { why: `no queue: NATS does not answer at ${server} (${(err as Error).message})` };
    }
    const jsm = await nc.jetstreamManager().catch(() => null);
    const made = jsm && (await jsm.streams.info(n.jobs).catch(() => null)) && (await jsm.streams.info(`KV_${n.workers}`).catch(() => null));
    if (!jsm || !made) {
      await nc.close();
      return { why: `no worker has ever taken jobs from ${namespace} on ${server}` };
    }
    return { queue: new JobQueue(nc, nc.jetstream(), jsm, namespace, server, { ...DEFAULT_TUNING, ...opts.tuning }, n) };
  }

  /** `retune`: the caller asked for its own tuning; a status or an enqueue never changes the workers'. */
  private async ensure(retune: boolean): Promise<void> {
    const window = nanos(this.tuning.dedupWindowMs);
    // Work-queue retention: a job leaves the stream when it is acknowledged (done or dead-lettered).
    await this.ensureStream({ name: this.n.jobs, subjects: [this.n.jobSubject], retention: RetentionPolicy.Workqueue, storage: StorageType.File, duplicate_window: window });
    await this.ensureStream({ name: this.n.outcomes, subjects: [this.n.outcomeSubject], retention: RetentionPolicy.Limits, storage: StorageType.File, duplicate_window: window });
    await this.ensureStream({ name: this.n.dead, subjects: [this.n.deadSubject, maxDeliveriesSubject(this.n)], retention: RetentionPolicy.Limits, storage: StorageType.File, duplicate_window: window });
    const consumer: Partial<ConsumerConfig> = {
      durable_name: CONSUMER, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(this.tuning.ackWaitMs), max_deliver: this.tuning.maxDeliver,
    };
    const existing = await this.jsm.consumers.info(this.n.jobs, CONSUMER).catch(() => null);
    if (!existing) await this.jsm.consumers.add(this.n.jobs, consumer);
    else if (retune && (existing.config.ack_wait !== consumer.ack_wait || existing.config.max_deliver !== consumer.max_deliver)) {
      await this.jsm.consumers.update(this.n.jobs, CONSUMER, { ack_wait: consumer.ack_wait, max_deliver: consumer.max_deliver });
    } else if (!retune) {
      const { ack_wait: ackWait, max_deliver: maxDeliver } = existing.config;
      this.tuning = { ...this.tuning, ackWaitMs: ackWait ? ackWait / 1e6 : this.tuning.ackWaitMs, maxDeliver: maxDeliver && maxDeliver > 0 ? maxDeliver : this.tuning.maxDeliver };
    }
  }

  private async ensureStream(config: Partial<StreamConfig> & { name: string }): Promise<void> {
    const existing = await this.jsm.streams.info(config.name).catch(() => null);
    if (!existing) {
      try {
        await this.jsm.streams.add(config);
      } catch (err) {
        // Another process created it between our look and our add: theirs has the same configuration.
        if (!/already in use/i.test((err as Error).message)) throw err;
      }
    }
  }

  /** Publishes one job; false when the same job id was already published within the dedup window. */
  async publishJob(id: string, job: unknown): Promise<boolean> {
    const ack = await this.js.publish(this.n.jobSubject, encode(job), { msgID: id });
    return !ack.duplicate;
  }

  /** Up to `max` jobs, waiting at most `waitMs` for the first. */
  async fetch(max: number, waitMs: number): Promise<JsMsg[]> {
    const consumer = await this.js.consumers.get(this.n.jobs, CONSUMER);
    const out: JsMsg[] = [];
    for await (const m of await consumer.fetch({ max_messages: max, expires: waitMs })) out.push(m);
    return out;
  }

  /** Records a finished job, once per job id (a redelivered job that finishes again is not counted twice). */
  async recordOutcome(id: string, outcome: unknown): Promise<void> {
    await this.js.publish(this.n.outcomeSubject, encode(outcome), { msgID: id });
  }

  async recordDead(id: string, entry: unknown): Promise<void> {
    await this.js.publish(this.n.deadSubject, encode(entry), { msgID: id });
  }

  /** The heartbeat bucket, made if missing (a worker makes it before its keepalive thread binds to it). */
  async heartbeats(): Promise<KV> {
    return this.js.views.kv(this.n.workers, { ttl: HEARTBEAT_TTL_MS, history: 1 });
  }

  get heartbeatBucket(): string {
    return this.n.workers;
  }

  /** Jobs not yet handed out, and handed out but not yet acknowledged (running, or waiting to be retried). */
  async jobCounts(): Promise<{ queued: number; running: number; redelivered: number }> {
    const ci = await this.jsm.consumers.info(this.n.jobs, CONSUMER);
    return { queued: ci.num_pending, running: ci.num_ack_pending, redelivered: ci.num_redelivered };
  }

  async outcomeCount(): Promise<number> {
    return (await this.jsm.streams.info(this.n.outcomes)).state.messages;
  }

  /** Every message of the outcome or dead-letter stream, oldest first, read without consuming anything. */
  async readAll(which: 'outcomes' | 'dead'): Promise<{ subject: string; data: unknown }[]> {
    const stream = which === 'outcomes' ? this.n.outcomes : this.n.dead;
    const total = (await this.jsm.streams.info(stream)).state.messages;
    const out: { subject: string; data: unknown }[] = [];
    if (total === 0) return out;
    const ordered = await this.js.consumers.get(stream);
    for await (const m of await ordered.fetch({ max_messages: total, expires: 2000 })) {
      out.push({ subject: m.subject, data: decode(m.data) });
      if (out.length >= total) break;
    }
    return out;
  }

  /** The job stored at a stream sequence (a job the consumer gave up on stays in the stream). */
  async jobAt(seq: number): Promise<unknown | null> {
    const m = await this.jsm.streams.getMessage(this.n.jobs, { seq }).catch(() => null);
    return m ? decode(m.data) : null;
  }

  /** Whether a dead-letter entry is JetStream's own max-deliveries advisory rather than a worker's record. */
  isAdvisory(subject: string): boolean {
    return subject === maxDeliveriesSubject(this.n);
  }

  /** Deletes every stream and the bucket of this namespace (tests and benchmarks clean up with it). */
  async drop(): Promise<void> {
    for (const s of [this.n.jobs, this.n.outcomes, this.n.dead, `KV_${this.n.workers}`]) await this.jsm.streams.delete(s).catch(() => false);
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => this.nc.close());
  }
}

/** The queue cannot be used: one line a person can act on. */
export class QueueError extends Error {}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encode(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decode(data: Uint8Array): unknown {
  return JSON.parse(decoder.decode(data));
}
