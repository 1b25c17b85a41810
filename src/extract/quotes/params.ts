// Tuning constants of quote extraction, each with the measurement behind it (quotes-polnear dev).

/** Words allowed between a cue and its "that" ("told CNN this week that", "said in a statement that").
 * 8 covers the adjuncts seen on PolNeAR train; 12 added false contents from later clauses. */
export const maxAdjunctWords = 8;

/** Longest speaker noun phrase, appositive included ("John Kirby, a spokesman for the National Security
 * Council,"): 14 words. */
export const maxSpeakerWords = 14;

/** A quoted stretch with no cue is kept only from this many words: shorter ones are scare quotes
 * ("baseless", "long-term cooperation") rather than speech. */
export const minUnattributedQuoteWords = 6;

/** Sentences searched backwards for the antecedent of "he"/"she" or "the official": 3 keeps the
 * seed pronoun ("We oppose…," he said) and drops far, wrong antecedents on PolNeAR dev. */
export const antecedentWindow = 3;

/** Longest appositive between the speaker's name and the cue ("David Kamin, an outside adviser to the
 * campaign on tax and budget issues and an associate professor at …, said"): 24 words recovers the long
 * expert appositives of PolNeAR dev without reaching back over whole clauses. */
export const maxAppositiveWords = 24;

/** The trained tagger beside the rules (quotes-polnear dev, whole-attribution F1 of rules + tagger). */
export const modelParams = {
  /** 'veto': a reported-speech or stance rule find stays only where the tagger also tags a cue (those it
   * does not confirm were 30% precise on dev); 'keep': every rule find stays. Veto: P 80.4 R 66.1 F1 72.5;
   * keep: P 76.3 R 67.4 F1 71.6. */
  policy: 'veto' as 'veto' | 'keep',
};
