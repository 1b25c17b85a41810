// An article's identity in the corpus: the appearance it came from (canonical URL, or real path + item) and
// a readable id derived from the outlet and URL slug or the file name. The store makes ids unique for good,
// so `a/x.txt` and `b/x.txt` are `x` and `x~2` in every later run too.

import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article } from '../model/article.js';
import { fileId } from '../ingest/index.js';

/** Query parameters that only say how a reader arrived, never which article it is. */
const TRACKING = /^(utm_|fbclid$|gclid$|mc_[ce]id$|ocid$|cmpid$|smid$|ref$|ref_src$|taid$|at_|__twitter)/i;

/** The canonical form of an article URL: lower-case host without `www.`/`m.`/`amp.`, no fragment, no tracking
 *  parameters, no trailing slash or `/amp` suffix. Null for something that is not an http(s) URL. */
export function canonicalUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^(www|m|amp|mobile)\./, '');
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k) && k !== 'amp');
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const path = u.pathname.replace(/\/amp\/?$/i, '/').replace(/\.amp(\.html?)?$/i, '$1').replace(/\/+$/, '') || '/';
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  return `https://${host}${path}${query}`;
}

/** Where an article appeared: its canonical URL when it has one (so a moved folder or a second feed carrying
 *  it is the same appearance), else the real path of its file and its item within the file. */
export function appearanceKey(article: Article): string {
  const url = article.meta.url ? canonicalUrl(article.meta.url) : null;
  if (url) return `url:${url}`;
  if (article.path === '-') return `stdin:${article.hash}`;
  let path = resolve(article.path);
  try {
    path = realpathSync(path);
  } catch {
    // Gone since ingest (a temporary file): its resolved path still names it.
  }
  // An item of a feed or JSON file is named by the id ingest gave it (`feed#3`, or the id the object
  // declares): a file's single article keeps the bare path.
  return `file:${path}${article.id !== fileId(article.path) ? `#${article.id}` : ''}`;
}

function slug(text: string, max: number): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, max).replace(/-$/, '');
}

/** A readable id: a file's name (as today), or for an item of a feed or JSON file with a URL, host and slug
 *  (`ostra-radio-example-bridge-reopens`): stable when the feed reorders its items, unlike `feed#3`. */
export function proposedId(article: Article): string {
  const item = article.id.lastIndexOf('#') > 0;
  const url = item && article.meta.url ? canonicalUrl(article.meta.url) : null;
  if (!url) return article.id;
  const u = new URL(url);
  const last = u.pathname.split('/').filter(Boolean).pop() ?? '';
  const name = slug(last.replace(/\.[a-z]{2,5}$/i, ''), 48) || slug(u.search, 24);
  return [slug(u.hostname, 32), name].filter(Boolean).join('-') || article.id;
}
