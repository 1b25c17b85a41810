// Human-facing names and spans: a story's headline is its most central title (the title closest to the
// story's lemma centroid), an event's label its own central title trimmed, or its top names when untitled;
// date spans come from article dates plus the full dates the text mentions near them.

import type { AnalysedArticle } from '../model/article.js';
import { dayNumber } from './features.js';
import type { SignalVectors } from './vector.js';
import { Centroid } from './vector.js';

/** Trims at a word boundary, adding an ellipsis when cut. */
export function trimText(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return (sp > max / 2 ? cut.slice(0, sp) : cut).replace(/[\s,;:–-]+$/, '') + '…';
}

/** Member index closest to the group's centroid in the lemma signal; `eligible` filters (e.g. titled). */
export function mostCentral(vecs: SignalVectors[], ids: string[], eligible: (i: number) => boolean): number {
  const c = new Centroid();
  for (const v of vecs) c.add(v, 1);
  let best = -1;
  let bestScore = -Infinity;
  vecs.forEach((v, i) => {
    if (!eligible(i)) return;
    const s = c.cosine(v.terms, 'terms') + 0.5 * c.cosine(v.entities, 'entities');
    if (s > bestScore + 1e-12 || (Math.abs(s - bestScore) <= 1e-12 && ids[i] < ids[best])) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

function firstSentence(a: AnalysedArticle): string {
  return a.text.sentences[0]?.text ?? a.clean.text.slice(0, 200);
}

export function headlineOf(articles: AnalysedArticle[], vecs: SignalVectors[]): string {
  const ids = articles.map((a) => a.id);
  const titled = mostCentral(vecs, ids, (i) => !!articles[i].meta.title?.trim());
  if (titled >= 0) return trimText(articles[titled].meta.title!, 160);
  const central = mostCentral(vecs, ids, () => true);
  return trimText(firstSentence(articles[central]), 160);
}

/** Event label: the central title trimmed; untitled events get the lead sentence of their most central
 * article. A lead says what happened ("Russian officials have started receiving drone training in Iran…");
 * the earlier label of top names plus one keyword read as "Iran, Us, train" on undated, untitled copy. */
export function eventLabel(articles: AnalysedArticle[], vecs: SignalVectors[], max: number): string {
  const ids = articles.map((a) => a.id);
  const titled = mostCentral(vecs, ids, (i) => !!articles[i].meta.title?.trim());
  if (titled >= 0) return trimText(articles[titled].meta.title!, max);
  return trimText(firstSentence(articles[mostCentral(vecs, ids, () => true)]), max);
}

/** Date span of a set of articles: their dates, and full dates their text mentions within `windowDays`
 * before the article date. An undated article in a story that has dated articles keeps only mentions
 * within `windowDays` either side of the story's newest date (`storyDay`): its latest mention may be
 * background ("a drone shown at an air show on June 28, 2021" in a 2022 story), and a span built on it
 * would date the event a year early. With no dated article anywhere, its latest mention is the anchor. */
export function dateSpan(
  articles: AnalysedArticle[],
  publishedOf: (a: AnalysedArticle) => string | null,
  windowDays: number,
  storyDay: number | null = null,
): { start: string | null; end: string | null } {
  const days: number[] = [];
  for (const a of articles) {
    const own = dayNumber(publishedOf(a));
    const mentioned = a.extract.dates.map((d) => dayNumber(d.value)).filter((d): d is number => d !== null);
    if (own === null && storyDay !== null) {
      for (const d of mentioned) if (Math.abs(d - storyDay) <= windowDays) days.push(d);
      continue;
    }
    const anchor = own ?? (mentioned.length ? mentioned.reduce((m, d) => Math.max(m, d)) : null);
    if (anchor === null) continue;
    if (own !== null) days.push(own);
    for (const d of mentioned) if (d <= anchor && anchor - d <= windowDays) days.push(d);
  }
  if (days.length === 0) return { start: null, end: null };
  const fmt = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
  // reduce, not Math.min(...days): a story's days can outnumber what a call's arguments may hold.
  return { start: fmt(days.reduce((m, d) => Math.min(m, d))), end: fmt(days.reduce((m, d) => Math.max(m, d))) };
}

/**
 * A story is not headed by a title its own article contradicts (issue 12: the examples' recall story was
 * headed "Corvane recalls 8,000 e-bike batteries" while the brief flagged that title against its body's
 * 80,000). `flagged` are the ids whose title a headline finding contradicts; the replacement is the first
 * other member title in the story's order (the clusterer lists members most central first), else the
 * headline as it was.
 */
export function unflaggedHeadline(headline: string, members: AnalysedArticle[], flagged: ReadonlySet<string>): string {
  const bad = members.filter((a) => flagged.has(a.id) && a.meta.title && trimText(a.meta.title, 160) === headline);
  if (!bad.length) return headline;
  const other = members.find((a) => !flagged.has(a.id) && a.meta.title?.trim());
  return other ? trimText(other.meta.title!, 160) : headline;
}
