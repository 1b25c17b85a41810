// A feed item whose page was fetched has two sets of dates: the page's and the feed's. The page's
// declared metadata (meta tags, JSON-LD) outranks the feed, and the feed outranks what the page only
// implies (its URL, a dateline); first-seen is the feed's, since the item was seen there first.

import type { ArticleMeta } from '../../model/article.js';
import { SOURCE_RANK } from './choose.js';

const rank = (from: ArticleMeta['publishedFrom']): number =>
  from && from !== 'copy' && from !== 'html' ? SOURCE_RANK[from] : Number.POSITIVE_INFINITY;

/** The page's meta with the feed item's dates where they are more reliable than the page's own. */
export function withFeedDates(page: ArticleMeta, feed: ArticleMeta): ArticleMeta {
  const feedWins = feed.published !== null && (page.published === null || rank(feed.publishedFrom) < rank(page.publishedFrom));
  const published = feedWins ? feed.published : page.published;
  const publishedFrom = feedWins ? feed.publishedFrom : page.publishedFrom;
  let modified = page.modified ?? null;
  let modifiedFrom = page.modifiedFrom ?? null;
  if (modified === null && feed.modified) [modified, modifiedFrom] = [feed.modified, feed.modifiedFrom ?? null];
  // Each side was guarded alone; mixed, a modification must still not precede the publication.
  if (modified !== null && published !== null && modified < published) [modified, modifiedFrom] = [null, null];
  const firstSeen = feed.firstSeen ?? page.firstSeen ?? null;
  const firstSeenFrom = feed.firstSeen ? feed.firstSeenFrom ?? null : page.firstSeenFrom ?? null;
  return { ...page, published, publishedFrom, modified, modifiedFrom, firstSeen, firstSeenFrom };
}
