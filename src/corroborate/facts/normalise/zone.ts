// Normaliser `zone`: a date restated in another time zone inside brackets ("hit at 7:48 am (2248 GMT
// Tuesday)", "9:40 p.m. Friday (1:40 a.m. ET Saturday)") is the same moment as the date before it, not a
// second date of the event. Without it the article states two days for one quake and leaves the slot.
// Must not hit: a bracketed date with no clock time and zone ("(on Tuesday)"), a zone outside brackets
// ("at 10 p.m. ET Saturday" is the only date given), or a date after the bracket closes.

import type { SentenceUnit } from '../../align.js';

/** A clock time with a zone, or a bare zone name before the day ("2248 GMT", "1:40 a.m. ET"). */
const ZONED = /\b\d{1,2}(?::?\d{2})?\s*(?:[ap]\.?\s*m\.?\s*)?(?:GMT|UTC|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|BST|CET|CEST|WIB|JST|AEST|AEDT)\b|\blocal time\b/i;

/** The date at [start, end) sits inside an open bracket whose text up to it gives a clock time in a zone. */
export function zoneRestatement(u: SentenceUnit, start: number, end: number): boolean {
  const before = u.text.slice(0, start - u.start);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.lastIndexOf(')') > open) return false;
  return ZONED.test(u.text.slice(open, end - u.start));
}
