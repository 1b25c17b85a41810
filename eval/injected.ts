// Controlled edits injected into INDEPENDENT articles of one real event (../shared/data/stories-ecbplus):
// a figure or a date that two articles of the event state in their own words is changed in one of them
// (conflicting edit, must be found), or rewritten compatibly (a spelled-out number, "about N", another date
// format, a unit conversion, British spelling: must stay silent). Each edited event is analysed whole
// (ingest → … → corroborate), once with the fact engine and once with the sentence rules alone (the
// pre-1.2 baseline). The choice of what to edit uses no crosscheck code: a value written in two articles
// that do not share their wording (token Jaccard of the two sentences < 0.5) but share two content words
// besides the value (the same fact: "70 people were hurt" / "leaving at least 70 people injured"), in two
// articles that crosscheck's reuse stage does not link as copies (unedited run). Hedged figures ("at
// least 70") are not edited: a floor is compatible with a larger figure. A regression check on our own
// edits, not evidence: the natural gold (eval/disagreements.ts) is that. An edit is found against the
// planned article (the other article the plan read the fact in) or against any other article of the
// event: the planned one may state two values of the slot ("sentenced Saturday", "convicted Nov. 7")
// and so leave it, while other articles state the old value; both counts are printed.
//   npx tsx eval/injected.ts [--events N] [--list]

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Contradiction, Report } from '../src/model/report.js';
import { DATA, runAnalyze } from './disagreements.js';

type EditKind = 'date' | 'number' | 'compatible';
interface Edit {
  event: string;
  kind: EditKind;
  article: string;
  other: string;
  what: string;
  text: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const SPELLED = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const BRITISH: [RegExp, string][] = [[/\bcenter\b/, 'centre'], [/\bcolor\b/, 'colour'], [/\bdefense\b/, 'defence'], [/\borganization\b/, 'organisation'], [/\bapologized\b/, 'apologised'], [/\bcriticized\b/, 'criticised'], [/\bmeters\b/, 'metres'], [/\blabor\b/, 'labour'], [/\bneighborhood\b/, 'neighbourhood'], [/\bhonor\b/, 'honour']];

const STOP = new Set('the and for that with from have has had was were are this their they said after before about into over been than more when which while will would also other its his her who'.split(' '));
/** Content words two lines share besides the value: "the same fact" needs some (70 people hurt / 70 people injured). */
function sharedContent(a: string, b: string, value: string): number {
  const x = words(a);
  const y = words(b);
  let n = 0;
  for (const w of x) if (y.has(w) && !STOP.has(w) && w !== value.toLowerCase() && !/^\d/.test(w)) n++;
  return n;
}

const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
function jaccard(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let i = 0;
  for (const w of x) if (y.has(w)) i++;
  return i / Math.max(1, x.size + y.size - i);
}

interface Value {
  key: string;
  re: RegExp;
  kind: 'date' | 'number';
}

/** Words that may stand capitalised before a weekday that is a date ("Last Friday", "Posted: Friday"). */
const DATE_LEAD = /^(On|By|Since|Until|Till|Last|Next|This|Early|Late|Before|After|From|Through|Every|Each|Posted|Updated):?$/;
/** "the second Tuesday of each month": a rule for every month, no day of the event (as "Patch Tuesday" is a
 * name); the ordinal before the weekday, "of each/every/the month" after it ("last Friday" stays a date). */
const RECURRING = /\b(first|second|third|fourth|last)\s+$/i;
/** Words after a figure that show it counts nothing ("IE6, 7, 10 and 11 on Windows"): no noun follows ("of" may: "178 of 369 punches"). */
const FUNCTION_WORD = /^(on|in|and|or|to|the|a|an|at|for|with|from|by|as|is|are|was|were)$/;

/** The capitalised word right before offset `at`, unless it opens the sentence; else null. */
function nameWordBefore(line: string, at: number): string | null {
  const m = /(^|\s|[“"‘(])(\p{Lu}[\p{L}’'.:-]*)\s+$/u.exec(line.slice(0, at));
  if (!m) return null;
  const head = line.slice(0, m.index + m[1].length).trimEnd();
  return head === '' || /[.!?]["”’)]?$/.test(head) ? null : m[2];
}

/** Values worth editing in a line: weekdays, "Month D", and counts of 2+ digits before a noun (not years).
 * A weekday after a capitalised word is a name ("Patch Tuesday", "Super Tuesday", "Black Friday"), one after
 * an ordinal a recurring day ("the second Tuesday of every month"), and a
 * figure glued to letters or after a capitalised word is a version or a model ("IE11", "Internet Explorer
 * 11", "Boeing 737"): editing them changes no fact, so the plan leaves them. */
function valuesOf(line: string): Value[] {
  const out: Value[] = [];
  for (const w of WEEKDAYS) {
    const all = [...line.matchAll(new RegExp(`\\b${w}\\b`, 'g'))];
    const named = all.some((m) => {
      const before = nameWordBefore(line, m.index!);
      return (before !== null && !DATE_LEAD.test(before) && !WEEKDAYS.includes(before.replace(/,$/, ''))) || (RECURRING.test(line.slice(0, m.index!)) && /^\s+of\s+(each|every|the)\s+month\b/i.test(line.slice(m.index! + w.length)));
    });
    // Every mention of the weekday changes, so a line that also writes it as a name is left out.
    if (all.length && !named) out.push({ key: w, re: new RegExp(`\\b${w}\\b`, 'g'), kind: 'date' });
  }
  for (const m of line.matchAll(new RegExp(`\\b(${MONTHS})\\s+(\\d{1,2})\\b`, 'g'))) out.push({ key: m[0], re: new RegExp(`\\b${m[0]}\\b`, 'g'), kind: 'date' });
  for (const m of line.matchAll(/(?<![\p{L}\d.,:$£€-])(\d{2,3}|\d{1,3}(?:,\d{3})+)(?=\s+[a-z]+)(?![\d.,:-])/gu)) {
    const n = Number(m[1].replace(/,/g, ''));
    if (n >= 1900 && n <= 2100) continue;
    if (nameWordBefore(line, m.index!) !== null) continue;
    if (FUNCTION_WORD.test(/^\s+([a-z]+)/.exec(line.slice(m.index! + m[0].length))![1])) continue;
    // A floor or a ceiling ("at least 70") is compatible with a larger or smaller figure: no conflict to inject.
    if (/\b(at least|more than|over|up to|as many as|as few as|nearly|almost|about|some|around|fewer than|less than|under)\s+$/i.test(line.slice(0, m.index))) continue;
    if (/^\s*(%|percent|per cent)/.test(line.slice(m.index! + m[0].length))) continue;
    out.push({ key: m[1], re: new RegExp(`(?<![\\d.,])${m[1]}(?![\\d.,]\\d)`, 'g'), kind: 'number' });
  }
  return out;
}

function changed(v: Value): string {
  if (WEEKDAYS.includes(v.key)) return WEEKDAYS[(WEEKDAYS.indexOf(v.key) + 3) % 7];
  const md = new RegExp(`^(${MONTHS})\\s+(\\d{1,2})$`).exec(v.key);
  if (md) {
    const d = Number(md[2]);
    return `${md[1]} ${d > 15 ? d - 9 : d + 9}`;
  }
  const n = Number(v.key.replace(/,/g, ''));
  return (n * 2 + 7).toLocaleString('en-US');
}

/** Compatible rewrites of the value in its line, each with a name; empty when none applies. */
function compatibleRewrites(v: Value, line: string): { what: string; line: string }[] {
  const out: { what: string; line: string }[] = [];
  const md = new RegExp(`^(${MONTHS})\\s+(\\d{1,2})$`).exec(v.key);
  if (md) out.push({ what: `date format: ${v.key} → ${md[2]} ${md[1]}`, line: line.replace(v.re, `${md[2]} ${md[1]}`) });
  if (v.kind === 'number') {
    const n = Number(v.key.replace(/,/g, ''));
    if (n <= 20) out.push({ what: `spelled out: ${v.key} → ${SPELLED[n]}`, line: line.replace(v.re, SPELLED[n]) });
    out.push({ what: `hedge: ${v.key} → about ${v.key}`, line: line.replace(v.re, `about ${v.key}`) });
    if (n >= 100) {
      const round = Math.round(n / 10 ** (String(n).length - 2)) * 10 ** (String(n).length - 2);
      if (round !== n) out.push({ what: `rounding: ${v.key} → about ${round.toLocaleString('en-US')}`, line: line.replace(v.re, `about ${round.toLocaleString('en-US')}`) });
    }
    const unit = new RegExp(`(?<![\\d.,])${v.key}\\s+(miles|kilometers|kilometres|km|feet)\\b`).exec(line);
    if (unit) {
      const km = unit[1] === 'miles' ? `${(n * 1.609344).toFixed(0)} kilometres` : unit[1] === 'feet' ? `${(n * 0.3048).toFixed(0)} metres` : `${(n / 1.609344).toFixed(0)} miles`;
      out.push({ what: `unit conversion: ${unit[0]} → ${km}`, line: line.replace(unit[0], km) });
    }
  }
  for (const [re, to] of BRITISH) if (re.test(line)) out.push({ what: `British spelling: ${to}`, line: line.replace(re, to) });
  return out;
}

export function loadEvents(): Map<string, string[]> {
  const events = new Map<string, string[]>();
  for (const l of readFileSync(`${DATA}gold.tsv`, 'utf8').split('\n').slice(1)) {
    const [id, , event] = l.split('\t');
    if (id && event) events.set(event, [...(events.get(event) ?? []), id]);
  }
  return events;
}

/** Pairs of articles that are not independent: linked by reuse, or one independent source of the report
 * (copies of copies, one outlet: the report's `source`), which a direct-link test alone let the plan pick. */
export function linkedPairs(r: Report): Set<string> {
  const out = new Set(r.reuse.flatMap((l) => [`${l.a}|${l.b}`, `${l.b}|${l.a}`]));
  const bySource = new Map<string, string[]>();
  for (const a of r.articles) if (a.source) bySource.set(a.source, [...(bySource.get(a.source) ?? []), a.id]);
  for (const ids of bySource.values()) for (const a of ids) for (const b of ids) if (a !== b) out.add(`${a}|${b}`);
  return out;
}

/** The edits for one event: the first value two independent articles state in independently worded lines. */
export function planEdits(event: string, ids: string[], texts: Map<string, string>, linked: Set<string>): Edit[] {
  const lines = new Map(ids.map((id) => [id, texts.get(id)!.split('\n')]));
  for (const a of ids) {
    for (const [i, line] of lines.get(a)!.entries()) {
      if (i < 2) continue; // URL and title lines
      for (const v of valuesOf(line)) {
        for (const b of ids) {
          if (b === a || linked.has(`${a}|${b}`)) continue;
          const other = lines.get(b)!.find((l, j) => j >= 2 && valuesOf(l).some((w) => w.key === v.key) && jaccard(l, line) < 0.5 && sharedContent(l, line, v.key) >= 2);
          if (!other) continue;
          const textOf = (newLine: string) => lines.get(a)!.map((l, j) => (j === i ? newLine : l)).join('\n');
          // Every mention of the value in A changes, so A does not also state the old value elsewhere.
          const conflicting = { event, kind: v.kind, article: a, other: b, what: `${v.key} → ${changed(v)}`, text: texts.get(a)!.replace(v.re, changed(v)) } as Edit;
          const compat = compatibleRewrites(v, line).map((c) => ({ event, kind: 'compatible' as const, article: a, other: b, what: c.what, text: textOf(c.line) }));
          return [conflicting, ...compat];
        }
      }
    }
  }
  return [];
}

/** The edited article's new value faces another article of the event (the one the plan read, or any
 * other that states the fact: the planned one may state two values of the slot and leave it). */
function facesEdit(c: Contradiction, a: string, value: string): boolean {
  const mine = c.values.find((v) => (v.mentions ?? []).some((m) => m.article === a && m.text.includes(value)));
  return !!mine && c.values.some((v) => v !== mine && v.sources.length > 0 && !v.sources.includes(a));
}
const involves = (c: Contradiction, a: string, b: string) => c.values.some((v) => v.sources.includes(a)) && c.values.some((v) => v.sources.includes(b)) && !c.values.some((v) => v.sources.includes(a) && v.sources.includes(b));
const signature = (c: Contradiction) => `${c.kind}|${c.values.map((v) => `${v.value}:${v.sources.join(',')}`).sort().join('|')}`;

export type InjectedRows = Map<string, { n: number; found: number; any: number; alarms: number }>;

/** Runs the edits on the first `limit` events; rows keyed `engine|kind`. */
export async function runInjected(limit = Infinity, list = false): Promise<InjectedRows> {
  const events = [...loadEvents()].sort((x, y) => (x[0] < y[0] ? -1 : 1)).slice(0, limit);
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-injected-'));
  const rows = new Map<string, { n: number; found: number; any: number; alarms: number }>();
  const row = (k: string) => rows.get(k) ?? (rows.set(k, { n: 0, found: 0, any: 0, alarms: 0 }), rows.get(k)!);
  try {
    for (const [event, ids] of events) {
      const texts = new Map(ids.map((id) => [id, readFileSync(`${DATA}${id}.txt`, 'utf8')]));
      const write = (edited?: Edit) => {
        const sub = join(dir, event + (edited ? `-${edited.kind}-${rows.size}` : ''));
        mkdirSync(sub, { recursive: true });
        for (const id of ids) writeFileSync(join(sub, `${id}.txt`), edited?.article === id ? edited.text : texts.get(id)!);
        return ids.map((id) => join(sub, `${id}.txt`));
      };
      const plainFiles = write();
      const before = new Map<string, Set<string>>();
      let plan: Edit[] | null = null;
      for (const engine of ['facts', 'sentences'] as const) {
        const report = await runAnalyze(plainFiles, engine);
        before.set(engine, new Set(report.stories.flatMap((s) => s.contradictions).map(signature)));
        plan ??= planEdits(event, ids, texts, linkedPairs(report));
      }
      for (const edit of plan!) {
        const files = write(edit);
        for (const engine of ['facts', 'sentences'] as const) {
          const report = await runAnalyze(files, engine);
          const found = report.stories.flatMap((s) => s.contradictions).filter((c) => c.kind !== 'headline');
          const fresh = found.filter((c) => !before.get(engine)!.has(signature(c)) && c.values.some((v) => v.sources.includes(edit.article)));
          const hit = fresh.some((c) => involves(c, edit.article, edit.other) && (edit.kind === 'number' ? c.kind === 'number' || c.kind === 'quantity' : c.kind === edit.kind));
          const kindOk = (c: Contradiction) => (edit.kind === 'number' ? c.kind === 'number' || c.kind === 'quantity' : c.kind === edit.kind);
          const anyHit = hit || fresh.some((c) => kindOk(c) && facesEdit(c, edit.article, edit.what.split(' → ')[1]));
          const r = row(`${engine}|${edit.kind}`);
          if (edit.kind !== 'compatible' && anyHit) r.any++;
          r.n++;
          if (edit.kind === 'compatible') r.alarms += fresh.length ? 1 : 0;
          else if (hit) r.found++;
          if (list && engine === 'facts') console.log(`${event} ${edit.kind} ${edit.article} vs ${edit.other}: ${edit.what} → ${edit.kind === 'compatible' ? (fresh.length ? 'ALARM' : 'silent') : hit ? 'found' : anyHit ? 'found against another article' : 'missed'}`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function main(): Promise<void> {
  if (!existsSync(`${DATA}gold.tsv`)) {
    console.log('skipped: ../shared/data/stories-ecbplus is absent');
    return;
  }
  const limit = Number(process.argv[process.argv.indexOf('--events') + 1]) || Infinity;
  const rows = await runInjected(limit, process.argv.includes('--list'));
  console.log(`Edits injected into independent articles of ${Math.min(limit, loadEvents().size)} ECB+ events\n`);
  console.log('| engine | edit | edits | found against the planned article | recall | found against any article of the event | recall | edits with a new alarm |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const engine of ['facts', 'sentences']) {
    const name = engine === 'facts' ? 'crosscheck (fact slots + sentence rules)' : 'baseline: sentence rules alone (report 1.1)';
    for (const kind of ['date', 'number', 'compatible']) {
      const r = rows.get(`${engine}|${kind}`) ?? { n: 0, found: 0, any: 0, alarms: 0 };
      const c = kind === 'compatible';
      console.log(`| ${name} | ${c ? 'compatible (must stay silent)' : kind} | ${r.n} | ${c ? '—' : r.found} | ${c ? '—' : (r.found / Math.max(1, r.n)).toFixed(3)} | ${c ? '—' : r.any} | ${c ? '—' : (r.any / Math.max(1, r.n)).toFixed(3)} | ${c ? r.alarms : '—'} |`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
