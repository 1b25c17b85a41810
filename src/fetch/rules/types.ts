// What a not-an-article rule sees of a fetched page, and what it says.

export interface PageView {
  /** Final HTTP status (200 for a WARC record's stored 200). */
  status: number;
  url: string;
  /** The page's markup as decoded text (only the first MARKUP_CHARS of it). */
  html: string;
  /** `<title>` text, lower-cased. */
  title: string;
  /** The text ingest extracted (empty when it found none), lower-cased. */
  text: string;
  /** Words in `text`: every rule but the status one needs the page to be short to fire. */
  words: number;
}

/** One kind of non-article page. `test` returns the reason (after `blocked: `) or null. */
export interface BlockRule {
  name: string;
  test(page: PageView): string | null;
}

/** Markup looked at by the rules: interstitials put their tell-tales near the top, and a regex over a
 *  whole 5 MB page per rule would cost more than the fetch. */
export const MARKUP_CHARS = 200_000;
