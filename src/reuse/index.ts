// The reuse stage: finds copies, rewrites and partial lifts among a batch of articles (MinHash/LSH and
// sentence-key candidates from an index, then order-free sentence alignment), says which one is the original,
// passes dates to undated copies, and groups articles that are not independent sources.

import type { AnalysedArticle, TextReady } from '../model/article.js';
import type { ReuseKind, ReuseLink, ReuseResult } from '../model/report.js';
import { alignSentences, articleFeatures, surfaceSimilarity } from './align.js';
import { classifyPair } from './classify.js';
import { checkInheritance } from './dates.js';
import { citedOutlets, decideOriginal } from './direction.js';
import type { SentenceFeatures } from './features.js';
import { independenceGroups, joinsGroup } from './groups.js';
import { ReuseIndex, type ReuseIndexStore } from './index-store.js';
import { murmur3 } from './murmur3.js';
import { reuseParams, type ReuseParams } from './params.js';
import { signatureOf, type ReuseSignature, type SignatureInput, type StringHash } from './signature.js';

export { ReuseIndex, type ReuseIndexStore, type CandidateHits } from './index-store.js';
export { signatureOf, type ReuseSignature, type SignatureInput, type StringHash } from './signature.js';
export { reuseParams, type ReuseParams } from './params.js';

export interface ReuseOptions {
  /** Candidate index; a persistent one (the store's) keeps keys across runs. Default: a fresh in-memory one. */
  index?: ReuseIndexStore;
  /** String hash for signatures (default murmur3). */
  hash?: StringHash;
  params?: Partial<ReuseParams>;
  /** Signatures computed elsewhere (e.g. in the pipeline's per-article worker threads, where the tokens
   *  already are: `signatureOf` is pure and its result is plain data), by article id; missing ones are computed
   *  here. They must come from the same params and hash. */
  signatures?: ReadonlyMap<string, ReuseSignature>;
  /** Verify only pairs with at least one of these articles (an incremental add: pairs of two stored articles
   *  were verified when the later one was added, and their links come from the store). Default: every pair. */
  fresh?: ReadonlySet<string>;
}

interface Prepared {
  article: AnalysedArticle;
  features: SentenceFeatures[];
  alignable: number;
  normalised: string;
  /** citedOutlets of the text, computed at the article's first undated-pair direction check. */
  cited?: Set<string>;
}

function prepare(article: AnalysedArticle, params: ReuseParams): Prepared {
  const features = articleFeatures(article.text.sentences, params);
  return {
    article,
    features,
    // Coverage counts alignable sentences only, so datelines and stubs neither inflate nor dilute it.
    alignable: features.filter((f) => f.stems.size >= params.minAlignStems).length,
    normalised: article.clean.text.replace(/\s+/g, ' ').trim(),
  };
}

/** Caches are on unless CROSSCHECK_CORPUS_CACHE=off (bench/corpus-add.ts --compare measures both in one run). */
const CACHES = process.env.CROSSCHECK_CORPUS_CACHE !== 'off';

interface Memo {
  text: string;
  sentences: unknown;
  hash: string;
  signature: () => ReuseSignature;
  prepared: () => Prepared;
}
const memos = new WeakMap<AnalysedArticle, Memo>();

/**
 * Signature and alignment features of an article record under the default params, kept while the record
 * lives (a WeakMap: the corpus's article cache decides how many). An add verifies each new article against
 * stored candidates, which were signed and featured again at every add (sentenceFeatures and signatures were
 * most of the reuse phase of single adds, docs/performance.md). Valid while its text and sentences are the
 * same objects; nothing here depends on the article's date.
 */
function memoised(article: AnalysedArticle): Memo {
  const hit = memos.get(article);
  if (hit && hit.text === article.clean.text && hit.sentences === article.text.sentences && hit.hash === article.hash) return hit;
  let signature: ReuseSignature | undefined;
  let prepared: Prepared | undefined;
  const memo: Memo = {
    text: article.clean.text,
    sentences: article.text.sentences,
    hash: article.hash,
    signature: () => (signature ??= signatureOf(signatureInputOf(article), reuseParams, murmur3)),
    prepared: () => (prepared ??= prepare(article, reuseParams)),
  };
  memos.set(article, memo);
  return memo;
}

/** An article's signature under the default params, memoised on the record (see `memoised`). */
export function articleSignature(article: AnalysedArticle): ReuseSignature {
  return CACHES ? memoised(article).signature() : signatureOf(signatureInputOf(article), reuseParams, murmur3);
}

/**
 * Takes the signature a worker thread computed for `article` (the per-article stages' pool signs each article
 * where its tokens already are: signatures were 1.8 s of the main thread's reuse phase at 10k). It must be
 * `signatureOf(signatureInputOf(article), reuseParams, murmur3)` of this article's current text.
 */
export function knownSignature(article: AnalysedArticle, signature: ReuseSignature): void {
  if (!CACHES) return;
  const memo = memoised(article);
  memo.signature = () => signature;
}

/** What a signature is computed from, for an article past the text stage (also for workers computing
 *  signatures ahead of `detectReuse`, see `ReuseOptions.signatures`). */
export function signatureInputOf(article: TextReady): SignatureInput {
  return {
    id: article.id,
    hash: article.hash,
    text: article.clean.text,
    sentences: article.text.sentences.map((s) => s.text),
    // The text stage's tokens: no re-tokenising (profiled: the regex tokenizer was a quarter of signature time).
    tokens: article.text.sentences.map((s) => s.tokens),
  };
}

/**
 * Links between articles that share text. Each link has `a < b` in id order (string comparison), whatever
 * the direction; the direction is `original` (an id, or null when unsure). Only pairs inside `articles` are
 * linked; a persistent index supplies candidates, and ids stored from earlier runs are not linked (their text
 * is not reloaded): a strong one (same text, or a shared LSH band) becomes an info diagnostic
 * `reuse:earlier-run-candidate` on the article.
 */
export function detectReuse(articles: AnalysedArticle[], opts: ReuseOptions = {}): ReuseResult {
  return detectReuseLinks(articles, opts).result;
}

/** `detectReuse`, also saying which links join their articles into one source (what a store keeps). */
export function detectReuseLinks(articles: AnalysedArticle[], opts: ReuseOptions = {}): { result: ReuseResult; joining: { a: string; b: string }[] } {
  const params: ReuseParams = { ...reuseParams, ...opts.params };
  const hash = opts.hash ?? murmur3;
  const index = opts.index ?? new ReuseIndex(params.maxPosting);
  const byId = new Map<string, Prepared>();
  // Only the defaults are memoised: other params or hashes would need them in the key.
  const memo = CACHES && !opts.params && !opts.hash;
  const signatures = articles.map((article) =>
    opts.signatures?.get(article.id) ??
    (memo ? memoised(article).signature() : signatureOf(signatureInputOf(article), params, hash)),
  );
  for (const article of articles) byId.set(article.id, memo ? memoised(article).prepared() : prepare(article, params));
  // Add everything first, then query: the same code serves a fresh index and one holding earlier runs.
  for (const sig of signatures) index.add(sig);
  const candidates = new Set<string>();
  for (const sig of signatures) {
    const earlier: string[] = [];
    for (const [other, hits] of index.query(sig)) {
      if (other === sig.id) continue;
      if (!byId.has(other)) {
        // Stored by an earlier run: its text is not in this batch, so the pair cannot be verified or reported.
        // A same-text or shared-band match is still worth a note (estimated 3-gram Jaccard ≳ 0.5).
        if (hits.content || hits.bands > 0) earlier.push(other);
        continue;
      }
      if (opts.fresh && !opts.fresh.has(sig.id) && !opts.fresh.has(other)) continue;
      candidates.add(sig.id < other ? `${sig.id}\u0000${other}` : `${other}\u0000${sig.id}`);
    }
    if (earlier.length > 0) {
      earlier.sort();
      byId.get(sig.id)!.article.diagnostics.push({
        origin: 'reuse:earlier-run-candidate',
        level: 'info',
        message: `shares text with ${earlier.length} article(s) indexed by an earlier run (not verified, not linked): ${earlier.slice(0, 5).join(', ')}${earlier.length > 5 ? ', …' : ''}`,
      });
    }
  }
  const links: ReuseLink[] = [];
  const joining: { a: string; b: string }[] = [];
  const inherit = new Map<string, { published: string; from: string; score: number }>();
  const conflicts = new Map<string, string[]>();
  // Alignments by text: an article published verbatim by many outlets pairs with every other version of
  // its story once per outlet, and each of those alignments is the same; compute it once per ordered pair of
  // texts (not reversed: the greedy matching breaks ties by position, so A→B and B→A may differ).
  const aligned = new Map<string, Map<string, ReturnType<typeof alignSentences>>>();
  const alignTexts = (x: Prepared, y: Prepared) => {
    const hit = aligned.get(x.normalised)?.get(y.normalised);
    if (hit) return hit;
    const pairs = alignSentences(x.features, y.features, params);
    let inner = aligned.get(x.normalised);
    if (!inner) aligned.set(x.normalised, (inner = new Map()));
    inner.set(y.normalised, pairs);
    return pairs;
  };
  for (const key of [...candidates].sort()) {
    const [idA, idB] = key.split('\u0000');
    const x = byId.get(idA)!;
    const y = byId.get(idB)!;
    const same = x.article.hash === y.article.hash || (x.normalised.length > 0 && x.normalised === y.normalised);
    const pairs = alignTexts(x, y);
    let kind: ReuseKind;
    let score: number;
    let coverSmall: number;
    if (same) {
      kind = 'duplicate';
      score = 1;
      coverSmall = 1;
    } else {
      const verbatim = pairs.length
        ? pairs.reduce((s, p) => s + surfaceSimilarity(x.features[p.a], y.features[p.b]), 0) / pairs.length
        : 0;
      const verdict = classifyPair({ sentencesA: x.alignable, sentencesB: y.alignable, pairs, verbatim }, params);
      if (!verdict) continue;
      ({ kind, score, coverSmall } = verdict);
    }
    const original = decideOriginal(direction(x), direction(y), kind, pairs.length, params);
    const link: ReuseLink = { a: idA, b: idB, kind, original, shared: pairs.length, score, pairs };
    links.push(link);
    if (joinsGroup(link, coverSmall, params)) joining.push({ a: idA, b: idB });
    for (const [u, d, flip] of [[x, y, false], [y, x, true]] as const) {
      const outcome = checkInheritance({
        undated: { id: u.article.id, published: u.article.meta.published, features: u.features },
        dated: { id: d.article.id, published: d.article.meta.published, features: d.features },
        kind,
        score,
        pairs: pairs.map((p) => (flip ? { u: p.b, d: p.a } : { u: p.a, d: p.b })),
      });
      if (!outcome) continue;
      if ('conflict' in outcome) {
        conflicts.set(u.article.id, [...(conflicts.get(u.article.id) ?? []), outcome.conflict]);
        continue;
      }
      // Several dated sources: the closest copy wins; on a tie the earlier date.
      const prev = inherit.get(u.article.id);
      if (!prev || score > prev.score || (score === prev.score && outcome.published < prev.published)) {
        inherit.set(u.article.id, { ...outcome, score });
      }
    }
  }
  for (const [id, reasons] of conflicts) {
    if (inherit.has(id)) continue;
    byId.get(id)!.article.diagnostics.push({
      origin: 'reuse:date-conflict',
      level: 'info',
      message: `not dated from its copies: ${reasons.join('; ')}`,
    });
  }
  const inheritedDates = new Map<string, { published: string; from: string }>();
  for (const [id, v] of [...inherit].sort(([p], [q]) => (p < q ? -1 : 1))) inheritedDates.set(id, { published: v.published, from: v.from });
  return {
    result: { links, groupOf: independenceGroups(articles.map((a) => a.id), joining), inheritedDates },
    joining,
  };
}

function direction(p: Prepared) {
  return {
    id: p.article.id,
    published: p.article.meta.published,
    outlet: p.article.meta.outlet,
    text: p.article.clean.text,
    sentences: p.alignable,
    get cited() {
      return (p.cited ??= citedOutlets(p.article.clean.text));
    },
  };
}
