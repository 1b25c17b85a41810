// Rule `quote`: the same remark by the same speaker worded differently across sources — a quote altered
// in a rewrite ("strike-capable UAVs" vs "attack-capable UAVs").
// Why it does not fire on the compatible cases it was tested against:
// - partial quotes (one source quotes only the second sentence): only substitutions BETWEEN words both
//   wordings share count; text missing at either end is a cut, not an alteration;
// - punctuation, case, curly vs straight quotes: wordings are compared as lower-cased word sequences;
// - inflection and function words ("we released" vs "we are releasing", "assess that an" vs "assess an"):
//   a substituted stretch must change a content stem on both sides;
// - paraphrase reported as indirect speech on both sides: at least one wording must be a direct quote.

import type { AnalysedArticle } from '../../model/article.js';
import type { Contradiction } from '../../model/report.js';
import type { ReuseResult } from '../../model/report.js';
import { groupOfArticle } from '../align.js';
import type { QuoteGroup, Wording } from '../quotes.js';
import { isStopword, stem } from '../terms.js';
import { ValueTally } from './evidence.js';
import { clip } from './slot.js';
import { UNATTRIBUTED_MIN_TERMS } from '../params.js';

/** A quote's text without the quotation marks and trailing comma the extractor may keep. */
const bare = (t: string) => t.trim().replace(/^["“”'‘]+|["“”'‘,\s]+$/g, '').trim();

/** LCS alignment of two word sequences; returns the substituted stretches found between matched words. */
export function innerSubstitutions(a: string[], b: string[]): { from: string[]; to: string[] }[] {
  const n = a.length;
  const m = b.length;
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const hunks: { from: string[]; to: string[]; inner: boolean }[] = [];
  let i = 0;
  let j = 0;
  let matchedBefore = false;
  let cur: { from: string[]; to: string[]; inner: boolean } | null = null;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (cur) {
        cur.inner = matchedBefore;
        hunks.push(cur);
        cur = null;
      }
      matchedBefore = true;
      i++;
      j++;
    } else if (j < m && (i >= n || dp[i][j + 1] >= dp[i + 1][j])) {
      (cur ??= { from: [], to: [], inner: false }).to.push(b[j++]);
    } else {
      (cur ??= { from: [], to: [], inner: false }).from.push(a[i++]);
    }
  }
  // A trailing hunk is never inner: nothing matched after it.
  return hunks.filter((h) => h.inner && h.from.length && h.to.length).map(({ from, to }) => ({ from, to }));
}

const contentStems = (ws: string[]) => ws.flatMap((w) => w.split('-')).filter((w) => !isStopword(w)).map(stem);

/** True when a substitution changes meaning-bearing words on both sides. */
function altered(x: Wording, y: Wording): boolean {
  for (const h of innerSubstitutions(x.words, y.words)) {
    const f = new Set(contentStems(h.from));
    const t = new Set(contentStems(h.to));
    const fOnly = [...f].filter((s) => !t.has(s));
    const tOnly = [...t].filter((s) => !f.has(s));
    if (fOnly.length && tOnly.length) return true;
  }
  return false;
}

/** The sentence of an article that carries a wording, for evidence; the wording itself when not found. */
function evidenceFor(article: AnalysedArticle | undefined, w: Wording): string {
  if (!article) return w.text;
  const probe = w.words.slice(0, 4).join(' ');
  for (const s of article.text.sentences) {
    const sw = s.text.toLowerCase().replace(/[’‘`]/g, "'").split(/[^\p{L}\p{N}']+/u).filter(Boolean).join(' ');
    if (sw.includes(probe)) return s.text;
  }
  return w.text;
}

export function quoteContradictions(groups: QuoteGroup[], articles: AnalysedArticle[], reuse: ReuseResult): Contradiction[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const out: Contradiction[] = [];
  for (const g of groups) {
    if (g.wordings.length < 2) continue;
    // Unattributed quotes are grouped on identical wording only, or compared when long enough that a
    // near-identical wording cannot be a coincidence.
    if (!g.speaker && g.wordings.some((w) => w.terms.size < UNATTRIBUTED_MIN_TERMS)) continue;
    const tally = new ValueTally();
    for (let i = 0; i < g.wordings.length; i++) {
      for (let j = i + 1; j < g.wordings.length; j++) {
        const x = g.wordings[i];
        const y = g.wordings[j];
        if (!x.direct && !y.direct) continue;
        if (!altered(x, y)) continue;
        for (const w of [x, y]) {
          for (const id of [...w.sources].sort()) {
            tally.add(w.words.join(' '), bare(w.text), { article: id, group: groupOfArticle(reuse, id), evidence: evidenceFor(byId.get(id), w) });
          }
        }
      }
    }
    if (tally.size < 2 || tally.overlapping()) continue;
    const longest = [...g.wordings].sort((a, b) => b.words.length - a.words.length)[0];
    const whose = g.speaker ? `${g.speaker}’s quote` : 'an unattributed quote';
    out.push({ kind: 'quote', about: `wording of ${whose} “${clip(bare(longest.text), 8)}”`, values: tally.values() });
  }
  return out;
}
