// TempEval-3 Task A style scoring of our temporal expressions on TBAQ-cleaned (TimeBank + AQUAINT):
// strict and relaxed span P/R/F1 and value F1 (TimeML values), next to plain chrono-node as a baseline.
// Usage: npx tsx eval/timex.ts [--corpus TimeBank|AQUAINT] [--errors N [VALUE|MISS|EXTRA]]   (skips with a message when the data is absent)

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
  /** Sub-corpus: 'AQUAINT' or 'TimeBank' (the split used to keep tuning honest). */
  corpus: string;
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
export function parseTml(id: string, xml: string, corpus = ''): TmlDoc {
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
  return { id, corpus, text, dct: (dct?.[1] ?? dct?.[2] ?? '').slice(0, 10), gold };
}

export function loadTbaq(dir = TBAQ_DIR): TmlDoc[] {
  const docs: TmlDoc[] = [];
  for (const sub of ['AQUAINT', 'TimeBank']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d).filter((x) => x.endsWith('.tml')).sort()) docs.push(parseTml(f, readFileSync(join(d, f), 'utf8'), sub));
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

export function predictOurs(doc: TmlDoc): (Predicted & { rule: string })[] {
  // Scored on the `timex` field each DateMention carries (what `extract --format json` prints).
  return detectTimexes(doc.text, doc.dct).map((m) => ({ start: m.start, end: m.end, value: m.timex ?? null, rule: m.rule }));
}

/** Error category of a gold/predicted pair, for the `--errors` confusion table. */
export function errorKind(g: GoldTimex | null, p: (Predicted & { rule?: string }) | null, predText = ''): string {
  if (g && !p) return `MISS ${g.type}`;
  if (p && !g) return `EXTRA ${p.rule ?? '?'}`;
  const gv = g!.value;
  const pv = p!.value ?? 'null';
  const shape = (v: string) =>
    /^\d{4}-\d{2}-\d{2}T/.test(v) ? 'day+time' : /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'day' : /^\d{4}-W/.test(v) ? 'week' : /^\d{4}-\d{2}$/.test(v) ? 'month'
      : /^\d{4}-(Q|H)/.test(v) ? 'quarter' : /^\d{4}$/.test(v) ? 'year' : /^\d{3}$/.test(v) ? 'decade' : /_REF$/.test(v) ? 'vague' : /^P/.test(v) ? 'duration' : v === 'null' ? 'null' : 'other';
  const gs = shape(gv);
  const ps = shape(pv);
  if (gs !== ps) return `VALUE ${gs}→${ps}`;
  void predText;
  return `VALUE ${gs} wrong`;
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
  const only = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : null;
  const docs = loadTbaq().filter((d) => !only || d.corpus === only);
  const t0 = performance.now();
  const ours = docs.map((d) => ({ gold: d.gold, predicted: predictOurs(d), doc: d }));
  const ms = performance.now() - t0;
  const base = docs.map((d) => ({ gold: d.gold, predicted: predictChrono(d), doc: d }));
  console.log(`TBAQ-cleaned: ${docs.length} documents, ${score(ours).gold} gold TIMEX3 (DCT excluded); values scored in TimeML form (each mention's \`timex\` field)`);
  console.log('Second-pass rules were chosen on TimeBank errors only; AQUAINT is the held-out check (the first pass had seen both).');
  console.log('| split | system | docs | gold | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value P | value R | value F1 | value acc. |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const split of ['TimeBank', 'AQUAINT', 'all']) {
    for (const [name, run] of [['chrono-node (baseline)', base], ['crosscheck dates', ours]] as const) {
      const part = run.filter((d) => split === 'all' || d.doc.corpus === split);
      if (!part.length) continue;
      const s = score(part);
      console.log(`| ${split} | ${name} | ${part.length} | ${s.gold} | ${pct(s.strict.p)} | ${pct(s.strict.r)} | ${pct(s.strict.f)} | ${pct(s.relaxed.p)} | ${pct(s.relaxed.r)} | ${pct(s.relaxed.f)} | ${pct(s.value.p)} | ${pct(s.value.r)} | ${pct(s.value.f)} | ${pct(s.value.accuracy)} |`);
    }
  }
  console.log(`(ours: ${(docs.length / (ms / 1000)).toFixed(0)} documents/s)`);
  // The same mentions scored on the calendar \`value\` instead (weeks as months, vague and SET as null): why \`timex\` is reported beside it.
  const calendar = score(docs.map((d) => ({ gold: d.gold, predicted: detectTimexes(d.text, d.dct).map((m) => ({ start: m.start, end: m.end, value: m.value })) })));
  console.log(`value F1 on each mention's timex ${pct(score(ours).value.f)}; on its calendar value ${pct(calendar.value.f)} (${docs.length} documents)`);
  if (errors) {
    const lines: string[] = [];
    const kinds = new Map<string, number>();
    for (const d of ours) {
      score([d], (g, p) => {
        const k = errorKind(g, p as (Predicted & { rule: string }) | null);
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
        const ctx = (a: number, b: number) => d.doc.text.slice(Math.max(0, a - 30), b + 30).replace(/\s+/g, ' ');
        if (g && p) lines.push(`VALUE ${d.doc.dct} gold ${JSON.stringify(g.text)}=${g.value} ours ${JSON.stringify(d.doc.text.slice(p.start, p.end))}=${p.value} | ${ctx(g.start, g.end)}`);
        else if (g) lines.push(`MISS  ${g.type} ${JSON.stringify(g.text)}=${g.value} | ${ctx(g.start, g.end)}`);
        else if (p) lines.push(`EXTRA ${JSON.stringify(d.doc.text.slice(p.start, p.end))}=${p.value} | ${ctx(p.start, p.end)}`);
      });
    }
    console.log('\nErrors by category (MISS gold type, EXTRA proposing rule, VALUE gold shape→our shape):');
    console.log('| category | count |\n|---|---|');
    for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${n} |`);
    console.log('');
    const kind = args[args.indexOf('--errors') + 2];
    const pick = kind ? lines.filter((l) => l.startsWith(kind)) : lines;
    for (let i = 0; i < pick.length; i += Math.max(1, Math.floor(pick.length / errors))) console.log(pick[i]);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
