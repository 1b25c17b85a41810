// Extractive multi-document summary of a story: centroid relevance (Radev et al. 2004) weighted by
// independent support, picked with MMR (Carbonell & Goldstein 1998) so the lead does not repeat itself.
// Each sentence carries every article that has an aligned version of it.

import type { AnalysedArticle } from '../model/article.js';
import type { Claim, ReuseResult, SourcedText } from '../model/report.js';
import { alignStory, type AlignedClaim, type SentenceUnit } from '../corroborate/align.js';
import { representative } from '../corroborate/claims.js';
import { MMR_LAMBDA, SUMMARY_SENTENCES } from '../corroborate/params.js';

/** Lead sentences are 8–45 words: shorter ones say little, longer ones are run-ons or lists. */
const MIN_WORDS = 8;
const MAX_WORDS = 45;

export function summarise(articles: AnalysedArticle[], reuse: ReuseResult, claims: Claim[]): SourcedText[] {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const alignment = alignStory(sorted, reuse);
  if (!alignment.units.length) return [];
  const idf = alignment.idf;
  // Centroid: IDF-weighted term frequencies over all sentences.
  const centroid = new Map<string, number>();
  for (const u of alignment.units) for (const t of u.terms) if (idf.has(t)) centroid.set(t, (centroid.get(t) ?? 0) + idf.get(t)!);
  const cNorm = Math.sqrt([...centroid.values()].reduce((s, v) => s + v * v, 0)) || 1;
  const centrality = (u: SentenceUnit) => {
    let dot = 0;
    let norm = 0;
    for (const t of u.terms) {
      const w = idf.get(t) ?? 0;
      dot += w * (centroid.get(t) ?? 0);
      norm += w * w;
    }
    return norm ? dot / (Math.sqrt(norm) * cNorm) : 0;
  };
  // Claims the corroborate stage kept are preferred (they passed its size filters), and their sources are
  // the ones that agree (a source stating the claim with a contradicting fact was taken out there).
  const kept = new Map(claims.map((c) => [c.text, c]));

  interface Candidate {
    claim: AlignedClaim;
    sources: string[];
    independent: number;
    rep: SentenceUnit;
    score: number;
    position: number;
  }
  const candidates: Candidate[] = [];
  for (const claim of alignment.claims) {
    const rep = representative(claim, alignment);
    const words = rep.text.split(/\s+/).length;
    if (words < MIN_WORDS || words > MAX_WORDS) continue;
    // Direct quotes make poor lead sentences: the lead reports, the quotes section quotes.
    if (/^[“"]/.test(rep.text.trim())) continue;
    const position = claim.units.reduce((s, u) => s + u.position, 0) / claim.units.length;
    const k = kept.get(rep.text);
    const sources = k ? k.sources : claim.sources;
    const independent = k ? k.independentSources : claim.independent;
    const support = 1 + Math.log(Math.max(1, independent)) + 0.25 * Math.log(Math.max(1, sources.length));
    const score = centrality(rep) * support * (1.15 - 0.3 * position) * (k ? 1.1 : 1);
    candidates.push({ claim, sources, independent, rep, score, position });
  }
  // Never present as agreed what one copy-group says: single-group sentences only fill gaps.
  const agreed = candidates.filter((c) => c.independent >= 2);
  const pool = agreed.length >= SUMMARY_SENTENCES - 1 ? agreed : candidates;
  pool.sort((a, b) => b.score - a.score || a.rep.uid - b.rep.uid);

  const picked: Candidate[] = [];
  const maxScore = pool.length ? pool[0].score || 1 : 1;
  while (picked.length < SUMMARY_SENTENCES && picked.length < pool.length) {
    let best: Candidate | null = null;
    let bestValue = -Infinity;
    for (const c of pool) {
      if (picked.includes(c)) continue;
      const redundancy = picked.reduce((m, p) => Math.max(m, simUnits(c.rep, p.rep, idf)), 0);
      const value = MMR_LAMBDA * (c.score / maxScore) - (1 - MMR_LAMBDA) * redundancy;
      if (value > bestValue + 1e-12) {
        best = c;
        bestValue = value;
      }
    }
    if (!best) break;
    picked.push(best);
  }
  picked.sort((a, b) => a.position - b.position || a.rep.uid - b.rep.uid);
  return picked.map((c) => ({ text: c.rep.text, sources: c.sources }));
}

/** IDF cosine of two sentences, whatever their articles (MMR compares within one article too). */
function simUnits(a: SentenceUnit, b: SentenceUnit, idf: Map<string, number>): number {
  const sb = new Set(b.terms);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const t of a.terms) {
    const w = (idf.get(t) ?? 0) ** 2;
    na += w;
    if (sb.has(t)) dot += w;
  }
  for (const t of b.terms) nb += (idf.get(t) ?? 0) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
