// Functional date slots: a person dies once, so within one event the day of the killing or death has one
// true value whatever the sentences around it say (Ritter et al., EMNLP 2008: functional relations are
// where real contradictions are). Weak frames need related sentences (slots.ts `related`) because a date
// framed by a predicate class is often another day of the story; for the death date, a value stated by
// two or more independent sources is itself the evidence that the frame is right, and a lone article
// that dates the same death otherwise ("last Monday was hit and killed" against "killed a woman in Queens
// Friday night", similarity 0.07–0.10) is a slip or a dispute even when the two sentences share few words.
// Must not hit: lone against lone (no corroboration: the similarity rule stands), other classes that
// recur within an event (injuries of several players, fires and damage over days, releases in stages:
// on the ECB+ dev gold waiving the similarity for every classed date added four false findings, none for
// the death date), own-verb frames, values of different named people (`sameParticipant` still applies),
// and an article that states both days (the knows-both guard still applies).

import type { FactMention } from './mention.js';

/** Date classes with one true value per event. */
const FUNCTIONAL_DATES = new Set(['date:death']);

/** The side states a functional date and is backed by at least two independent sources. */
export function corroboratedFunctionalDate(side: FactMention[], groupOf: (article: string) => string): boolean {
  if (!side.length || side[0].kind !== 'date' || !FUNCTIONAL_DATES.has(side[0].measure)) return false;
  return new Set(side.map((m) => groupOf(m.unit.article))).size >= 2;
}
