// One polite HTTP GET on Node's built-in fetch: the host's turn, robots.txt for pages, redirects followed
// by hand (at most N, loops caught), a body read to a byte cap while it streams, one bounded Retry-After
// wait. Never throws: every failure is a `reason` a person can act on.

import { HostGate } from './politeness.js';
import { parseRobots, robotsAllows, type RobotsRules } from './robots.js';
import * as P from './params.js';

export interface FetchOptions {
  userAgent?: string;
  timeoutMs?: number;
  /** Bytes of (decoded) body accepted; more is refused while streaming. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Minimum milliseconds between two requests to one host. */
  hostGapMs?: number;
  /** Longest Retry-After waited out (once); longer ones are reported. */
  maxRetryAfterMs?: number;
  /** Honour robots.txt for pages (default true). */
  robots?: boolean;
  /** Requests in flight at once, to different hosts. */
  concurrency?: number;
  /** ETag / Last-Modified per URL from an earlier fetch: sent as a conditional GET, updated after. */
  validators?: Map<string, { etag?: string; lastModified?: string }>;
}

/** `ok`: a final response and its body, whatever its status (the page rules judge 4xx/5xx pages); else why
 *  there is none (network, timeout, size, redirects, robots.txt, Retry-After, 304). */
export type Fetched =
  | { ok: true; url: string; status: number; contentType: string | null; charset: string | null; body: Buffer; headers: Headers }
  | { ok: false; url: string; reason: string; status?: number; notModified?: boolean; headers?: Headers; retryAfterMs?: number | null };

/** Validators of an earlier response, sent as If-None-Match / If-Modified-Since. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface GetOptions {
  /** A page for people (robots.txt applies) rather than a feed. Default true. */
  page?: boolean;
  /** Validators for this request (a watched feed's, from the store), besides FetchOptions.validators. */
  conditional?: Validators;
  /** Wait out a short Retry-After once (default). False: a 429/503 is returned at once with its
   *  `retryAfterMs`, for a caller that schedules its own return (the feed poller). */
  waitRetryAfter?: boolean;
}

const STATUS_TEXT: Record<number, string> = { 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 410: 'Gone', 429: 'Too Many Requests', 451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
export const statusLine = (status: number): string => `HTTP ${status}${STATUS_TEXT[status] ? ' ' + STATUS_TEXT[status] : ''}`;

export function sizeText(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** Why a request failed below HTTP, in words: undici hides the system error in `cause`. */
function networkReason(err: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `timed out after ${timeoutMs / 1000} s`;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (err as NodeJS.ErrnoException).code;
  const words: Record<string, string> = { ECONNREFUSED: 'connection refused', ENOTFOUND: 'host not found', ECONNRESET: 'connection reset', EAI_AGAIN: 'DNS lookup failed', UND_ERR_SOCKET: 'connection closed' };
  return code && words[code] ? words[code] : `network error (${cause?.message ?? (err as Error).message})`;
}

/** Seconds or an HTTP date → milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export class Fetcher {
  readonly opts: Required<Omit<FetchOptions, 'validators'>> & Pick<FetchOptions, 'validators'>;
  private readonly robotsCache = new Map<string, Promise<RobotsRules | string>>();

  /** `gate` is shared by the robots.txt reads, so they take their turn with the host's pages. */
  constructor(opts: FetchOptions = {}, private readonly gate = new HostGate(opts.hostGapMs ?? P.HOST_GAP_MS)) {
    this.opts = {
      userAgent: opts.userAgent ?? P.USER_AGENT,
      timeoutMs: opts.timeoutMs ?? P.TIMEOUT_MS,
      maxBytes: opts.maxBytes ?? P.MAX_BYTES,
      maxRedirects: opts.maxRedirects ?? P.MAX_REDIRECTS,
      hostGapMs: opts.hostGapMs ?? P.HOST_GAP_MS,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? P.MAX_RETRY_AFTER_MS,
      robots: opts.robots ?? true,
      concurrency: opts.concurrency ?? P.CONCURRENCY,
      validators: opts.validators,
    };
  }

  /** GETs a URL, following redirects. */
  async get(url: string, { page = true, conditional, waitRetryAfter = true }: GetOptions = {}): Promise<Fetched> {
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      if (seen.has(current)) return { ok: false, url, reason: `redirect loop (back to ${current})` };
      seen.add(current);
      const parsed = safeUrl(current);
      if (!parsed) return { ok: false, url, reason: `not an http(s) URL: ${current}` };
      if (page && this.opts.robots) {
        const verdict = await this.robotsVerdict(parsed);
        if (verdict) return { ok: false, url, reason: verdict };
      }
      const res = await this.once(parsed, url, conditional, waitRetryAfter);
      if (!('redirect' in res)) return res;
      if (hop >= this.opts.maxRedirects) return { ok: false, url, reason: `too many redirects (more than ${this.opts.maxRedirects})` };
      current = res.redirect;
    }
  }

  /** One request (and at most one retry after a bounded Retry-After). */
  private async once(u: URL, asked: string, conditional: Validators | undefined, waitRetryAfter: boolean): Promise<Fetched | { redirect: string }> {
    let req = await this.request(u, conditional);
    if (typeof req === 'string') return { ok: false, url: asked, reason: req };
    let res = req.res;
    if (res.status === 429 || res.status === 503) {
      const wait = retryAfterMs(res.headers.get('retry-after'));
      await discard(req);
      const failed = { ok: false as const, url: asked, status: res.status, headers: res.headers, retryAfterMs: wait };
      if (wait === null) return { ...failed, reason: `${statusLine(res.status)} (no Retry-After)` };
      // A caller that schedules its own return (the feed poller) holds that URL, not the whole host: a held
      // host would stall, inside this gate, every other feed it serves for as long as the Retry-After.
      if (!waitRetryAfter) return { ...failed, reason: `${statusLine(res.status)}; Retry-After ${Math.round(wait / 1000)} s` };
      this.gate.holdUntil(u.host, Date.now() + wait);
      if (wait > this.opts.maxRetryAfterMs) return { ok: false, url: asked, status: res.status, reason: `${statusLine(res.status)}; Retry-After ${Math.round(wait / 1000)} s is longer than the ${this.opts.maxRetryAfterMs / 1000} s we wait` };
      req = await this.request(u, conditional);
      if (typeof req === 'string') return { ok: false, url: asked, reason: req };
      res = req.res;
      if (res.status === 429 || res.status === 503) {
        await discard(req);
        return { ok: false, url: asked, status: res.status, reason: `${statusLine(res.status)} again after waiting the Retry-After` };
      }
    }
    return this.outcome(req, u, asked);
  }

  private async outcome(req: Pending, u: URL, asked: string): Promise<Fetched | { redirect: string }> {
    const res = req.res;
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await discard(req);
      const location = res.headers.get('location');
      if (!location) return { ok: false, url: asked, status: res.status, reason: `${statusLine(res.status)} redirect without a Location` };
      return { redirect: new URL(location, u).href };
    }
    if (res.status === 304) {
      await discard(req);
      return { ok: false, url: asked, status: 304, notModified: true, headers: res.headers, reason: 'not modified since the last fetch (HTTP 304)' };
    }
    const body = await this.readBody(req);
    if (typeof body === 'string') return { ok: false, url: asked, status: res.status, reason: body };
    this.remember(u.href, res);
    const contentType = res.headers.get('content-type');
    const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;
    return { ok: true, url: u.href, status: res.status, contentType, charset, body, headers: res.headers };
  }

  /** The request itself: the host's turn, the User-Agent, a conditional GET when we have validators. */
  private async request(u: URL, conditional?: Validators): Promise<Pending | string> {
    await this.gate.wait(u.host);
    const headers: Record<string, string> = { 'user-agent': this.opts.userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br' };
    const known = conditional ?? this.opts.validators?.get(u.href);
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    const controller = new AbortController();
    let timedOut = false;
    const stopTimer = requestTimer(this.opts.timeoutMs, () => ((timedOut = true), controller.abort()));
    try {
      const res = await fetch(u, { headers, redirect: 'manual', signal: controller.signal });
      // The timer keeps running through the body read: a server that trickles bytes times out too.
      return { res, clear: stopTimer, timedOut: () => timedOut };
    } catch (err) {
      stopTimer();
      return networkReason(err, this.opts.timeoutMs, timedOut);
    }
  }

  /** The body, at most maxBytes of it once decoded; a string reason when refused or cut off. */
  private async readBody({ res, clear, timedOut }: Pending): Promise<Buffer | string> {
    const max = this.opts.maxBytes;
    const encoded = !!res.headers.get('content-encoding') && res.headers.get('content-encoding') !== 'identity';
    try {
      const declared = Number(res.headers.get('content-length'));
      if (!encoded && declared > max) {
        await res.body?.cancel();
        return `body too large (${sizeText(declared)} declared; the limit is ${sizeText(max)})`;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      const reader = res.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > max) {
          await reader.cancel();
          return encoded ? `body too large once decompressed (over ${sizeText(max)}; a compression bomb?)` : `body too large (over ${sizeText(max)})`;
        }
        chunks.push(Buffer.from(value));
      }
      return Buffer.concat(chunks);
    } catch (err) {
      if (timedOut()) return `timed out after ${this.opts.timeoutMs / 1000} s while reading the body`;
      return `body could not be read (${networkReason(err, this.opts.timeoutMs, false)})`;
    } finally {
      clear();
    }
  }

  private remember(url: string, res: Response): void {
    if (!this.opts.validators) return;
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    if (etag || lastModified) this.opts.validators.set(url, { etag, lastModified });
  }

  /** Null when robots.txt lets us fetch this URL, else the reason it does not. Read once per origin. */
  private async robotsVerdict(u: URL): Promise<string | null> {
    let rules = this.robotsCache.get(u.origin);
    if (!rules) this.robotsCache.set(u.origin, (rules = this.readRobots(u.origin)));
    const got = await rules;
    if (typeof got === 'string') return got;
    return robotsAllows(got, u.pathname + u.search) ? null : `disallowed by ${u.origin}/robots.txt`;
  }

  /** RFC 9309 §2.3.1: a 4xx robots.txt means no rules; a 5xx or an unreachable one means stay away. */
  private async readRobots(origin: string): Promise<RobotsRules | string> {
    const sub = new Fetcher({ ...this.opts, robots: false, maxBytes: P.ROBOTS_MAX_BYTES, maxRetryAfterMs: 0, validators: undefined }, this.gate);
    const got = await sub.get(`${origin}/robots.txt`, { page: false });
    const why = got.ok ? statusLine(got.status) : got.reason;
    if (got.ok && got.status < 300) return parseRobots(got.body.toString('utf8'), P.ROBOTS_TOKEN);
    if (got.ok && got.status < 500 && got.status !== 429) return { allow: [], disallow: [] };
    return `robots.txt could not be read (${why}); RFC 9309 says not to fetch then`;
  }
}

/** Longest stretch one tick of the request timer counts: a tick that comes later than this found the event loop
 *  busy with our own work (the watcher analysing a feed's items on this thread), not the server slow. */
const TIMER_TICK_MS = 250;

/**
 * Calls `expire` once `ms` of the request's time has passed, counted in ticks of at most TIMER_TICK_MS: time the
 * event loop spent blocked counts as one tick, so a request in flight while the corpus analyses a chunk is not
 * failed for our own delay. A server that trickles or stalls is still cut off after `ms`.
 */
function requestTimer(ms: number, expire: () => void): () => void {
  const tick = Math.max(1, Math.min(TIMER_TICK_MS, ms / 4));
  let left = ms;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    left -= Math.min(now - last, 2 * tick);
    last = now;
    if (left <= 0) {
      clearInterval(timer);
      expire();
    }
  }, tick);
  return () => clearInterval(timer);
}

/** A response whose body is still to be read, with its (still running) timeout. */
interface Pending {
  res: Response;
  clear: () => void;
  timedOut: () => boolean;
}

async function discard(req: Pending): Promise<void> {
  req.clear();
  await req.res.body?.cancel().catch(() => undefined);
}

function safeUrl(s: string): URL | null {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}
