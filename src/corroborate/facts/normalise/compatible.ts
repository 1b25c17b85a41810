// Normaliser `compatible`: when two stated values of one slot can both be true. Intervals that overlap
// (hedges, vagueness), a figure at a coarser precision (6.2 / 6), a rounding of an exact figure (1,523 /
// 1,500), a floor under a larger figure ("at least five" / "24": a floor is logically compatible — when
// the larger figure is published later it is an update), and a unit conversion rounded by the writer
// (10 miles / 16 km: within CONVERSION_TOLERANCE).

import { compatible as rangesCompatible } from '../../rules/number.js';
import type { FactRange } from '../mention.js';

/** Rounded conversions ("10 miles (16 km)") are off by up to ~5 %; 8 % keeps "12 miles" against "25 km" apart. */
export const CONVERSION_TOLERANCE = 0.08;

export type Compatibility = { ok: true; why: string } | { ok: false };

export function compatibleValues(a: FactRange, b: FactRange, converted: boolean): Compatibility {
  if (a.max === Infinity || b.max === Infinity) {
    const [floor, other] = a.max === Infinity ? [a, b] : [b, a];
    if (other.max >= floor.min) return { ok: true, why: 'hedge: a floor under a larger figure' };
    return { ok: false };
  }
  if (rangesCompatible(a, b)) return { ok: true, why: 'overlapping, rounded or coarser figure' };
  if (converted) {
    const mid = (x: FactRange) => (x.min + x.max) / 2;
    if (Math.abs(mid(a) - mid(b)) <= CONVERSION_TOLERANCE * Math.max(mid(a), mid(b))) return { ok: true, why: 'unit conversion, rounded' };
  }
  return { ok: false };
}
