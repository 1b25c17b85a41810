// The thread that says "still working" (`+WPI`) for the jobs a worker holds, on a NATS connection of its own.
// On the worker's main thread, the keepalive shared the event loop with the per-article stages and placement,
// which run synchronously: a batch that held the thread past the visibility timeout had its jobs handed to
// another worker while it was still on them. Here nothing but this timer runs. A job held longer than
// `maxHoldMs` is no longer kept alive, so a worker whose main thread hangs lets its jobs go after all.

import { parentPort, workerData } from 'node:worker_threads';
import { connect } from 'nats';
import type { KeepAliveSetup, ToKeepAlive } from './keepalive.js';

const WPI = new TextEncoder().encode('+WPI');
const setup = workerData as KeepAliveSetup;
/** Reply subject of each held job (JetStream's ack subject: any connection may publish to it) → held since. */
const held = new Map<string, number>();

const nc = await connect({ servers: setup.server, name: `crosscheck keepalive ${process.pid}`, maxReconnectAttempts: -1 });
const timer = setInterval(() => {
  const now = Date.now();
  for (const [reply, since] of held) {
    if (now - since > setup.maxHoldMs) {
      held.delete(reply);
      parentPort!.postMessage({ gaveUp: reply });
    } else nc.publish(reply, WPI);
  }
}, setup.intervalMs);

parentPort!.on('message', (m: ToKeepAlive) => {
  if ('hold' in m) for (const r of m.hold) held.set(r, Date.now());
  else if ('release' in m) for (const r of m.release) held.delete(r);
  else {
    clearInterval(timer);
    void nc.drain().finally(() => parentPort!.close());
  }
});
parentPort!.postMessage({ ready: true });
