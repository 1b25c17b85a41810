// Human-facing names and spans: a story's headline is its most central title (the title closest to the
// story's lemma centroid), an event's label its own central title trimmed, or its top names when untitled;
// date spans come from article dates plus the full dates the text mentions near them.

import type { AnalysedArticle } from '../model/article.js';
import { dayNumber } from './features.js';
import type { SignalVectors, Vocabulary } from './vector.js';
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

function titleCase(key: string): string {
  return key.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Event label: the central title trimmed; untitled events get their heaviest names and keyword. */
export function eventLabel(articles: AnalysedArticle[], vecs: SignalVectors[], vocab: Vocabulary, max: number): string {
  const ids = articles.map((a) => a.id);
  const titled = mostCentral(vecs, ids, (i) => !!articles[i].meta.title?.trim());
  if (titled >= 0) return trimText(articles[titled].meta.title!, max);
  const c = new Centroid();
  for (const v of vecs) c.add(v, 1);
  const top = (m: Map<number, number>, k: number): string[] =>
    [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map(([id]) => vocab.key(id));
  // Prefer multi-word names ("tara reid") over their parts, then one keyword for the kind of event.
  const names: string[] = [];
  for (const n of top(c.sum.entities, 8)) {
    if (names.length >= 2) break;
    if (names.some((x) => x.includes(n) || n.includes(x))) continue;
    names.push(n);
  }
  const words = top(c.sum.terms, 6).filter((w) => !names.some((n) => n.includes(w)));
  const parts = [...names.map(titleCase), ...words.slice(0, 1)];
  if (parts.length === 0) return trimText(firstSentence(articles[mostCentral(vecs, ids, () => true)]), max);
  return trimText(parts.join(', '), max);
}

/** Date span of a set of articles: their dates, and full dates their text mentions within `windowDays`
 * before the article date (undated articles: before their latest mentioned date). */
export function dateSpan(
  articles: AnalysedArticle[],
  publishedOf: (a: AnalysedArticle) => string | null,
  windowDays: number,
): { start: string | null; end: string | null } {
  const days: number[] = [];
  for (const a of articles) {
    const own = dayNumber(publishedOf(a));
    const mentioned = a.extract.dates.map((d) => dayNumber(d.value)).filter((d): d is number => d !== null);
    const anchor = own ?? (mentioned.length ? Math.max(...mentioned) : null);
    if (anchor === null) continue;
    if (own !== null) days.push(own);
    for (const d of mentioned) if (d <= anchor && anchor - d <= windowDays) days.push(d);
  }
  if (days.length === 0) return { start: null, end: null };
  const fmt = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
  return { start: fmt(Math.min(...days)), end: fmt(Math.max(...days)) };
}
