// When a feed is polled next, from what its last poll came to: its interval, held longer when the server says
// its copy stays fresh (Cache-Control max-age less Age, else Expires; an RSS <ttl>), when it asks us to come back
// later (Retry-After on 429/503), and doubled with each failure in a row (exponential backoff). Pure: the
// poller passes its clock in, so tests need not wait.

import { retryAfterMs } from './http.js';
import { MAX_FEED_HOLD_MS } from './params.js';

export interface PollTiming {
  /** 'ok' and 'not-modified' are good polls; 'error' counts towards the backoff. */
  kind: 'ok' | 'not-modified' | 'error';
  /** Failures in a row, this one included (0 for a good poll). */
  errors: number;
  headers?: Headers;
  /** The feed document's first bytes, for an RSS <ttl>. */
  head?: string;
  retryAfterMs?: number | null;
}

export interface NextPoll {
  at: number;
  /** Why then, for the log and `feeds`: `interval`, `Cache-Control max-age`, `Retry-After`, `backoff (3 errors)`. */
  why: string;
}

/** How long the server says its response stays fresh (ms), or null. no-cache / no-store say nothing. */
export function freshFor(headers: Headers | undefined, now: number): number | null {
  if (!headers) return null;
  const cc = (headers.get('cache-control') ?? '').toLowerCase();
  if (/\b(?:no-cache|no-store)\b/.test(cc)) return null;
  const maxAge = /\bmax-age\s*=\s*"?(\d+)/.exec(cc);
  if (maxAge) return Math.max(0, Number(maxAge[1]) - Number(headers.get('age') ?? 0)) * 1000;
  const expires = headers.get('expires');
  if (!expires) return null;
  const t = Date.parse(expires);
  if (Number.isNaN(t)) return null;
  // Expires is relative to the server's Date when it sends one (its clock may not be ours).
  const date = Date.parse(headers.get('date') ?? '');
  return Math.max(0, t - (Number.isNaN(date) ? now : date));
}

/** An RSS channel's <ttl> (minutes a reader may cache it), in ms, or null. */
export function ttlOf(head: string | undefined): number | null {
  const m = head ? /<ttl>\s*(\d{1,6})\s*<\/ttl>/i.exec(head) : null;
  return m ? Number(m[1]) * 60_000 : null;
}

export function nextPoll(now: number, intervalMs: number, t: PollTiming): NextPoll {
  const hold = (ms: number | null | undefined) => Math.min(MAX_FEED_HOLD_MS, Math.max(0, ms ?? 0));
  if (t.kind === 'error') {
    const backoff = hold(intervalMs * 2 ** Math.min(t.errors, 30));
    const asked = hold(t.retryAfterMs ?? (t.headers ? retryAfterMs(t.headers.get('retry-after'), now) : null));
    return asked > backoff ? { at: now + asked, why: 'Retry-After' } : { at: now + backoff, why: `backoff (${t.errors} error${t.errors === 1 ? '' : 's'} in a row)` };
  }
  const fresh = hold(freshFor(t.headers, now));
  const ttl = hold(ttlOf(t.head));
  if (fresh > intervalMs && fresh >= ttl) return { at: now + fresh, why: 'Cache-Control' };
  if (ttl > intervalMs) return { at: now + ttl, why: 'RSS <ttl>' };
  return { at: now + intervalMs, why: 'interval' };
}
