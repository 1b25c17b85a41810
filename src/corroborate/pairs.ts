// Which wordings of one claim, frame or quote group the pairwise rules compare. Every pair while a group
// is small (the eval and seed figures are the same with or without the cap); past that, each wording is
// compared with a fixed set of anchor wordings only, so a story of n near-identical articles costs
// n × anchors comparisons instead of n²/2 (issue 12 item 5: 20,000 near-identical short articles never
// finished corroborate).

/**
 * Every pair is compared up to this many distinct wordings in one group: 200²/2 = 20,000 comparisons,
 * a fraction of a second for the costliest rule (LCS on short sentences). eval/contradictions.ts,
 * eval/disagreements.ts and eval/injected.ts print the same tables with and without the anchors.
 */
export const EXHAUSTIVE_WORDINGS = 200;
/**
 * Past EXHAUSTIVE_WORDINGS, each wording is compared with the first ANCHOR_WORDINGS (the group's first
 * wordings in article-id order): a value that differs from the anchors' is found against them; two
 * non-anchor wordings that disagree only with each other are not compared. 16 anchors keep 20,000
 * near-identical articles at 320,000 comparisons per pass (bench/near-identical.ts).
 */
export const ANCHOR_WORDINGS = 16;

/** Calls `visit(i, j)` (i < j) for the pairs of `count` wordings that are compared (see above). */
export function forComparedPairs(count: number, visit: (i: number, j: number) => void): void {
  const anchors = count <= EXHAUSTIVE_WORDINGS ? count : ANCHOR_WORDINGS;
  for (let i = 0; i < Math.min(anchors, count); i++) for (let j = i + 1; j < count; j++) visit(i, j);
}
