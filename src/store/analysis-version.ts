// The version of the per-article analyses both adapters cache, in a module of its own so that an adapter
// does not load another adapter's driver to read it.

/** Bumped whenever a per-article stage changes its output, so stale cached analyses are recomputed.
 * 2: dates carry `timex`; non-English articles have no quotes and only language-neutral names.
 * 3: quotes from the trained tagger beside the rules (src/extract/quotes/model); bump again on a retrain.
 * 4: lengths glued to their number ("200ft", "about 200m down") are measures, not counts of millions; the
 *    retrained quote tagger; publication dates chosen by provenance with impossible ones refused, which
 *    moves the reference of relative dates.
 * 5: the quote tagger retrained with verb stems and context cue features, its cue and source preferred
 *    over the rules' for reported speech (third pass, issue 18).
 * 6: quantities: "two dozen" is 24 (was "two"), "7 p.m." a clock time (was a count of "p"), "12 marchers"
 *    and "30 mayors" counts (a month prefix hid them); quote sources (fourth pass, issue 18): none before a
 *    passive cue without agent, the "by" agent of one with it, the main subject for ", saying…", the
 *    nearest earlier speaker for a subjectless cue, time phrases skipped before the cue, the rules'
 *    subject phrase around a tagger source inside it, the rules' speaker where the tagger reads none.
 * 7: the quote tagger retrained with loss-augmented updates and quote-distance cue features (fifth pass,
 *    issue 18): more cues found, its floor chosen again.
 * 8: a quote opened in one paragraph and closed in a later one is one quote (quote-across-paragraphs),
 *    attributed by the cue after its close; it was read as reported speech of a pronoun inside it; an
 *    untyped full name heading a speaker phrase ("Gene Hansbrough said") is the quote's speaker.
 * 9: a money amount takes the hedge before it ("worth nearly $80 million" is at most 80 million; it was
 *    read as exact), its span with it; a preposition ends a count's noun ("14 trapped under debris" counts
 *    the trapped, not "debris"), and the part of "N of M things" takes the whole's noun ("178 of 369
 *    punches").
 * 10: the clean stage takes page controls, bracket-tagged teasers, link lists after their heading, date-only
 *    lines, wire bylines, contact and cookie lines, and the page's own headline and address out of the body. */
export const ANALYSIS_VERSION = 10;
