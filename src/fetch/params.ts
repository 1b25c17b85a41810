// Defaults of the fetcher, each with why it is what it is. Every one can be overridden in FetchOptions.

/** Names the tool and where to read about it, so a site owner can find out who is calling and block it
 *  by name in robots.txt (`User-agent: crosscheck`). */
export const USER_AGENT = 'crosscheck/0.1 (+https://github.com/crosscheck/crosscheck; news verification; honours robots.txt)';

/** The product token robots.txt groups are matched against. */
export const ROBOTS_TOKEN = 'crosscheck';

/** 30 s covers slow news sites (p99 page time in the wild is a few seconds) without hanging a run. */
export const TIMEOUT_MS = 30_000;

/** The same limit as files (ingest DEFAULT_MAX_BYTES): a 50 MB "page" is a dump or an attack. Applied to
 *  the decoded bytes, so a gzip bomb stops at the same size. */
export const MAX_BYTES = 50 * 1024 * 1024;

/** RFC 9110 puts no number on it; browsers stop at 20, the issue at 5: real article links need 1–3. */
export const MAX_REDIRECTS = 5;

/** At most one request a second to one host: the common crawler courtesy (and what most sites' crawl-delay
 *  asks for), while different hosts go in parallel. */
export const HOST_GAP_MS = 1000;

/** A Retry-After up to this long is waited out once; a longer one is reported, not slept through. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Requests in flight at once (to different hosts; one host is serialised by its gap). */
export const CONCURRENCY = 4;

/** A feed item's text at most this long is taken for a summary, and its page is fetched for the article:
 *  feeds that carry whole articles (content:encoded) run to thousands of characters, summaries to a few
 *  hundred. */
export const SUMMARY_MAX_CHARS = 600;

/** robots.txt is read up to 500 KiB, the minimum RFC 9309 §2.5 asks parsers to handle. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

// ---- watching feeds (src/fetch/poller.ts, schedule.ts) -----------------------------------------------------

/** A feed polled every 15 minutes sees a news item within a quarter hour, and 1,000 feeds cost ~1 request a
 *  second; most publishers' Cache-Control asks for 5–30 minutes. */
export const FEED_INTERVAL_MS = 15 * 60_000;

/** Below a minute, polling is hammering: no news feed changes that often, and a server would soon block us. */
export const MIN_FEED_INTERVAL_MS = 60_000;

/** The longest any server header (Cache-Control, Expires, <ttl>, Retry-After) or the error backoff can push a
 *  feed's next poll: a day, so a typo'd max-age of a year or a feed that was down for a week is tried again. */
export const MAX_FEED_HOLD_MS = 24 * 60 * 60_000;

/** Feeds polled at once. Different hosts go in parallel; one host is still serialised by its gap. Eight keeps
 *  a 1,000-feed first poll under a minute on localhost while a slow feed holds only one of them. */
export const POLL_CONCURRENCY = 8;

/** Fingerprints kept per feed (its current items): feeds list 10–100 items; a runaway feed of thousands is
 *  still remembered well enough that its items are not taken again, without an unbounded row. */
export const FEED_SEEN_MAX = 2000;

/** A feed state's message (the last error or warnings) is cut here: it is for a table cell and a person. */
export const FEED_MESSAGE_MAX = 500;
