// Normaliser `restated`: a date written again in brackets right after the first one ("unveiled on tonight's
// (August 4) show", "made Sunday (August 4)") is one date stated twice, the bracketed one the more explicit.
// The first date takes the bracketed value and the bracket is no date of its own: without it an article
// whose bracket and relative date disagree (a typo, or "tonight" read from a wrong publication date) states
// two days for one unveiling and leaves the slot, and one whose bracket is the only wrong part goes unseen.
// Must not hit: a bracket that holds more than the date ("(2248 GMT Tuesday)": zone.ts), a bracket that is
// not right after the date ("on Sunday, the day after the vote (August 4)"), or a date after the bracket.

import type { DateMention } from '../../../model/article.js';
import type { SentenceUnit } from '../../align.js';

/** Text between the date and its bracketed restatement: at most a possessive and the opening bracket. */
const OPEN = /^(?:['’]\s?s)?\s*\(\s*$/;
const CLOSE = /^\s*\)/;

/** The bracketed date that restates `d` in its sentence, or null. */
export function bracketRestatement(u: SentenceUnit, d: DateMention): DateMention | null {
  const next = u.dates.find((e) => e.start >= d.end && OPEN.test(u.text.slice(d.end - u.start, e.start - u.start)));
  return next && CLOSE.test(u.text.slice(next.end - u.start)) ? next : null;
}

/** The date is the bracketed restatement of the date before it. */
export function isBracketRestatement(u: SentenceUnit, d: DateMention): boolean {
  return u.dates.some((p) => p !== d && p.end <= d.start && bracketRestatement(u, p) === d);
}
