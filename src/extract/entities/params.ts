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

/** compromise costs ~1.6 ms per sentence on this machine (wink's tagging is already paid by the text
 * stage), so it only types runs nothing else could, at most this many sentences per article: with 3 the
 * bench stays above 500 articles/s and the gold F1 changed by < 1 point against unlimited use. */
export const maxCompromiseSentences = 3;
