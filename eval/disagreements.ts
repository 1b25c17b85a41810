// Natural disagreements between independent articles, against a hand-read dev gold
// (eval/gold/disagreements/*.json: ECB+ topics read article by article; ids, values and offsets only).
// Runs the whole `analyze` (ingest → … → corroborate) on every article of the labelled topics, once with
// the fact engine and once with the sentence rules alone (the pre-1.2 baseline), and prints precision
// and recall per kind. A reported contradiction is correct when two of its values each share an article
// with two different values of one gold disagreement and its evidence for that article is the gold
// mention's sentence. Headline findings (an article against its own title) are not in the gold: left out.
//   npx tsx eval/disagreements.ts [--list] [--min-confidence X]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Contradiction, Report } from '../src/model/report.js';

export const DATA = fileURLToPath(new URL('../../shared/data/stories-ecbplus/', import.meta.url));
const GOLD_DIR = fileURLToPath(new URL('./gold/disagreements/', import.meta.url));

interface GoldMention { article: string; start: number; end: number }
interface GoldValue { value: string; mentions: GoldMention[] }
export interface GoldItem { event: string; kind: string; slot: string; values: GoldValue[]; betweenCopies?: boolean; reason?: string; note?: string }
export interface GoldFile { topics: string[]; events: string[]; disagreements: GoldItem[]; compatible: GoldItem[] }

export function loadGold(): GoldFile[] {
  if (!existsSync(GOLD_DIR)) return [];
  return readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(GOLD_DIR + f, 'utf8')) as GoldFile);
}

const FAMILY: Record<string, string> = { date: 'date', number: 'number', quantity: 'number', name: 'name', quote: 'quote' };
const words = (s: string) => new Set(s.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter((w) => w.length > 1));

/** The line of the file around a gold mention (the corpus is one sentence a line). */
const lineCache = new Map<string, string>();
function goldLine(m: GoldMention): string {
  const key = `${m.article}:${m.start}`;
  let line = lineCache.get(key);
  if (line === undefined) {
    const text = readFileSync(`${DATA}${m.article}.txt`, 'utf8');
    const s = text.lastIndexOf('\n', m.start - 1) + 1;
    const e = text.indexOf('\n', m.end);
    line = text.slice(s, e < 0 ? undefined : e);
    lineCache.set(key, line);
  }
  return line;
}

function sameSentence(evidence: string, line: string): boolean {
  const a = words(evidence);
  const b = words(line);
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / Math.max(1, Math.min(a.size, b.size)) >= 0.6;
}

/** Evidence sentences a predicted value gives for one article. */
function evidenceFor(v: Contradiction['values'][number], article: string): string[] {
  const fromMentions = (v.mentions ?? []).filter((m) => m.article === article).map((m) => m.evidence);
  return fromMentions.length ? fromMentions : v.evidence;
}

function valueMatches(v: Contradiction['values'][number], g: GoldValue): boolean {
  return g.mentions.some((m) => v.sources.includes(m.article) && evidenceFor(v, m.article).some((e) => sameSentence(e, goldLine(m))));
}

/** The labellers list the articles they noted; a value stated by another article of the same event with
 * the gold's figure is the same side (one of the two values must still match by article and sentence). */
function looseMatches(v: Contradiction['values'][number], g: GoldValue, item: GoldItem): boolean {
  const numbers = numbersOf(g.value);
  if (!numbers.size || ![...numbersOf(v.value)].some((x) => numbers.has(x))) return false;
  return v.sources.some((s) => eventOf(s) === item.event || eventOf(s)?.startsWith(item.event + '-'));
}

let events: Map<string, string> | null = null;
function eventOf(id: string): string | undefined {
  events ??= new Map(readFileSync(`${DATA}gold.tsv`, 'utf8').split('\n').slice(1).map((l) => l.split('\t')).filter((r) => r[2]).map((r) => [r[0], r[2]] as [string, string]));
  return events.get(id);
}

const SPELLED: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, none: 0, no: 0, dozen: 12 };
/** The numbers a value text writes ("nine" → 9, "2,302" → 2302). */
function numbersOf(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.toLowerCase().matchAll(/\d[\d,]*(?:\.\d+)?|[a-z]+/g)) {
    const n = /\d/.test(m[0]) ? Number(m[0].replace(/,/g, '')) : SPELLED[m[0]];
    if (n !== undefined && !Number.isNaN(n)) out.add(n);
  }
  return out;
}

/** A number finding must state the gold's figures: both sides writing numbers share one. */
function sameFigure(pred: string, gold: string): boolean {
  const a = numbersOf(pred);
  const b = numbersOf(gold);
  if (!a.size || !b.size) return true;
  return [...a].some((x) => b.has(x));
}

export function matches(c: Contradiction, g: GoldItem): boolean {
  if (FAMILY[c.kind] !== g.kind) return false;
  const valueOk = (v: Contradiction['values'][number], gv: GoldValue) => g.kind !== 'number' || sameFigure(v.value, gv.value);
  for (let i = 0; i < c.values.length; i++) {
    for (let j = 0; j < c.values.length; j++) {
      if (i === j) continue;
      for (let x = 0; x < g.values.length; x++) {
        for (let y = 0; y < g.values.length; y++) {
          if (x === y || !valueOk(c.values[i], g.values[x]) || !valueOk(c.values[j], g.values[y])) continue;
          if (valueMatches(c.values[i], g.values[x]) && (valueMatches(c.values[j], g.values[y]) || looseMatches(c.values[j], g.values[y], g))) return true;
        }
      }
    }
  }
  return false;
}

export async function runAnalyze(files: string[], engine: 'facts' | 'sentences'): Promise<Report> {
  const { analyze } = await import('../src/analyze.js');
  const { report } = await analyze(files, { db: null, workers: 0, engine, now: () => new Date(0) });
  return report;
}

export interface Row { found: number; gold: number; reported: number; correct: number; lookalike: number }

export function score(report: Report, golds: GoldFile[], list = false): Map<string, Row> {
  const gold = golds.flatMap((f) => f.disagreements);
  const compatible = golds.flatMap((f) => f.compatible);
  const rows = new Map<string, Row>();
  const row = (k: string) => rows.get(k) ?? (rows.set(k, { found: 0, gold: 0, reported: 0, correct: 0, lookalike: 0 }), rows.get(k)!);
  const predicted = report.stories.flatMap((s) => s.contradictions).filter((c) => c.kind !== 'headline');
  for (const g of gold) {
    const hit = predicted.some((c) => matches(c, g));
    if (list && !hit) console.log(`MISS [${g.kind}] ${g.event} ${g.slot} :: ${g.values.map((v) => `${v.value} (${[...new Set(v.mentions.map((m) => m.article))].join(',')})`).join(' | ')}`);
    for (const k of [g.kind, 'all']) {
      row(k).gold++;
      if (hit) row(k).found++;
    }
  }
  for (const c of predicted) {
    const ok = gold.some((g) => matches(c, g));
    const look = !ok && compatible.some((g) => matches(c, g));
    for (const k of [FAMILY[c.kind], 'all']) {
      row(k).reported++;
      if (ok) row(k).correct++;
      if (look) row(k).lookalike++;
    }
    if (list) console.log(`${ok ? 'TP' : look ? 'FP(look-alike)' : 'FP'} [${c.kind}] ${c.about} ${c.rule ?? ''} conf=${c.confidence ?? '-'} :: ${c.values.map((v) => `${v.value} (${v.sources.join(',')})`).join(' | ')}`);
  }
  return rows;
}

/** The labelled topics' article files. */
export function goldFiles(golds: GoldFile[]): string[] {
  const topics = new Set(golds.flatMap((g) => g.topics));
  const rows = readFileSync(DATA + 'gold.tsv', 'utf8').split('\n').slice(1).map((l) => l.split('\t')).filter((r) => r[1] && topics.has(r[1]));
  return rows.map((r) => `${DATA}${r[0]}.txt`);
}

/** Rows per kind for one engine (the gate test reads these). */
export async function evaluate(engine: 'facts' | 'sentences'): Promise<Map<string, Row> | string> {
  if (!existsSync(DATA + 'gold.tsv')) return 'skipped: ../shared/data/stories-ecbplus is absent';
  const golds = loadGold();
  if (!golds.length) return 'skipped: no gold under eval/gold/disagreements/';
  return score(await runAnalyze(goldFiles(golds), engine), golds);
}

async function main(): Promise<void> {
  if (!existsSync(DATA + 'gold.tsv')) {
    console.log('skipped: ../shared/data/stories-ecbplus is absent');
    return;
  }
  const golds = loadGold();
  if (!golds.length) {
    console.log('skipped: no gold under eval/gold/disagreements/');
    return;
  }
  const topics = new Set(golds.flatMap((g) => g.topics));
  const files = goldFiles(golds);
  const list = process.argv.includes('--list');
  const nGold = golds.reduce((s, g) => s + g.disagreements.length, 0);
  console.log(`Natural disagreements, dev gold: ${topics.size} ECB+ topics, ${golds.reduce((s, g) => s + g.events.length, 0)} events, ${files.length} articles, ${nGold} disagreements, ${golds.reduce((s, g) => s + g.compatible.length, 0)} look-alikes\n`);
  console.log('| engine | kind | gold | found | recall | reported | correct | precision | on a listed look-alike |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const engine of ['facts', 'sentences'] as const) {
    if (list) console.log(`\n### ${engine}`);
    const t0 = performance.now();
    const report = await runAnalyze(files, engine);
    const result = score(report, golds, list);
    const name = engine === 'facts' ? 'crosscheck (fact slots + sentence rules)' : 'baseline: sentence rules alone (report 1.1)';
    for (const k of ['date', 'number', 'name', 'quote', 'all']) {
      const r = result.get(k) ?? { found: 0, gold: 0, reported: 0, correct: 0, lookalike: 0 };
      const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
      console.log(`| ${name} | ${k === 'all' ? '**all**' : k} | ${r.gold} | ${r.found} | ${f(r.found / r.gold)} | ${r.reported} | ${r.correct} | ${f(r.correct / r.reported)} | ${r.lookalike} |`);
    }
    console.error(`${engine}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
