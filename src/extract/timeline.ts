// Story timeline: sentences that date an event (day or month precision), merged across articles when they
// tell the same dated event (same date + similar content words), sorted by date, capped per story.
// Deterministic: ties break on date, then article id, then sentence index.

import type { AnalysedArticle, DateMention, Sentence } from '../model/article.js';
import type { TimelineEntry } from '../model/report.js';
import { clauseMinChars, clauseTrimMin, sameDayJaccard, sameMonthJaccard, timelineCap, timelineTextMax } from './dates/params.js';

/** Code-unit order: the same on every machine, unlike localeCompare, whose order follows the locale. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Candidate {
  date: string;
  article: string;
  group: string;
  sentence: number;
  text: string;
  words: Set<string>;
  /** 1 for an event date, 0.5 for the date of a statement ("said Saturday"): events are preferred. */
  weight: number;
}

const STOP = new Set('the a an and or but of to in on at for with by from as is was were be been has have had that this which who said says told its their his her it they he she we not also after before over than into about will would could should may might there been more most other some such only then them these those what when where while said statement'.split(' '));

const REPORTING_VERB = '(?:said|says|say|told|tells|announced|stated|added|noted|declared|reported|confirmed|claimed|tweeted|wrote|insisted|warned|estimated)';
// "said on Friday", "told reporters on Thursday", "said in a statement Saturday": the verb, at most a
// listener or a channel, then the date. A verb followed by a clause ("said it sank Friday") is not enough:
// there the date belongs to the reported event.
const STATEMENT_BEFORE = new RegExp(`\\b${REPORTING_VERB}(?:\\s+(?:reporters|journalists|lawmakers|parliament|the press|in a statement|in an interview|on television|at a news conference|[A-Z][\\w.’'-]*)){0,3}\\s+(?:on\\s+|late\\s+|early\\s+)?$`, 'i');
// "On Saturday, Sullivan said": the date, a comma, a short name, the verb.
const STATEMENT_AFTER = new RegExp(`^,?\\s+(?:[A-Z][\\w.’'-]*\\s+){1,4}${REPORTING_VERB}\\b`);

function contentWords(s: Sentence): Set<string> {
  const out = new Set<string>();
  for (const t of s.tokens) {
    const w = t.normal.replace(/['’]s$/, '');
    if (w.length > 2 && /^[a-z][a-z-]*$/.test(w) && !STOP.has(w)) out.add(w.replace(/s$/, ''));
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union ? inter / union : 0;
}

/** A concise line: the sentence without outer quotes, cut at a word boundary. */
function concise(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= timelineTextMax) return t;
  const cut = t.slice(0, timelineTextMax);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), timelineTextMax / 2)).replace(/[,;:]$/, '')} …`;
}

// Clause boundaries inside a sentence: punctuation or a conjunction that starts a new clause.
const CLAUSE_BOUNDARY = /[;:]\s+|,\s+(?=(?:and|but|while|whereas|when|after|before|then|as|which|who|where)\b)|\s+(?=(?:and|but|while|whereas|after|before|when)\s)|\s+[–—-]\s+/g;

/**
 * The clause of a long sentence that holds one of its dates ("… inspected the cranes on March 2 | and the
 * governor opened the terminal on March 9 …"), grown to its neighbours while shorter than
 * `clauseMinChars`. Sentences up to `clauseTrimMin` characters stay whole: a short line reads better
 * than a fragment.
 */
export function clauseAround(sentence: string, from: number, to: number): string {
  if (sentence.length <= clauseTrimMin) return concise(sentence);
  const cuts: number[] = [0];
  CLAUSE_BOUNDARY.lastIndex = 0;
  for (let m = CLAUSE_BOUNDARY.exec(sentence); m; m = CLAUSE_BOUNDARY.exec(sentence)) {
    // A boundary inside the date itself ("June 8, 2022") is not a clause boundary.
    if (m.index + m[0].length > from && m.index < to) continue;
    cuts.push(m.index, m.index + m[0].length);
  }
  cuts.push(sentence.length);
  const starts = cuts.filter((_, i) => i % 2 === 0);
  const ends = cuts.filter((_, i) => i % 2 === 1);
  let k = starts.findIndex((st, i) => st <= from && from < (ends[i] ?? sentence.length));
  if (k < 0) return concise(sentence);
  let lo = k;
  let hi = k;
  // Grow: the clause before first (it usually holds the subject), then the one after.
  while (ends[hi] - starts[lo] < clauseMinChars && (lo > 0 || hi < ends.length - 1)) {
    if (lo > 0) lo--;
    else hi++;
  }
  const text = sentence.slice(starts[lo], ends[hi]).trim().replace(/[,;:]$/, '');
  return concise(`${lo > 0 ? '… ' : ''}${text}${hi < ends.length - 1 ? ' …' : ''}`);
}

/**
 * Whether a mention is an event date worth a timeline entry: day/month precision, inside a sentence, not
 * the dateline (the publication date in the article's first words).
 */
function isEventDate(d: DateMention, a: AnalysedArticle): boolean {
  if (!d.value || !/^\d{4}-\d{2}(-\d{2})?$/.test(d.value) || d.sentence < 0) return false;
  // Vague or range-like readings of a period ("this week" → its month) are not event dates, and neither is
  // a clock time alone ("open until 10 p.m. on weekdays"): it is put on the reference day only by default.
  if (!/^(absolute|relative-(inferred-year|past-weekday|last-weekday|this-weekday|next-weekday|future-weekday|past-month|last-month|next-month|this-month|day|offset))/.test(d.resolution)) return false;
  if (/\b(?:week|weekend|month)\b/i.test(d.text) && d.value.length === 7) return false;
  // "WASHINGTON, July 16 (Reuters) -": the publication date with no lowercase word before it in its sentence.
  const s = a.text.sentences[d.sentence];
  const lead = s ? a.clean.text.slice(s.start, d.start) : '';
  return !(d.value === a.meta.published && !/\b[a-z]{2,}\b/.test(lead));
}

/** Whether the date is the day a statement was made ("said on Saturday"), not the day of its event. */
function isStatementDate(d: DateMention, s: Sentence, text: string): boolean {
  const before = text.slice(Math.max(s.start, d.start - 60), d.start);
  const after = text.slice(d.end, Math.min(s.end, d.end + 60));
  return STATEMENT_BEFORE.test(before) || STATEMENT_AFTER.test(after);
}

/** The publication day or the day before it: the days news reports its statements on. */
function isReportingDay(value: string, published: string | null): boolean {
  if (!published || value.length !== 10) return false;
  if (value === published) return true;
  const p = Date.parse(`${published}T00:00:00Z`);
  return Date.parse(`${value}T00:00:00Z`) === p - 86_400_000;
}

export function buildTimeline(articles: AnalysedArticle[], groupOf: Map<string, string>): TimelineEntry[] {
  const candidates: Candidate[] = [];
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const a of sorted) {
    const bySentence = new Map<number, DateMention[]>();
    for (const d of a.extract.dates) {
      if (!isEventDate(d, a) || !a.text.sentences[d.sentence]) continue;
      const list = bySentence.get(d.sentence) ?? [];
      if (!list.some((x) => x.value === d.value)) list.push(d);
      bySentence.set(d.sentence, list);
    }
    for (const [index, dates] of bySentence) {
      const s = a.text.sentences[index];
      const read = dates.map((d) => ({ d, statement: isStatementDate(d, s, a.clean.text) }));
      // "…, port officials said on Friday" in a Friday article: the reporting day dates the statement, not
      // the event. It is an entry only when nothing else in the sentence dates it.
      const events = read.filter((r) => !(r.statement && isReportingDay(r.d.value!, a.meta.published)));
      const kept = events.length ? events : read;
      const words = contentWords(s);
      for (const { d, statement } of kept) {
        const text = kept.length > 1 ? clauseAround(s.text, d.start - s.start, d.end - s.start) : concise(s.text);
        candidates.push({ date: d.value!, article: a.id, group: groupOf.get(a.id) ?? a.id, sentence: index, text, words, weight: statement ? 0.5 : 1 });
      }
    }
  }
  // Greedy single-pass clustering per date; the cluster's first member (best weight, then shortest text)
  // gives the entry text.
  candidates.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || y.weight - x.weight || byCode(x.article, y.article) || x.sentence - y.sentence);
  const clusters: Candidate[][] = [];
  for (const c of candidates) {
    const bar = c.date.length === 10 ? sameDayJaccard : sameMonthJaccard;
    let home: Candidate[] | undefined;
    let best = -1;
    for (const k of clusters) {
      if (k[0].date !== c.date) continue;
      const sim = k.reduce((best, m) => Math.max(best, jaccard(m.words, c.words)), -Infinity);
      // Copies (same reuse group) that give the same date tell the same thing even when a rewrite changed
      // most words ("compelled the port to shut" / "forced the port to close"): any overlap will do, as
      // long as the entry does not already hold another sentence of this article.
      const copy = k.some((m) => m.group === c.group && m.article !== c.article) && !k.some((m) => m.article === c.article);
      if ((sim >= bar || (copy && sim > 0)) && sim > best) {
        best = sim;
        home = k;
      }
    }
    if (home) home.push(c);
    else clusters.push([c]);
  }
  const entries = clusters.map((k) => {
    const sources = [...new Set(k.map((m) => m.article))].sort();
    return {
      entry: { date: k[0].date, text: k[0].text, sources } as TimelineEntry,
      independent: new Set(k.map((m) => m.group)).size,
      weight: k.reduce((best, m) => Math.max(best, m.weight), -Infinity),
    };
  });
  // Keep the best-supported entries: independent sources, then event over statement, then day precision.
  entries.sort((x, y) => y.independent - x.independent || y.weight - x.weight || y.entry.date.length - x.entry.date.length || byCode(x.entry.date, y.entry.date) || byCode(x.entry.text, y.entry.text));
  return entries
    .slice(0, timelineCap)
    .map((e) => e.entry)
    .sort(timelineOrder);
}

/** The order of a story's timeline: by date, then the best-supported first, then by text. */
export function timelineOrder(x: TimelineEntry, y: TimelineEntry): number {
  return byCode(x.date, y.date) || y.sources.length - x.sources.length || byCode(x.text, y.text);
}
