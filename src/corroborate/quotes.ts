// Groups a story's quotes: wordings of the same remark by the same speaker become one quote with
// variants (each with its sources), and returns the groups for the `quote` contradiction rule.

import type { AnalysedArticle } from '../model/article.js';
import type { ReportQuote, SourcedText } from '../model/report.js';
import { INDIRECT_JACCARD, QUOTE_MIN_TERMS, QUOTE_OVERLAP, UNATTRIBUTED_MIN_TERMS } from './params.js';
import { contentTermsOfText } from './terms.js';
import { unnamedSource } from '../extract/story-entities.js';
import { byCodePoint } from './order.js';

export interface Wording {
  text: string;
  /** Lower-cased words, punctuation dropped: what "identical wording" is judged on. */
  words: string[];
  terms: Set<string>;
  sources: Set<string>;
  direct: boolean;
}

export interface QuoteGroup {
  speaker: string | null;
  /** The unnamed source's wording, for groups without a speaker. */
  attributedTo: string | null;
  wordings: Wording[];
}

export const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    // A tokenised contraction ("we ’ re", "HP ’ s") is the same word as "we're".
    .replace(/(\p{L})\s*'\s*(s|re|ll|ve|d|t|m)\b/gu, "$1'$2")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);


function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let inter = 0;
  for (const t of small) if (big.has(t)) inter++;
  return inter / small.size;
}

/** Flattens the incoming quotes (and any variants they already carry); falls back to the articles' own. */
function wordingsOf(quotes: ReportQuote[], articles: AnalysedArticle[]): { speaker: string | null; attributedTo: string | null; w: Wording }[] {
  const raw: { speaker: string | null; attributedTo: string | null; text: string; direct: boolean; sources: string[] }[] = [];
  if (quotes.length) {
    for (const q of quotes) {
      const attributedTo = q.attributedTo ?? null;
      raw.push({ speaker: q.speaker, attributedTo, text: q.text, direct: q.direct, sources: q.sources });
      for (const v of q.variants) raw.push({ speaker: q.speaker, attributedTo, text: v.text, direct: q.direct, sources: v.sources });
    }
  } else {
    for (const a of articles) {
      for (const q of a.extract?.quotes ?? []) {
        raw.push({ speaker: q.speaker, attributedTo: q.speaker ? null : unnamedSource(q.speakerSpan?.text), text: q.content.text, direct: q.direct, sources: [a.id] });
      }
    }
  }
  return raw.map((r) => ({
    speaker: r.speaker,
    attributedTo: r.attributedTo,
    w: { text: r.text.trim(), words: wordsOf(r.text), terms: new Set(contentTermsOfText(r.text)), sources: new Set(r.sources), direct: r.direct },
  }));
}

/** Same speaker = same last word ("Sullivan" / "Jake Sullivan"; equal names share it too): quotes are only
 * compared within one bucket. Unattributed quotes form their own bucket; a speaker with no words, none. */
const speakerKey = (speaker: string | null): string | null => {
  if (speaker === null) return '\u0000';
  const w = wordsOf(speaker);
  return w.length ? w[w.length - 1] : null;
};

export function groupQuotes(quotes: ReportQuote[], articles: AnalysedArticle[]): QuoteGroup[] {
  const items = wordingsOf(quotes, articles).filter((x) => x.w.words.length > 0);
  const parent = items.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  // Candidates instead of all pairs (a 1,600-article story spent 5 s here): within a speaker bucket, the
  // same words (identical) or a shared content term (every "near" pair shares at least three).
  const byWords = new Map<string, number>();
  const postings = new Map<string, number[]>();
  for (let j = 0; j < items.length; j++) {
    const key = speakerKey(items[j].speaker);
    if (key === null) continue;
    const b = items[j].w;
    const same = byWords.get(`${key}\u0000${b.words.join(' ')}`);
    if (same !== undefined) parent[find(j)] = find(same);
    else byWords.set(`${key}\u0000${b.words.join(' ')}`, j);
    const seen = new Set<number>();
    for (const t of b.terms) {
      const list = postings.get(`${key}\u0000${t}`);
      if (!list) {
        postings.set(`${key}\u0000${t}`, [j]);
        continue;
      }
      for (const i of list) {
        if (seen.has(i)) continue;
        seen.add(i);
        const a = items[i].w;
        const minTerms = items[i].speaker === null ? UNATTRIBUTED_MIN_TERMS : QUOTE_MIN_TERMS;
        // Direct quotes may be cut (one source quotes only the second sentence): containment suffices.
        // Indirect speech is paraphrase, and containment chains unrelated paraphrases into one group, so
        // it needs the symmetric Jaccard.
        const bothDirect = a.direct && b.direct;
        const near =
          Math.min(a.terms.size, b.terms.size) >= minTerms &&
          (bothDirect ? overlap(a.terms, b.terms) >= QUOTE_OVERLAP : jaccard(a.terms, b.terms) >= INDIRECT_JACCARD);
        if (near) parent[find(j)] = find(i);
      }
      list.push(j);
    }
  }
  const groups = new Map<number, QuoteGroup>();
  for (let i = 0; i < items.length; i++) {
    const r = find(i);
    const g = groups.get(r) ?? { speaker: null, attributedTo: null, wordings: [] };
    // The fullest form of the speaker's name wins ("Jake Sullivan" over "Sullivan").
    const sp = items[i].speaker;
    if (sp && (!g.speaker || sp.length > g.speaker.length)) g.speaker = sp;
    const by = items[i].attributedTo;
    if (by && (!g.attributedTo || by.length > g.attributedTo.length)) g.attributedTo = by;
    const key = items[i].w.words.join(' ');
    const same = g.wordings.find((w) => w.words.join(' ') === key);
    if (same) {
      for (const s of items[i].w.sources) same.sources.add(s);
      same.direct ||= items[i].w.direct;
    } else g.wordings.push({ ...items[i].w, sources: new Set(items[i].w.sources) });
    groups.set(r, g);
  }
  return [...groups.values()];
}

/** The wording most sources carry (ties: the longer, then alphabetical) leads; the others are variants. */
export function toReportQuotes(groups: QuoteGroup[]): ReportQuote[] {
  const out: ReportQuote[] = [];
  for (const g of groups) {
    const ws = [...g.wordings].sort((a, b) => b.sources.size - a.sources.size || b.words.length - a.words.length || byCodePoint(a.text, b.text));
    const [main, ...rest] = ws;
    const variants: SourcedText[] = rest.map((w) => ({ text: w.text, sources: [...w.sources].sort() }));
    out.push({ speaker: g.speaker, attributedTo: g.speaker ? null : g.attributedTo, text: main.text, direct: ws.some((w) => w.direct), sources: [...main.sources].sort(), variants });
  }
  // Most-carried quotes first, then by speaker and text for determinism.
  const carried = (q: ReportQuote) => new Set([...q.sources, ...q.variants.flatMap((v) => v.sources)]).size;
  return out.sort((a, b) => carried(b) - carried(a) || Number(a.speaker === null) - Number(b.speaker === null) || byCodePoint(a.speaker ?? '', b.speaker ?? '') || byCodePoint(a.text, b.text));
}
