// PolNeAR (brat) as the quote tagger's training and scoring data: attributions of one split read from
// ../shared/data/quotes-polnear, the outlet of each file, and span-overlap matching of predictions to gold.
// Shared by the training script and eval/quotes.ts so both read and score the corpus the same way.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Character ranges of one span; discontinuous spans keep their fragments. */
export type Ranges = [number, number][];
export interface Attr { source: Ranges | null; cue: Ranges | null; content: Ranges }

export const polnearDir = join(fileURLToPath(new URL('../../../../', import.meta.url)), '..', 'shared', 'data', 'quotes-polnear');

export type Split = 'dev' | 'train';

export interface PolnearDoc {
  /** File name without `.txt`. */
  id: string;
  text: string;
  gold: Attr[];
}

/** Attribution relations of one .ann file (Source?, Cue?, Content). */
export function parseAnn(ann: string): Attr[] {
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

/** Documents of one split in name order; a file annotated by several annotators uses the first
 * annotation file in name order, or, with `everyAnnotation`, appears once per annotation file (training
 * reads each annotator's reading). `every` > 1 keeps every n-th document (a fixed, id-independent subset). */
export function readSplit(split: Split, every = 1, everyAnnotation = false): PolnearDoc[] {
  const dir = join(polnearDir, split);
  const annsOf = new Map<string, string[]>();
  for (const f of readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort()) {
    const base = f.replace(/_[0-9a-f]+\.ann$/, '');
    annsOf.set(base, [...(annsOf.get(base) ?? []), f]);
  }
  const texts = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % every === 0);
  const docs: PolnearDoc[] = [];
  for (const t of texts) {
    const id = t.replace(/\.txt$/, '');
    const anns = annsOf.get(id) ?? [];
    const text = readFileSync(join(dir, 'text', t), 'utf8');
    for (const ann of everyAnnotation ? anns : anns.slice(0, 1)) {
      docs.push({ id, text, gold: parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8')) });
    }
  }
  return docs;
}

/** Publisher of each file (metadata.tsv `filename` → `publisher`); empty when the file is absent. */
export function outlets(): Map<string, string> {
  const path = join(polnearDir, 'metadata.tsv');
  const out = new Map<string, string>();
  if (!existsSync(path)) return out;
  const [header, ...rows] = readFileSync(path, 'utf8').split('\n');
  const cols = header.split('\t');
  const file = cols.indexOf('filename');
  const publisher = cols.indexOf('publisher');
  for (const row of rows) {
    const cells = row.split('\t');
    if (cells[file]) out.set(cells[file], cells[publisher]);
  }
  return out;
}

export function overlap(a: Ranges | null, b: Ranges | null): number {
  if (!a || !b) return 0;
  let n = 0;
  for (const [s1, e1] of a) for (const [s2, e2] of b) n += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  return n;
}

export interface Counts { tp: number; gold: number; pred: number }

/** One-to-one greedy matching, largest score first: gold index → predicted index. */
export function greedyPairs(gold: Attr[], pred: Attr[], score: (g: Attr, p: Attr) => number): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => pred.forEach((p, j) => { const s = score(g, p); if (s > 0) pairs.push([s, i, j]); }));
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
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

/** A component matches when its character ranges overlap; "whole" needs cue, content and source all
 * overlapping (a gold attribution without source matches only a prediction without one). */
export const COMPONENTS = {
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
export type Scores = Record<Component, Counts>;

export const emptyScores = (): Scores => ({
  source: { tp: 0, gold: 0, pred: 0 }, cue: { tp: 0, gold: 0, pred: 0 },
  content: { tp: 0, gold: 0, pred: 0 }, whole: { tp: 0, gold: 0, pred: 0 },
});

/** Adds one document's matches to `into`, per component (source and cue only where both sides have one). */
export function scoreDoc(gold: Attr[], pred: Attr[], into: Scores): void {
  for (const k of Object.keys(COMPONENTS) as Component[]) {
    const has = (a: Attr) => k === 'source' ? a.source !== null : k === 'cue' ? a.cue !== null : true;
    const g = gold.filter(has);
    const p = pred.filter(has);
    into[k].tp += greedyPairs(g, p, COMPONENTS[k]).size;
    into[k].gold += g.length;
    into[k].pred += p.length;
  }
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.pred ? c.tp / c.pred : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

type Chars = { start: number; end: number };

/** Predicted attributions from mentions: mentions sharing a cue are one attribution, their contents its
 * fragments; a mention without cue stands alone. */
export function attributionsOf(mentions: { cue: Chars | null; speakerSpan: Chars | null; content: Chars }[]): Attr[] {
  const byCue = new Map<number, Attr>();
  const out: Attr[] = [];
  for (const q of mentions) {
    const content: [number, number] = [q.content.start, q.content.end];
    const known = q.cue ? byCue.get(q.cue.start) : undefined;
    if (known) { known.content.push(content); continue; }
    const attr: Attr = {
      content: [content], cue: q.cue ? [[q.cue.start, q.cue.end]] : null,
      source: q.speakerSpan ? [[q.speakerSpan.start, q.speakerSpan.end]] : null,
    };
    if (q.cue) byCue.set(q.cue.start, attr);
    out.push(attr);
  }
  return out;
}
