// Quote attribution scored on PolNeAR (../shared/data/quotes-polnear, brat): span-overlap P/R/F1 for
// source, cue, content and whole attribution, ours next to a direct-quotes-only baseline.
// Usage: npx tsx eval/quotes.ts [dev|train|all]
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
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => pred.forEach((p, j) => { const s = score(g, p); if (s > 0) pairs.push([s, i, j]); }));
  pairs.sort((x, y) => y[0] - x[0]);
  const gi = new Set<number>();
  const pj = new Set<number>();
  for (const [, i, j] of pairs) {
    if (gi.has(i) || pj.has(j)) continue;
    gi.add(i);
    pj.add(j);
  }
  return gi.size;
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

function main(): void {
  if (!existsSync(polnearDir)) {
    console.log(`skipped: ${polnearDir} is absent`);
    return;
  }
  const which = process.argv[2] ?? 'dev';
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
