// The hono app: security headers and CSP on every answer, the Host/Origin checks and the bearer token, the
// JSON API, the pages and their two static assets. Built around one opened Corpus; `serve` (index.ts) binds it.

import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { routePath } from 'hono/route';
import { getConnInfo } from '@hono/node-server/conninfo';
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Corpus } from '../corpus/index.js';
import { StoryListing } from './listing.js';
import { LocalStorySource, StoryCache, type StorySource } from './story-cache.js';
import { EventBus } from './events.js';
import { createMetrics, type ServerMetrics } from './metrics.js';
import { RateLimiter } from './rate.js';
import { Writer } from './writer.js';
import { inProcessAnalyser, type Analyser } from './analyser.js';
import type { WorkerHandoff } from '../queue/handoff.js';
import { ASSETS } from './assets.js';
import { errorPage } from './html.js';
import { apiRoutes } from './api.js';
import { pageRoutes } from './pages.js';

export interface Limits {
  /** Largest request body (413 above). */
  maxBodyBytes: number;
  /** Most articles one POST may carry (400 above). */
  maxItems: number;
  /** Writes per client and minute on average (429 with Retry-After above), in bursts of up to `burst`. */
  postsPerMinute: number;
  burst: number;
}

export const DEFAULT_LIMITS: Limits = { maxBodyBytes: 10 * 1024 * 1024, maxItems: 500, postsPerMinute: 600, burst: 60 };

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export interface ServerOptions {
  corpus: Corpus;
  /** Bearer token every request but /healthz must carry (header, or the cookie `?token=` sets). */
  token?: string;
  limits?: Partial<Limits>;
  /** Host names the Host header may name (DNS rebinding); any when absent. */
  allowedHosts?: string[];
  /** Where adds run (serve passes its worker thread); in-process on `corpus` when absent. */
  analyser?: Analyser;
  /** A PostgreSQL corpus's workers: posts go to them while one is alive, and the health shows their queue. */
  handoff?: WorkerHandoff;
  /** Where story pages and JSON are loaded (serve passes its reader thread); on this thread when absent. */
  stories?: StorySource;
}

/** What the route modules share. */
export interface ServerContext {
  corpus: Corpus;
  limits: Limits;
  listing: StoryListing;
  /** Story pages, JSON and exports kept per listed version (the story page and API reads). */
  stories: StoryCache;
  bus: EventBus;
  metrics: ServerMetrics;
  writer: Writer;
  rate: RateLimiter;
  clientOf: (c: Context) => string;
  handoff?: WorkerHandoff;
}

export interface CrosscheckServer {
  app: Hono;
  ctx: ServerContext;
}

export function createServer(opts: ServerOptions): CrosscheckServer {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const metrics = createMetrics();
  const listing = new StoryListing(opts.corpus);
  const bus = new EventBus();
  const ctx: ServerContext = {
    corpus: opts.corpus, limits, listing, stories: new StoryCache(listing, opts.stories ?? new LocalStorySource(opts.corpus)), bus, metrics, writer: new Writer(opts.corpus, opts.analyser ?? inProcessAnalyser(opts.corpus), listing, bus, metrics),
    rate: new RateLimiter(limits.postsPerMinute, limits.burst), clientOf, handoff: opts.handoff,
  };
  const app = new Hono();
  app.use('*', measure(metrics), headers);
  if (opts.allowedHosts) app.use('*', hostCheck(opts.allowedHosts));
  app.use('*', sameOrigin);
  if (opts.token) app.use('*', bearer(opts.token));
  app.post('*', bodyLimit({ maxSize: limits.maxBodyBytes, onError: (c) => c.json({ error: `request body too large (the limit is ${limits.maxBodyBytes} bytes)` }, 413) }));
  app.get('/static/:name', (c) => {
    const name = c.req.param('name');
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : null;
    if (!asset) return c.text('not found', 404);
    return c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=300' });
  });
  // No icon: an empty answer rather than a 404 in every page's console.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/healthz', async (c) => {
    const health = { status: 'ok', store: opts.corpus.store.description, queue: ctx.writer.pending, storyPages: { warmed: ctx.stories.warming.done, of: ctx.stories.warming.of } };
    return c.json(opts.handoff ? { ...health, workerQueue: await workerQueueHealth(opts.handoff) } : health);
  });
  app.get('/metrics', async (c) => c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType }));
  apiRoutes(app, ctx);
  pageRoutes(app, ctx);
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : c.html(errorPage(404, 'There is nothing at this address.'), 404)));
  app.onError((err, c) => {
    process.stderr.write(`crosscheck serve: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
    return c.req.path.startsWith('/api/') ? c.json({ error: 'internal error' }, 500) : c.html(errorPage(500, 'The server could not answer this request.'), 500);
  });
  return { app, ctx };
}

/** The workers' queue as the health shows it: counts, and the dead letters without their article paths
 *  (the health needs no token, and a path can say more about a corpus than its owner wants to). */
async function workerQueueHealth(handoff: WorkerHandoff) {
  try {
    const h = await handoff.health();
    if (!h) return null;
    const deadLetters = h.failed.map((d) => ({ job: d.job, reason: d.reason, deliveries: d.deliveries, at: d.at }));
    return { name: h.queue, queued: h.queued, running: h.running, retrying: h.retrying, workers: h.workers, failed: h.failed.length, deadLetters };
  } catch (err) {
    return { error: `the queue cannot be read: ${(err as Error).message}` };
  }
}

function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function measure(metrics: ServerMetrics): MiddlewareHandler {
  return async (c, next) => {
    const t0 = performance.now();
    await next();
    let route = 'unmatched';
    try {
      route = routePath(c, -1) || 'unmatched';
    } catch {
      // no route matched
    }
    if (route === '*') route = 'unmatched';
    metrics.requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    metrics.duration.observe({ method: c.req.method, route }, (performance.now() - t0) / 1000);
  };
}

const headers: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('content-security-policy', CSP);
  c.header('x-content-type-options', 'nosniff');
  // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on the Add form's post.
  c.header('referrer-policy', 'same-origin');
  c.header('x-frame-options', 'DENY');
  c.header('cross-origin-opener-policy', 'same-origin');
  c.header('cross-origin-resource-policy', 'same-origin');
};

/** A page of another site may not make the browser write here (form posts carry an Origin header). */
const sameOrigin: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('origin');
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && origin && origin !== 'null') {
    let host = '';
    try {
      host = new URL(origin).host;
    } catch {
      // unparsable: refused below
    }
    if (host !== c.req.header('host')) return c.json({ error: 'cross-origin write refused' }, 403);
  } else if (origin === 'null' && c.req.method === 'POST') return c.json({ error: 'cross-origin write refused' }, 403);
  await next();
};

/** On loopback, only loopback names: a rebound DNS name pointing at 127.0.0.1 must not reach the corpus. */
function hostCheck(allowed: string[]): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
    if (!allowed.includes(host)) return c.text('unknown host', 421);
    await next();
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

function bearer(token: string): MiddlewareHandler {
  const want = digest(token);
  const ok = (given: string | undefined) => !!given && timingSafeEqual(digest(given), want);
  return async (c, next) => {
    if (c.req.path === '/healthz') return next();
    const auth = c.req.header('authorization');
    const fromHeader = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const cookie = /(?:^|;\s*)crosscheck_token=([^;]+)/.exec(c.req.header('cookie') ?? '')?.[1];
    if (ok(fromHeader) || ok(cookie ? decodeURIComponent(cookie) : undefined)) return next();
    const query = c.req.query('token');
    if (c.req.method === 'GET' && ok(query)) {
      // A browser cannot send a bearer header when following a link: the token becomes a strict cookie.
      const url = new URL(c.req.url);
      url.searchParams.delete('token');
      c.header('set-cookie', `crosscheck_token=${encodeURIComponent(query!)}; HttpOnly; SameSite=Strict; Path=/`);
      return c.redirect(url.pathname + url.search, 303);
    }
    c.header('www-authenticate', 'Bearer realm="crosscheck"');
    return c.json({ error: 'a bearer token is required (Authorization: Bearer TOKEN, or open /?token=TOKEN once)' }, 401);
  };
}
