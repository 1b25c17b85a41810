// The feeds a person hands `watch`: an OPML subscription list, or a plain file of one URL a line (blank lines
// and `#` comments skipped). Whatever is wrong with the file is one reason; a line that is not an http(s) URL
// is named with its line number rather than silently dropped.

import { readFile, stat } from 'node:fs/promises';
import { isOpml, opmlOutlines } from './lists.js';
import { MAX_BYTES } from './params.js';
import { sizeText } from './http.js';

export interface FeedEntry {
  url: string;
  title: string | null;
}

export type FeedList = { feeds: FeedEntry[]; problems: string[] } | { error: string };

export function parseFeedList(text: string): { feeds: FeedEntry[]; problems: string[] } {
  const clean = text.replace(/^\uFEFF/, '');
  if (isOpml(clean)) return { feeds: opmlOutlines(clean), problems: [] };
  const feeds = new Map<string, FeedEntry>();
  const problems: string[] = [];
  clean.split(/\r?\n/).forEach((line, i) => {
    const url = line.trim();
    if (url === '' || url.startsWith('#')) return;
    if (!/^https?:\/\/\S+$/i.test(url)) problems.push(`line ${i + 1} is not an http(s) URL: ${JSON.stringify(url.slice(0, 80))}`);
    else if (!feeds.has(url)) feeds.set(url, { url, title: null });
  });
  return { feeds: [...feeds.values()], problems };
}

export async function readFeedList(path: string): Promise<FeedList> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { error: `${path} is not a file` };
    if (info.size > MAX_BYTES) return { error: `${path} is too large (${sizeText(info.size)}; the limit is ${sizeText(MAX_BYTES)})` };
    const got = parseFeedList(await readFile(path, 'utf8'));
    if (got.feeds.length === 0) return { error: `${path} lists no feed URLs (an OPML file with xmlUrl outlines, or one http(s) URL a line)` };
    return got;
  } catch (err) {
    return { error: `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
}
