// The load side of bench/serve.ts, in its own thread: 50 readers and one writer whose own fetch and JSON work
// would otherwise share the server's event loop and be counted as the server's latency. Bounded by
// `seconds`; loopback only.
import { parentPort, workerData } from 'node:worker_threads';
import { prng } from '../src/seeded-random.js';

const { url, ids, seconds, clients, spare, seed, openLoop } = workerData as { url: string; ids: string[]; seconds: number; clients: number; spare: Record<string, string>[]; seed: number; openLoop?: boolean };
/** Open loop: a POST every 100 ms whether or not the earlier ones were answered (feeds and clients do not
 *  wait for each other), at most this many in flight; closed loop: the next POST after the answer. */
const MAX_IN_FLIGHT = 200;

const lat: Record<string, number[]> = { list: [], 'list+cursor': [], story: [] };
/** Every read with its start (ms into the run), to tell a stall from steady queueing. */
const reads: { kind: string; at: number; ms: number }[] = [];
const posts: { at: number; ms: number }[] = [];
let errors = 0;
let posted = 0;
const started = performance.now();
const until = started + seconds * 1000;
const rand = prng(seed);

async function timed(kind: string, target: string) {
  const s = performance.now();
  try {
    const r = await fetch(target);
    await r.arrayBuffer();
    if (!r.ok) errors++;
  } catch {
    errors++;
  }
  const ms = performance.now() - s;
  lat[kind].push(ms);
  reads.push({ kind, at: s - started, ms });
}

async function reader() {
  while (performance.now() < until) {
    const x = rand();
    if (x < 0.4) await timed('list', `${url}/api/stories?limit=50`);
    else if (x < 0.5) {
      const first = (await (await fetch(`${url}/api/stories?limit=50`)).json().catch(() => ({ nextCursor: null }))) as { nextCursor: string | null };
      if (first.nextCursor) await timed('list+cursor', `${url}/api/stories?limit=50&cursor=${encodeURIComponent(first.nextCursor)}`);
    } else await timed('story', `${url}/stories/${encodeURIComponent(ids[Math.floor(rand() * ids.length)])}`);
  }
}

/** 10 articles every 100 ms (the 100 articles/s), each a stored text with a new line, so new. */
async function writer() {
  const inFlight = new Set<Promise<void>>();
  for (let k = 0; performance.now() < until; k++) {
    const tick = performance.now();
    const batch = Array.from({ length: 10 }, (_, j) => {
      const base = spare[(k * 10 + j) % spare.length];
      return { ...base, id: `bench-${k}-${j}`, text: `${base.text} Update ${k}-${j}.` };
    });
    const one = postBatch(batch, tick);
    if (openLoop) {
      inFlight.add(one);
      void one.finally(() => inFlight.delete(one));
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    } else await one;
    const wait = 100 - (performance.now() - tick);
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
  }
  // Answers that come after the run are not counted as posted within it.
}

async function postBatch(batch: unknown[], tick: number): Promise<void> {
  try {
    const r = await fetch(`${url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    await r.arrayBuffer();
    if (performance.now() > until) return;
    if (r.ok) posted += 10;
    else errors++;
  } catch {
    errors++;
  }
  posts.push({ at: tick - started, ms: performance.now() - tick });
}

await Promise.all([writer(), ...Array.from({ length: clients }, reader)]);
parentPort!.postMessage({ lat, reads, posts, errors, posted, elapsed: (performance.now() - started) / 1000 });
