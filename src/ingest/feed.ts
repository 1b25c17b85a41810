// Syndication feeds: RSS 2.0 / RSS 1.0 / Atom through rss-parser (`content:encoded`, link, date, author),
// and JSON Feed 1.x. One article per item. A feed whose XML is broken is salvaged item by item: the
// complete <item>/<entry> blocks before the damage still parse, and the user is told what was lost.

import { createRequire } from 'node:module';
import type ParserClass from 'rss-parser';
import type { ArticleDraft } from './draft.js';
import { languageFromTag, outletFromUrl } from './draft.js';
import { candidate, urlCandidate, type DateCandidate } from './dates/candidate.js';
import { htmlToText } from './html-text.js';

/** A feed item found, or why one was skipped. */
export interface FeedResult {
  items: Array<{ n: number; draft: ArticleDraft | null; problem: string | null }>;
  /** Set when the XML as a whole did not parse (items may still have been salvaged). */
  error: string | null;
}

type Rec = Record<string, unknown>;

/** rss-parser's public API is promise-based, but its XML step (xml2js, async:false) runs synchronously;
 *  we call that step and rss-parser's own field mapping directly so ingestBuffer can stay synchronous. */
interface SyncParser {
  xmlParser: { parseString(xml: string, cb: (err: Error | null, result: Rec | null) => void): void };
  buildAtomFeed(result: Rec): Rec;
  buildRSS2(result: Rec): Rec;
  buildRSS1(result: Rec): Rec;
  buildRSS0_9(result: Rec): Rec;
}

/** rss-parser (and xml2js under it) is loaded by the first XML feed, not at start-up: a run without feeds
 *  never uses it. Synchronous (require), since parseXmlFeed is. */
let Parser: typeof ParserClass | null = null;

function parseFeedSync(xml: string): Rec {
  Parser ??= createRequire(import.meta.url)('rss-parser') as typeof ParserClass;
  // A fresh parser per document: xml2js keeps state after an error.
  // Atom's <published> and <updated> as written: rss-parser turns them into one UTC pubDate, which loses
  // both the outlet's calendar day and the modification date.
  const parser = new Parser({ customFields: { item: [['published', 'atomPublished'], ['updated', 'atomUpdated']] } }) as unknown as SyncParser;
  let outcome: { feed: Rec } | { error: Error } | null = null;
  parser.xmlParser.parseString(xml, (err, result) => {
    if (outcome) return; // xml2js may report twice after an error
    if (err || !result) return void (outcome = { error: err ?? new Error('no XML document') });
    try {
      const rss = result.rss as Rec | undefined;
      const version = String((rss?.$ as Rec | undefined)?.version ?? '');
      if (result.feed) outcome = { feed: parser.buildAtomFeed(result) };
      else if (rss && version.startsWith('0.9')) outcome = { feed: parser.buildRSS0_9(result) };
      else if (rss) outcome = { feed: parser.buildRSS2(result) };
      else if (result['rdf:RDF']) outcome = { feed: parser.buildRSS1(result) };
      else outcome = { error: new Error('not an RSS or Atom document') };
    } catch (e) {
      outcome = { error: e as Error };
    }
  });
  const done = outcome as { feed: Rec } | { error: Error } | null;
  if (!done) throw new Error('XML parser did not finish');
  if ('error' in done) throw done.error;
  return done.feed;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Item content to text: HTML through the shared converter; plain text kept with its line breaks. */
function contentText(content: string): string {
  return /<[a-z!/][^>]*>/i.test(content) ? htmlToText(content) : content;
}

/** An RSS or Atom item's dates: the date as the feed wrote it (its own calendar day, before rss-parser's
 *  UTC isoDate); Atom's <updated> is the modification when <published> is there too, else the only date
 *  the entry has (RFC 4287 requires <updated>, not <published>). The item's link may date it too. */
function feedItemDates(item: Rec, link: string | null): DateCandidate[] {
  const atomPublished = str(item.atomPublished);
  const atomUpdated = str(item.atomUpdated);
  const published = atomPublished
    ? candidate('published', atomPublished, 'feed', 'Atom published')
    : atomUpdated
      ? candidate('published', atomUpdated, 'feed', 'Atom updated')
      : candidate('published', str(item.pubDate) ?? str(item['dc:date']) ?? str(item.isoDate), 'feed', str(item.pubDate) ? 'pubDate' : 'dc:date');
  const modified = atomPublished && atomUpdated ? candidate('modified', atomUpdated, 'feed', 'Atom updated') : null;
  return [published, modified, urlCandidate(link)].filter((c): c is DateCandidate => c !== null);
}

function itemDraft(item: Rec, feed: Rec): ArticleDraft | null {
  const content = str(item['content:encoded']) ?? str(item.content) ?? str(item.summary) ?? str(item.contentSnippet);
  if (!content) return null;
  const raw = contentText(content);
  if (raw.trim() === '') return null;
  const link = str(item.link);
  return {
    raw,
    title: str(item.title),
    url: link,
    outlet: outletFromUrl(link) ?? outletFromUrl(str(feed.link)) ?? str(feed.title),
    publishedFrom: 'feed',
    dates: feedItemDates(item, link),
    author: str(item.creator) ?? str(item.author) ?? str(item['dc:creator']),
    declaredLanguage: languageFromTag(str(item.language) ?? str(feed.language)),
  };
}

function feedItems(feed: Rec): FeedResult['items'] {
  const items = Array.isArray(feed.items) ? (feed.items as Rec[]) : [];
  return items.map((item, i) => {
    const draft = itemDraft(item, feed);
    return { n: i + 1, draft, problem: draft ? null : `item ${i + 1} has no content` };
  });
}

/** Recovers the complete items of a feed whose XML breaks somewhere (truncated download, bad entity). */
function salvage(xml: string): FeedResult['items'] {
  const root = /<(rss|feed|rdf:RDF)\b[^>]*>/i.exec(xml);
  if (!root) return [];
  const isAtom = root[1].toLowerCase() === 'feed';
  const tag = isAtom ? 'entry' : 'item';
  const channelHead = isAtom ? '' : (/<channel\b[^>]*>([\s\S]*?)(?=<item\b)/i.exec(xml)?.[1] ?? '').replace(/<image\b[\s\S]*?<\/image>/i, '');
  const blocks = xml.match(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'gi')) ?? [];
  const out: FeedResult['items'] = [];
  blocks.forEach((block, i) => {
    const doc = isAtom
      ? `${root[0]}${block}</feed>`
      : `${root[0].replace(/^<rdf:RDF/i, '<rss version="2.0"')}<channel>${safeHead(channelHead)}${block}</channel></rss>`;
    try {
      const items = feedItems(parseFeedSync(doc));
      out.push(...items.map((it) => ({ ...it, n: i + 1, problem: it.problem?.replace(/item \d+/, `item ${i + 1}`) ?? null })));
    } catch (err) {
      out.push({ n: i + 1, draft: null, problem: `item ${i + 1} does not parse: ${firstLine((err as Error).message)}` });
    }
  });
  return out;
}

/** The channel's own title/link/language, only if that part parses on its own. */
function safeHead(head: string): string {
  try {
    parseFeedSync(`<rss version="2.0"><channel>${head}</channel></rss>`);
    return head;
  } catch {
    return '';
  }
}

const firstLine = (s: string): string => s.split('\n', 1)[0];

export function parseXmlFeed(xml: string): FeedResult {
  try {
    const feed = parseFeedSync(xml);
    // rss-parser drops root attributes; Atom declares its language as xml:lang on <feed>.
    if (!str(feed.language)) feed.language = /<feed\b[^>]*\bxml:lang\s*=\s*["']([^"']+)["']/i.exec(xml.slice(0, 4096))?.[1];
    return { items: feedItems(feed), error: null };
  } catch (err) {
    const message = (err as Error).message.replace(/\s*\n\s*/g, ', ');
    return { items: salvage(xml), error: `broken feed XML (${message})` };
  }
}

/** JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1). */
export function isJsonFeed(value: unknown): value is Rec {
  return !!value && typeof value === 'object' && typeof (value as Rec).version === 'string' && /jsonfeed\.org\/version\//.test((value as Rec).version as string);
}

export function parseJsonFeed(feed: Rec): FeedResult {
  const items = Array.isArray(feed.items) ? (feed.items as unknown[]) : [];
  return {
    error: null,
    items: items.map((value, i) => {
      const item = (value && typeof value === 'object' ? value : {}) as Rec;
      const html = str(item.content_html);
      const raw = html ? htmlToText(html) : str(item.content_text) ?? str(item.summary);
      if (!raw || raw.trim() === '') return { n: i + 1, draft: null, problem: `item ${i + 1} has no content` };
      const authors = Array.isArray(item.authors) ? (item.authors as Rec[]) : item.author ? [item.author as Rec] : [];
      const link = str(item.url) ?? str(item.external_url);
      return {
        n: i + 1,
        problem: null,
        draft: {
          raw,
          title: str(item.title),
          url: link,
          outlet: outletFromUrl(link) ?? outletFromUrl(str(feed.home_page_url)) ?? str(feed.title),
          publishedFrom: 'feed',
          dates: [
            candidate('published', str(item.date_published), 'feed', 'date_published'),
            candidate('modified', str(item.date_modified), 'feed', 'date_modified'),
            urlCandidate(link),
          ].filter((c): c is DateCandidate => c !== null),
          author: authors.map((a) => str(a?.name)).filter(Boolean).join(', ') || null,
          declaredLanguage: languageFromTag(str(item.language) ?? str(feed.language)),
        },
      };
    }),
  };
}
