// Parameters of the fact-slot comparison. Figures from `npx tsx eval/disagreements.ts` (natural dev gold
// on stories-ecbplus, eval/gold/disagreements/) unless stated otherwise.

export interface FactParams {
  /** Below this confidence a slot disagreement is not reported. */
  minConfidence: number;
  /** Copies of one report that disagree are a slip in one copy chain: shown, with less confidence. */
  copiesFactor: number;
  /** A side backed by a single independent source is likelier a slip than a dispute. */
  singleSupportFactor: number;
  /** Three or more incompatible values usually mean the slot mixes facts (the frame is wrong). */
  manySidesFactor: number;
}

export const FACT_PARAMS: FactParams = {
  minConfidence: 0.5,
  copiesFactor: 0.6,
  singleSupportFactor: 0.9,
  manySidesFactor: 0.8,
};
