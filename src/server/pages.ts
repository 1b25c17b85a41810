// The page routes: Stories (filters, live list), Story, Article (evidence highlight), Add (a plain form
// post, so it works without script; the new article's story opens after).

import type { Hono } from 'hono';
import type { ServerContext } from './app.js';
import { BadRequest, listQuery, rateLimited, tooMany } from './api.js';
import { CursorError } from './listing.js';
import { loadArticle } from './data.js';
import { addPage, errorPage, storiesPage, storyHref } from './html.js';
import { articlePage } from './article-page.js';
import { fileItems, jsonItems, type Upload } from './upload.js';

export function pageRoutes(app: Hono, ctx: ServerContext): void {
  const { corpus, listing } = ctx;

  app.get('/', async (c) => {
    try {
      const { filters, limit, cursor } = listQuery(c, 30);
      const page = await listing.page(filters, limit, cursor);
      return c.html(storiesPage(page, filters, await listing.count()));
    } catch (err) {
      if (err instanceof BadRequest || err instanceof CursorError) return c.html(errorPage(400, err.message), 400);
      throw err;
    }
  });

  app.get('/stories/:id', async (c) => {
    const id = c.req.param('id');
    // Rendered once per listed version of the story (story-cache.ts), off this thread for a database.
    const page = await ctx.stories.get(id, 'page');
    if (!page) return c.html(errorPage(404, `There is no story ${id}; it may have been merged into another.`), 404);
    return c.body(page, 200, { 'content-type': 'text/html; charset=UTF-8' });
  });

  app.get('/articles/:id', async (c) => {
    const data = await loadArticle(corpus, c.req.param('id'));
    if (!data) return c.html(errorPage(404, `There is no article ${c.req.param('id')}.`), 404);
    const start = Number(c.req.query('start'));
    const end = Number(c.req.query('end'));
    const hl = Number.isInteger(start) && Number.isInteger(end) && c.req.query('start') !== undefined ? { start, end } : null;
    return c.html(articlePage(data, hl));
  });

  app.get('/add', (c) => c.html(addPage()));

  app.post('/add', async (c) => {
    const limited = rateLimited(c, ctx);
    if (limited) return limited;
    const form = await c.req.parseBody({ all: true });
    const u = await formUpload(form, ctx.limits.maxBodyBytes);
    const over = tooMany(u, ctx);
    if (over) return c.html(addPage(over), 400);
    if (u.articles === 0) return c.html(addPage('Nothing could be added.', u.problems.length ? u.problems : [{ item: 'form', reason: 'no text and no file' }]), 400);
    const answer = await ctx.writer.add(u);
    const story = answer.articles.find((a) => a.story)?.story;
    if (!story) return c.html(addPage('The articles were read but no story holds them.', answer.rejected), 400);
    return c.redirect(storyHref(story), 303);
  });
}

/** The Add form: pasted text (JSON when it parses as an object or array) and any chosen files. */
async function formUpload(form: Record<string, unknown>, maxBytes: number): Promise<Upload> {
  const parts: Upload[] = [];
  const text = typeof form.text === 'string' ? form.text : '';
  if (text.trim()) {
    let json: unknown;
    try {
      json = /^\s*[[{]/.test(text) ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (json !== undefined && typeof json === 'object' && json !== null) parts.push(Array.isArray(json) ? jsonItems(json, false) : jsonItems([json], true));
    else parts.push(fileItems('pasted.txt', Buffer.from(text, 'utf8'), maxBytes));
  }
  const files = ([] as unknown[]).concat(form.file ?? []).filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f);
  for (const f of files) if (f.size > 0) parts.push(fileItems(f.name, Buffer.from(await f.arrayBuffer()), maxBytes));
  return { items: parts.flatMap((p) => p.items), problems: parts.flatMap((p) => p.problems), articles: parts.reduce((n, p) => n + p.articles, 0) };
}
