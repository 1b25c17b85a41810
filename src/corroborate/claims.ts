// Turns aligned sentence groups into the story's claims: one representative wording, its sources and
// how many independent copy-groups back it, sorted by independent support.

import type { Claim } from '../model/report.js';
import type { AlignedClaim, Alignment, SentenceUnit } from './align.js';
import { MAX_SHARED_CLAIMS, MAX_SINGLE_CLAIMS_PER_ARTICLE } from './params.js';

/** Sentences with fewer content terms ("There was no comment.") say too little to be a claim. */
const MIN_CLAIM_TERMS = 4;

/** The wording most similar to the others (the medoid); ties go to the earlier sentence. */
export function representative(claim: AlignedClaim, alignment: Alignment): SentenceUnit {
  let best = claim.units[0];
  let bestScore = -1;
  for (const u of claim.units) {
    let score = 0;
    for (const v of claim.units) if (v !== u) score += alignment.similarity(u, v);
    if (score > bestScore + 1e-9) {
      best = u;
      bestScore = score;
    }
  }
  return best;
}

const meanPosition = (c: AlignedClaim) => c.units.reduce((s, u) => s + u.position, 0) / c.units.length;

/** Orders claims by independent support, then raw support, then how early articles state them. */
export function rankClaims(claims: AlignedClaim[]): AlignedClaim[] {
  return [...claims].sort(
    (x, y) =>
      y.independent - x.independent ||
      y.sources.length - x.sources.length ||
      meanPosition(x) - meanPosition(y) ||
      x.units[0].uid - y.units[0].uid,
  );
}

/** How much a single-source sentence adds: named facts (entities, dates, numbers) and length. */
function informativeness(u: SentenceUnit): number {
  return 2 * (new Set(u.entities.map((e) => e.name)).size + u.dates.length + u.quantities.length) + Math.min(u.terms.length, 20) / 5 - u.position;
}

export function buildClaims(alignment: Alignment): Claim[] {
  const usable = alignment.claims.filter((c) => c.units.some((u) => u.terms.length >= MIN_CLAIM_TERMS));
  const shared = rankClaims(usable.filter((c) => c.sources.length > 1)).slice(0, MAX_SHARED_CLAIMS);
  const out: Claim[] = shared.map((c) => ({ text: representative(c, alignment).text, sources: c.sources, independentSources: c.independent }));
  // What each article adds that no other has: its most fact-laden single-source sentences.
  const singlesByArticle = new Map<string, SentenceUnit[]>();
  for (const c of usable) {
    if (c.sources.length !== 1) continue;
    const u = c.units[0];
    if (u.terms.length < MIN_CLAIM_TERMS) continue;
    const list = singlesByArticle.get(u.article) ?? [];
    list.push(u);
    singlesByArticle.set(u.article, list);
  }
  for (const id of [...singlesByArticle.keys()].sort()) {
    const picked = singlesByArticle
      .get(id)!
      .map((u) => ({ u, score: informativeness(u) }))
      .sort((a, b) => b.score - a.score || a.u.uid - b.u.uid)
      .slice(0, MAX_SINGLE_CLAIMS_PER_ARTICLE)
      .sort((a, b) => a.u.uid - b.u.uid);
    for (const { u } of picked) out.push({ text: u.text, sources: [u.article], independentSources: 1 });
  }
  return out;
}
