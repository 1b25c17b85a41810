// Tuning constants of the clean stage, each with the measurement or reasoning that set it.
// Figures quoted here are printed by `npx tsx bench/clean.ts` (speed) and `test/seeds-clean.test.ts`.

/**
 * Boilerplate lines are short: on the five seeds every removable notice except pleas and copyright footers
 * has ≤ 8 words, while story paragraphs there have 14–90 words. Rules that match by keyword alone (share,
 * comment, badge, credit) only fire on lines up to this length, so a long story sentence that merely
 * mentions "follow" or "share" can never be taken out by them.
 */
export const SHORT_LINE_WORDS = 15;

/**
 * Pleas and copyright footers run long (the seeds' longest is 61 words); story paragraphs that happen to
 * contain a plea keyword are caught by the rules' own guards (no quotation marks, second person), and this
 * cap stops a whole multi-sentence paragraph from going when a plea was pasted into it.
 */
export const LONG_NOTICE_WORDS = 80;

/** A caption with a trailing credit "(Getty Images)" is a sentence or two; longer lines only lose the credit. */
export const CAPTION_WORDS = 40;

/**
 * Corpus evidence (OutletLineStats). A furniture-shaped line (see CORPUS_SENTENCE_WORDS) seen in this many
 * distinct articles of one outlet is boilerplate. Measured on PolNeAR (924 articles, 7 publishers, with
 * AP/Reuters/UPI copies): at 3, 79 distinct lines (373 occurrences) go and all are furniture ("ABSTRACT.",
 * "Getty.", "TWITTER.", "Do you support X? Like the page:"); lowering to 2 adds 32 lines of which about a
 * quarter carry content (a repeated headline, list items, recurring section headings).
 */
export const MIN_ARTICLES_SHORT = 3;

/**
 * A line of at least this many words ending like a sentence counts as a sentence, not furniture, for
 * corpus evidence and needs MIN_ARTICLES_LONG articles: PolNeAR's stock fact sentences ("It takes 1,237
 * delegates to win…", 11 words, 8 articles) stay, while "ABSTRACT.", "Getty." or "Do you support X? Like
 * the page:" still go.
 */
export const CORPUS_SENTENCE_WORDS = 8;

/** Any line, whatever its length, recurring in this many distinct articles of one outlet is boilerplate. */
export const MIN_ARTICLES_LONG = 10;

/**
 * Wire copies: when an outlet republishes the same story k times, every story line recurs k times. A line
 * is boilerplate only when it recurs at least this many times more often than the article's typical
 * (median) line, so a story republished over and over keeps its sentences while the furniture around
 * it — which recurs across all the outlet's articles — still goes.
 */
export const COPY_RATIO = 2;

/**
 * Bits of the "seen once" filter in OutletLineStats: the first sighting of a line only sets two bits,
 * and only lines seen again enter the exact count table. 2^25 bits = 4 MiB; with 3 M distinct lines
 * (100k articles × 30 lines) a false "seen" costs a count of 2, which is below every threshold.
 */
export const SEEN_FILTER_BITS = 1 << 25;

/** Headings: at most this many words, and the paragraph after them must be at least HEADING_NEXT_WORDS long. */
export const HEADING_MAX_WORDS = 12;
export const HEADING_NEXT_WORDS = 12;
/** A heading in sentence case ("What happens next") must be this short; Title Case may run to HEADING_MAX_WORDS. */
export const HEADING_PLAIN_WORDS = 5;

/**
 * Hard-wrapped text (e-mail, plain-text wires) is rejoined into paragraphs when every line but the last
 * is at most this long and most lines don't end a sentence; news paragraphs from HTML or the seeds are
 * one line each and run past 100 characters.
 */
export const WRAP_MAX_CHARS = 100;

/**
 * Longest cleaned article text analysed: 512 KB, ten times the longest article body of extraction-zyte
 * (53 KB; its 99th percentile is 20 KB, PolNeAR's longest 34 KB). Past it a "story" is a dump or a log:
 * a 2.5 MB file of 150,000 one-line sentences took 13 s in text+extract and 115 s in corroboration, so
 * such a file is rejected with its size rather than holding the whole run.
 */
export const ARTICLE_MAX_CHARS = 512 * 1024;
