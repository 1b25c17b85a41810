// Entity extraction scored against a small hand-made gold set (eval/gold/entities.json: names and types
// per article of the seeds and three ECB+ files; the articles are read from ../shared at run time).
// Usage: npx tsx eval/entities.ts
//
// Entity level, per article: our mentions are grouped by canonical name; a gold (name, type) is found
// when the normalised gold name equals the canonical name or any surface alias of a predicted entity,
// and correct when the types agree too. P = correct / predicted entities of that type, R = correct /
// gold of that type. Predictions typed "other" are out of scope (the gold has only the four types).
// Baseline: compromise alone (people / organizations / places on the whole text).

import nlpc from 'compromise';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractEntitiesWith } from '../src/extract/entities/index.js';
import { maxCompromiseSentences } from '../src/extract/entities/params.js';
import type { EntityType } from '../src/model/article.js';
import { readyFromText, stripSeedHeader } from '../test/fixtures/entities/ready.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = join(ROOT, '..', 'shared');
const TYPES: EntityType[] = ['person', 'organization', 'place', 'product'];

interface Gold { file: string; name: string; type: EntityType }
interface Predicted { type: EntityType; names: Set<string> }

const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[’']s$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').replace(/^the /, '').trim();

function fileOf(g: string): string {
  return g.startsWith('seeds/') ? join(SHARED, g) : join(SHARED, 'data', g);
}

function ours(id: string, text: string, compromiseSentences: number): Predicted[] {
  const groups = new Map<string, { types: Map<EntityType, number>; names: Set<string> }>();
  for (const m of extractEntitiesWith(readyFromText(id, text), { compromiseSentences })) {
    const k = norm(m.name);
    const g = groups.get(k) ?? { types: new Map(), names: new Set([k]) };
    g.types.set(m.type, (g.types.get(m.type) ?? 0) + 1);
    g.names.add(norm(m.text));
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => ({ type: [...g.types.entries()].sort((a, b) => b[1] - a[1])[0][0], names: g.names }));
}

function compromiseOnly(text: string): Predicted[] {
  const doc = nlpc(text);
  const out = new Map<string, EntityType>();
  const add = (list: string[], type: EntityType) => { for (const x of list) if (norm(x)) out.set(norm(x), type); };
  add(doc.places().out('array') as string[], 'place');
  add(doc.organizations().out('array') as string[], 'organization');
  add(doc.people().out('array') as string[], 'person');
  return [...out.entries()].map(([n, type]) => ({ type, names: new Set([n]) }));
}

type Counts = Record<EntityType | 'all', { tp: number; pred: number; gold: number }>;
const empty = (): Counts => Object.fromEntries([...TYPES, 'all', 'other'].map((t) => [t, { tp: 0, pred: 0, gold: 0 }])) as Counts;

function score(gold: Gold[], pred: Predicted[], c: Counts): void {
  const inScope = pred.filter((p) => p.type !== 'other');
  const used = new Set<Predicted>();
  for (const g of gold) {
    c[g.type].gold++;
    c.all.gold++;
    const hit = inScope.find((p) => !used.has(p) && p.names.has(norm(g.name)) && p.type === g.type);
    if (hit) { used.add(hit); c[g.type].tp++; c.all.tp++; }
  }
  for (const p of inScope) { c[p.type].pred++; c.all.pred++; }
}

function main(): void {
  if (!existsSync(SHARED)) {
    console.log(`skipped: ${SHARED} is absent`);
    return;
  }
  const gold = (JSON.parse(readFileSync(join(ROOT, 'eval/gold/entities.json'), 'utf8')) as { entities: Gold[] }).entities;
  const files = [...new Set(gold.map((g) => g.file))].filter((f) => existsSync(fileOf(f)));
  const systems: [string, (id: string, text: string) => Predicted[]][] = [
    [`ours (compromise on ≤${maxCompromiseSentences} sentences, default)`, (id, t) => ours(id, t, maxCompromiseSentences)],
    ['ours + compromise on ≤3 sentences', (id, t) => ours(id, t, 3)],
    ['baseline: compromise alone', (_id, t) => compromiseOnly(t)],
  ];
  console.log(`gold: ${gold.length} entities in ${files.length} articles (eval/gold/entities.json)\n`);
  console.log('| system | type | P | R | F1 | gold |');
  console.log('|---|---|---|---|---|---|');
  const subsets: [string, (f: string) => boolean][] = [['all', () => true], ['ecbplus only', (f) => f.startsWith('stories-')]];
  for (const [label, run] of systems) for (const [subset, keep] of subsets) {
    if (subset !== 'all' && label.startsWith('ours +')) continue;
    const c = empty();
    for (const f of files.filter(keep)) {
      const text = stripSeedHeader(readFileSync(fileOf(f), 'utf8'));
      score(gold.filter((g) => g.file === f), run(f, text), c);
    }
    for (const t of [...TYPES, 'all'] as const) {
      const { tp, pred, gold: n } = c[t];
      const p = pred ? tp / pred : 0;
      const r = n ? tp / n : 0;
      const f1 = p + r ? (2 * p * r) / (p + r) : 0;
      console.log(`| ${label}${subset === 'all' ? '' : ` [${subset}]`} | ${t} | ${(100 * p).toFixed(1)} | ${(100 * r).toFixed(1)} | ${(100 * f1).toFixed(1)} | ${n} |`);
    }
  }
}

main();
