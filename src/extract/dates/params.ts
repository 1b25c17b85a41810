// Tuning constants of the date stage. Each says what it was checked against; TBAQ means
// `../shared/data/timex-tempeval3/TBAQ-cleaned` scored by `npx tsx eval/timex.ts`.

/**
 * How far (characters) before a bare weekday/month we look for a future cue ("will", "next", "scheduled").
 * News reports mostly look back, so only an explicit cue close to the expression flips it to the future;
 * 60 chars is about one clause. Wider windows (120) caught cues of other clauses on TBAQ and lost value F1.
 */
export const futureCueWindow = 60;

/**
 * A month/day without a year that falls up to this many days after the reference date is still taken in
 * the reference year without a future cue ("the vote on Aug. 10" in an Aug. 7 article): schedules are
 * reported before they happen; further ahead it is more likely last year's date. 0 would force every
 * undated future day into the previous year. Checked on TBAQ month-day expressions (value F1 unchanged
 * from 14 to 45; 30 chosen as "about a month").
 */
export const futureDayTolerance = 60;

/** Same idea for a bare month ("in August" written on July 30): 1 month ahead stays in the year. */
export const futureMonthTolerance = 2;

// --- Timeline (src/extract/timeline.ts) ---

/**
 * Entries per story. A brief's timeline is read, not searched: the seeds story (5 articles) yields 6
 * dated statements, a 40-article ECB+ topic about 60; 15 keeps the multi-source ones and the key dates.
 */
export const timelineCap = 15;

/**
 * Two dated sentences of one story with the same day are one entry when their content-word Jaccard is at
 * least this. Same-day statements in one story are mostly the same event told by different outlets with
 * different words (seeds: "two displays … at the Kashan airfield, on June 8" vs "displayed the drones …
 * at Kashan Airfield … on June 8", Jaccard 0.16), so the bar is low; month-precision dates cover more
 * distinct events and need more overlap.
 */
export const sameDayJaccard = 0.1;
export const sameMonthJaccard = 0.3;

/** Timeline text longer than this is cut at a word boundary (a concise line in the brief). */
export const timelineTextMax = 240;

/**
 * A sentence with several event dates appears under each; when it is longer than this many characters the
 * entry shows only the clause around its date (the brief's timeline is scanned by date: a 250-character
 * sentence under two dates repeats itself). 160 is about two lines of the brief; the seeds' two-date
 * sentence ("… at the Kashan airfield, on June 8 and July 5, Sullivan said …", ~120 chars) stays whole.
 */
export const clauseTrimMin = 160;

/** A trimmed clause is grown with its neighbours until it has at least this many characters (a subject and a verb). */
export const clauseMinChars = 60;

/**
 * How far back (characters) an anaphoric date ("that year", "the following month", "until then") looks
 * for its antecedent, the last explicit date before it: about three sentences. TBAQ TimeBank: the
 * annotated anaphors have their antecedent 2–343 characters back; the two generic "that day"s ("trades
 * made that day") have no day-precision date within 1,500 characters.
 */
export const anaphorWindow = 500;
