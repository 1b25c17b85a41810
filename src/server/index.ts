// `crosscheck serve`: the corpus as a web application and HTTP API. `createServer` builds the app around an
// opened corpus; `serve` opens the corpus, starts the analysis worker, refuses a non-loopback host without a
// token, and listens.

import { serve as listen } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { openCorpus, type Corpus } from '../corpus/index.js';
import type { OutletRegistry } from '../outlets/index.js';
import { createServer, type CrosscheckServer, type Limits } from './app.js';
import { WorkerAnalyser, type Analyser } from './analyser.js';
import { WorkerStorySource } from './story-reader.js';
import { isDatabaseUrl } from '../store/paths.js';
import type { WorkerHandoff } from '../queue/handoff.js';

export { createServer, DEFAULT_LIMITS, CSP, type Limits, type ServerOptions, type CrosscheckServer } from './app.js';

export class ServeError extends Error {}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return LOOPBACK_NAMES.includes(h) || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

export interface ServeOptions {
  db: string | null;
  port?: number;
  host?: string;
  token?: string;
  limits?: Partial<Limits>;
  outlets?: OutletRegistry;
  /** A PostgreSQL corpus's worker queue (NATS server, namespace): posts go to the workers while one is alive.
   *  False: every post is added in this process. */
  workers?: { nats?: string; namespace?: string } | false;
  /** An already opened corpus for reads (tests, benches); adds still run in the worker on `db`, so `db`
   *  must name the database `corpus` reads (null: adds run in-process on `corpus`). */
  corpus?: Corpus;
}

export interface RunningServer {
  url: string;
  port: number;
  corpus: Corpus;
  close(): Promise<void>;
}

export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const loopback = isLoopback(host);
  if (!loopback && !opts.token) {
    throw new ServeError(`refusing to serve on ${host} without a token: anyone who can reach it could read and add to the corpus; pass --token T (clients send "Authorization: Bearer T"), or bind to 127.0.0.1`);
  }
  if (opts.token !== undefined && opts.token.length < 16) throw new ServeError('--token must be at least 16 characters (e.g. openssl rand -hex 16)');
  const corpus = opts.corpus ?? (await openCorpus({ db: opts.db, outlets: opts.outlets }));
  const analyser = await startAnalyser(opts);
  let stories: WorkerStorySource | undefined;
  let handoff: WorkerHandoff | undefined;
  // The threads and the corpus serve opened, closed by close() and by any failure after they started (no
  // reader, no queue, the port taken): a thread left running would keep the process alive after the error.
  const stopAll = async () => {
    await analyser?.close();
    await stories?.close();
    await handoff?.close();
    if (!opts.corpus) await corpus.close();
  };
  let app: CrosscheckServer['app'];
  let ctx: CrosscheckServer['ctx'];
  let server: Server;
  try {
    stories = await startReader(opts);
    // On loopback the Host header must name loopback too (a DNS-rebinding page cannot reach the corpus).
    handoff = await workerHandoff(opts);
    ({ app, ctx } = createServer({ corpus, token: opts.token, limits: opts.limits, allowedHosts: loopback ? LOOPBACK_NAMES : undefined, analyser, handoff, stories }));
    // The stories list is loaded before the first request, not by the first burst of them (all waiting on it).
    await ctx.listing.count();
    server = await new Promise<Server>((resolve, reject) => {
      const s = listen({ fetch: app.fetch, port: opts.port ?? 8080, hostname: host }, () => resolve(s as Server)) as Server;
      s.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new ServeError(`port ${opts.port ?? 8080} on ${host} is in use (another crosscheck serve?); choose another with --port`) : err));
    });
  } catch (err) {
    await stopAll();
    throw err;
  }
  // Story pages are rendered ahead of their first read, in the reader thread (none for an in-memory corpus,
  // whose renders would hold this thread); /healthz shows how far it got.
  if (stories) void ctx.stories.warm();
  // Longer than clients' idle keep-alive (undici: 4 s), so the server never closes a socket a client is
  // about to reuse (ECONNRESET under load with Node's 5 s default).
  server.keepAliveTimeout = 65_000;
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}`,
    port,
    corpus,
    close: async () => {
      // Event streams never end on their own: cut them so close() returns.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Adds already accepted finish (their commit is the client's answer) before the worker goes.
      await ctx.writer.drain();
      await stopAll();
    },
  };
}

/** The server's two threads on the served database, each ready (modules loaded, corpus open) before the first
 *  request: the one that runs adds, and the one that loads and renders story pages and JSON. None for an
 *  in-memory corpus, which only this thread can reach (its adds and story loads run here). */
const startAnalyser = (opts: ServeOptions): Promise<Analyser | undefined> => started(opts.db === null ? null : new WorkerAnalyser(opts.db, opts.outlets));
const startReader = (opts: ServeOptions): Promise<WorkerStorySource | undefined> => started(opts.db === null ? null : new WorkerStorySource(opts.db, opts.outlets));

/** A thread once it is ready; closed when it cannot get ready, and the reason thrown. */
async function started<T extends { ready(): Promise<void>; close(): Promise<void> }>(thread: T | null): Promise<T | undefined> {
  if (!thread) return undefined;
  try {
    await thread.ready();
  } catch (err) {
    await thread.close();
    throw err;
  }
  return thread;
}

/** On a PostgreSQL corpus, the hand-off of posts to the workers (none for SQLite or memory, nor when refused). */
async function workerHandoff(opts: ServeOptions): Promise<WorkerHandoff | undefined> {
  if (opts.workers === false || opts.db === null || !isDatabaseUrl(opts.db)) return undefined;
  const { WorkerHandoff } = await import('../queue/handoff.js');
  return new WorkerHandoff({ db: opts.db, nats: opts.workers?.nats, namespace: opts.workers?.namespace }, (handing, why) => {
    process.stderr.write(`crosscheck serve: ${why}: ${handing ? 'posted articles are queued for the workers' : 'posted articles are added here'}\n`);
  });
}
