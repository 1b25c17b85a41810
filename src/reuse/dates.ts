// Dates from copies: an undated article that is a duplicate/near-duplicate/rewrite of a dated one takes that
// date, unless its day references contradict it. A copy that moves "said Saturday" to "said Tuesday" in an
// aligned sentence, or mentions a weekday its source never does, was updated and republished later, so the
// source's date would be wrong; such conflicts are recorded as diagnostics instead of inherited.
//
// Why not "the weekday must fall within 7 days before the inherited date": every weekday does, so that test
// can never fail. The aligned sentences are the evidence that can.

import type { ReuseKind } from '../model/report.js';
import type { SentenceFeatures } from './features.js';

export interface DatedSide {
  id: string;
  published: string | null;
  features: SentenceFeatures[];
}

export interface InheritCandidate {
  undated: DatedSide;
  dated: DatedSide;
  kind: ReuseKind;
  score: number;
  /** Aligned pairs as [undated sentence, dated sentence]. */
  pairs: { u: number; d: number }[];
}

export type InheritOutcome = { published: string; from: string } | { conflict: string };

const INHERITING: ReuseKind[] = ['duplicate', 'near-duplicate', 'rewrite'];

/** Whether the undated side may take the dated side's date, with the reason when not. */
export function checkInheritance(c: InheritCandidate): InheritOutcome | null {
  if (!INHERITING.includes(c.kind) || !c.dated.published || c.undated.published) return null;
  for (const { u, d } of c.pairs) {
    const wu = c.undated.features[u]?.weekdays;
    const wd = c.dated.features[d]?.weekdays;
    if (wu && wd && wu.size > 0 && wd.size > 0 && ![...wu].some((w) => wd.has(w))) {
      return {
        conflict: `aligned sentences name different days (${[...wu].join('/')} vs ${[...wd].join('/')} in ${c.dated.id})`,
      };
    }
  }
  const sourceDays = new Set<string>();
  for (const f of c.dated.features) for (const w of f.weekdays) sourceDays.add(w);
  const newDays = new Set<string>();
  for (const f of c.undated.features) for (const w of f.weekdays) if (!sourceDays.has(w)) newDays.add(w);
  if (newDays.size > 0) {
    return { conflict: `mentions ${[...newDays].join('/')}, which ${c.dated.id} never does (likely a later update)` };
  }
  return { published: c.dated.published, from: c.dated.id };
}
