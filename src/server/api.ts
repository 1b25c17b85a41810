// The JSON API under /api: the stories list (keyset-cursor pages), one story, one article, the upload
// endpoint with its limits, the live feed (SSE), the exports and the OpenAPI document.

import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ServerContext } from './app.js';
import { CursorError, type StoryFilters } from './listing.js';
import { loadArticle } from './data.js';
import { readUpload, type Upload } from './upload.js';
import { OPENAPI } from './openapi.js';

export class BadRequest extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The list's query parameters, checked: a bad one is a 400 saying which and why. */
export function listQuery(c: Context, defaultLimit = 50): { filters: StoryFilters; limit: number; cursor?: string } {
  const q = (k: string) => c.req.query(k)?.trim() || undefined;
  const filters: StoryFilters = { q: q('q'), since: q('since'), until: q('until'), outlet: q('outlet') };
  for (const k of ['since', 'until'] as const) {
    const v = filters[k];
    if (v && (!DATE.test(v) || Number.isNaN(Date.parse(v)))) throw new BadRequest(`${k} expects YYYY-MM-DD, got "${v}"`);
  }
  const rawLimit = q('limit');
  const limit = rawLimit === undefined ? defaultLimit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new BadRequest(`limit expects a whole number from 1 to 500, got "${rawLimit}"`);
  return { filters, limit, cursor: q('cursor') };
}

/** Takes a write token for the client, or answers 429 with Retry-After. */
export function rateLimited(c: Context, ctx: ServerContext): Response | null {
  const wait = ctx.rate.take(ctx.clientOf(c));
  if (!wait) return null;
  c.header('retry-after', String(wait));
  return c.json({ error: `too many writes from this client; retry in ${wait} s` }, 429);
}

export function tooMany(upload: Upload, ctx: ServerContext): string | null {
  return upload.articles > ctx.limits.maxItems ? `too many articles in one request (${upload.articles}; the limit is ${ctx.limits.maxItems})` : null;
}

export function apiRoutes(app: Hono, ctx: ServerContext): void {
  const { corpus, listing } = ctx;
  app.get('/api/openapi.json', (c) => c.json(OPENAPI));

  app.get('/api/stories', async (c) => {
    try {
      const { filters, limit, cursor } = listQuery(c);
      return c.body(await listing.pageJson(filters, limit, cursor), 200, { 'content-type': 'application/json' });
    } catch (err) {
      if (err instanceof BadRequest || err instanceof CursorError) return c.json({ error: err.message }, 400);
      throw err;
    }
  });

  // Rendered once per listed version of the story (story-cache.ts), off this thread for a database.
  app.get('/api/stories/:id', async (c) => {
    const id = c.req.param('id');
    const json = await ctx.stories.get(id, 'json');
    if (!json) return c.json({ error: `no story ${id}` }, 404);
    return c.body(json, 200, { 'content-type': 'application/json' });
  });
  app.get('/api/stories/:id/claims.csv', async (c) => {
    const csv = await ctx.stories.get(c.req.param('id'), 'csv');
    if (!csv) return c.json({ error: 'no such story' }, 404);
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="claims.csv"` });
  });
  app.get('/api/stories/:id/claims.jsonld', async (c) => {
    const jsonld = await ctx.stories.get(c.req.param('id'), 'jsonld');
    if (!jsonld) return c.json({ error: 'no such story' }, 404);
    return c.body(jsonld, 200, { 'content-type': 'application/ld+json; charset=utf-8' });
  });

  app.get('/api/articles/:id', async (c) => {
    const id = c.req.param('id');
    const data = await loadArticle(corpus, id);
    return data ? c.json(data) : c.json({ error: `no article ${id}` }, 404);
  });

  app.post('/api/articles', async (c) => {
    const limited = rateLimited(c, ctx);
    if (limited) return limited;
    const body = Buffer.from(await c.req.arrayBuffer());
    const name = c.req.header('x-filename') ?? c.req.query('filename') ?? null;
    const upload = readUpload(body, c.req.header('content-type') ?? null, name, ctx.limits.maxBodyBytes);
    const over = tooMany(upload, ctx);
    if (over) return c.json({ error: over }, 400);
    if (upload.articles === 0) return c.json({ error: 'nothing to add', rejected: upload.problems }, 400);
    // Workers alive on a PostgreSQL corpus: they add the articles; the answer is what was queued.
    const handed = ctx.handoff ? await ctx.handoff.take(upload.items) : null;
    if (handed) {
      const rejected = [...upload.problems, ...handed.rejected.map((x) => ({ item: x.path, reason: x.reason }))];
      const warnings = handed.warnings.map((w) => ({ item: w.path, message: w.message }));
      return c.json({ queued: handed.queued, alreadyQueued: handed.alreadyQueued, rejected, warnings, follow: 'crosscheck status' }, rejected.length ? 400 : 202);
    }
    const answer = await ctx.writer.add(upload);
    // Some items refused: 400 names each with its reason; the good ones are in `added` all the same.
    const status = answer.rejected.length ? 400 : answer.added.length + answer.revised.length ? 201 : 200;
    return c.json(answer, status);
  });

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      ctx.metrics.sseClients.inc();
      // Only a reconnect (which sends Last-Event-ID) is caught up; a new client starts from now.
      const last = Number(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? NaN);
      const send = (e: { id: number; event: { type: string; data: unknown } }) =>
        stream.writeSSE({ id: String(e.id), event: e.event.type, data: JSON.stringify(e.event.data) }).catch(() => undefined);
      const unsubscribe = ctx.bus.subscribe((e) => void send(e));
      try {
        await stream.writeSSE({ event: 'hello', data: '{}', retry: 2000 });
        if (Number.isFinite(last)) for (const e of ctx.bus.since(last)) await send(e);
        // A comment every 15 s keeps proxies from closing an idle stream; the answer ends when the client goes.
        await new Promise<void>((resolve) => {
          const ping = setInterval(() => void stream.write(': ping\n\n').catch(() => undefined), 15_000);
          stream.onAbort(() => {
            clearInterval(ping);
            resolve();
          });
        });
      } finally {
        unsubscribe();
        ctx.metrics.sseClients.dec();
      }
    }),
  );
}
