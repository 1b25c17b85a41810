// Publication dates as sources write them (ISO 8601, RFC 822 in feeds, "July 16, 2022", "20220716")
// normalised to YYYY-MM-DD. The calendar date is taken as written, not converted to UTC: a story
// published at 23:30 local time on the 16th belongs to the 16th for its readers and its outlet.

// The English parsers only: the package's index also loads every other locale (266 modules, ~75 ms at
// start-up) for parsers this never uses; `strict` is the same object either way.
import * as chrono from 'chrono-node/en';

const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
const COMPACT_DATE = /^\s*(\d{4})(\d{2})(\d{2})\s*$/;
// RFC 822 / RFC 2822 as in RSS <pubDate>: "Sat, 16 Jul 2022 10:00:00 GMT".
const RFC822_DATE = /^\s*(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function ymd(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Normalises a source's date string to YYYY-MM-DD, or null when it names no full calendar date. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  if (s === '') return null;
  let m = ISO_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = RFC822_DATE.exec(s);
  if (m) {
    const month = MONTHS.indexOf(m[2].toLowerCase().slice(0, 3));
    if (month >= 0) return ymd(Number(m[3]), month + 1, Number(m[1]));
  }
  // Free-form dates ("July 16, 2022", "16 July 2022", "Saturday 16th July 2022"): chrono's strict mode
  // only accepts explicit dates, and we require the year to be stated, never guessed from today.
  const parsed = chrono.strict.parse(s, new Date(Date.UTC(2000, 0, 1)));
  const first = parsed[0];
  if (!first || !first.start.isCertain('year') || !first.start.isCertain('month') || !first.start.isCertain('day')) {
    return null;
  }
  return ymd(first.start.get('year') ?? 0, first.start.get('month') ?? 0, first.start.get('day') ?? 0);
}

/** True when the whole line is a date (plus an optional label such as "Published:" and a time). */
export function isDateLine(line: string, maxChars: number): string | null {
  const s = line.trim();
  if (s.length === 0 || s.length > maxChars) return null;
  if (COMPACT_DATE.test(s)) return normaliseDate(s);
  const parsed = chrono.strict.parse(s, new Date(Date.UTC(2000, 0, 1)));
  const first = parsed[0];
  const iso = ISO_DATE.exec(s);
  if (iso) {
    // "2022-07-16" or "2022-07-16T10:41:00Z": nothing but the timestamp on the line.
    return /^\d{4}-\d{1,2}-\d{1,2}(?:[T\s][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s) ? normaliseDate(s) : null;
  }
  if (!first || !first.start.isCertain('year') || !first.start.isCertain('day')) return null;
  // The date must cover the line: what is left around it may only be a label, weekday, time or zone.
  const rest = (s.slice(0, first.index) + ' ' + s.slice(first.index + first.text.length))
    .replace(/\b(?:published|posted|updated|last updated|date|on|at|am|pm|a\.m\.|p\.m\.|[A-Z]{2,4}T?|GMT|UTC)\b/gi, ' ')
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?/gi, ' ')
    .replace(/[\d:|,.·•\-–—/()+]/g, ' ')
    .trim();
  if (rest !== '') return null;
  return normaliseDate(first.text) ?? ymd(first.start.get('year') ?? 0, first.start.get('month') ?? 0, first.start.get('day') ?? 0);
}
