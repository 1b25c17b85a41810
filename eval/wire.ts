// Wire-copy signals (src/outlets/wire.ts) scored on PolNeAR (../shared/data/quotes-polnear): each article's
// `wire` column (AP, AFP, UPI, Reuters copies; `None` = the outlet's own story; `NA` unlabelled, skipped)
// against the wire our text signal names, next to a baseline that takes any mention of a wire's name.
// The text is read as written (no cleaner), the author left out: PolNeAR's author column names the wire
// for most copies, so the "with author" row only shows what a feed's author field would add.
// Usage: npx tsx eval/wire.ts [--errors]

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wireSignal } from '../src/outlets/wire.js';
import { defaultOutletRegistry } from '../src/outlets/registry.js';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), '../../shared/data/quotes-polnear');
const WIRES = new Map([['ap', 'AP'], ['afp', 'AFP'], ['upi', 'UPI'], ['reuters', 'Reuters']]);

interface Doc {
  split: string;
  file: string;
  text: string;
  author: string | null;
  /** The wire service the article is a copy of, or null for the outlet's own. */
  gold: string | null;
}

function readDocs(): Doc[] {
  const rows = readFileSync(join(dir, 'metadata.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  const docs: Doc[] = [];
  for (const r of rows) {
    const [split, name, , , , , author, , , , , wire] = r;
    const label = (wire ?? '').trim().toLowerCase();
    if (label !== 'none' && !WIRES.has(label)) continue;
    const path = join(dir, split, 'text', `${name}.txt`);
    if (!existsSync(path)) continue;
    docs.push({ split, file: name, text: readFileSync(path, 'utf8'), author: author && author !== 'None' ? author : null, gold: label === 'none' ? null : WIRES.get(label)! });
  }
  return docs;
}

/** Baseline: the first wire whose name the text mentions anywhere. */
function mentioned(text: string): string | null {
  const m = /\b(Associated Press|AP|Agence France-Presse|AFP|United Press International|UPI|Reuters)\b/.exec(text);
  if (!m) return null;
  const n = m[1];
  return n === 'Associated Press' ? 'AP' : n === 'Agence France-Presse' ? 'AFP' : n === 'United Press International' ? 'UPI' : n;
}

type Predict = (d: Doc) => string | null;

function score(docs: Doc[], predict: Predict) {
  let tp = 0, fp = 0, fn = 0;
  const errors: string[] = [];
  for (const d of docs) {
    const p = predict(d);
    if (p && p === d.gold) tp++;
    else {
      if (p) fp++;
      if (d.gold) fn++;
      if (p || d.gold) errors.push(`${d.split}/${d.file}: gold ${d.gold ?? '-'}, predicted ${p ?? '-'}`);
    }
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1, errors };
}

function main(): void {
  if (!existsSync(join(dir, 'metadata.tsv'))) {
    console.log(`skipped: ${dir} is absent`);
    return;
  }
  const registry = defaultOutletRegistry();
  const docs = readDocs();
  const article = (d: Doc, withAuthor: boolean) => ({ meta: { author: withAuthor ? d.author : null }, clean: { text: d.text, removed: [] } });
  const systems: [string, Predict][] = [
    ['baseline: any wire name in the text', (d) => mentioned(d.text)],
    ['ours: text signals (dateline, credit lines)', (d) => wireSignal(article(d, false), registry)?.wire.name ?? null],
    ['ours + author field (leaks the label)', (d) => wireSignal(article(d, true), registry)?.wire.name ?? null],
  ];
  const splits = [...new Set(docs.map((d) => d.split))].sort();
  console.log(`PolNeAR (${dir.replace(/.*\/shared\//, 'shared/')}): ${docs.length} labelled articles, ${docs.filter((d) => d.gold).length} wire copies`);
  console.log('\n| system | split | wire copies | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|---|');
  for (const [name, predict] of systems) {
    for (const split of [...splits, 'all']) {
      const part = split === 'all' ? docs : docs.filter((d) => d.split === split);
      const s = score(part, predict);
      console.log(`| ${name} | ${split} | ${part.filter((d) => d.gold).length} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`);
    }
  }
  if (process.argv.includes('--errors')) {
    console.log('\nErrors of the text signals:');
    for (const e of score(docs, systems[1][1]).errors) console.log(`- ${e}`);
  }
}

main();
