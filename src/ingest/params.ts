// Tuning constants of the ingest stage, each with the observation that justifies it.

import { availableParallelism } from 'node:os';

/** 50 MB: the largest real article page in extraction-zyte is 1.9 MB gunzipped; a 50 MB "article" is a
 *  dump or a mistake, and reading it whole would cost ~4x its size in string/DOM memory. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Bytes looked at to decide binary vs text and to find a declared charset: magic numbers sit in the
 *  first 16 bytes, `<meta charset>` must be in the first 1024 bytes per the HTML spec; 8 KB covers both
 *  with room for long `<head>` preambles. */
export const SNIFF_BYTES = 8192;

/** A .txt header is at most three lines (title, date, URL) — the shape the issue describes. */
export const HEADER_MAX_LINES = 3;

/** A title line is a headline: among the page titles of the 181 extraction-zyte pages the median is 10
 *  words, p99 23, max 26; the seeds' opening body lines run 32–38 words. Shape alone is not trusted
 *  either way — a title also needs a date or URL line right after it (see txt.ts). */
export const TITLE_MAX_WORDS = 28;
export const TITLE_MAX_CHARS = 200;

/** A date line holds a date and little else ("Published: Saturday, July 16, 2022 10:41 am EDT" is 48). */
export const DATE_LINE_MAX_CHARS = 64;

/** Below this many non-space characters of extracted text, Readability is taken to have missed the
 *  article and we fall back to the page's body text (with a warning). On extraction-zyte no page falls
 *  back at 200 (F1 0.960); at 500 short real articles lose to whole-page text (F1 0.945), at 1000 0.931. */
export const READABILITY_MIN_CHARS = 200;

/** Share of NUL bytes at odd (or even) offsets above which BOM-less text is taken as UTF-16: ASCII-range
 *  text in UTF-16 has a NUL in every other byte, binary formats have NULs spread unevenly. */
export const UTF16_NUL_SHARE = 0.4;

/** Share of C0 control bytes (other than tab/CR/LF/FF/ESC) in the sniffed prefix above which a NUL-free
 *  file is still binary. Text in any 8-bit encoding has essentially none. */
export const CONTROL_BYTE_SHARE = 0.05;

/** JSON Lines files above this size are streamed line by line instead of read whole: below it, reading at
 *  once is simpler and as fast; above it, a whole read would hold the file plus every parsed article. */
export const STREAM_JSONL_BYTES = 8 * 1024 * 1024;

/** Share of a file's non-ASCII sequences that must be valid UTF-8 for it to be decoded as UTF-8 with
 *  U+FFFD for the rest, rather than as another encoding. windows-1252 text forms a valid UTF-8 pair only
 *  when an accented capital (C2–DF) precedes a symbol or punctuation byte (80–BF) — "Ã©", "Â£" — so even
 *  a 10 % share is far above what real windows-1252 text gives; 0.5 leaves a wide margin both ways. */
export const UTF8_MIN_VALID_SHARE = 0.5;

/** Deepest element nesting an HTML page (or a feed item's HTML) may have: 256. The deepest of the 181
 *  extraction-zyte pages nests 51 levels (median 16). Parsing and Readability grow faster than linearly
 *  with depth (nested <div>s: 200 levels 0.16 s, 500 levels 1.4 s, 1,000 levels 28 s), so past the cap a
 *  page is rejected as "nesting too deep" before a DOM is built. */
export const MAX_HTML_DEPTH = 256;

/** Time one file may take to read and parse: 20 s. The slowest real page of extraction-zyte (1.9 MB
 *  gunzipped) takes about 1 s; HTML averages 50–70 ms a page. Past it the file is rejected ("took longer
 *  than 20 s") and the run goes on; markup and gzip parse in a worker thread so they can be stopped. */
export const FILE_TIME_BUDGET_MS = 20_000;

/** Markup parse workers: one per core, two at most (the machines this runs on have two; the text and
 *  extraction pool takes the cores once ingest is done). */
export const PARSE_WORKERS = Math.max(1, Math.min(2, availableParallelism()));

/** Files read and parsed ahead of the one being handed out: two per parse worker keeps each busy while
 *  the next file is read, and bounds memory at this many whole files (each at most DEFAULT_MAX_BYTES). */
export const PARSE_READ_AHEAD = 2 * PARSE_WORKERS;
