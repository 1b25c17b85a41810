// Lists of URLs people hand over: OPML subscription lists (feed URLs), sitemaps (news or plain; a
// sitemap index lists further sitemaps) and CSV files with a `url` (or `link`) column.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with the five predefined entities and numeric references decoded. */
export function xmlText(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (m, hex, dec, name) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITIES[name.toLowerCase()] ?? m)
    .trim();
}

const isHttp = (s: string): boolean => /^https?:\/\//i.test(s);
const unique = (urls: string[]): string[] => [...new Set(urls)];

export const isOpml = (text: string): boolean => /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml\b/i.test(text);

/** An attribute of one XML start tag, entities decoded; '' when absent. */
function attribute(tag: string, name: string): string {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? xmlText(m[1] ?? m[2]) : '';
}

/** Feeds of an OPML file with their titles: every `<outline xmlUrl=…>`, at any depth (folders nest
 *  outlines); the title is `title`, else `text`, else null. Each URL once. */
export function opmlOutlines(text: string): { url: string; title: string | null }[] {
  const out = new Map<string, string | null>();
  for (const tag of text.matchAll(/<outline\b[^>]*>/gi)) {
    const url = attribute(tag[0], 'xmlUrl');
    if (isHttp(url) && !out.has(url)) out.set(url, attribute(tag[0], 'title') || attribute(tag[0], 'text') || null);
  }
  return [...out].map(([url, title]) => ({ url, title }));
}

/** Feed URLs of an OPML file. */
export function opmlFeeds(text: string): string[] {
  return opmlOutlines(text).map((o) => o.url);
}

export type Sitemap = { kind: 'urls' | 'index'; urls: string[] };

/** `<urlset>` (plain or with `<news:news>`) → page URLs; `<sitemapindex>` → sitemap URLs; else null. */
export function sitemapUrls(text: string): Sitemap | null {
  const root = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(urlset|sitemapindex)\b/i.exec(text)?.[1]?.toLowerCase();
  if (!root) return null;
  const urls = [...text.matchAll(/<loc>([\s\S]*?)<\/loc>/gi)].map((m) => xmlText(m[1])).filter(isHttp);
  return { kind: root === 'urlset' ? 'urls' : 'index', urls: unique(urls) };
}

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** The URLs of a CSV's `url` column (else `link`), or a reason when it has none. */
export function csvUrls(text: string): string[] | string {
  const rows = csvRows(text.replace(/^\uFEFF/, ''));
  if (rows.length === 0) return 'empty CSV file';
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = header.indexOf('url') >= 0 ? header.indexOf('url') : header.indexOf('link');
  if (col < 0) return `CSV has no url column (columns: ${header.slice(0, 8).join(', ')})`;
  return unique(rows.slice(1).map((r) => (r[col] ?? '').trim()).filter(isHttp));
}
