// Plain text articles. An optional header of up to three lines — title, date, URL — is recognised and
// taken out of the body. The risk is eating the lede: a first line only counts as a title when it is
// headline-shaped AND the line after it is a date or a URL (a body's second line never is).

import type { ArticleDraft } from './draft.js';
import { isDateLine } from './dates.js';
import { DATE_LINE_MAX_CHARS, HEADER_MAX_LINES, TITLE_MAX_CHARS, TITLE_MAX_WORDS } from './params.js';

type HeaderLine = { kind: 'url'; value: string } | { kind: 'date'; value: string } | { kind: 'other' };

const URL_LINE = /^<?(https?:\/\/[^\s<>]+)>?$/i;

function classify(line: string): HeaderLine {
  const s = line.trim();
  const url = URL_LINE.exec(s);
  if (url) return { kind: 'url', value: url[1] };
  const date = isDateLine(s, DATE_LINE_MAX_CHARS);
  if (date) return { kind: 'date', value: date };
  return { kind: 'other' };
}

/** Headline-shaped: short, and not ending like a sentence (a final period after a lower-case word or
 *  digit; "...in the U.S." still counts as a headline). Headlines may end in ? or !. */
export function isTitleShaped(line: string): boolean {
  const s = line.trim();
  if (s.length < 3 || s.length > TITLE_MAX_CHARS) return false;
  if (s.split(/\s+/).length > TITLE_MAX_WORDS) return false;
  if (/[a-z0-9\u00df-\u024f”"’)]\.$/.test(s)) return false;
  if (/https?:\/\//i.test(s)) return false; // a line carrying a link is prose or a URL line, not a headline
  return /\p{L}/u.test(s);
}

export interface TxtHeader {
  title: string | null;
  published: string | null;
  url: string | null;
  /** Number of leading lines (including blank ones between header lines) the header occupies. */
  lineCount: number;
}

/** Finds the header at the top of `lines`; lineCount 0 when there is none. */
export function findHeader(lines: string[]): TxtHeader {
  const header: TxtHeader = { title: null, published: null, url: null, lineCount: 0 };
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length) return header;
  const nextNonEmpty = (from: number): number => {
    let j = from;
    while (j < lines.length && lines[j].trim() === '') j++;
    return j;
  };
  let taken = 0;
  const first = classify(lines[i]);
  if (first.kind === 'other') {
    const j = nextNonEmpty(i + 1);
    if (j >= lines.length || !isTitleShaped(lines[i]) || classify(lines[j]).kind === 'other') return header;
    header.title = lines[i].trim();
    taken = 1;
    i = j;
  }
  // Then date and URL lines, each at most once, in either order.
  while (i < lines.length && taken < HEADER_MAX_LINES) {
    const line = classify(lines[i]);
    if (line.kind === 'url' && header.url === null) header.url = line.value;
    else if (line.kind === 'date' && header.published === null) header.published = line.value;
    else break;
    taken++;
    header.lineCount = i + 1;
    i = nextNonEmpty(i + 1);
  }
  if (header.url === null && header.published === null) return { title: null, published: null, url: null, lineCount: 0 };
  return header;
}

export function parseTxt(text: string): ArticleDraft {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const header = findHeader(lines);
  const removed = lines.slice(0, header.lineCount).filter((l) => l.trim() !== '');
  return {
    raw: lines.slice(header.lineCount).join('\n'),
    title: header.title,
    url: header.url,
    published: header.published,
    publishedFrom: 'header',
    diagnostics:
      header.lineCount > 0
        ? [{ origin: 'ingest:header', level: 'info', message: `header lines taken out of the body: ${removed.map((l) => JSON.stringify(l.trim())).join(', ')}` }]
        : [],
  };
}
