// Normaliser `range`: an amount as the interval it stands for. Hedges ("at least", "more than", "nearly",
// "up to", "about"), vague quantifiers ("dozens", "several hundred"), spelled-out numbers and number
// formats are resolved by the quantity extractor; this turns its {value, min, max, approx} into one
// interval and names the normalisations used, so the report can say what was tried.

import type { QuantityMention } from '../../../model/article.js';
import { APPROX_TOLERANCE } from '../../params.js';
import type { FactRange } from '../mention.js';

const NEAR_CEILING = /\b(nearly|almost|close to|just under)\b/i;

export function rangeOfQuantity(q: QuantityMention): { range: FactRange; normalised: string[] } | null {
  const normalised: string[] = [];
  let lo = q.min ?? q.value;
  let hi = q.max ?? q.value;
  if (/[a-z]/i.test(q.text.replace(/\b(at least|more than|over|nearly|almost|about|around|some|up to|roughly|approximately|fewer than|less than|under)\b/gi, '')) && !/\d/.test(q.text)) normalised.push('spelled-out or vague number');
  if (lo !== null && hi === null) {
    hi = Infinity;
    normalised.push(`hedge: floor (“${q.text}”)`);
  }
  if (lo === null && hi !== null) {
    // "Nearly 300,000" is just under 300,000, as close as "about" is; "up to" and "fewer than" leave the
    // floor open, read as twice that tolerance.
    lo = hi * (1 - (NEAR_CEILING.test(q.text) ? 1 : 2) * APPROX_TOLERANCE);
    normalised.push(`hedge: ceiling (“${q.text}”)`);
  }
  if (lo === null || hi === null) return null;
  if (q.approx && lo === hi) {
    normalised.push(`hedge: approximate ±${APPROX_TOLERANCE * 100}%`);
    return { range: { min: lo * (1 - APPROX_TOLERANCE), max: hi * (1 + APPROX_TOLERANCE), exact: false }, normalised };
  }
  return { range: { min: Math.min(lo, hi), max: Math.max(lo, hi), exact: !q.approx && lo === hi }, normalised };
}
