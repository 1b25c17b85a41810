// Turns an analysed article into raw term counts for the three similarity signals the clusterer uses:
// lemmas (what happened), named entities (who/where/which product), numbers and dates (which instance).
// Works from tokens alone (proper-noun runs from POS tags) and adds extract.entities/dates when present.

import type { AnalysedArticle, Token } from '../model/article.js';
import { EVENT_DAY_WINDOW, LEAD_SENTENCES, LEAD_WEIGHT } from './params.js';
import { CALENDAR, STOPWORDS } from './stopwords.js';

export type Signal = 'terms' | 'entities' | 'numbers';
export const SIGNALS: readonly Signal[] = ['terms', 'entities', 'numbers'];

export interface ArticleFeatures {
  id: string;
  counts: Record<Signal, Map<string, number>>;
  /** Content lemmas of the title and the first LEAD_SENTENCES sentences (inverted pyramid: the lead states
   * what happened), used to tell sub-events of one story apart (bisect.ts). */
  lead: Map<string, number>;
  /** Days since 1970-01-01 of the article's date, or null when undated. */
  day: number | null;
  /** Day of the happening the article reports: the first full date its lead mentions (news states when it
   * happened up front: "closed on Tuesday, March 11"), if that falls within EVENT_DAY_WINDOW days before
   * the article's date; else the article's date. A follow-up published days later keeps its event's day. */
  eventDay: number | null;
  /** The article's year: from its date, else the latest year its text mentions (news mentions past years
   * as background far more often than future ones, so the latest is the best guess of "now"). */
  year: number | null;
}

const CONTENT_POS = new Set(['NOUN', 'VERB', 'ADJ', 'PROPN']);
const LETTER = /\p{L}/u;
const DIGIT = /\d/;
const UPPER = /^\p{Lu}/u;
const YEAR = /^(19|20)\d\d$/;

/** Crude suffix stripping so "killed"/"kills"/"killing" meet; a full Porter stemmer gains nothing measurable
 * here because TF-IDF cosines over whole articles are robust to the odd unmerged form. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('sses')) return w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  return w;
}

export function dayNumber(date: string | null | undefined): number | null {
  if (!date || !/^\d{4}-\d\d-\d\d$/.test(date)) return null;
  const t = Date.parse(date + 'T00:00:00Z');
  return Number.isNaN(t) ? null : Math.floor(t / 86_400_000);
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** A token is part of a name when the tagger says PROPN and the surface is capitalised (or carries digits,
 * as in "Shahed-191"); calendar words are dates, not actors. */
function isNameToken(t: Token, text: string): boolean {
  if (t.pos !== 'PROPN') return false;
  if (CALENDAR.has(t.normal) || !LETTER.test(t.normal)) return false;
  // The surface is cut only for the few tokens that get here (most are not PROPN).
  const surface = text.slice(t.start, t.end);
  return UPPER.test(surface) || DIGIT.test(surface);
}

/** Extracts the three raw count maps. `published` overrides meta.published (e.g. a date inherited from a copy). */
/** Caches are on unless CROSSCHECK_CORPUS_CACHE=off (bench/corpus-add.ts --compare measures both in one run). */
export const CORPUS_CACHES = process.env.CROSSCHECK_CORPUS_CACHE !== 'off';

interface MemoEntry {
  published: string | null;
  inputs: readonly unknown[];
  features: ArticleFeatures;
}
const memo = new WeakMap<AnalysedArticle, MemoEntry>();
const inputsOf = (a: AnalysedArticle): readonly unknown[] => [a.id, a.clean.text, a.text.sentences, a.meta.title, a.extract.entities, a.extract.dates];

/**
 * `articleFeatures`, kept per article record while the record lives (a WeakMap: memory follows the corpus's
 * article cache, not the corpus). Placing one article re-reads the features of its whole neighbourhood, and
 * the clusterer computed them once more: 7.7 % of the CPU of single adds into 2k (docs/performance.md).
 * Valid while every input it read is the same object: a re-dated article gets a new `extract.dates` array and
 * a new date, so it is computed again. Callers must not change the features they get.
 */
export function cachedArticleFeatures(article: AnalysedArticle, published: string | null = article.meta.published): ArticleFeatures {
  if (!CORPUS_CACHES) return articleFeatures(article, published);
  const hit = memo.get(article);
  const inputs = inputsOf(article);
  if (hit && hit.published === published && hit.inputs.every((x, i) => x === inputs[i])) return hit.features;
  const features = articleFeatures(article, published);
  memo.set(article, { published, inputs, features });
  return features;
}

export function articleFeatures(article: AnalysedArticle, published: string | null = article.meta.published): ArticleFeatures {
  const terms = new Map<string, number>();
  const entities = new Map<string, number>();
  const numbers = new Map<string, number>();
  const lead = new Map<string, number>();
  const text = article.clean.text;
  // Sentence-initial capitals say nothing about names ("Satellite images ..." is tagged PROPN); accept a
  // sentence-initial single name token only if the article also capitalises it mid-sentence.
  const midCaps = new Set<string>();
  let latestYear: number | null = null;
  for (const s of article.text.sentences) {
    for (let i = 1; i < s.tokens.length; i++) {
      const t = s.tokens[i];
      if (isNameToken(t, text)) midCaps.add(t.normal);
    }
  }
  for (const s of article.text.sentences) {
    const toks = s.tokens;
    // Inverted pyramid: the lead states the event, later paragraphs recap earlier ones as background.
    const weight = s.index < LEAD_SENTENCES ? LEAD_WEIGHT : 1;
    let run: string[] = [];
    let runStart = 0;
    const flush = (): void => {
      if (run.length === 0) return;
      const ok = run.length > 1 || runStart > 0 || midCaps.has(run[0]);
      if (ok) {
        for (const w of run) bump(entities, w, weight);
        // Full multi-word names ("jake sullivan") are rarer and sharper than their parts.
        if (run.length > 1 && run.length <= 4) bump(entities, run.join(' '), weight);
      }
      run = [];
    };
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (isNameToken(t, text)) {
        if (run.length === 0) runStart = i;
        run.push(t.normal.replace(/['’]s$/, ''));
      } else {
        flush();
      }
      if (t.pos === 'NUM' && DIGIT.test(t.normal)) {
        const n = t.normal.replace(/,/g, '');
        if (YEAR.test(n)) {
          bump(numbers, `y${n}`);
          latestYear = Math.max(latestYear ?? 0, Number(n));
        } else bump(numbers, n);
      } else if (CALENDAR.has(t.normal) && t.normal.length > 3 && !/day$/.test(t.normal)) {
        bump(numbers, `m:${t.normal.slice(0, 3)}`);
      }
      if (CONTENT_POS.has(t.pos) && t.normal.length > 1 && LETTER.test(t.normal) && !STOPWORDS.has(t.normal)) {
        const w = stem(t.normal);
        if (!STOPWORDS.has(w)) {
          bump(terms, w, weight);
          if (s.index < LEAD_SENTENCES) bump(lead, w);
        }
      }
    }
    flush();
  }
  // The title is the writer's own summary of the event: count its words twice.
  if (article.meta.title) {
    for (const raw of article.meta.title.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
      if (raw.length > 1 && LETTER.test(raw) && !STOPWORDS.has(raw)) {
        bump(terms, stem(raw), 2);
        bump(lead, stem(raw));
      }
    }
  }
  for (const e of article.extract.entities) {
    const name = e.name.toLowerCase();
    if (name.includes(' ')) bump(entities, name);
  }
  for (const d of article.extract.dates) {
    if (!d.value) continue;
    if (/^\d{4}-\d\d-\d\d$/.test(d.value)) bump(numbers, `d:${d.value}`);
    if (/^\d{4}-\d\d/.test(d.value)) bump(numbers, `ym:${d.value.slice(0, 7)}`);
    if (/^\d{4}/.test(d.value)) latestYear = Math.max(latestYear ?? 0, Number(d.value.slice(0, 4)));
  }
  const day = dayNumber(published);
  const year = published && day !== null ? Number(published.slice(0, 4)) : latestYear;
  return { id: article.id, counts: { terms, entities, numbers }, lead, day, eventDay: leadEventDay(article, day), year };
}

/** The first full date mentioned in the lead within the window before `day`. Undated articles get none: a
 * lead date cannot be told from background ("the 2005 courthouse rampage") without a "now"; on ECB+
 * --extract, trusting them cut events apart (event F1 0.917 → 0.895). */
function leadEventDay(article: AnalysedArticle, day: number | null): number | null {
  if (day === null) return null;
  let best: { start: number; sentence: number; day: number } | null = null;
  for (const d of article.extract.dates) {
    if (d.sentence >= LEAD_SENTENCES) continue;
    const v = dayNumber(d.value);
    if (v === null) continue;
    // A date after publication is a plan ("will reopen on Monday"), one long before it is background.
    if (v > day || v < day - EVENT_DAY_WINDOW) continue;
    if (!best || d.sentence < best.sentence || (d.sentence === best.sentence && d.start < best.start)) best = { start: d.start, sentence: d.sentence, day: v };
  }
  return best?.day ?? day;
}
