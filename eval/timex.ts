// TempEval-3 Task A style scoring of our temporal expressions on TBAQ-cleaned (TimeBank + AQUAINT):
// strict and relaxed span P/R/F1 and value F1 (TimeML values), next to plain chrono-node as a baseline.
// Usage: npx tsx eval/timex.ts [--sample N] [--errors N]   (skips with a message when the data is absent)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { detectTimexes } from '../src/extract/dates/index.js';

export const TBAQ_DIR = fileURLToPath(new URL('../../shared/data/timex-tempeval3/TBAQ-cleaned', import.meta.url));

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}
export interface TmlDoc {
  id: string;
  text: string;
  dct: string;
  gold: GoldTimex[];
}
export interface Predicted {
  start: number;
  end: number;
  value: string | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Strips the tags of a TimeML document's TEXT, keeping gold TIMEX3 offsets into the stripped text. */
export function parseTml(id: string, xml: string): TmlDoc {
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"|<TIMEX3[^>]*value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"/.exec(xml);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: GoldTimex[] = [];
  let open: { start: number; type: string; value: string } | null = null;
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(\w+);|([^<&]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[5] !== undefined) text += m[5];
    else if (m[4] !== undefined) text += ENTITIES[m[4]] ?? `&${m[4]};`;
    else if (m[2] === 'TIMEX3') {
      if (m[1]) {
        if (open) gold.push({ start: open.start, end: text.length, text: text.slice(open.start), type: open.type, value: open.value });
        open = null;
      } else {
        open = { start: text.length, type: /type="([^"]*)"/.exec(m[3])?.[1] ?? '', value: /value="([^"]*)"/.exec(m[3])?.[1] ?? '' };
      }
    }
  }
  return { id, text, dct: (dct?.[1] ?? dct?.[2] ?? '').slice(0, 10), gold };
}

export function loadTbaq(dir = TBAQ_DIR): TmlDoc[] {
  const docs: TmlDoc[] = [];
  for (const sub of ['AQUAINT', 'TimeBank']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((x) => x.endsWith('.tml')).sort()) docs.push(parseTml(f, readFileSync(join(d, f), 'utf8')));
  }
  return docs;
}

export interface Scores {
  strict: { p: number; r: number; f: number };
  relaxed: { p: number; r: number; f: number };
  value: { p: number; r: number; f: number; accuracy: number };
  gold: number;
  predicted: number;
}

const prf = (tp: number, pred: number, gold: number) => {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** One-to-one matching by overlap (greedy, in order); value F1 counts relaxed matches with equal values. */
export function score(docs: { gold: GoldTimex[]; predicted: Predicted[] }[], onError?: (g: GoldTimex | null, p: Predicted | null) => void): Scores {
  let gold = 0, pred = 0, strict = 0, relaxed = 0, valued = 0;
  for (const d of docs) {
    gold += d.gold.length;
    pred += d.predicted.length;
    const used = new Set<number>();
    for (const g of d.gold) {
      const i = d.predicted.findIndex((p, k) => !used.has(k) && p.start < g.end && g.start < p.end);
      if (i < 0) { onError?.(g, null); continue; }
      used.add(i);
      const p = d.predicted[i];
      relaxed++;
      if (p.start === g.start && p.end === g.end) strict++;
      if (p.value === g.value) valued++;
      else onError?.(g, p);
    }
    d.predicted.forEach((p, k) => { if (!used.has(k)) onError?.(null, p); });
  }
  const v = prf(valued, pred, gold);
  return { strict: prf(strict, pred, gold), relaxed: prf(relaxed, pred, gold), value: { ...v, accuracy: relaxed ? valued / relaxed : 0 }, gold, predicted: pred };
}

export function predictOurs(doc: TmlDoc): Predicted[] {
  return detectTimexes(doc.text, doc.dct).map((m) => ({ start: m.start, end: m.end, value: m.timeml }));
}

/** Baseline: chrono-node casual with default options, value at the granularity chrono is certain of. */
export function predictChrono(doc: TmlDoc): Predicted[] {
  const [y, m, d] = doc.dct.split('-').map(Number);
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  return chrono.parse(doc.text, new Date(Date.UTC(y, m - 1, d, 12))).map((r) => {
    const s = r.start;
    const day = `${s.get('year')}-${pad(s.get('month'))}-${pad(s.get('day'))}`;
    const value = s.isCertain('day') || s.isCertain('weekday') ? day : s.isCertain('month') ? day.slice(0, 7) : s.isCertain('year') ? day.slice(0, 4) : day;
    return { start: r.index, end: r.index + r.text.length, value };
  });
}

const pct = (x: number) => (100 * x).toFixed(1);

function main(): void {
  if (!existsSync(TBAQ_DIR)) {
    console.log(`SKIP: ${TBAQ_DIR} is absent; nothing to measure.`);
    return;
  }
  const args = process.argv.slice(2);
  const errors = args.includes('--errors') ? Number(args[args.indexOf('--errors') + 1]) : 0;
  const docs = loadTbaq();
  const t0 = performance.now();
  const ours = docs.map((d) => ({ gold: d.gold, predicted: predictOurs(d), doc: d }));
  const ms = performance.now() - t0;
  const base = docs.map((d) => ({ gold: d.gold, predicted: predictChrono(d) }));
  const rows: [string, Scores][] = [['chrono-node (default, baseline)', score(base)], ['crosscheck dates', score(ours)]];
  console.log(`TBAQ-cleaned (AQUAINT + TimeBank): ${docs.length} documents, ${rows[1][1].gold} gold TIMEX3 (DCT excluded); values scored in TimeML form`);
  console.log('| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value P | value R | value F1 | value acc. |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [name, s] of rows) {
    console.log(`| ${name} | ${pct(s.strict.p)} | ${pct(s.strict.r)} | ${pct(s.strict.f)} | ${pct(s.relaxed.p)} | ${pct(s.relaxed.r)} | ${pct(s.relaxed.f)} | ${pct(s.value.p)} | ${pct(s.value.r)} | ${pct(s.value.f)} | ${pct(s.value.accuracy)} |`);
  }
  console.log(`(ours: ${(docs.length / (ms / 1000)).toFixed(0)} documents/s)`);
  if (errors) {
    const lines: string[] = [];
    for (const d of ours) {
      score([d], (g, p) => {
        const ctx = (a: number, b: number) => d.doc.text.slice(Math.max(0, a - 30), b + 30).replace(/\s+/g, ' ');
        if (g && p) lines.push(`VALUE ${d.doc.dct} gold ${JSON.stringify(g.text)}=${g.value} ours ${JSON.stringify(d.doc.text.slice(p.start, p.end))}=${p.value} | ${ctx(g.start, g.end)}`);
        else if (g) lines.push(`MISS  ${g.type} ${JSON.stringify(g.text)}=${g.value} | ${ctx(g.start, g.end)}`);
        else if (p) lines.push(`EXTRA ${JSON.stringify(d.doc.text.slice(p.start, p.end))}=${p.value} | ${ctx(p.start, p.end)}`);
      });
    }
    const kind = args[args.indexOf('--errors') + 2];
    const pick = kind ? lines.filter((l) => l.startsWith(kind)) : lines;
    for (let i = 0; i < pick.length; i += Math.max(1, Math.floor(pick.length / errors))) console.log(pick[i]);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
