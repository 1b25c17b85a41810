// Calendar arithmetic on plain year/month/day triples (UTC, no time zones) and the TimeML value formats
// built from them: days, months, ISO weeks, quarters, seasons.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function parseYmd(iso: string | null): Ymd | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return { y: +m[1], m: +m[2], d: +m[3] };
}

export function toDays(v: Ymd): number {
  return Date.UTC(v.y, v.m - 1, v.d) / DAY_MS;
}

export function fromDays(n: number): Ymd {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(v: Ymd, n: number): Ymd {
  return fromDays(toDays(v) + n);
}

/** Month arithmetic that clamps the day (Mar 31 − 1 month = Feb 28). */
export function addMonths(v: Ymd, n: number): Ymd {
  const total = v.y * 12 + (v.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(v.d, last) };
}

/** 0 = Sunday … 6 = Saturday (chrono's and JavaScript's numbering). */
export function weekday(v: Ymd): number {
  return new Date(toDays(v) * DAY_MS).getUTCDay();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export const fmtDay = (v: Ymd) => `${v.y}-${pad2(v.m)}-${pad2(v.d)}`;
export const fmtMonth = (y: number, m: number) => `${y}-${pad2(m)}`;

/** ISO 8601 week (weeks start Monday; week 1 holds the year's first Thursday), TimeML `YYYY-Www`. */
export function isoWeek(v: Ymd): { y: number; w: number } {
  const days = toDays(v);
  const dow = (weekday(v) + 6) % 7; // Monday = 0
  const thursday = fromDays(days - dow + 3);
  const jan1 = toDays({ y: thursday.y, m: 1, d: 1 });
  return { y: thursday.y, w: Math.floor((toDays(thursday) - jan1) / 7) + 1 };
}

export function fmtWeek(v: Ymd): string {
  const { y, w } = isoWeek(v);
  return `${y}-W${pad2(w)}`;
}

export const quarterOf = (m: number) => Math.floor((m - 1) / 3) + 1;

/** Shifts a (year, quarter) pair by n quarters. */
export function addQuarters(y: number, q: number, n: number): { y: number; q: number } {
  const t = y * 4 + (q - 1) + n;
  return { y: Math.floor(t / 4), q: (t % 4) + 1 };
}

export const SEASONS = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' } as const;
/** First month of each season (northern meteorological seasons; winter counted from December). */
export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/**
 * Year of "last <Month>": the most recent past occurrence of that month before the reference month
 * ("last April" in October is this April; "last November" in February is the previous year's). TBAQ
 * TimeBank annotates 9 of 10 "last <Month>" this way, against 4 of 10 for "always the previous year";
 * AQUAINT's 4 agree with both readings.
 */
export function lastMonthYear(ref: Ymd, month: number): number {
  return month < ref.m ? ref.y : ref.y - 1;
}
