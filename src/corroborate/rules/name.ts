// Rule `name`: aligned sentences, near-identical apart from one name, put a different person or place in
// the same slot ("Mayor Ana Ruiz said" vs "Mayor Ines Ruiz-Vidal said" is fine; "… Ana Ruiz" vs "… Tom Kell" is not).
// Why it does not fire on the compatible cases it was tested against:
// - partial names and aliases ("Sullivan" vs "Jake Sullivan", "U.S." vs "United States"): names that
//   share a word, or where one is the initials of the other, are the same name;
// - extra or missing names (one article names a second official): exactly one unmatched name on each
//   side, of the same type, is required;
// - a name mentioned elsewhere in the other article is a different choice of detail, not a swap;
// - loosely aligned sentences: the words outside the names must overlap (Jaccard ≥ NAME_CONTEXT_JACCARD);
// - organisations are left out: their many short forms ("NSC", "the council") alias too freely.
// Wording pass (for names the extractor missed or typed differently): in near-identical aligned sentences
// (word-sequence LCS ≥ NAME_DIFF_MIN_SIMILARITY of the longer one) a substitution between shared words where both sides are
// capitalised words ("Idris Fenwick checked into…" vs "Lina Moor checked into…"), and the only one. Silent when the two
// wordings are the same name (shared word, initials), when either side is a month, weekday or title
// ("Tuesday" vs "Wednesday" is the date rule's; "President" vs "Senator" is a role), when the other
// article mentions the name anyway, or on a sentence-initial capital that is not a proper noun.

import type { AnalysedArticle, EntityMention } from '../../model/article.js';
import type { Contradiction } from '../../model/report.js';
import type { Alignment, SentenceUnit } from '../align.js';
import { CONTRADICTION_MIN_SIMILARITY, NAME_CONTEXT_JACCARD, NAME_DIFF_MIN_SIMILARITY } from '../params.js';
import { innerSubstitutions } from './quote.js';
import { stem } from '../terms.js';
import { ValueTally } from './evidence.js';
import { byWording, clip } from './slot.js';
import { forComparedPairs } from '../pairs.js';

const wordsMemo = new Map<string, string[]>();
/** A name's words, memoised: the rule compares the same few names thousands of times in a big story. */
const words = (name: string): string[] => {
  let w = wordsMemo.get(name);
  if (!w) {
    if (wordsMemo.size >= 100_000) wordsMemo.clear();
    w = name.toLowerCase().replace(/[’'`.]/g, '').split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 1);
    wordsMemo.set(name, w);
  }
  return w;
};
const initials = (name: string) => words(name).map((w) => w[0]).join('');

export function sameName(x: string, y: string): boolean {
  const wx = words(x);
  const wy = words(y);
  if (!wx.length || !wy.length) return x.toLowerCase() === y.toLowerCase();
  if (wx.some((w) => wy.includes(w))) return true;
  const cx = x.replace(/[.\s]/g, '').toLowerCase();
  const cy = y.replace(/[.\s]/g, '').toLowerCase();
  return (cx.length >= 2 && cx === initials(y)) || (cy.length >= 2 && cy === initials(x));
}

const COMPARED = new Set(['person', 'place']);

function names(u: SentenceUnit): EntityMention[] {
  const seen = new Map<string, EntityMention>();
  for (const e of u.entities) if (COMPARED.has(e.type) && !seen.has(e.name)) seen.set(e.name, e);
  return [...seen.values()];
}

function contextTerms(u: SentenceUnit, ents: EntityMention[]): Set<string> {
  const nameStems = new Set(ents.flatMap((e) => words(e.name).map(stem)));
  return new Set(u.terms.filter((t) => !nameStems.has(t)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

export function nameContradictions(alignment: Alignment, articles: AnalysedArticle[]): Contradiction[] {
  const namesOfArticle = new Map<string, string[]>(
    articles.map((a) => [a.id, [...new Set((a.extract?.entities ?? []).map((e) => e.name))]]),
  );
  const mentionedIn = (article: string, name: string) => (namesOfArticle.get(article) ?? []).some((n) => sameName(n, name));
  const out: Contradiction[] = [];
  for (const claim of alignment.claims) {
    if (claim.sources.length < 2) continue;
    const tally = new ValueTally();
    let roleOrType = '';
    let rep: SentenceUnit | null = null;
    // Copies are compared once and every carrier credited (see byWording).
    const wordings = byWording(claim.units);
    forComparedPairs(wordings.length, (i, j) => {
      const a = wordings[i][0];
      const b = wordings[j][0];
      const na = names(a);
      const nb = names(b);
      if (!na.length || !nb.length) return;
      if (alignment.similarity(a, b) < CONTRADICTION_MIN_SIMILARITY) return;
      const onlyA = na.filter((x) => !nb.some((y) => sameName(x.name, y.name)));
      const onlyB = nb.filter((y) => !na.some((x) => sameName(x.name, y.name)));
      if (onlyA.length !== 1 || onlyB.length !== 1) return;
      const [x] = onlyA;
      const [y] = onlyB;
      if (x.type !== y.type) return;
      if (jaccard(contextTerms(a, na), contextTerms(b, nb)) < NAME_CONTEXT_JACCARD) return;
      // Per carrier: an article that mentions the other name anyway made a different choice of detail.
      const carriersA = wordings[i].filter((u) => !mentionedIn(u.article, y.name));
      const carriersB = wordings[j].filter((u) => !mentionedIn(u.article, x.name));
      if (!carriersA.length || !carriersB.length) return;
      for (const u of carriersA) tally.add(x.name.toLowerCase(), x.name, { article: u.article, group: u.group, evidence: u.text });
      for (const u of carriersB) tally.add(y.name.toLowerCase(), y.name, { article: u.article, group: u.group, evidence: u.text });
      const sharedRole = x.roles.find((r) => y.roles.includes(r));
      roleOrType = sharedRole ? `name of the ${sharedRole}` : `${x.type} named in “${clip(a.text)}”`;
      rep ??= a;
    });
    if (tally.size < 2 || tally.overlapping() || !rep) continue;
    out.push({ kind: 'name', about: roleOrType, values: tally.values() });
  }
  return [...out, ...wordingNameContradictions(alignment, articles)];
}

const NOT_NAMES = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday thursday ' +
    'friday saturday sunday mr mrs ms dr president senator sen rep gov governor secretary minister chief general gen judge mayor ' +
    'prime premier king queen prince pope the a an this that it he she they we i').split(' '),
);

interface Word {
  lower: string;
  cap: boolean;
}

/** The sentence's words, each marked when written as a name (capitalised, and a proper noun if sentence-initial). */
function wordsOfUnit(u: SentenceUnit): Word[] {
  const out: Word[] = [];
  for (const t of u.tokens) {
    const surface = u.text.slice(t.start - u.start, t.end - u.start);
    if (!/^[\p{L}][\p{L}’'-]*$/u.test(surface)) continue;
    const cap = /^\p{Lu}/u.test(surface) && (out.length > 0 || t.pos === 'PROPN');
    out.push({ lower: surface.toLowerCase(), cap });
  }
  return out;
}

/** Share of the longer word sequence that the longest common subsequence covers: near-identical wording. */
export function lcsRatio(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Uint16Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[b.length] / Math.max(a.length, b.length);
}

function wordingNameContradictions(alignment: Alignment, articles: AnalysedArticle[]): Contradiction[] {
  const textOf = new Map(articles.map((a) => [a.id, a.clean.text.toLowerCase()]));
  const out: Contradiction[] = [];
  for (const claim of alignment.claims) {
    if (claim.sources.length < 2) continue;
    // Copies carry identical sentences: compare each distinct wording once, credit every carrier.
    const byText = new Map<string, SentenceUnit[]>();
    // Appended in place (a copied list per unit was quadratic in a claim's copies).
    for (const u of claim.units) (byText.get(u.text) ?? byText.set(u.text, []).get(u.text)!).push(u);
    const texts = [...byText.values()];
    forComparedPairs(texts.length, (i, j) => {
      const a = texts[i][0];
      const b = texts[j][0];
      const wa = wordsOfUnit(a);
      const wb = wordsOfUnit(b);
      if (lcsRatio(wa.map((w) => w.lower), wb.map((w) => w.lower)) < NAME_DIFF_MIN_SIMILARITY) return;
      const capA = new Set(wa.filter((w) => w.cap).map((w) => w.lower));
      const capB = new Set(wb.filter((w) => w.cap).map((w) => w.lower));
      // A sentinel start word makes a sentence-initial name swap ("Idris Fenwick checked into…") inner.
      const hunks = innerSubstitutions(['\u0000', ...wa.map((w) => w.lower)], ['\u0000', ...wb.map((w) => w.lower)]);
      const named = hunks.filter(
        (h) =>
          h.from.length <= 4 && h.to.length <= 4 &&
          h.from.every((w) => capA.has(w) && !NOT_NAMES.has(w.replace(/[’']s$/, ''))) &&
          h.to.every((w) => capB.has(w) && !NOT_NAMES.has(w.replace(/[’']s$/, ''))),
      );
      // The swapped name must be the only substitution: a rewrite that also changes other words
      // ("Gusts … ripped" / "Winds … tore") may capitalise a paraphrased first word.
      if (named.length !== 1 || hunks.length !== 1) return;
      const show = (ws: string[]) => ws.map((w) => w.replace(/[’']s$/, '')).map((w) => w.replace(/(^|[-\s])\p{L}/gu, (c) => c.toUpperCase())).join(' ');
      const x = show(named[0].from);
      const y = show(named[0].to);
      if (sameName(x, y)) return;
      if (texts[j].some((u) => textOf.get(u.article)!.includes(x.toLowerCase())) || texts[i].some((u) => textOf.get(u.article)!.includes(y.toLowerCase()))) return;
      const tally = new ValueTally();
      for (const u of texts[i]) tally.add(x.toLowerCase(), x, { article: u.article, group: u.group, evidence: u.text });
      for (const u of texts[j]) tally.add(y.toLowerCase(), y, { article: u.article, group: u.group, evidence: u.text });
      if (tally.overlapping()) return;
      out.push({ kind: 'name', about: `name in “${clip(a.text)}”`, values: tally.values() });
    });
  }
  return out;
}
