// Conventions of the quantity stage: the numeric ranges we give to vague quantifiers. There is no gold
// corpus for these in ../shared/data; they follow dictionary readings (a plural of a power of ten means
// "at least two of them, fewer than ten") and are checked by the fictional cases in quantities.test.ts.

// Ranges are [low, high) multiples of the base word; the reported max is high × base − 1.

/** "hundreds", "several hundred", "thousands": [2, 10) times the base (200..999). "several" ≈ "more than two". */
export const pluralPowerRange: [number, number] = [2, 10];

/** "dozens", "several dozen": 24..99 (from two dozen; beyond 99 writers say "hundreds"), as [24, 100) units. */
export const dozensRange: [number, number] = [24, 100];

/** "tens of thousands": [20, 100) × base = 20,000..99,999; "hundreds of thousands" uses pluralPowerRange × 100. */
export const tensOfRange: [number, number] = [20, 100];

/** "a few hundred": 200..499 — "a few" is read as fewer than "several". */
export const fewRange: [number, number] = [2, 5];
