// Story timeline: sentences that date an event (day or month precision), merged across articles when they
// tell the same dated event (same date + similar content words), sorted by date, capped per story.
// Deterministic: ties break on date, then article id, then sentence index.

import type { AnalysedArticle, DateMention, Sentence } from '../model/article.js';
import type { TimelineEntry } from '../model/report.js';
import { sameDayJaccard, sameMonthJaccard, timelineCap, timelineTextMax } from './dates/params.js';

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

const REPORTING = /\b(?:said|says|say|told|announced|stated|added|noted|declared|reported|confirmed|claimed|tweeted|wrote|according)\b/i;

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

/**
 * Whether a mention is an event date worth a timeline entry: day/month precision, inside a sentence, not
 * the dateline (the publication date in the article's first words).
 */
function isEventDate(d: DateMention, a: AnalysedArticle): boolean {
  if (!d.value || !/^\d{4}-\d{2}(-\d{2})?$/.test(d.value) || d.sentence < 0) return false;
  // Vague or range-like readings of a period ("this week" → its month) are not event dates.
  if (!/^(absolute|relative-(inferred-year|past-weekday|last-weekday|this-weekday|next-weekday|future-weekday|past-month|last-month|next-month|this-month|day|offset|reference-day))/.test(d.resolution)) return false;
  if (/\b(?:week|weekend|month)\b/i.test(d.text) && d.value.length === 7) return false;
  // "WASHINGTON, July 16 (Reuters) -": the publication date with no lowercase word before it in its sentence.
  const s = a.text.sentences[d.sentence];
  const lead = s ? a.clean.text.slice(s.start, d.start) : '';
  return !(d.value === a.meta.published && !/\b[a-z]{2,}\b/.test(lead));
}

/** The weight of a dated sentence: a statement's own date ("said on Saturday") counts half. */
function weightOf(d: DateMention, s: Sentence, text: string): number {
  const around = text.slice(Math.max(s.start, d.start - 16), Math.min(s.end, d.end + 4));
  return REPORTING.test(around) ? 0.5 : 1;
}

export function buildTimeline(articles: AnalysedArticle[], groupOf: Map<string, string>): TimelineEntry[] {
  const candidates: Candidate[] = [];
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const a of sorted) {
    const seen = new Set<string>();
    for (const d of a.extract.dates) {
      if (!isEventDate(d, a)) continue;
      const key = `${d.value}#${d.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const s = a.text.sentences[d.sentence];
      if (!s) continue;
      candidates.push({ date: d.value!, article: a.id, group: groupOf.get(a.id) ?? a.id, sentence: d.sentence, text: concise(s.text), words: contentWords(s), weight: weightOf(d, s, a.clean.text) });
    }
  }
  // Greedy single-pass clustering per date; the cluster's first member (best weight, then shortest text)
  // gives the entry text.
  candidates.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) || y.weight - x.weight || x.article.localeCompare(y.article) || x.sentence - y.sentence);
  const clusters: Candidate[][] = [];
  for (const c of candidates) {
    const bar = c.date.length === 10 ? sameDayJaccard : sameMonthJaccard;
    const home = clusters.find((k) => k[0].date === c.date && k.some((m) => jaccard(m.words, c.words) >= bar));
    if (home) home.push(c);
    else clusters.push([c]);
  }
  const entries = clusters.map((k) => {
    const sources = [...new Set(k.map((m) => m.article))].sort();
    return {
      entry: { date: k[0].date, text: k[0].text, sources } as TimelineEntry,
      independent: new Set(k.map((m) => m.group)).size,
      weight: Math.max(...k.map((m) => m.weight)),
    };
  });
  // Keep the best-supported entries: independent sources, then event over statement, then day precision.
  entries.sort((x, y) => y.independent - x.independent || y.weight - x.weight || y.entry.date.length - x.entry.date.length || x.entry.date.localeCompare(y.entry.date) || x.entry.text.localeCompare(y.entry.text));
  return entries
    .slice(0, timelineCap)
    .map((e) => e.entry)
    .sort((x, y) => x.date.localeCompare(y.date) || y.sources.length - x.sources.length || x.text.localeCompare(y.text));
}
