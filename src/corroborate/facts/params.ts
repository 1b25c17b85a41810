// Parameters of the fact-slot comparison. Figures from `npx tsx eval/disagreements.ts` (natural dev gold
// on stories-ecbplus, eval/gold/disagreements/) unless stated otherwise.

export interface FactParams {
  /** Below this confidence a slot disagreement is not reported. 0.6 keeps weak frames (a holder's count,
   * a date framed by a verb outside the classes) only when both sides have two independent sources: at
   * 0.55 the dev gold gave P 0.62 (8 of 13) and 2 alarms on 22 compatible injected edits; at 0.6, P 0.73
   * (8 of 11) and none; at 0.65, P 0.67 (6 of 9). */
  minConfidence: number;
  /** Copies of one report that disagree are a slip in one copy chain: shown, with less confidence (the
   * discount ranks them below independent sources; it is applied after minConfidence, see slots.ts). */
  copiesFactor: number;
  /** A side backed by a single independent source is likelier a slip than a dispute. */
  singleSupportFactor: number;
  /** Similarity at which two sentences naming the same participant state one statement (slots.ts
   * sameStatement): then a lone source against a lone source is not discounted. */
  sameStatementSimilarity: number;
  /** Similarity at which two sentences state one statement even with no named participant ("Voters in
   * 2009 approved a $3 million bond" / "Palmer voters in 2010 approved a $3 million bond": 0.65). */
  sameWordingSimilarity: number;
  /** A toll whose one side is only floors, with unknown publication times (see slots.ts unorderedFloors). */
  unorderedFloorFactor: number;
  /** A slot with more distinct values than this is not functional (see slots.ts). The dev gold's largest
   * slot has far fewer; 20,000 generated near-copies with one figure each took two minutes without it. */
  maxDistinctValues: number;
  /** A holder's counts further apart than this factor are different figures (game vs season totals). */
  maxCountRatio: number;
  /** Frames at least this strong (tolls, ages, magnitudes) stand on their own; weaker ones (dates, a holder's counts) need related sentences. */
  strongFrame: number;
  /** Similarity two sentences of a weak frame must reach (FRAME_MIN_SIMILARITY is 0.2 for the sentence rules' frame pass). */
  weakFrameSimilarity: number;
}

export const FACT_PARAMS: FactParams = {
  minConfidence: 0.6,
  copiesFactor: 0.6,
  singleSupportFactor: 0.9,
  sameStatementSimilarity: 0.3,
  sameWordingSimilarity: 0.6,
  unorderedFloorFactor: 0.6,
  maxDistinctValues: 40,
  maxCountRatio: 5,
  strongFrame: 0.85,
  weakFrameSimilarity: 0.15,
};
