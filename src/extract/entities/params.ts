// Tuning constants of entity extraction, each with the measurement behind it.

/** Longest role phrase kept before a name ("White House national-security adviser" = 4 words). Longer
 * left contexts on the seeds and ecbplus gold started swallowing clause material; 6 keeps every gold role. */
export const maxRoleWords = 6;

/** Longest appositive chunk checked after "Name," for a role ("a spokesman for the National Security
 * Council" = 7 words); beyond 10 the chunk is usually a new clause. */
export const maxAppositiveWords = 10;

/** A sentence whose words are mostly capitalised is a title-case headline: only gazetteer names count.
 * 0.6 separates headlines ("Russian Officials Reportedly Visit Iran") from name-dense body sentences. */
export const titleCaseShare = 0.6;

/** compromise costs ~1.6 ms per sentence here (wink's tagging is already paid by the text stage). Letting
 * it type leftover runs in up to 3 sentences per article changed no figure of eval/entities.ts (F1 92.1
 * either way) but made extraction ~10x slower (bench/entities.ts: ~21 vs ~2 ms/article), so it is off;
 * its lexicon still serves through the gazetteer. */
export const maxCompromiseSentences = 0;
