// Reuse accuracy: (1) synthetic edits of real ECB+ articles (exact copy, shuffle, deletions, rewording,
// inserted paragraphs, a lifted block into a PolNeAR host) plus unrelated same-topic ECB+ articles as
// negatives; (2) PolNeAR same-title republications. Prints P/R/F1 per kind and for "any reuse", beside a
// plain MinHash-Jaccard-threshold baseline and a SimHash baseline run on the same pairs.
// Run: npx tsx eval/reuse.ts [--sources N]      (reads ../shared/data; skips when absent)

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalysedArticle } from '../src/model/article.js';
import type { ReuseKind } from '../src/model/report.js';
import { detectReuse, signatureInputOf, signatureOf, type ReuseParams } from '../src/reuse/index.js';
import { estimateJaccard, hamming, type ReuseSignature } from '../src/reuse/signature.js';
import { buildArticle } from '../test/fixtures/reuse/build.js';
import { prng } from '../src/seeded-random.js';

export const DATA = fileURLToPath(new URL('../../shared/data', import.meta.url));
const ECB = `${DATA}/stories-ecbplus`;
const POLNEAR = `${DATA}/quotes-polnear`;

type Gold = ReuseKind | 'none' | 'unknown';
interface LabelledPair {
  a: string;
  b: string;
  gold: Gold;
  edit: string;
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// Rewording table for the synthetic "rewrite" edit: common news paraphrases, written independently of
// src/reuse/synonyms.ts (about a quarter of the pairs overlap with it, as real paraphrase would).
const REWORD: [RegExp, string][] = (
  [
    ['said', 'stated'], ['killed', 'slain'], ['people', 'individuals'], ['after', 'following'], ['police', 'officers'],
    ['announced', 'declared'], ['began', 'started'], ['more than', 'over'], ['about', 'around'], ['help', 'assist'],
    ['large', 'big'], ['major', 'significant'], ['injured', 'hurt'], ['died', 'perished'], ['building', 'structure'],
    ['attack', 'assault'], ['arrested', 'detained'], ['fire', 'blaze'], ['home', 'house'], ['children', 'kids'],
    ['car', 'vehicle'], ['city', 'town'], ['near', 'close to'], ['victims', 'casualties'], ['hospital', 'medical centre'],
    ['investigation', 'probe'], ['reported', 'stated'], ['suspect', 'accused man'], ['found', 'discovered'],
    ['quickly', 'rapidly'], ['also', 'additionally'], ['earlier', 'previously'], ['told', 'informed'],
    ['because', 'since'], ['however', 'but'], ['new', 'fresh'], ['show', 'display'], ['officials', 'authorities'],
    ['according to', 'as per'], ['announced', 'revealed'], ['will', 'is set to'], ['the', ''], ['a', 'one'],
  ] as [string, string][]
).map(([from, to]) => [new RegExp(`\\b${from}\\b`, 'gi'), to]);

function reword(sentence: string, rnd: () => number): string {
  let s = sentence;
  for (const [re, to] of REWORD) s = s.replace(re, (m) => (rnd() < 0.8 ? (m[0] === m[0].toUpperCase() && to ? to[0].toUpperCase() + to.slice(1) : to) : m));
  // Clause swap: "A, B." → "B, A." (content farms reorder clauses as well as swapping words).
  const parts = s.replace(/[.]$/, '').split(', ');
  if (parts.length >= 2 && rnd() < 0.5) s = `${parts.slice(1).join(', ')}, ${parts[0]}.`;
  return s.replace(/\s{2,}/g, ' ').trim();
}

/** ECB+ texts as sentence lines (the corpus is one sentence a line; URL lines dropped). */
function ecbArticles(): { id: string; story: string; event: string; lines: string[] }[] {
  const gold = readFileSync(`${ECB}/gold.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  return gold
    .map(([id, story, event]) => ({
      id,
      story,
      event,
      lines: readFileSync(`${ECB}/${id}.txt`, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !/^https?:\/\//.test(l)),
    }))
    .sort((p, q) => (p.id < q.id ? -1 : 1));
}

function polnearTexts(): { id: string; path: string }[] {
  const out: { id: string; path: string }[] = [];
  for (const part of ['train', 'dev']) {
    const dir = `${POLNEAR}/${part}/text`;
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) out.push({ id: f.replace(/\.txt$/, ''), path: `${dir}/${f}` });
  }
  return out;
}

export interface SyntheticSet {
  articles: AnalysedArticle[];
  pairs: LabelledPair[];
  /** Pairs of variants of one source: related but without a gold kind, so excluded from scoring. */
  related: Set<string>;
  /** ECB+ article id → its event (variants are found through the id before `~`). */
  eventOf: Map<string, string>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Builds the synthetic set from `sources` ECB+ articles (every ECB+ article is in the pool as a distractor). */
export function syntheticSet(sources: number, seed = 7): SyntheticSet {
  const rnd = prng(seed);
  const ecb = ecbArticles();
  const hosts = polnearTexts().map((p) => readFileSync(p.path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));
  const articles: AnalysedArticle[] = ecb.map((e) => buildArticle(e.id, e.lines.join('\n')));
  const pairs: LabelledPair[] = [];
  const related = new Set<string>();
  const eligible = shuffle(ecb.filter((e) => e.lines.length >= 8), rnd).slice(0, sources);
  let hostAt = 0;
  for (const src of eligible) {
    const L = src.lines;
    const variants: [string, Gold, string[]][] = [
      ['copy', 'duplicate', L],
      ['shuffle', 'near-duplicate', shuffle(L, rnd)],
      // At least one sentence goes (otherwise the "deletion" would be an exact copy).
      ['delete', 'near-duplicate', ((drop) => L.filter((_, i) => i !== drop && rnd() >= 0.2))(Math.floor(rnd() * L.length))],
      ['insert', 'near-duplicate', [...L.slice(0, 3), ...hosts[hostAt++ % hosts.length].slice(0, Math.max(1, Math.floor(L.length * 0.3))), ...L.slice(3)]],
      ['reword', 'rewrite', shuffle(L.map((s) => reword(s, rnd)), rnd)],
    ];
    // Lifted block: 3 consecutive sentences into an unrelated PolNeAR host of ≥ 10 paragraphs.
    let host = hosts[hostAt++ % hosts.length];
    while (host.length < 10) host = hosts[hostAt++ % hosts.length];
    const at = Math.floor(rnd() * (L.length - 3));
    const cut = Math.floor(host.length / 2);
    variants.push(['lift', 'partial', [...host.slice(0, cut), ...L.slice(at, at + 3), ...host.slice(cut)]]);
    const ids: string[] = [src.id];
    for (const [edit, gold, lines] of variants) {
      const id = `${src.id}~${edit}`;
      ids.push(id);
      articles.push(buildArticle(id, lines.join('\n')));
      pairs.push({ a: src.id, b: id, gold, edit });
    }
    for (let i = 1; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) related.add(pairKey(ids[i], ids[j]));
  }
  // Negatives: same topic, other event (ECB+ pairs each topic with a second, separate real event of the same
  // kind, e.g. another earthquake years apart). Same-event pairs are NOT negatives: ECB+ holds real wire
  // reprints (the AP Klitschko report in several outlets), so their gold is unknown and they are counted apart.
  const eventOf = new Map(ecb.map((e) => [e.id, e.event]));
  for (const src of eligible) {
    for (const other of ecb) {
      if (other.id === src.id || other.story !== src.story) continue;
      pairs.push({ a: src.id, b: other.id, gold: other.event === src.event ? 'unknown' : 'none', edit: other.event === src.event ? 'same-event' : 'other-event' });
    }
  }
  return { articles, pairs, related, eventOf };
}

interface Scores {
  tp: number;
  fp: number;
  fn: number;
}
const f1 = (s: Scores) => {
  const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

type Predict = Map<string, Gold>;

/** Per-kind and any-reuse scores of predictions over the labelled pairs plus every unlabelled, unrelated pair
 *  the system linked (those count as false positives of "any reuse" and of their kind). */
export function score(set: SyntheticSet, predicted: Predict): Map<string, Scores> {
  const table = new Map<string, Scores>();
  const bump = (k: string, f: keyof Scores) => {
    if (!table.has(k)) table.set(k, { tp: 0, fp: 0, fn: 0 });
    table.get(k)![f]++;
  };
  const labelled = new Set<string>();
  for (const p of set.pairs) {
    const key = pairKey(p.a, p.b);
    labelled.add(key);
    const got = predicted.get(key) ?? 'none';
    if (p.gold === 'unknown') {
      if (got !== 'none') bump('(same-event links, gold unknown)', 'fp');
    } else if (p.gold !== 'none') {
      if (got !== 'none') bump('any reuse', 'tp');
      else bump('any reuse', 'fn');
      if (got === p.gold) bump(p.gold, 'tp');
      else {
        bump(p.gold, 'fn');
        if (got !== 'none') bump(got, 'fp');
      }
    } else if (got !== 'none') {
      bump('any reuse', 'fp');
      bump(got, 'fp');
    }
  }
  for (const [key, got] of predicted) {
    if (labelled.has(key) || set.related.has(key) || got === 'none') continue;
    const [a, b] = key.split('\u0000').map((id) => set.eventOf.get(id.split('~')[0]));
    if (a !== undefined && a === b) {
      // Links within one real event (e.g. a variant of S and another outlet's reprint of S's wire story).
      bump('(same-event links, gold unknown)', 'fp');
      continue;
    }
    bump('any reuse', 'fp');
    bump(got, 'fp');
    bump('(unlabelled links)', 'fp');
  }
  return table;
}

/** The plain baseline: MinHash-estimated Jaccard of word 3-gram shingles against fixed thresholds, all pairs. */
export function minhashBaseline(sigs: ReuseSignature[], anyAt = 0.5): Predict {
  const out: Predict = new Map();
  for (let i = 0; i < sigs.length; i++) {
    for (let j = i + 1; j < sigs.length; j++) {
      const J = estimateJaccard(sigs[i].minhash, sigs[j].minhash);
      if (J < anyAt) continue;
      const kind: Gold = J >= 0.95 ? 'duplicate' : J >= 0.7 ? 'near-duplicate' : 'rewrite';
      out.set(pairKey(sigs[i].id, sigs[j].id), kind);
    }
  }
  return out;
}

function simhashBaseline(sigs: ReuseSignature[], maxDistance = 3): Predict {
  const out: Predict = new Map();
  for (let i = 0; i < sigs.length; i++) {
    for (let j = i + 1; j < sigs.length; j++) {
      const d = hamming(sigs[i].simhash, sigs[j].simhash);
      if (d <= maxDistance) out.set(pairKey(sigs[i].id, sigs[j].id), d === 0 ? 'duplicate' : 'near-duplicate');
    }
  }
  return out;
}

export function ours(articles: AnalysedArticle[], params?: Partial<ReuseParams>): Predict {
  const r = detectReuse(articles, { params });
  return new Map(r.links.map((l) => [pairKey(l.a, l.b), l.kind]));
}

const KINDS = ['duplicate', 'near-duplicate', 'rewrite', 'partial', 'any reuse', '(unlabelled links)', '(same-event links, gold unknown)'];

function printTable(title: string, systems: [string, Map<string, Scores>][]): void {
  console.log(`\n${title}`);
  console.log(`| kind | ${systems.map(([n]) => `${n} P / R / F1`).join(' | ')} |`);
  console.log(`|---|${systems.map(() => '---').join('|')}|`);
  for (const k of KINDS) {
    const cells = systems.map(([, t]) => {
      const s = t.get(k);
      if (!s) return '–';
      if (k.startsWith('(')) return `${s.fp} links`;
      const { p, r, f } = f1(s);
      return `${p.toFixed(3)} / ${r.toFixed(3)} / ${f.toFixed(3)} (n=${s.tp + s.fn})`;
    });
    console.log(`| ${k} | ${cells.join(' | ')} |`);
  }
}

function polnearEval(): void {
  const meta = readFileSync(`${POLNEAR}/metadata.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  const texts = new Map(polnearTexts().map((p) => [p.id, p.path]));
  const rows = meta.filter((m) => texts.has(m[1]));
  const articles = rows.map((m) => buildArticle(m[1], readFileSync(texts.get(m[1])!, 'utf8'), { published: m[5] || null, outlet: m[4] }));
  const t0 = performance.now();
  const r = detectReuse(articles);
  const ms = performance.now() - t0;
  // Labels: same normalised title published within 3 days ⇒ reuse (a republication); "10 Things to Know for
  // Today" (an AP daily digest, months apart) and "BYLINE: …" (a broken title field) share titles, not text.
  const norm = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const positives = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      if (norm(rows[i][7]) !== norm(rows[j][7]) || !rows[i][7]) continue;
      const days = Math.abs(Date.parse(rows[i][5]) - Date.parse(rows[j][5])) / 86400000;
      if (days <= 3) positives.add(pairKey(rows[i][1], rows[j][1]));
    }
  }
  const sigs = articles.map((a) => signatureOf(signatureInputOf(a)));
  const base = minhashBaseline(sigs);
  const linked = new Map(r.links.map((l) => [pairKey(l.a, l.b), l]));
  const wire = new Map(rows.map((m) => [m[1], m[11]]));
  console.log(`\nPolNeAR (${DATA}/quotes-polnear, ${articles.length} articles, ${(articles.length * (articles.length - 1)) / 2} pairs; detectReuse ${ms.toFixed(0)} ms)`);
  console.log(`same-title republications (≤ 3 days apart): ${positives.size}; found by ours: ${[...positives].filter((k) => linked.has(k)).length}; by MinHash J≥0.5: ${[...positives].filter((k) => base.has(k)).length}`);
  console.log(`all links by ours: ${r.links.length} (${KINDS.slice(0, 4).map((k) => `${k} ${r.links.filter((l) => l.kind === k).length}`).join(', ')}); by MinHash J≥0.5: ${base.size}`);
  console.log('| a | b | kind | shared | score | title-labelled | wire a / b |');
  console.log('|---|---|---|---|---|---|---|');
  for (const l of r.links) console.log(`| ${l.a} | ${l.b} | ${l.kind} | ${l.shared} | ${l.score} | ${positives.has(pairKey(l.a, l.b)) ? 'yes' : 'no'} | ${wire.get(l.a)} / ${wire.get(l.b)} |`);
}

function main(): void {
  if (!existsSync(ECB) || !existsSync(POLNEAR)) {
    console.log(`skipped: corpora absent (${DATA}/stories-ecbplus, quotes-polnear)`);
    return;
  }
  const at = process.argv.indexOf('--sources');
  const sources = at > 0 ? Number(process.argv[at + 1]) : 150;
  const t0 = performance.now();
  const set = syntheticSet(sources);
  const tBuild = performance.now() - t0;
  const t1 = performance.now();
  const predicted = ours(set.articles);
  const tOurs = performance.now() - t1;
  const noSyn = ours(set.articles, { useSynonyms: false });
  const sigs = set.articles.map((a) => signatureOf(signatureInputOf(a)));
  console.log(`Synthetic edits of ${sources} ECB+ articles (${ECB}) in a pool of ${set.articles.length} articles; ` +
    `${set.pairs.filter((p) => p.gold !== 'none' && p.gold !== 'unknown').length} positive pairs, ${set.pairs.filter((p) => p.gold === 'none').length} same-topic other-event negatives, ` +
    `${set.pairs.filter((p) => p.gold === 'unknown').length} same-event pairs (gold unknown). ` +
    `build ${(tBuild / 1000).toFixed(1)} s, detectReuse ${(tOurs / 1000).toFixed(1)} s`);
  printTable('Per kind (P / R / F1); unlabelled = links across events with no gold relation (counted as false positives)', [
    ['ours', score(set, predicted)],
    ['ours, no synonyms', score(set, noSyn)],
    ['MinHash J≥0.5', score(set, minhashBaseline(sigs, 0.5))],
    ['MinHash J≥0.3', score(set, minhashBaseline(sigs, 0.3))],
    ['SimHash d≤3', score(set, simhashBaseline(sigs))],
  ]);
  console.log('\nRecall of "any reuse" per edit (ours / MinHash J≥0.5):');
  const base = minhashBaseline(sigs, 0.5);
  for (const edit of ['copy', 'shuffle', 'delete', 'insert', 'reword', 'lift', 'other-event', 'same-event']) {
    const ps = set.pairs.filter((p) => p.edit === edit);
    const hit = (m: Predict) => ps.filter((p) => m.has(pairKey(p.a, p.b))).length;
    const kindOk = ps.filter((p) => (predicted.get(pairKey(p.a, p.b)) ?? 'none') === p.gold).length;
    console.log(`  ${edit.padEnd(10)} n=${ps.length}  linked ${hit(predicted)} / ${hit(base)}   right kind (ours) ${kindOk}`);
  }
  polnearEval();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
