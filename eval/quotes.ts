// Quote attribution scored on PolNeAR (../shared/data/quotes-polnear, brat): span-overlap P/R/F1 for
// source, cue, content and whole attribution, side by side: the rules alone, rules + tagger (what
// extractQuotes gives), the tagger alone, and a direct-quotes-only baseline; then whole F1 per outlet.
// Usage: npx tsx eval/quotes.ts [dev|train|all] (train figures of the tagger are on its own training data);
// `npx tsx eval/quotes.ts dev --errors [samples] [--rules|--model]` prints the missed gold attributions by
// cue lemma and construction, and the unmatched predictions (of rules + tagger unless told).
//
// Matching: each gold Attribution relation (Source?, Cue, Content; discontinuous spans kept as fragment
// lists) against each predicted attribution (QuoteMentions sharing one cue are one attribution, their
// contents its fragments). A component matches when the character ranges overlap; pairs are matched
// one-to-one greedily, largest overlap first. "Whole" needs cue, content and source all overlapping
// (a gold attribution without source matches only a prediction without speaker span).
// Files annotated by several annotators: the first annotation file in name order is used.

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { byCodePoint } from '../src/corroborate/order.js';
import { extractEntities } from '../src/extract/entities/index.js';
import { withModel } from '../src/extract/quotes/combine.js';
import { extractQuotes, ruleQuotes } from '../src/extract/quotes/index.js';
import { quoteModel } from '../src/extract/quotes/model/model-file.js';
import {
  attributionsOf, COMPONENTS, emptyScores, greedyPairs, outlets, overlap, polnearDir, prf, readSplit, scoreDoc,
  type Attr, type Component, type Ranges, type Scores, type Split,
} from '../src/extract/quotes/model/polnear.js';
import { readyFromText } from '../test/fixtures/entities/ready.js';

export { polnearDir, prf };
export type { Attr };

/** Which extractor: the rules alone, rules + tagger (what extractQuotes gives), or the tagger alone. */
export type System = 'rules' | 'combined' | 'model';

/** Our extractor's attributions: mentions sharing a cue are one attribution with fragment contents. */
export function ours(id: string, text: string, system: System = 'combined'): Attr[] {
  const a = readyFromText(id, text);
  if (system === 'model') {
    const finds = withModel(a, ruleQuotes(a), quoteModel(), 'model');
    return attributionsOf(finds.map((f) => ({ cue: f.attribution?.cue ?? null, speakerSpan: f.attribution?.speaker ?? null, content: f.content })));
  }
  return attributionsOf(extractQuotes(a, extractEntities(a), { model: system === 'combined' }));
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

export interface SplitScores {
  docs: number;
  rules: Scores;
  combined: Scores;
  model: Scores;
  baseline: Scores;
  /** Per outlet (PolNeAR metadata.tsv publisher): rules alone and rules + tagger. */
  outlets: Map<string, { docs: number; rules: Scores; combined: Scores }>;
  ms: { rules: number; combined: number };
}

/** Scores one split; `every` > 1 takes every n-th document (a fixed, id-independent subset). `systems`
 * limits which of ours run (the gate needs rules and combined only). */
export function scoreSplit(split: Split, every = 1, systems: System[] = ['rules', 'combined', 'model']): SplitScores {
  const publisher = outlets();
  const result: SplitScores = {
    docs: 0, rules: emptyScores(), combined: emptyScores(), model: emptyScores(), baseline: emptyScores(),
    outlets: new Map(), ms: { rules: 0, combined: 0 },
  };
  for (const { id, text, gold } of readSplit(split, every)) {
    const outlet = publisher.get(id) ?? 'unknown';
    const o = result.outlets.get(outlet) ?? { docs: 0, rules: emptyScores(), combined: emptyScores() };
    result.outlets.set(outlet, o);
    o.docs++;
    for (const system of systems) {
      const t0 = performance.now();
      const pred = ours(id, text, system);
      if (system !== 'model') result.ms[system] += performance.now() - t0;
      scoreDoc(gold, pred, result[system]);
      if (system !== 'model') scoreDoc(gold, pred, o[system]);
    }
    scoreDoc(gold, baseline(text), result.baseline);
    result.docs++;
  }
  return result;
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
export function errorReport(split: Split, samples = 3, system: System = 'combined'): void {
  type CueErrors = { n: number; why: Map<string, number>; ex: string[] };
  const byCue = new Map<string, CueErrors>();
  const byConstruction = new Map<string, number>();
  const falsePos = new Map<string, { n: number; ex: string[] }>();
  let missed = 0;
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  const snippet = (text: string, r: Ranges | null) => r ? r.map(([s, e]) => text.slice(s, e)).join(' … ').replace(/\s+/g, ' ').slice(0, 90) : '∅';
  for (const { id, text, gold } of readSplit(split)) {
    const pred = ours(id, text, system);
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

function table(rows: [string, Scores][], pct: (x: number) => string): void {
  console.log(`| component | ${rows.map(([n]) => `${n} P | ${n} R | ${n} F1`).join(' | ')} |`);
  console.log(`|---|${rows.map(() => '---|---|---|').join('')}`);
  for (const k of Object.keys(COMPONENTS) as Component[]) {
    console.log(`| ${k} | ${rows.map(([, s]) => { const x = prf(s[k]); return `${pct(x.p)} | ${pct(x.r)} | ${pct(x.f)}`; }).join(' | ')} |`);
  }
}

function main(): void {
  if (!existsSync(polnearDir)) {
    console.log(`skipped: ${polnearDir} is absent`);
    return;
  }
  const which = process.argv[2] ?? 'dev';
  if (process.argv.includes('--errors')) {
    const system = (['rules', 'model'] as const).find((x) => process.argv.includes(`--${x}`)) ?? 'combined';
    errorReport(which === 'train' ? 'train' : 'dev', Number(process.argv[process.argv.indexOf('--errors') + 1]) || 3, system);
    return;
  }
  const splits = which === 'all' ? ['dev', 'train'] as const : [which as Split];
  const pct = (x: number) => (100 * x).toFixed(1);
  for (const split of splits) {
    const s = scoreSplit(split);
    console.log(`\nquotes-polnear/${split}: ${s.docs} documents; rules ${(s.ms.rules / s.docs).toFixed(1)} ms/doc, rules + model ${(s.ms.combined / s.docs).toFixed(1)} ms/doc (segmentation and entities included)`);
    table([['rules', s.rules], ['rules+model', s.combined], ['model alone', s.model], ['baseline', s.baseline]], pct);
    console.log(`\nper outlet (${split}), whole-attribution F1:`);
    console.log('| outlet | docs | gold | rules P | rules R | rules F1 | rules+model P | rules+model R | rules+model F1 |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const [outlet, o] of [...s.outlets].sort((x, y) => byCodePoint(x[0], y[0]))) {
      const r = prf(o.rules.whole);
      const c = prf(o.combined.whole);
      console.log(`| ${outlet} | ${o.docs} | ${o.rules.whole.gold} | ${pct(r.p)} | ${pct(r.r)} | ${pct(r.f)} | ${pct(c.p)} | ${pct(c.r)} | ${pct(c.f)} |`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
