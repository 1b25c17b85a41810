// Article-body extraction on extraction-zyte (181 real pages of the Scrapinghub/Zyte article-extraction
// benchmark). Metric exactly as the benchmark's evaluate.py: tokens = \w+ runs, 4-token shingles with
// counts, per-page TP/FP/FN normalised to sum 1, precision/recall averaged over pages, F1 of the means.
// Rows: our ingest, ingest + clean (when src/clean exists), Readability textContent, whole-page text.
//   npx tsx eval/zyte.ts [--every N]

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { ingestBuffer } from '../src/ingest/index.js';
import type { Article } from '../src/model/article.js';

export const ZYTE_DIR = fileURLToPath(new URL('../../shared/data/extraction-zyte', import.meta.url));

/** Python's `\w+` under re.UNICODE: letters, digits (all numeric categories) and underscore. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    if (key === '') continue;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export type TpFpFn = [number, number, number];

export function shingleMatch(truth: string, pred: string): TpFpFn {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export function scoresOf(rows: TpFpFn[]): Scores {
  const prec = (tp: number, fp: number, fn: number): number => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
  const rec = (tp: number, fp: number, fn: number): number => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
  const ps = rows.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => prec(tp, fp, fn));
  const rs = rows.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => rec(tp, fp, fn));
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const precision = mean(ps);
  const recall = mean(rs);
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

export interface ZytePage {
  id: string;
  bytes: Buffer;
  truth: string;
}

/** Pages of the set, sorted by id; `every` > 1 keeps every N-th page (quick gates). */
export function loadZyte(every = 1): ZytePage[] {
  const truth = JSON.parse(readFileSync(`${ZYTE_DIR}/ground-truth.json`, 'utf8')) as Record<string, { articleBody?: string }>;
  const files = readdirSync(`${ZYTE_DIR}/html`).filter((f) => f.endsWith('.html.gz')).sort();
  return files
    .filter((_, i) => i % every === 0)
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, '');
      return { id, bytes: gunzipSync(readFileSync(`${ZYTE_DIR}/html/${f}`)), truth: truth[id]?.articleBody ?? '' };
    });
}

/** Our extraction: the article body ingest gives for the page. */
export function ingestBody(page: ZytePage): Article | null {
  const item = ingestBuffer(`${page.id}.html`, page.bytes).find((i) => i.kind === 'article');
  return item && item.kind === 'article' ? item.article : null;
}

type CleanStage = { run(article: Article): void };

/** ingest + clean when the clean stage exists (it is written in parallel); null when absent. */
export async function loadCleanStage(): Promise<(() => CleanStage) | null> {
  const url = new URL('../src/clean/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  try {
    const mod = (await import('../src/clean/index.js' as string)) as { createCleanStage?: () => CleanStage };
    return mod.createCleanStage ? () => mod.createCleanStage!() : null;
  } catch (err) {
    console.error(`clean stage present but failed to load: ${(err as Error).message}`);
    return null;
  }
}

function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  const r = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return r?.textContent ?? '';
}

function wholePageText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  return document.body?.textContent ?? '';
}

async function main(): Promise<void> {
  if (!existsSync(ZYTE_DIR)) {
    console.log(`skipped: ${ZYTE_DIR} is absent (the extraction-zyte corpus is not in this checkout)`);
    return;
  }
  const everyArg = process.argv.indexOf('--every');
  const every = everyArg > 0 ? Number(process.argv[everyArg + 1]) : 1;
  const pages = loadZyte(every);
  const makeClean = await loadCleanStage();
  const rows: Record<string, TpFpFn[]> = { ours: [], 'ours + clean': [], 'Readability textContent (baseline)': [], 'whole-page text (baseline)': [] };
  const perPage: { id: string; f: number }[] = [];
  const t0 = performance.now();
  for (const page of pages) {
    const html = page.bytes.toString('utf8');
    const article = ingestBody(page);
    const ours = shingleMatch(page.truth, article?.raw ?? '');
    rows.ours.push(ours);
    perPage.push({ id: page.id, f: ours[0] });
    if (makeClean && article) {
      const stage = makeClean();
      stage.run(article);
      rows['ours + clean'].push(shingleMatch(page.truth, (article as Article).clean?.text ?? ''));
    }
    rows['Readability textContent (baseline)'].push(shingleMatch(page.truth, readabilityText(html)));
    rows['whole-page text (baseline)'].push(shingleMatch(page.truth, wholePageText(html)));
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`extraction-zyte: ${pages.length} pages${every > 1 ? ` (every ${every}th)` : ''}, 4-token shingle P/R/F1 (benchmark's evaluate.py), ${seconds.toFixed(1)} s\n`);
  console.log('| extractor | precision | recall | F1 |');
  console.log('|---|---|---|---|');
  for (const [name, r] of Object.entries(rows)) {
    if (r.length === 0) {
      console.log(`| ${name} | — | — | skipped (src/clean/index.ts absent) |`);
      continue;
    }
    const s = scoresOf(r);
    console.log(`| ${name} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`);
  }
  console.log('\npublished (same set): Readability.js 0.947, trafilatura 2.0 0.958, whole-page text 0.665');
  if (process.argv.includes('--worst')) {
    perPage.sort((a, b) => a.f - b.f);
    for (const p of perPage.slice(0, 15)) console.log(`  worst: ${p.id.slice(0, 12)} tp-share ${p.f.toFixed(3)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
