// Quote attribution scored on PolNeAR (../shared/data/quotes-polnear, brat): span-overlap P/R/F1 for
// source, cue, content and whole attribution, ours next to a direct-quotes-only baseline.
// Usage: npx tsx eval/quotes.ts [dev|train|all]; `npx tsx eval/quotes.ts dev --errors [samples]` prints the
// missed gold attributions by cue lemma and construction, and the unmatched predictions.
//
// Matching: each gold Attribution relation (Source?, Cue, Content; discontinuous spans kept as fragment
// lists) against each predicted attribution (QuoteMentions sharing one cue are one attribution, their
// contents its fragments). A component matches when the character ranges overlap; pairs are matched
// one-to-one greedily, largest overlap first. "Whole" needs cue, content and source all overlapping
// (a gold attribution without source matches only a prediction without speaker span).
// Files annotated by several annotators: the first annotation file in name order is used.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractEntities } from '../src/extract/entities/index.js';
import { extractQuotes } from '../src/extract/quotes/index.js';
import { readyFromText } from '../test/fixtures/entities/ready.js';

type Ranges = [number, number][];
export interface Attr { source: Ranges | null; cue: Ranges | null; content: Ranges }

export const polnearDir = join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'data', 'quotes-polnear');

function parseAnn(ann: string): Attr[] {
  const spans = new Map<string, Ranges>();
  const out: Attr[] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0]) && cols[1]) {
      const [, ...rest] = cols[1].split(' ');
      const ranges = rest.join(' ').split(';').map((r) => r.trim().split(' ').map(Number) as [number, number]);
      spans.set(cols[0], ranges);
    } else if (/^E\d+$/.test(cols[0]) && cols[1]) {
      const roles = new Map(cols[1].trim().split(/\s+/).map((p) => p.split(':') as [string, string]));
      const content = roles.get('Content');
      if (!content || !spans.get(content)) continue;
      const cue = roles.get('Cue');
      const source = roles.get('Source');
      out.push({ content: spans.get(content)!, cue: cue ? spans.get(cue) ?? null : null, source: source ? spans.get(source) ?? null : null });
    }
  }
  return out;
}

function overlap(a: Ranges | null, b: Ranges | null): number {
  if (!a || !b) return 0;
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
}

export interface Counts { tp: number; gold: number; pred: number }

function greedy(gold: Attr[], pred: Attr[], score: (g: Attr, p: Attr) => number): number {
  return greedyPairs(gold, pred, score).size;
}

/** One-to-one greedy matching, largest score first: gold index → predicted index. */
function greedyPairs(gold: Attr[], pred: Attr[], score: (g: Attr, p: Attr) => number): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => pred.forEach((p, j) => { const s = score(g, p); if (s > 0) pairs.push([s, i, j]); }));
  pairs.sort((x, y) => y[0] - x[0]);
  const gi = new Set<number>();
  const pj = new Set<number>();
  const matched = new Map<number, number>();
  for (const [, i, j] of pairs) {
    if (gi.has(i) || pj.has(j)) continue;
    gi.add(i);
    pj.add(j);
    matched.set(i, j);
  }
  return matched;
}

const COMPONENTS = {
  source: (g: Attr, p: Attr) => overlap(g.source, p.source),
  cue: (g: Attr, p: Attr) => overlap(g.cue, p.cue),
  content: (g: Attr, p: Attr) => overlap(g.content, p.content),
  whole: (g: Attr, p: Attr) => {
    const c = overlap(g.content, p.content);
    const q = overlap(g.cue, p.cue);
    const s = g.source ? overlap(g.source, p.source) : (p.source ? 0 : 1);
    return c > 0 && q > 0 && s > 0 ? c + q + s : 0;
  },
} as const;
export type Component = keyof typeof COMPONENTS;

function score(gold: Attr[], pred: Attr[], into: Record<Component, Counts>): void {
  for (const k of Object.keys(COMPONENTS) as Component[]) {
    const has = (a: Attr) => k === 'source' ? a.source !== null : k === 'cue' ? a.cue !== null : true;
    const g = gold.filter(has);
    const p = pred.filter(has);
    into[k].tp += greedy(g, p, COMPONENTS[k]);
    into[k].gold += g.length;
    into[k].pred += p.length;
  }
}

/** Our extractor's attributions: mentions sharing a cue are one attribution with fragment contents. */
export function ours(id: string, text: string): Attr[] {
  const a = readyFromText(id, text);
  const quotes = extractQuotes(a, extractEntities(a));
  const byCue = new Map<string, Attr>();
  const out: Attr[] = [];
  for (const q of quotes) {
    const content: [number, number] = [q.content.start, q.content.end];
    const key = q.cue ? `${q.cue.start}` : null;
    if (key && byCue.has(key)) { byCue.get(key)!.content.push(content); continue; }
    const attr: Attr = {
      content: [content], cue: q.cue ? [[q.cue.start, q.cue.end]] : null,
      source: q.speakerSpan ? [[q.speakerSpan.start, q.speakerSpan.end]] : null,
    };
    if (key) byCue.set(key, attr);
    out.push(attr);
  }
  return out;
}

/** Baseline: quoted stretches only, with the nearest "said/says" after the closing mark in the same
 * line and the one or two words right before it (or after it) as source. */
export function baseline(text: string): Attr[] {
  const out: Attr[] = [];
  const re = /[“"]([^“”"\n]{3,})[”"]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    const rest = text.slice(end, end + 80).split('\n')[0];
    const said = /\b(said|says)\b/.exec(rest);
    const attr: Attr = { content: [[m.index, end]], cue: null, source: null };
    if (said) {
      const cs = end + said.index;
      attr.cue = [[cs, cs + said[0].length]];
      const before = /((?:[A-Z][\w.-]*\s){1,2}|(?:he|she|they)\s)$/.exec(rest.slice(0, said.index));
      const after = /^\s((?:[A-Z][\w.-]*)(?:\s[A-Z][\w.-]*)?)/.exec(rest.slice(said.index + said[0].length));
      if (before) attr.source = [[end + before.index, cs - 1]];
      else if (after) { const s = cs + said[0].length + 1; attr.source = [[s, s + after[1].length]]; }
    }
    out.push(attr);
  }
  return out;
}

export interface SplitScores { docs: number; ours: Record<Component, Counts>; baseline: Record<Component, Counts>; ms: number }

const empty = (): Record<Component, Counts> => ({
  source: { tp: 0, gold: 0, pred: 0 }, cue: { tp: 0, gold: 0, pred: 0 },
  content: { tp: 0, gold: 0, pred: 0 }, whole: { tp: 0, gold: 0, pred: 0 },
});

/** Scores one split; `every` > 1 takes every n-th document (a fixed, id-independent subset). */
export function scoreSplit(split: 'dev' | 'train', every = 1): SplitScores {
  const dir = join(polnearDir, split);
  const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const annOf = new Map<string, string>();
  for (const f of anns) {
    const base = f.replace(/_[0-9a-f]+\.ann$/, '');
    if (!annOf.has(base)) annOf.set(base, f);
  }
  const texts = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % every === 0);
  const result: SplitScores = { docs: 0, ours: empty(), baseline: empty(), ms: 0 };
  for (const t of texts) {
    const base = t.replace(/\.txt$/, '');
    const ann = annOf.get(base);
    if (!ann) continue;
    const text = readFileSync(join(dir, 'text', t), 'utf8');
    const gold = parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8'));
    const t0 = performance.now();
    const pred = ours(base, text);
    result.ms += performance.now() - t0;
    score(gold, pred, result.ours);
    score(gold, baseline(text), result.baseline);
    result.docs++;
  }
  return result;
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Crude lemma for grouping errors: "said"/"says" → say, "told" → tell, plural/past/gerund endings cut. */
function lemmaOf(cue: string): string {
  const w = cue.toLowerCase().replace(/[^a-z ]/g, '').trim();
  const irregular: Record<string, string> = { said: 'say', says: 'say', told: 'tell', wrote: 'write', thought: 'think' };
  return w.split(' ').map((x) => irregular[x] ?? x.replace(/(ing|ed|es|s)$/, '')).join(' ');
}

/** Construction of a gold attribution, from its spans alone. */
function constructionOf(g: Attr, text: string): string {
  const c0 = g.content[0][0];
  const parts: string[] = [];
  parts.push(/^[“"‘']/.test(text.slice(c0, c0 + 1)) ? 'direct' : 'reported');
  if (!g.cue) parts.push('no-cue');
  else parts.push(g.cue[0][0] < c0 ? 'cue-first' : 'content-first');
  if (!g.source) parts.push('no-source');
  else if (g.cue && g.source[0][0] > g.cue[0][0]) parts.push('source-after-cue');
  const all = [...g.content, ...(g.cue ?? []), ...(g.source ?? [])];
  const lo = Math.min(...all.map((r) => r[0]));
  const hi = Math.max(...all.map((r) => r[1]));
  if (/[.!?]["”]?\s+["“]?[A-Z]/.test(text.slice(lo, hi))) parts.push('multi-sentence');
  if (g.content.length > 1) parts.push('split');
  return parts.join(' ');
}

/** Error report: missed gold attributions by cue lemma and by construction, and why (cue never found,
 * or found with a wrong source / content), plus false positives by cue; `samples` examples per top cue. */
export function errorReport(split: 'dev' | 'train', samples = 3): void {
  const dir = join(polnearDir, split);
  const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const annOf = new Map<string, string>();
  for (const f of anns) {
    const base = f.replace(/_[0-9a-f]+\.ann$/, '');
    if (!annOf.has(base)) annOf.set(base, f);
  }
  type CueErrors = { n: number; why: Map<string, number>; ex: string[] };
  const byCue = new Map<string, CueErrors>();
  const byConstruction = new Map<string, number>();
  const falsePos = new Map<string, { n: number; ex: string[] }>();
  let missed = 0;
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const snippet = (text: string, r: Ranges | null) => r ? r.map(([s, e]) => text.slice(s, e)).join(' … ').replace(/\s+/g, ' ').slice(0, 90) : '∅';
  for (const t of readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    const base = t.replace(/\.txt$/, '');
    const ann = annOf.get(base);
    if (!ann) continue;
    const text = readFileSync(join(dir, 'text', t), 'utf8');
    const gold = parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8'));
    const pred = ours(base, text);
    const matched = greedyPairs(gold, pred, COMPONENTS.whole);
    const usedPred = new Set(matched.values());
    gold.forEach((g, i) => {
      if (matched.has(i)) return;
      missed++;
      const cueText = g.cue ? g.cue.map(([s, e]) => text.slice(s, e)).join(' ') : '(none)';
      const lemma = lemmaOf(cueText);
      const sameCue = pred.find((p) => overlap(g.cue, p.cue) > 0);
      const why = !sameCue ? 'cue-missed' : overlap(g.content, sameCue.content) === 0 ? 'content-wrong'
        : 'source-wrong';
      const e: CueErrors = byCue.get(lemma) ?? { n: 0, why: new Map(), ex: [] };
      e.n++;
      bump(e.why, why);
      if (e.ex.length < samples) e.ex.push(`[${why}] S=${snippet(text, g.source)} | C=${snippet(text, g.cue)} | Q=${snippet(text, g.content)}${sameCue ? ` || ours S=${snippet(text, sameCue.source)} Q=${snippet(text, sameCue.content)}` : ''}`);
      byCue.set(lemma, e);
      bump(byConstruction, `${constructionOf(g, text)} / ${why}`);
    });
    pred.forEach((p, j) => {
      if (usedPred.has(j)) return;
      const lemma = p.cue ? lemmaOf(p.cue.map(([s, e]) => text.slice(s, e)).join(' ')) : '(none)';
      const e: { n: number; ex: string[] } = falsePos.get(lemma) ?? { n: 0, ex: [] };
      e.n++;
      if (e.ex.length < samples) e.ex.push(`S=${snippet(text, p.source)} | Q=${snippet(text, p.content)}`);
      falsePos.set(lemma, e);
    });
  }
  console.log(`\nmissed gold attributions (${split}): ${missed}`);
  console.log('\nby construction / reason:');
  for (const [k, n] of [...byConstruction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log('\nby cue lemma:');
  for (const [k, e] of [...byCue].sort((a, b) => b[1].n - a[1].n).slice(0, Number(process.env.TOP ?? 40))) {
    console.log(`  ${String(e.n).padStart(5)}  ${k}  (${[...e.why].map(([w, n]) => `${w} ${n}`).join(', ')})`);
    for (const x of e.ex) console.log(`           ${x}`);
  }
  console.log('\nunmatched predictions by cue lemma:');
  for (const [k, e] of [...falsePos].sort((a, b) => b[1].n - a[1].n).slice(0, 20)) {
    console.log(`  ${String(e.n).padStart(5)}  ${k}`);
    for (const x of e.ex) console.log(`           ${x}`);
  }
}

function main(): void {
  if (!existsSync(polnearDir)) {
    console.log(`skipped: ${polnearDir} is absent`);
    return;
  }
  const which = process.argv[2] ?? 'dev';
  if (process.argv.includes('--errors')) {
    errorReport(which === 'train' ? 'train' : 'dev', Number(process.argv[process.argv.indexOf('--errors') + 1]) || 3);
    return;
  }
  const splits = which === 'all' ? ['dev', 'train'] as const : [which as 'dev' | 'train'];
  const pct = (x: number) => (100 * x).toFixed(1);
  for (const split of splits) {
    const s = scoreSplit(split);
    console.log(`\nquotes-polnear/${split}: ${s.docs} documents, ours ${(s.ms / s.docs).toFixed(1)} ms/doc (segmentation included)`);
    console.log('| component | ours P | ours R | ours F1 | baseline P | baseline R | baseline F1 |');
    console.log('|---|---|---|---|---|---|---|');
    for (const k of Object.keys(COMPONENTS) as Component[]) {
      const o = prf(s.ours[k]);
      const b = prf(s.baseline[k]);
      console.log(`| ${k} | ${pct(o.p)} | ${pct(o.r)} | ${pct(o.f)} | ${pct(b.p)} | ${pct(b.r)} | ${pct(b.f)} |`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
