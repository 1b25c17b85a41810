// Aligns the sentences of a story's articles into claims: the same statement in different words becomes
// one group with several sources. IDF-weighted cosine over light-stemmed content terms (order-free), plus
// a bonus for shared entities, dates and numbers; the reuse stage's aligned pairs are taken as given.
// Greedy merging by descending similarity, at most one sentence per article in a claim, so a chain of
// loosely similar sentences cannot snowball into one giant claim (the weakness of plain single-link).

import { linksByArticle } from '../reuse/links-by-article.js';
import type { AnalysedArticle, DateMention, EntityMention, QuantityMention, QuoteMention, Token } from '../model/article.js';
import type { ReuseResult } from '../model/report.js';
import { ALIGN_THRESHOLD, EXACT_MAX_SENTENCES, MAX_TERM_SHARE, POSTINGS_SCANNED, PREFIX_TERMS, MIN_SHARED_MAIN_TERMS, SHARED_FACT_BONUS, STRONG_ALIGN } from './params.js';
import { mainClause, sharedMain, type MainClause } from './clause.js';
import { contentTerms } from './terms.js';

/** What a sentence unit says, the same in every story its article is in (see SentenceFeatures). */
interface SentenceContent {
  sentence: number;
  /** Relative position in the article, 0 = lead. */
  position: number;
  text: string;
  /** Offset of the sentence in the article's clean text (spans index the clean text). */
  start: number;
  tokens: Token[];
  terms: string[];
  entities: EntityMention[];
  dates: DateMention[];
  quantities: QuantityMention[];
  quotes: QuoteMention[];
}

export interface SentenceUnit extends SentenceContent {
  /** Position in `Alignment.units`. */
  uid: number;
  article: string;
  group: string;
  /** The article's outlet (meta.outlet), null when unknown. */
  outlet: string | null;
}

export interface AlignedClaim {
  units: SentenceUnit[];
  /** Article ids, sorted. */
  sources: string[];
  /** Distinct independence groups among the sources. */
  independent: number;
}

export interface Alignment {
  units: SentenceUnit[];
  claims: AlignedClaim[];
  /** Claim index of each unit. */
  claimOf: number[];
  /** Similarity of two units (IDF cosine + fact bonus), symmetric; 0 for units of one article. */
  similarity(a: SentenceUnit, b: SentenceUnit): number;
  idf: Map<string, number>;
}

/** A story's sentence units by article, each article's in story order (grouped once: a per-article filter of
 *  the story's units is quadratic in the story). */
export function unitsByArticle(units: SentenceUnit[]): Map<string, SentenceUnit[]> {
  const out = new Map<string, SentenceUnit[]>();
  for (const u of units) {
    const list = out.get(u.article);
    if (list) list.push(u);
    else out.set(u.article, [u]);
  }
  return out;
}

export function groupOfArticle(reuse: ReuseResult, id: string): string {
  return reuse.groupOf.get(id) ?? id;
}

/**
 * The story-independent part of a sentence unit: its terms, fact keys and copy key are the same in every
 * story the article is in, so they are computed once per article record and kept while its text and
 * extraction are the same objects (a re-dated article gets a new `extract`). A single add into a
 * 1,363-article story rebuilt all of them for every member (stem and buildUnits: 3 % of the add).
 */
interface SentenceFeatures extends SentenceContent {
  facts: Set<string>;
  /** Sorted terms and fact keys: word-for-word copies of one sentence share it ('' without terms). */
  copyKey: string;
  main?: MainClause;
}

const featuresMemo = new WeakMap<AnalysedArticle, { text: AnalysedArticle['text']; extract: AnalysedArticle['extract']; sentences: SentenceFeatures[] }>();

function sentenceFeatures(a: AnalysedArticle): SentenceFeatures[] {
  const hit = featuresMemo.get(a);
  if (hit && hit.text === a.text && hit.extract === a.extract) return hit.sentences;
  const n = a.text.sentences.length;
  const bySentence = <T extends { sentence: number }>(xs: T[] | undefined) => {
    const m = new Map<number, T[]>();
    for (const x of xs ?? []) {
      const list = m.get(x.sentence);
      if (list) list.push(x);
      else m.set(x.sentence, [x]);
    }
    return m;
  };
  const ents = bySentence(a.extract?.entities);
  const dates = bySentence(a.extract?.dates);
  const qty = bySentence(a.extract?.quantities);
  const quotes = bySentence(a.extract?.quotes);
  const sentences = a.text.sentences.map((s): SentenceFeatures => {
    const f: SentenceFeatures = {
      sentence: s.index,
      position: n > 1 ? s.index / (n - 1) : 0,
      text: s.text,
      start: s.start,
      tokens: s.tokens,
      terms: [...new Set(contentTerms(s.tokens))],
      entities: ents.get(s.index) ?? [],
      dates: dates.get(s.index) ?? [],
      quantities: qty.get(s.index) ?? [],
      quotes: quotes.get(s.index) ?? [],
      facts: new Set(),
      copyKey: '',
    };
    f.facts = factKeys(f);
    if (f.terms.length) f.copyKey = `${[...f.terms].sort().join(' ')}\u0000${[...f.facts].sort().join(' ')}`;
    return f;
  });
  featuresMemo.set(a, { text: a.text, extract: a.extract, sentences });
  return sentences;
}

function buildUnits(articles: AnalysedArticle[], reuse: ReuseResult): { units: SentenceUnit[]; features: SentenceFeatures[] } {
  const units: SentenceUnit[] = [];
  const features: SentenceFeatures[] = [];
  for (const a of articles) {
    const group = groupOfArticle(reuse, a.id);
    for (const f of sentenceFeatures(a)) {
      const { sentence, position, text, start, tokens, terms, entities, dates, quantities, quotes } = f;
      units.push({ uid: units.length, article: a.id, group, outlet: a.meta.outlet, sentence, position, text, start, tokens, terms, entities, dates, quantities, quotes });
      features.push(f);
    }
  }
  return { units, features };
}

/** Keys of the facts a sentence states: entity names, resolved dates, numeric values. */
function factKeys(u: Pick<SentenceUnit, 'entities' | 'dates' | 'quantities'>): Set<string> {
  const keys = new Set<string>();
  for (const e of u.entities) keys.add(`e:${e.name.toLowerCase()}`);
  for (const d of u.dates) if (d.value && d.value.length >= 7) keys.add(`d:${d.value}`);
  for (const q of u.quantities) if (q.value !== null && q.kind !== 'ordinal') keys.add(`q:${q.value}`);
  return keys;
}

/** The reuse links between a story's articles, through the batch's per-article index (src/reuse). */
function linksAmong(reuse: ReuseResult, articles: AnalysedArticle[]): ReuseResult['links'] {
  const index = linksByArticle(reuse.links);
  const ids = new Set(articles.map((a) => a.id));
  return articles.flatMap((a) => (index.get(a.id) ?? []).filter((l) => ids.has(l.b)));
}

const cache = new WeakMap<AnalysedArticle, { key: string; reuse: ReuseResult; alignment: Alignment }>();

/** Aligns a story's sentences; memoised per (articles, reuse) so corroborate and summary share the work. */
export function alignStory(articles: AnalysedArticle[], reuse: ReuseResult): Alignment {
  const key = articles.map((a) => a.id).join('\u0000');
  const hit = articles.length ? cache.get(articles[0]) : undefined;
  if (hit && hit.key === key && hit.reuse === reuse) return hit.alignment;
  const alignment = computeAlignment(articles, reuse);
  if (articles.length) cache.set(articles[0], { key, reuse, alignment });
  return alignment;
}

/** `alignStory` without the memo, with the exact/approximate switch exposed (tests of the big-story path). */
export function computeAlignment(articles: AnalysedArticle[], reuse: ReuseResult, exactMaxSentences = EXACT_MAX_SENTENCES): Alignment {
  const { units, features } = buildUnits(articles, reuse);
  const n = units.length;
  const df = new Map<string, number>();
  for (const u of units) for (const t of u.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  // Topic words (in over half the sentences) carry no alignment signal; with few sentences every
  // word is "frequent", so the cut only applies from 20 sentences on.
  for (const [t, f] of df) {
    if (n >= 20 && f / n > MAX_TERM_SHARE) continue;
    idf.set(t, Math.log(1 + n / f));
  }
  const { ids, w2, weight, terms: vocabulary, dfOf } = termIndex(units, df, idf);
  const norms = units.map((u) => {
    let s = 0;
    for (const id of ids[u.uid]) s += w2[id];
    return Math.sqrt(s) || 1;
  });
  const facts = features.map((f) => f.facts);

  // The cosine on integer term ids: b's terms are marked in one typed array (kept while b is the same
  // unit), a's are summed in a's own order, so every sum is the one the string sets gave, bit for bit.
  const mark = new Int32Array(vocabulary.length).fill(-1);
  let marked = -1;
  const cosine = (a: SentenceUnit, b: SentenceUnit): number => {
    if (marked !== b.uid) {
      for (const id of ids[b.uid]) mark[id] = b.uid;
      marked = b.uid;
    }
    let dot = 0;
    for (const id of ids[a.uid]) if (mark[id] === b.uid) dot += w2[id];
    return dot / (norms[a.uid] * norms[b.uid]);
  };
  const bonus = (a: SentenceUnit, b: SentenceUnit): number => {
    const fa = facts[a.uid];
    const fb = facts[b.uid];
    if (!fa.size || !fb.size) return 0;
    let shared = 0;
    for (const k of fa) if (fb.has(k)) shared++;
    return Math.min(3, shared) * SHARED_FACT_BONUS;
  };
  const similarity = (a: SentenceUnit, b: SentenceUnit): number => (a.article === b.article ? 0 : cosine(a, b) + bonus(a, b));

  // Sentences that share names and topic words but not their main statement ("the berth reopened six days
  // after the storm closed the port" vs "the storm forced the port to close") are different claims: below
  // STRONG_ALIGN a pair must share a main-clause predicate or MIN_SHARED_MAIN_TERMS main-clause words.
  const mainOf = (u: SentenceUnit) => (features[u.uid].main ??= mainClause(u));
  const sameEvent = (a: SentenceUnit, b: SentenceUnit, sim: number): boolean => {
    if (sim >= STRONG_ALIGN) return true;
    // A sentence that is all names, dates and numbers (a dateline) has no main clause to judge by.
    if (!mainOf(a).terms.size || !mainOf(b).terms.size) return true;
    const shared = sharedMain(mainOf(a), mainOf(b));
    return shared.verbs >= 1 || shared.terms >= MIN_SHARED_MAIN_TERMS;
  };

  // Candidate pairs through an inverted index: only sentences sharing a weighted term are compared. In a
  // story of more than EXACT_MAX_SENTENCES sentences a sentence proposes candidates through its
  // PREFIX_TERMS rarest terms only (prefix filtering, Bayardo et al. 2007, without its exactness bound) and
  // pairs are scored with the full cosine: a 1,600-article synthetic story produced 14.7 M candidates and
  // took 23 s exactly. Smaller stories, all of the eval and seed figures, take the exact path.
  const approximate = n > exactMaxSentences;
  // Word-for-word copies of one sentence in other articles (wire copy) would all be compared with each other
  // and with everything else: the first stands for them in the pairing and the copies join its claim
  // before the greedy merge, which is where identical pairs (similarity ≥ 1) went first anyway.
  const copyOf = new Array<number>(n).fill(-1);
  const firstWith = new Map<string, { uid: number; articles: Set<string> }>();
  for (const u of units) {
    const key = features[u.uid].copyKey;
    if (!key) continue;
    const first = firstWith.get(key);
    if (!first) firstWith.set(key, { uid: u.uid, articles: new Set([u.article]) });
    else if (!first.articles.has(u.article)) {
      first.articles.add(u.article);
      copyOf[u.uid] = first.uid;
    }
  }
  const postings: (number[] | undefined)[] = new Array(vocabulary.length);
  const pairs: { a: number; b: number; sim: number }[] = [];
  // Partial dot products of the exact path, by unit; `touched` keeps them in first-seen order.
  const partials = new Float64Array(n);
  const seen = new Uint8Array(n);
  for (const u of units) {
    if (copyOf[u.uid] >= 0) continue;
    const dots: number[] = [];
    let probe: ArrayLike<number> = ids[u.uid];
    if (approximate) {
      probe = [...ids[u.uid]].filter((id) => weight[id] >= 0).sort((x, y) => dfOf[x] - dfOf[y] || (vocabulary[x] < vocabulary[y] ? -1 : 1)).slice(0, PREFIX_TERMS);
    }
    for (let p = 0; p < probe.length; p++) {
      const id = probe[p];
      const w = weight[id];
      if (w < 0) continue;
      const list = postings[id];
      if (list) {
        // Approximate path: a term carried by thousands of near-identical sentences proposes its first
        // POSTINGS_SCANNED carriers only (enough to join a sentence to its claim; every carrier made the
        // pass quadratic: 20,000 near-identical articles, bench/near-identical.ts).
        const scan = approximate ? Math.min(list.length, POSTINGS_SCANNED) : list.length;
        for (let k = 0; k < scan; k++) {
          const v = list[k];
          if (units[v].article === u.article) continue;
          if (!seen[v]) {
            seen[v] = 1;
            partials[v] = 0;
            dots.push(v);
          }
          partials[v] += w * w;
        }
        list.push(u.uid);
      } else postings[id] = [u.uid];
    }
    for (const v of dots) {
      seen[v] = 0;
      const partial = partials[v];
      const cos = approximate ? cosine(u, units[v]) : partial / (norms[u.uid] * norms[v]);
      if (cos + 3 * SHARED_FACT_BONUS < ALIGN_THRESHOLD) continue;
      const sim = cos + bonus(u, units[v]);
      if (sim >= ALIGN_THRESHOLD && sameEvent(u, units[v], sim)) pairs.push({ a: v, b: u.uid, sim });
    }
  }
  // The reuse stage has already aligned copied sentences; trust its pairs even when reworded.
  // Units by article and sentence index, looked up once per link: a key string per sentence pair was a
  // third of the alignment of a 1,362-article story (31,658 links, ~500,000 pairs).
  const uidsOf = new Map<string, number[]>();
  for (const u of units) (uidsOf.get(u.article) ?? uidsOf.set(u.article, []).get(u.article)!)[u.sentence] = u.uid;
  const none: number[] = [];
  for (const link of linksAmong(reuse, articles)) {
    const inA = uidsOf.get(link.a) ?? none;
    const inB = uidsOf.get(link.b) ?? none;
    for (const p of link.pairs) {
      const a = inA[p.a];
      const b = inB[p.b];
      if (a === undefined || b === undefined || units[a].article === units[b].article) continue;
      // Identical sentences are joined through their first occurrence already (and a 200-copy story has
      // 20,000 links): only reworded pairs are worth adding.
      const repA = copyOf[a] >= 0 ? copyOf[a] : a;
      const repB = copyOf[b] >= 0 ? copyOf[b] : b;
      if (repA === repB) continue;
      pairs.push({ a, b, sim: Math.max(ALIGN_THRESHOLD, similarity(units[a], units[b])) });
    }
  }
  pairs.sort((x, y) => y.sim - x.sim || x.a - y.a || x.b - y.b);

  // Greedy merge, at most one sentence per article per claim.
  const parent = units.map((u) => u.uid);
  const members = units.map((u) => [u.uid]);
  const articlesIn = units.map((u) => new Set([u.article]));
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const u of units) {
    if (copyOf[u.uid] < 0) continue;
    const ra = find(copyOf[u.uid]);
    if (articlesIn[ra].has(u.article)) continue;
    parent[u.uid] = ra;
    members[ra].push(u.uid);
    articlesIn[ra].add(u.article);
    members[u.uid] = [];
  }
  for (const p of pairs) {
    let ra = find(p.a);
    let rb = find(p.b);
    if (ra === rb) continue;
    let clash = false;
    const [small, big] = articlesIn[ra].size <= articlesIn[rb].size ? [articlesIn[ra], articlesIn[rb]] : [articlesIn[rb], articlesIn[ra]];
    for (const art of small) {
      if (big.has(art)) {
        clash = true;
        break;
      }
    }
    if (clash) continue;
    if (members[ra].length < members[rb].length) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    members[ra].push(...members[rb]);
    for (const art of articlesIn[rb]) articlesIn[ra].add(art);
    members[rb] = [];
  }

  const claims: AlignedClaim[] = [];
  const claimOf = new Array<number>(n).fill(-1);
  for (let r = 0; r < n; r++) {
    if (find(r) !== r) continue;
    const us = members[r].map((i) => units[i]).sort((x, y) => x.uid - y.uid);
    const ci = claims.length;
    for (const u of us) claimOf[u.uid] = ci;
    const sources = [...new Set(us.map((u) => u.article))].sort();
    claims.push({ units: us, sources, independent: new Set(us.map((u) => u.group)).size });
  }
  return { units, claims, claimOf, similarity, idf };
}

/** A story's terms as integers: per unit its term ids (in its own order), per id the IDF weight (-1 for a
 * topic word outside `idf`), its square as the cosine sums it, its document frequency and its text. */
function termIndex(units: SentenceUnit[], df: Map<string, number>, idf: Map<string, number>) {
  const idOf = new Map<string, number>();
  const terms: string[] = [];
  const ids = units.map((u) =>
    Int32Array.from(u.terms, (t) => {
      let id = idOf.get(t);
      if (id === undefined) {
        id = terms.length;
        idOf.set(t, id);
        terms.push(t);
      }
      return id;
    }),
  );
  const weight = new Float64Array(terms.length);
  const w2 = new Float64Array(terms.length);
  const dfOf = new Int32Array(terms.length);
  terms.forEach((t, id) => {
    const w = idf.get(t);
    weight[id] = w ?? -1;
    w2[id] = (w ?? 0) ** 2;
    dfOf[id] = df.get(t)!;
  });
  return { ids, w2, weight, terms, dfOf };
}
