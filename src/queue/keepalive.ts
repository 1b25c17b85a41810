// "Still working" for the jobs a worker holds, sent from a thread of its own (src/queue/keepalive-thread.ts)
// so that a long synchronous stretch on the main thread (the per-article stages, placement, views) cannot
// starve it and let the visibility timeout hand live jobs to another worker.

import { Worker } from 'node:worker_threads';
import type { JsMsg } from 'nats';

export interface KeepAliveSetup {
  server: string;
  intervalMs: number;
  maxHoldMs: number;
}

export type ToKeepAlive = { hold: string[] } | { release: string[] } | { stop: true };

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
  private constructor(private readonly thread: Worker) {}

  /** Starts the thread and waits until it is connected to NATS. `onGaveUp` hears of a job held past
   *  `maxHoldMs`, which is no longer kept alive. */
  static async start(setup: KeepAliveSetup, onGaveUp: (reply: string) => void = () => {}): Promise<KeepAlive> {
    const thread = new Worker(THREAD_URL, { workerData: setup });
    await new Promise<void>((resolve, reject) => {
      thread.once('error', reject);
      thread.on('message', (m: { ready: true } | { gaveUp: string }) => {
        if ('ready' in m) {
          thread.off('error', reject);
          resolve();
        } else onGaveUp(m.gaveUp);
      });
      thread.once('exit', (code) => reject(new Error(`the keepalive thread ended (${code}) before it was connected`)));
    });
    // The thread holds no state worth keeping the process alive for.
    thread.unref();
    return new KeepAlive(thread);
  }

  hold(msgs: JsMsg[]): void {
    this.send({ hold: msgs.map(ackSubject) });
  }

  release(msgs: JsMsg[]): void {
    this.send({ release: msgs.map(ackSubject) });
  }

  async stop(): Promise<void> {
    const ended = new Promise((r) => this.thread.once('exit', r));
    // Waited for: the thread drains its connection before it ends.
    this.thread.ref();
    this.send({ stop: true });
    await ended;
  }

  private send(m: ToKeepAlive): void {
    this.thread.postMessage(m);
  }
}
