// "Still working" for the jobs a worker holds, and the worker's liveness heartbeat, both sent from a thread of
// its own (src/queue/keepalive-thread.ts) so that a long synchronous stretch on the main thread (the per-article
// stages, placement, views) cannot starve them: neither lets the visibility timeout hand live jobs to another
// worker, nor lets the heartbeat expire so that `add`, `watch` and `serve` think no worker is alive.

import { Worker } from 'node:worker_threads';
import type { JsMsg } from 'nats';
import type { Heartbeat } from './worker.js';

/** What a heartbeat counts; the main thread sends them with each ping. */
export type HeartbeatCounts = Pick<Heartbeat, 'batches' | 'done' | 'deadLettered'>;

export interface HeartbeatSetup {
  /** The key-value bucket of heartbeats (made by the main thread before the thread starts) and this worker's key. */
  bucket: string;
  /** What does not change while the worker runs; `at` and the counts are added at each beat. */
  identity: Pick<Heartbeat, 'worker' | 'host' | 'pid' | 'startedAt'>;
  everyMs: number;
  /** The main thread pings the thread this often; the thread checks for silence at the same pace. */
  pingMs: number;
  /** A main thread that has not pinged the thread for this long is taken as hung: the heartbeat stops (its
   *  entry is deleted) until the next ping, so a hung worker does not look alive for ever. */
  maxSilentMs: number;
}

export interface KeepAliveSetup {
  server: string;
  intervalMs: number;
  maxHoldMs: number;
  heartbeat: HeartbeatSetup;
}

export type ToKeepAlive = { hold: string[] } | { release: string[] } | { ping: HeartbeatCounts } | { stop: true };
export type FromKeepAlive = { ready: true } | { gaveUp: string } | { silenced: number };

/** What the worker hears from the thread: a job held past `maxHoldMs` is no longer kept alive; the heartbeat
 *  stopped after `ms` without a ping (heard only once the main thread runs again). */
export interface KeepAliveEvents {
  gaveUp?(reply: string): void;
  silenced?(ms: number): void;
  /** The thread failed or ended on its own after it was ready: nothing keeps the held jobs alive any more. */
  failed?(err: Error): void;
}

/** Compiled code starts the compiled thread; the TypeScript sources, run through tsx, the entry that registers
 *  tsx inside the thread first (as src/pipeline/pool.ts does). */
const THREAD_URL = import.meta.url.endsWith('.ts')
  ? new URL('./keepalive-entry.mjs', import.meta.url)
  : new URL('./keepalive-thread.js', import.meta.url);

/** The subject a message's acks go to. The `nats` client's JsMsg has it (`reply`, used by its own `working()`)
 *  without declaring it in the interface; a client without it must fail loudly, not keep nothing alive. */
export function ackSubject(m: JsMsg): string {
  const reply = (m as JsMsg & { reply?: unknown }).reply;
  if (typeof reply !== 'string' || !reply.startsWith('$JS.ACK.')) throw new Error(`a JetStream message without its ack subject (${String(reply)}): the nats client changed`);
  return reply;
}

export class KeepAlive {
  private constructor(private readonly thread: Worker, private readonly pinger: NodeJS.Timeout, private readonly state: { stopping: boolean }) {}

  /** Starts the thread and waits until it is connected to NATS and has written the first heartbeat. The main
   *  thread then pings it with `counts()` every `heartbeat.pingMs`: the ping is what says the main thread still
   *  runs, so it comes from a timer here, never from the thread. */
  static async start(setup: KeepAliveSetup, counts: () => HeartbeatCounts, events: KeepAliveEvents = {}): Promise<KeepAlive> {
    const thread = new Worker(THREAD_URL, { workerData: { ...setup, counts: counts() } });
    await new Promise<void>((resolve, reject) => {
      thread.once('error', reject);
      thread.on('message', (m: FromKeepAlive) => {
        if ('ready' in m) {
          thread.off('error', reject);
          resolve();
        } else if ('gaveUp' in m) events.gaveUp?.(m.gaveUp);
        else events.silenced?.(m.silenced);
      });
      thread.once('exit', (code) => reject(new Error(`the keepalive thread ended (${code}) before it was connected`)));
    });
    // An error in the thread after it was ready must not throw in the main process (an 'error' event without
    // a listener does): the worker hears of it and hands its jobs back instead.
    const ka = { stopping: false };
    thread.on('error', (err) => events.failed?.(err));
    thread.on('exit', (code) => {
      if (!ka.stopping) events.failed?.(new Error(`the keepalive thread ended (${code})`));
    });
    // The thread holds no state worth keeping the process alive for: when the process ends, so do the
    // keepalives and the heartbeat (its entry then expires).
    thread.unref();
    const pinger = setInterval(() => thread.postMessage({ ping: counts() } satisfies ToKeepAlive), setup.heartbeat.pingMs);
    pinger.unref();
    return new KeepAlive(thread, pinger, ka);
  }

  hold(msgs: JsMsg[]): void {
    this.send({ hold: msgs.map(ackSubject) });
  }

  release(msgs: JsMsg[]): void {
    this.send({ release: msgs.map(ackSubject) });
  }

  /** Ends the keepalives and removes the heartbeat: called once the last job is settled or handed back. */
  async stop(): Promise<void> {
    this.state.stopping = true;
    clearInterval(this.pinger);
    const ended = new Promise((r) => this.thread.once('exit', r));
    // Waited for: the thread deletes the heartbeat and drains its connection before it ends.
    this.thread.ref();
    this.send({ stop: true });
    await ended;
  }

  private send(m: ToKeepAlive): void {
    this.thread.postMessage(m);
  }
}
