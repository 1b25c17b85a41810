// The thread that says "still working" (`+WPI`) for the jobs a worker holds and renews the worker's heartbeat,
// on a NATS connection of its own. On the worker's main thread, both shared the event loop with the per-article
// stages and placement, which run synchronously: a batch that held the thread past the visibility timeout had
// its jobs handed to another worker while it was still on them, and one that held it past the heartbeat's
// expiry made the worker look dead to `add`. Here nothing but these timers runs. Two bounds keep a worker whose
// main thread hangs from looking busy for ever: a job held longer than `maxHoldMs` is no longer kept alive, and
// the heartbeat stops once the main thread has not pinged for `heartbeat.maxSilentMs`.

import { parentPort, workerData } from 'node:worker_threads';
import { connect } from 'nats';
import type { FromKeepAlive, HeartbeatCounts, KeepAliveSetup, ToKeepAlive } from './keepalive.js';

const encoder = new TextEncoder();
const WPI = encoder.encode('+WPI');
const setup = workerData as KeepAliveSetup & { counts: HeartbeatCounts };
const hb = setup.heartbeat;
/** Reply subject of each held job (JetStream's ack subject: any connection may publish to it) → held since. */
const held = new Map<string, number>();

const nc = await connect({ servers: setup.server, name: `crosscheck keepalive ${process.pid}`, maxReconnectAttempts: -1 });
const kv = await nc.jetstream().views.kv(hb.bucket, { bindOnly: true });

function tell(m: FromKeepAlive): void {
  parentPort!.postMessage(m);
}

const keeper = setInterval(() => {
  const now = Date.now();
  for (const [reply, since] of held) {
    if (now - since > setup.maxHoldMs) {
      held.delete(reply);
      tell({ gaveUp: reply });
    } else nc.publish(reply, WPI);
  }
}, setup.intervalMs);

/** The last counts the main thread sent, and when: its pings are the only sign that it still runs. */
let counts = setup.counts;
let pinged = Date.now();
let beaten = 0;
let silenced = false;

function beat(): Promise<void> {
  beaten = Date.now();
  const value = { ...hb.identity, at: new Date(beaten).toISOString(), ...counts };
  return kv.put(hb.identity.worker, encoder.encode(JSON.stringify(value))).then(() => {}, () => {});
}

/** At the pings' pace: renews the entry every `everyMs` while the main thread pings; past `maxSilentMs` without
 *  a ping, deletes it (the worker is gone for `add` and `status` at once, not at the entry's expiry) and says
 *  so, until a ping comes again. */
function tick(): void {
  const now = Date.now();
  if (now - pinged > hb.maxSilentMs) {
    if (silenced) return;
    silenced = true;
    void kv.delete(hb.identity.worker).catch(() => {});
    tell({ silenced: now - pinged });
  } else if (now - beaten >= hb.everyMs) void beat();
}

await beat();
const ticker = setInterval(tick, hb.pingMs);

parentPort!.on('message', (m: ToKeepAlive) => {
  if ('hold' in m) for (const r of m.hold) held.set(r, Date.now());
  else if ('release' in m) for (const r of m.release) held.delete(r);
  else if ('ping' in m) {
    counts = m.ping;
    pinged = Date.now();
    // Back from a hang: alive again at once rather than at the next beat.
    if (silenced) void beat();
    silenced = false;
  } else void stop();
});

/** After the worker's last job is settled: no more keepalives, the heartbeat removed (a clean exit is seen at
 *  once; a crash, by the entry's expiry), the connection drained (the delete goes out before it closes). */
async function stop(): Promise<void> {
  clearInterval(keeper);
  clearInterval(ticker);
  await kv.delete(hb.identity.worker).catch(() => {});
  await nc.drain().catch(() => {});
  parentPort!.close();
}

tell({ ready: true });
