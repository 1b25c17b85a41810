// The page shell and the small pages (Stories, Add, errors): server-rendered HTML where every piece of
// stored text goes through escapeHtml, links only through htmlLink (http/https only), no inline script or
// style (the CSP forbids both); /static/app.css and /static/app.js are the only assets.

import { escapeHtml } from '../brief/html.js';
import type { StorySummary } from '../corpus/index.js';
import type { StoryFilters, StoryPage } from './listing.js';

export const esc = (s: string | number | null | undefined): string => escapeHtml(String(s ?? ''));
export const storyHref = (id: string) => `/stories/${encodeURIComponent(id)}`;
export const articleHref = (id: string, hl?: { start: number; end: number }) =>
  `/articles/${encodeURIComponent(id)}${hl ? `?start=${hl.start}&end=${hl.end}#hl` : ''}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function shell(title: string, body: string, opts: { current?: 'stories' | 'add' } = {}): string {
  const nav = (href: string, label: string, key: 'stories' | 'add') =>
    `<a href="${href}"${opts.current === key ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · crosscheck</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><a class="brand" href="/">crosscheck</a><nav aria-label="Main">${nav('/', 'Stories', 'stories')}${nav('/add', 'Add articles', 'add')}</nav></header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`;
}

export function errorPage(status: number, message: string): string {
  return shell(`${status}`, `<h1>${status === 404 ? 'Not found' : 'Something went wrong'}</h1><p>${esc(message)}</p><p><a href="/">Back to the stories</a></p>`);
}

export function storyRow(s: StorySummary): string {
  const badge = s.contradictions
    ? `<span class="badge disagree" title="sources disagree">${plural(s.contradictions, 'disagreement')}</span>`
    : '<span class="badge agree">no disagreement</span>';
  const seen = s.lastSeen ? ` · last seen ${esc(s.lastSeen)}` : '';
  return `<li class="story-row" data-id="${esc(s.id)}"><a class="headline" href="${storyHref(s.id)}">${esc(s.headline || 'Untitled story')}</a> ${badge}
<span class="meta">${plural(s.articles, 'article')} · <strong>${plural(s.independentSources, 'independent source')}</strong>${seen}</span></li>`;
}

export function storiesPage(page: StoryPage, filters: StoryFilters, total: number | null): string {
  const field = (name: keyof StoryFilters, label: string, type = 'search') =>
    `<label>${label}<input type="${type}" name="${name}" value="${esc(filters[name] ?? '')}"></label>`;
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const next = page.nextCursor ? (query.set('cursor', page.nextCursor), `<p><a class="more" href="/?${esc(query.toString())}">Older stories →</a></p>`) : '';
  const body = `<h1>Stories</h1>
<form class="filters" method="get" action="/" role="search">
${field('q', 'Search headlines')}${field('since', 'Since', 'date')}${field('until', 'Until', 'date')}${field('outlet', 'Outlet')}
<button type="submit">Filter</button>
</form>
<p id="live" class="meta" aria-live="polite">${total === null ? '' : `${plural(total, 'story', 'stories')} in the corpus · `}updates appear here as articles arrive</p>
${page.items.length ? `<ol id="stories" class="stories" data-live="1">\n${page.items.map(storyRow).join('\n')}\n</ol>` : '<p class="empty" id="stories-empty">No story matches.</p><ol id="stories" class="stories" data-live="1"></ol>'}
${next}`;
  return shell('Stories', body, { current: 'stories' });
}

export function addPage(message: string | null = null, problems: { item: string; reason: string }[] = []): string {
  const notes = problems.length ? `<ul class="problems">${problems.map((p) => `<li><strong>${esc(p.item)}</strong>: ${esc(p.reason)}</li>`).join('')}</ul>` : '';
  const body = `<h1>Add articles</h1>
${message ? `<p class="notice" role="alert">${esc(message)}</p>${notes}` : ''}
<form class="add" method="post" action="/add" enctype="multipart/form-data">
<label for="text">Paste an article (plain text, HTML, a feed) or JSON (one object or an array: <code>text</code>, <code>title</code>, <code>url</code>, <code>outlet</code>, <code>published</code>)</label>
<textarea id="text" name="text" rows="12"></textarea>
<label for="file">…or choose files</label>
<input id="file" name="file" type="file" multiple>
<button type="submit">Add</button>
</form>
<p class="meta">The new article's story opens once it is analysed.</p>`;
  return shell('Add articles', body, { current: 'add' });
}
