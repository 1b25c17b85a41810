// Tuning constants of the cross-check stage. Each says what it trades and how it was set; figures come
// from `npx tsx eval/contradictions.ts` (injected conflicts on stories-ecbplus) unless stated otherwise.

/**
 * Minimum IDF-weighted cosine between two sentences of different articles for them to state the same
 * claim. 0.35 keeps paraphrases that share the key nouns and names (the seeds' "two displays … on June 8
 * and July 5" vs "displayed the drones … on June 8 and July 15" scores ≈0.4) while unrelated sentences of
 * one story, which share only the story's topic words, stay below ≈0.25.
 */
export const ALIGN_THRESHOLD = 0.35;

/**
 * Above this similarity two sentences are the same statement outright (copies, close paraphrases such as
 * "forced the port to close" / "compelled the port to shut", ≈0.69 on examples/). Below it, the pair must
 * also share its main statement (see `clause.ts`): on examples/ the false pairs that share only names and
 * the topic ("12 ships unloaded … crane from Rotterdam" vs "the port closed … after the storm brought down
 * two cranes", 0.46; "the berth reopened … after the storm closed the port" vs the closure, 0.45) all sit
 * below 0.6, and the seeds' "two displays … June 8 and July 5" pairs at 0.51–0.61 still align.
 */
export const STRONG_ALIGN = 0.6;
/** Main-clause words a weak pair must share when it shares no predicate (one shared noun is topic). */
export const MIN_SHARED_MAIN_TERMS = 2;

/** Shared entities or numbers are strong evidence of the same statement: each adds this to the cosine. */
export const SHARED_FACT_BONUS = 0.08;

/** Terms in more than this share of a story's sentences are topic words, useless for alignment. */
export const MAX_TERM_SHARE = 0.5;

/** Alignment is exact (every pair sharing a weighted term is scored) up to this many sentences in a story,
 * about 300 articles; the eval's stories and the seeds are far below it. */
export const EXACT_MAX_SENTENCES = 5_000;
/** Above it, a sentence proposes candidates through its rarest terms only. */
export const PREFIX_TERMS = 3;
/**
 * …and through the first this many carriers of each such term. Near-identical articles share even their
 * rarest terms, so every sentence met every earlier one: 2,000 near-identical short articles spent most
 * of alignment there (bench/near-identical.ts). 200 candidates per term still join each sentence to
 * its claim (one such sentence is enough; the greedy merge takes the best pairs first).
 */
export const POSTINGS_SCANNED = 200;

/**
 * A contradiction needs the two sentences to be clearly the same statement, stricter than plain
 * alignment: one of the precision levers (a date differing between merely related sentences is usually
 * two different events, e.g. "the talks on July 15" next to "the visit on July 5").
 */
export const CONTRADICTION_MIN_SIMILARITY = 0.45;

/** Name contradictions demand near-identical wording apart from the names (Jaccard of the other terms). */
export const NAME_CONTEXT_JACCARD = 0.6;
/**
 * The wording pass of rule `name` (names the extractor missed) compares only near-identical sentences:
 * the longest common word subsequence must cover this share of the longer sentence. A one-name swap in a
 * 10-word sentence keeps ≈0.8; rewrites that reorder or rephrase (where a capitalised word pair may be a
 * paraphrase, "Athens police" / "Greek police") fall below. Eval: 34/34 swaps found at 0.75, 0 false alarms.
 */
export const NAME_DIFF_MIN_SIMILARITY = 0.75;

/**
 * Two quotes of one speaker are wordings of the same quote when this share of the shorter one's
 * content terms appears in the longer one (overlap coefficient). 0.6 groups "strike-capable" vs
 * "attack-capable" rewrites (one or two words changed in ten) and keeps different remarks apart.
 */
export const QUOTE_OVERLAP = 0.6;
/**
 * Indirect speech (or a quote next to an indirect one) is grouped on Jaccard ≥ 0.5: on the seeds, the
 * overlap coefficient chained four different paraphrases of Sullivan into one "quote".
 */
export const INDIRECT_JACCARD = 0.5;
/** Quotes shorter than this many content terms are too short to compare reliably ("baseless"). */
export const QUOTE_MIN_TERMS = 4;

/** Unattributed quotes need this many content terms to be grouped or compared (coincidence guard). */
export const UNATTRIBUTED_MIN_TERMS = 6;

/** A vague quantity given as a single value ("about 300") is read as this relative range around it. */
export const APPROX_TOLERANCE = 0.15;

/** Claims kept per story: multi-source claims, and single-source claims per article ("only here"). */
export const MAX_SHARED_CLAIMS = 30;
export const MAX_SINGLE_CLAIMS_PER_ARTICLE = 3;

/** Evidence sentences listed per contradiction value. */
export const MAX_EVIDENCE = 2;

/** Summary length and MMR redundancy weight (Carbonell & Goldstein 1998: λ trades relevance vs novelty). */
export const SUMMARY_SENTENCES = 4;
export const MMR_LAMBDA = 0.7;

/**
 * Event frames (rules/frame.ts) compare sentences that did not align as one claim, so they need a looser
 * similarity floor than CONTRADICTION_MIN_SIMILARITY — but some: on examples/ the closure sentences of two
 * outlets ("forced the port to close on March 11, stranding 42 ships" / "closed on March 12 after the storm
 * brought down two cranes") score 0.36, while sentences of one story that share only a name score < 0.15.
 */
export const FRAME_MIN_SIMILARITY = 0.2;
