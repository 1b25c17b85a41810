// Turns aligned sentence groups into the story's claims: one representative wording, its sources and
// how many independent copy-groups back it, sorted by independent support.

import type { Claim, Contradiction } from '../model/report.js';
import type { AlignedClaim, Alignment, SentenceUnit } from './align.js';
import { unitsByArticle } from './align.js';
import { MAX_SHARED_CLAIMS, MAX_SINGLE_CLAIMS_PER_ARTICLE } from './params.js';
import { EXHAUSTIVE_WORDINGS } from './pairs.js';

/** Sentences with fewer content terms ("There was no comment.") say too little to be a claim. */
const MIN_CLAIM_TERMS = 4;

/**
 * Representatives by claim: the story's claims and its summary both ask for every claim's (the summary for
 * all of them), and a claim object belongs to one alignment, so the answer cannot change.
 */
const representatives = new WeakMap<AlignedClaim, SentenceUnit>();

/** The wording most similar to the others (the medoid); ties go to the earlier sentence. */
export function representative(claim: AlignedClaim, alignment: Alignment): SentenceUnit {
  let rep = representatives.get(claim);
  if (!rep) {
    rep = claim.units.length > EXHAUSTIVE_WORDINGS ? centroidRepresentative(claim, alignment) : medoid(claim, alignment);
    representatives.set(claim, rep);
  }
  return rep;
}

/**
 * The exact medoid, with word-for-word copies counted once: units with the same terms in the same order and
 * the same facts have the same similarity to every other unit, so each distinct wording is scored against
 * the distinct wordings times their counts (a wire story's claim of 200 copies in 5 wordings: 25 similarities
 * instead of 40,000; the medoid was the largest corroborate cost of src/corroborate's own at 10k). Sums
 * differ from the unit-by-unit ones only in rounding (far below the 1e-9 tie margin), and the earliest unit
 * of the best wording wins ties as before.
 */
function medoid(claim: AlignedClaim, alignment: Alignment): SentenceUnit {
  if (claim.units.length === 1) return claim.units[0];
  const wordings = new Map<string, { unit: SentenceUnit; count: number; copy?: SentenceUnit }>();
  for (const u of claim.units) {
    const key = `${u.terms.join('\u0001')}\u0000${u.entities.map((e) => e.name.toLowerCase()).join(' ')}\u0000${u.dates.map((d) => d.value).join(' ')}\u0000${u.quantities.map((q) => `${q.kind}:${q.value}`).join(' ')}`;
    const w = wordings.get(key);
    if (!w) wordings.set(key, { unit: u, count: 1 });
    else if (w.count++ === 1) w.copy = u;
  }
  const distinct = [...wordings.values()];
  const scoreOf = new Map<SentenceUnit, number>();
  for (const { unit: u, count, copy } of distinct) {
    // The other copies of u's own wording are each as similar to u as its second copy is.
    let score = copy ? (count - 1) * alignment.similarity(u, copy) : 0;
    for (const { unit: v, count: m } of distinct) if (v !== u) score += m * alignment.similarity(u, v);
    scoreOf.set(u, score);
  }
  let best = claim.units[0];
  let bestScore = -1;
  for (const { unit: u } of distinct) {
    const score = scoreOf.get(u)!;
    if (score > bestScore + 1e-9) {
      best = u;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The medoid of a big claim by its IDF-cosine part alone, in one pass: the sum of a unit's cosines with
 * the others is its terms' weights times the other units' summed inverse norms per term. The exact medoid
 * compares every pair (a 20,000-article claim: 2·10⁸ similarities, most of corroborate's time at 2,000
 * near-identical articles, bench/near-identical.ts); claims up to EXHAUSTIVE_WORDINGS units keep it.
 */
function centroidRepresentative(claim: AlignedClaim, alignment: Alignment): SentenceUnit {
  const w = (t: string) => (alignment.idf.get(t) ?? 0) ** 2;
  const inverseNorm = claim.units.map((u) => 1 / (Math.sqrt(u.terms.reduce((s, t) => s + w(t), 0)) || 1));
  const byTerm = new Map<string, number>();
  claim.units.forEach((u, i) => {
    for (const t of u.terms) byTerm.set(t, (byTerm.get(t) ?? 0) + inverseNorm[i]);
  });
  let best = claim.units[0];
  let bestScore = -1;
  claim.units.forEach((u, i) => {
    let score = 0;
    for (const t of u.terms) score += w(t) * (byTerm.get(t)! - inverseNorm[i]);
    score *= inverseNorm[i];
    if (score > bestScore + 1e-9) {
      best = u;
      bestScore = score;
    }
  });
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

/**
 * One outlet's own line repeated word for word in its articles ("The Gazette is an independent newsroom.")
 * is house boilerplate the cleaner missed, not a claim several sources make.
 */
function outletBoilerplate(c: AlignedClaim): boolean {
  const outlet = c.units[0].outlet;
  return outlet !== null && c.units.every((u) => u.outlet === outlet && u.text === c.units[0].text);
}

/**
 * The sources that state a claim as its representative wording does: a source whose aligned sentence
 * stands on another side of a contradiction ("closed on March 12" against the claim's "March 11") says
 * the same thing with a different fact, so it is not counted as agreeing.
 */
export function agreeingUnits(c: AlignedClaim, rep: SentenceUnit, contradictions: Contradiction[]): SentenceUnit[] {
  const dissent = new Set<SentenceUnit>();
  // The claim's units by article, so each value's sources are looked up instead of every unit being
  // scanned per value (a 20,000-value finding on a 20,000-unit claim: 4·10⁸ checks, bench/near-identical.ts).
  const unitsOf = unitsByArticle(c.units);
  for (const k of contradictions) {
    if (k.kind === 'headline' || k.kind === 'quote') continue;
    const mine = k.values.find((v) => v.sources.includes(rep.article) && v.evidence.includes(rep.text));
    if (!mine) continue;
    for (const v of k.values) {
      if (v === mine) continue;
      for (const id of new Set(v.sources)) for (const u of unitsOf.get(id) ?? []) if (v.evidence.includes(u.text)) dissent.add(u);
    }
  }
  return c.units.filter((u) => !dissent.has(u));
}

export function buildClaims(alignment: Alignment, contradictions: Contradiction[] = []): Claim[] {
  const usable = alignment.claims.filter((c) => c.units.some((u) => u.terms.length >= MIN_CLAIM_TERMS) && !outletBoilerplate(c));
  const shared = rankClaims(usable.filter((c) => c.sources.length > 1)).slice(0, MAX_SHARED_CLAIMS);
  const out: Claim[] = shared.map((c) => {
    const rep = representative(c, alignment);
    const units = agreeingUnits(c, rep, contradictions);
    return { text: rep.text, sources: [...new Set(units.map((u) => u.article))].sort(), independentSources: new Set(units.map((u) => u.group)).size };
  });
  // Dissent may have lowered a claim's support: keep the list ordered by independent support.
  out.sort((x, y) => y.independentSources - x.independentSources || y.sources.length - x.sources.length);
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
