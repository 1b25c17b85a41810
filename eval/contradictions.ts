// Contradiction precision/recall on controlled conflicts injected into real articles of
// ../shared/data/stories-ecbplus, with a naive baseline in the same run.
//   npx tsx eval/contradictions.ts [--events N]
// For each event: the first article A and a copy A' (sentence order rotated, every 5th sentence dropped,
// so alignment is not trivially positional) with ONE controlled edit. Conflicting edits: a date's day,
// a number, a person's name (every mention), a word inside a direct quote. Compatible edits: an exact
// number → "about N", a written date → the same date with its weekday, "hundreds" → "several hundred".
// A reported contradiction counts as correct when its kind is the injected kind and A and A' stand on
// different sides; anything else reported on an (A, A') pair is a false alarm. Untouched events (all
// real articles of one event, no edit) give the alarm rate on real text (unlabelled: real articles
// sometimes truly disagree, so these are alarms to read, not proven errors).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalysedArticle, Article, ExtractSlot, TextReady } from '../src/model/article.js';
import type { Contradiction, ReuseResult } from '../src/model/report.js';
import { corroborateStory } from '../src/corroborate/index.js';
import { alignStory } from '../src/corroborate/align.js';
import { cleanOfLines } from '../test/fixtures/clean-lines.js';

export const DATA_DIR = fileURLToPath(new URL('../../shared/data/stories-ecbplus', import.meta.url));
const KINDS = ['date', 'number', 'name', 'quote'] as const;
type Kind = (typeof KINDS)[number];

type Extractors = {
  entities: ((a: TextReady) => ExtractSlot['entities']) | null;
  dates: ((a: TextReady, p: string | null) => ExtractSlot['dates']) | null;
  quantities: ((a: TextReady) => ExtractSlot['quantities']) | null;
  quotes: ((a: TextReady, e: ExtractSlot['entities']) => ExtractSlot['quotes']) | null;
};

async function optional<T>(spec: string): Promise<T | null> {
  try {
    return (await import(spec)) as T;
  } catch {
    return null;
  }
}

export async function loadExtractors(): Promise<Extractors | string> {
  const text = await optional<{ textStage: { run(a: Article): void } }>('../src/text/index.js');
  if (!text) return 'text stage missing';
  const e = await optional<{ extractEntities: Extractors['entities'] }>('../src/extract/entities/index.js');
  const d = await optional<{ extractDates: Extractors['dates'] }>('../src/extract/dates/index.js');
  const q = await optional<{ extractQuantities: Extractors['quantities'] }>('../src/extract/quantities/index.js');
  const qu = await optional<{ extractQuotes: Extractors['quotes'] }>('../src/extract/quotes/index.js');
  if (!e && !d) return 'extract stage (entities, dates) not available yet';
  return { entities: e?.extractEntities ?? null, dates: d?.extractDates ?? null, quantities: q?.extractQuantities ?? null, quotes: qu?.extractQuotes ?? null };
}

let textStage: { run(a: Article): void } | null = null;

/** Builds an analysed article from sentence lines (one paragraph per line, as the corpus is). */
export async function analyse(id: string, lines: string[], ex: Extractors): Promise<AnalysedArticle> {
  textStage ??= (await import('../src/text/index.js')).textStage;
  const clean = cleanOfLines(lines);
  const a: Article = {
    id, path: id, format: 'txt', encoding: 'utf-8',
    meta: { title: null, url: null, outlet: null, published: null, publishedFrom: null, author: null, declaredLanguage: null },
    raw: clean.text, hash: id, diagnostics: [], clean,
  };
  textStage.run(a);
  const ready = a as TextReady;
  const entities = ex.entities ? ex.entities(ready) : [];
  a.extract = { entities, dates: ex.dates ? ex.dates(ready, null) : [], quantities: ex.quantities ? ex.quantities(ready) : [], quotes: ex.quotes ? ex.quotes(ready, entities) : [] };
  return a as AnalysedArticle;
}

/** Corpus lines of an article, without the URL/title/"Published" header lines. */
export function bodyLines(id: string): string[] {
  const lines = readFileSync(`${DATA_DIR}/${id}.txt`, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.filter((l, i) => !(i < 4 && (/^https?:\/\//.test(l) || /^(published|posted|updated)\b/i.test(l) || (i === 1 && !/[.!?"”]$/.test(l)))));
}

/** The copy's surface change: rotate sentence order and drop every 5th sentence (never the edited one). */
export function disguise(lines: string[], keep: number): string[] {
  const kept = lines.filter((_, i) => i === keep || i % 5 !== 4);
  const k = Math.floor(kept.length / 3);
  return [...kept.slice(k), ...kept.slice(0, k)];
}

/**
 * A rewrite's surface change on top of `disguise`: common words swapped for synonyms in every line (what
 * a rewriting outlet does first). Applied to the copy only, so A and A' no longer match word for word —
 * the mechanical copy flatters the wording passes, this does less.
 */
const SYNONYMS: [RegExp, string][] = [
  [/\bsaid\b/g, 'stated'], [/\bpeople\b/g, 'persons'], [/\bpolice\b/g, 'officers'], [/\babout\b/g, 'around'],
  [/\bafter\b/g, 'following'], [/\bbegan\b/g, 'started'], [/\bannounced\b/g, 'declared'], [/\balso\b/g, 'additionally'],
  [/\bkilled\b/g, 'left dead'], [/\bbig\b/g, 'large'], [/\bhelp\b/g, 'assist'], [/\bshow\b/g, 'display'],
  [/\btold\b/g, 'informed'], [/\bbuy\b/g, 'purchase'], [/\bstarted\b/g, 'began'], [/\bhouse\b/g, 'home'],
];
export function reword(lines: string[]): string[] {
  // Quotes are left verbatim: a rewrite that changes quoted words is exactly what rule `quote` reports.
  // A quote may open on one line and close on a later one (the corpus is one sentence a line): the lines
  // between are inside it too, so the quoting state carries from line to line.
  let inside = false;
  return lines.map((l) => {
    let out = '';
    let from = 0;
    for (let i = 0; i <= l.length; i++) {
      const c = l[i];
      const opens = !inside && (c === '“' || c === '"');
      const closes = inside && (c === '”' || c === '"');
      if (i < l.length && !opens && !closes) continue;
      const part = l.slice(from, i);
      out += inside ? part : SYNONYMS.reduce((t, [re, w]) => t.replace(re, w), part);
      if (i < l.length) out += c;
      from = i + 1;
      if (opens) inside = true;
      else if (closes) inside = false;
    }
    return out;
  });
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const FAKE_NAMES = ['Marta Kowalczyk', 'Idris Fenwick', 'Lucja Brandt', 'Oskar Villeneuve'];
const QUOTE_SWAP = ['extraordinary', 'catastrophic', 'unacceptable', 'remarkable'];

export interface Edit {
  kind: Kind | 'compatible';
  line: number;
  lines: string[];
  what: string;
}

/** Candidate edits of one article, at most one per kind, chosen deterministically (first match). */
export function edits(lines: string[], a: AnalysedArticle, seed: number): Edit[] {
  const out: Edit[] = [];
  const replaceLine = (i: number, text: string) => lines.map((l, j) => (j === i ? text : l));
  const first = (re: RegExp) => {
    for (let i = 0; i < lines.length; i++) {
      const m = re.exec(lines[i]);
      if (m) return { i, m };
    }
    return null;
  };
  const d = first(new RegExp(`\\b(${MONTHS})\\s+(\\d{1,2})\\b`));
  if (d) {
    const day = Number(d.m[2]);
    const nd = day > 15 ? day - 11 : day + 11;
    out.push({ kind: 'date', line: d.i, lines: replaceLine(d.i, lines[d.i].replace(d.m[0], `${d.m[1]} ${nd}`)), what: `${d.m[0]} → ${d.m[1]} ${nd}` });
  }
  const n = first(/\b(?<![.,\d$£€])([2-9]\d{0,2}|1\d{1,2})\s+(people|persons|dead|injured|killed|workers|employees|soldiers|police|officers|students|passengers|homes|houses|buildings|jobs|children|victims|miners|civilians|troops|patients|men|women|others)\b/);
  if (n) {
    const v = Number(n.m[1]);
    const nv = v * 3 + 7;
    out.push({ kind: 'number', line: n.i, lines: replaceLine(n.i, lines[n.i].replace(n.m[0], `${nv} ${n.m[2]}`)), what: `${n.m[0]} → ${nv} ${n.m[2]}` });
    out.push({ kind: 'compatible', line: n.i, lines: replaceLine(n.i, lines[n.i].replace(n.m[0], `about ${v} ${n.m[2]}`)), what: `${n.m[0]} → about ${v} ${n.m[2]}` });
  }
  const person = a.extract.entities.find((e) => e.type === 'person' && /\s/.test(e.name) && e.name.split(/\s+/).length <= 3);
  if (person) {
    const fake = FAKE_NAMES[seed % FAKE_NAMES.length];
    const parts = person.name.split(/\s+/);
    const surname = parts[parts.length - 1];
    const firstLine = lines.findIndex((l) => l.includes(person.name) || l.includes(surname));
    const swapped = lines.map((l) => l.split(person.name).join(fake).replace(new RegExp(`\\b${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), fake.split(' ')[1]));
    if (firstLine >= 0) out.push({ kind: 'name', line: firstLine, lines: swapped, what: `${person.name} → ${fake}` });
  }
  const q = first(/[“"]([^”"]{30,300})[”"]/);
  if (q) {
    const words = q.m[1].split(/\s+/);
    const idx = words.findIndex((w, i) => i >= 2 && i < words.length - 2 && /^[a-z]{5,}$/.test(w));
    if (idx >= 0) {
      const swap = QUOTE_SWAP[seed % QUOTE_SWAP.length];
      const edited = [...words.slice(0, idx), swap, ...words.slice(idx + 1)].join(' ');
      out.push({ kind: 'quote', line: q.i, lines: replaceLine(q.i, lines[q.i].replace(q.m[1], edited)), what: `${words[idx]} → ${swap}` });
    }
  }
  const h = first(/\bhundreds of\b/);
  if (h) out.push({ kind: 'compatible', line: h.i, lines: replaceLine(h.i, lines[h.i].replace('hundreds of', 'several hundred')), what: 'hundreds of → several hundred' });
  const wd = first(new RegExp(`\\b(on )?(${MONTHS})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`));
  if (wd) {
    const date = new Date(Date.UTC(Number(wd.m[4]), MONTHS.split('|').indexOf(wd.m[2]), Number(wd.m[3])));
    const weekday = date.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
    out.push({ kind: 'compatible', line: wd.i, lines: replaceLine(wd.i, lines[wd.i].replace(wd.m[0], `${wd.m[1] ?? ''}${weekday}, ${wd.m[2]} ${wd.m[3]}, ${wd.m[4]}`)), what: `+ weekday` });
  }
  return out;
}

/** Naive baseline: aligned sentences whose date/number/name/quote sets differ at all. */
export function baseline(articles: AnalysedArticle[], reuse: ReuseResult): { kind: Kind; sources: string[][] }[] {
  const al = alignStory(articles, reuse);
  const out: { kind: Kind; sources: string[][] }[] = [];
  for (const c of al.claims) {
    for (let i = 0; i < c.units.length; i++) {
      for (let j = i + 1; j < c.units.length; j++) {
        const a = c.units[i];
        const b = c.units[j];
        const diff = (f: (u: typeof a) => string[]) => f(a).sort().join('|') !== f(b).sort().join('|') && f(a).length > 0 && f(b).length > 0;
        const sides = [[a.article], [b.article]];
        if (diff((u) => u.dates.map((d) => d.value ?? d.text))) out.push({ kind: 'date', sources: sides });
        if (diff((u) => u.quantities.map((q) => String(q.value ?? q.text)))) out.push({ kind: 'number', sources: sides });
        if (diff((u) => u.entities.filter((e) => e.type === 'person').map((e) => e.name))) out.push({ kind: 'name', sources: sides });
        if (diff((u) => u.quotes.map((q) => q.content.text))) out.push({ kind: 'quote', sources: sides });
      }
    }
  }
  return out;
}

export interface Tally {
  tp: Record<Kind, number>;
  fp: Record<Kind, number>;
  injected: Record<Kind, number>;
  compatibleCases: number;
  compatibleAlarms: number;
}

const zero = (): Record<Kind, number> => ({ date: 0, number: 0, name: 0, quote: 0 });
export const newTally = (): Tally => ({ tp: zero(), fp: zero(), injected: zero(), compatibleCases: 0, compatibleAlarms: 0 });

const kindOf = (k: Contradiction['kind']): Kind | null => (k === 'quantity' ? 'number' : k === 'headline' ? null : (k as Kind));

/** Scores the contradictions found on one (A, A') pair against the injected edit. */
export function score(t: Tally, edit: Edit, found: { kind: Kind | null; sources: string[][] }[], a: string, b: string): void {
  if (edit.kind === 'compatible') {
    t.compatibleCases++;
    if (found.some((f) => f.kind)) t.compatibleAlarms++;
    return;
  }
  t.injected[edit.kind]++;
  let hit = false;
  for (const f of found) {
    if (!f.kind) continue;
    const split = f.sources.some((s) => s.includes(a) && !s.includes(b)) && f.sources.some((s) => s.includes(b) && !s.includes(a));
    if (f.kind === edit.kind && split && !hit) {
      hit = true;
      t.tp[f.kind]++;
    } else t.fp[f.kind]++;
  }
}

export function table(name: string, t: Tally): string[] {
  const rows: string[] = [];
  let tp = 0;
  let fp = 0;
  let inj = 0;
  for (const k of KINDS) {
    tp += t.tp[k];
    fp += t.fp[k];
    inj += t.injected[k];
    const p = t.tp[k] + t.fp[k] ? t.tp[k] / (t.tp[k] + t.fp[k]) : NaN;
    const r = t.injected[k] ? t.tp[k] / t.injected[k] : NaN;
    rows.push(`| ${name} | ${k} | ${t.injected[k]} | ${t.tp[k]} | ${t.fp[k]} | ${fmt(p)} | ${fmt(r)} | ${fmt((2 * p * r) / (p + r))} |`);
  }
  const p = tp + fp ? tp / (tp + fp) : NaN;
  const r = inj ? tp / inj : NaN;
  rows.push(`| ${name} | **all** | ${inj} | ${tp} | ${fp} | ${fmt(p)} | ${fmt(r)} | ${fmt((2 * p * r) / (p + r))} |`);
  return rows;
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

export interface EvalResult {
  ours: Tally;
  base: Tally;
  /** The same edits with a reworded copy (see `reword`). */
  oursReworded: Tally;
  untouchedStories: number;
  untouchedAlarms: number;
  baseUntouchedAlarms: number;
  events: number;
  extractorsMissing: string[];
}

export async function runEval(maxEvents: number): Promise<EvalResult | string> {
  if (!existsSync(`${DATA_DIR}/gold.tsv`)) return `corpus absent: ${DATA_DIR}`;
  const ex = await loadExtractors();
  if (typeof ex === 'string') return ex;
  const byEvent = new Map<string, string[]>();
  for (const line of readFileSync(`${DATA_DIR}/gold.tsv`, 'utf8').split('\n').slice(1)) {
    const [id, , event] = line.split('\t');
    if (!id || !event) continue;
    byEvent.set(event, [...(byEvent.get(event) ?? []), id]);
  }
  const events = [...byEvent.keys()].sort().slice(0, maxEvents);
  const res: EvalResult = {
    ours: newTally(), base: newTally(), oursReworded: newTally(), untouchedStories: 0, untouchedAlarms: 0, baseUntouchedAlarms: 0, events: events.length,
    extractorsMissing: Object.entries(ex).filter(([, f]) => !f).map(([k]) => k),
  };
  for (const [ei, event] of events.entries()) {
    const ids = [...byEvent.get(event)!].sort();
    const lines = bodyLines(ids[0]);
    const a = await analyse('A', lines, ex);
    for (const edit of edits(lines, a, ei)) {
      const copy = await analyse('B', disguise(edit.lines, edit.line), ex);
      const pair = [a, copy];
      // A' is a copy of A: the reuse stage links them (what the fact engine's refiners read to know that two
      // articles share text); each keeps its own group, as before, so independence counts are unchanged.
      const link = { a: 'A', b: 'B', kind: 'rewrite' as const, original: 'A', shared: lines.length, score: 0.9, pairs: [] };
      const reuse: ReuseResult = { links: [link], groupOf: new Map([['A', 'A'], ['B', 'B']]), inheritedDates: new Map() };
      const ours = corroborateStory(pair, reuse, [], '').contradictions.map((c) => ({ kind: kindOf(c.kind), sources: c.values.map((v) => v.sources) }));
      score(res.ours, edit, ours, 'A', 'B');
      score(res.base, edit, baseline(pair, reuse), 'A', 'B');
      const rewritten = await analyse('B', reword(disguise(edit.lines, edit.line)), ex);
      const found = corroborateStory([a, rewritten], reuse, [], '').contradictions.map((c) => ({ kind: kindOf(c.kind), sources: c.values.map((v) => v.sources) }));
      score(res.oursReworded, edit, found, 'A', 'B');
    }
    // Untouched: the event's real articles (up to 6) as one story.
    const real = await Promise.all(ids.slice(0, 6).map(async (id) => analyse(id, bodyLines(id), ex)));
    const reuse: ReuseResult = { links: [], groupOf: new Map(real.map((r) => [r.id, r.id])), inheritedDates: new Map() };
    res.untouchedStories++;
    res.untouchedAlarms += corroborateStory(real, reuse, [], '').contradictions.filter((c) => c.kind !== 'headline').length;
    res.baseUntouchedAlarms += baseline(real, reuse).length;
  }
  return res;
}

export function report(r: EvalResult): string {
  const out = [
    `stories-ecbplus: ${r.events} events; one copy per edit. Extractors missing: ${r.extractorsMissing.join(', ') || 'none'}.`,
    '',
    '| method | kind | injected | found | false alarms | precision | recall | F1 |',
    '|---|---|---|---|---|---|---|---|',
    ...table('crosscheck', r.ours),
    ...table('naive baseline', r.base),
    ...table('crosscheck, reworded copy', r.oursReworded),
    '',
    `Compatible edits with a reworded copy: ${r.oursReworded.compatibleCases} cases; crosscheck alarms on ${r.oursReworded.compatibleAlarms}.`,
    `Compatible edits (about N, several hundred, + weekday): ${r.ours.compatibleCases} cases; crosscheck alarms on ${r.ours.compatibleAlarms}, baseline on ${r.base.compatibleAlarms}.`,
    `Untouched events (≤6 real articles each): crosscheck ${(r.untouchedAlarms / Math.max(1, r.untouchedStories)).toFixed(2)} alarms/story, baseline ${(r.baseUntouchedAlarms / Math.max(1, r.untouchedStories)).toFixed(2)}.`,
  ];
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--events');
  const max = i > 0 ? Number(process.argv[i + 1]) : Infinity;
  const t0 = performance.now();
  const r = await runEval(max);
  if (typeof r === 'string') console.log(`skipped: ${r}`);
  else console.log(report(r));
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
