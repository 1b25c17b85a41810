// The clean stage: takes out of an article's raw body what is not the article (pleas, notices, prompts,
// credits, embed residue, outlet boilerplate), records every removal with its rule, and lays the rest
// out as paragraphs separated by one blank line, marking section headings.

import type { Article, CleanSlot, Diagnostic, Paragraph, RemovedLine } from '../model/article.js';
import type { ArticleStage } from '../pipeline/stage.js';
import { isHeading, logicalLines, wordCount } from './layout.js';
import type { LineRecurrence } from './outlet-stats.js';
import { ARTICLE_MAX_CHARS, COPY_RATIO, CORPUS_SENTENCE_WORDS, HEADING_MAX_WORDS, MIN_ARTICLES_LONG, MIN_ARTICLES_SHORT, SHORT_LINE_WORDS } from './params.js';
import { FRAGMENT_RULES, LINE_RULES, PAGE_SELF, datelinePrefix, listItem, pageSelf, type LineRule, type PageSelf } from './rules.js';

export { OutletLineStats, distinctLineHashes, type LineRecurrence } from './outlet-stats.js';

export const CORPUS_BOILERPLATE = 'clean:corpus-boilerplate';
export const DATELINE = 'clean:dateline';

/** Cleans one raw body. `outlet` + `stats` add corpus evidence; without them only the rules apply. `page`
 * (the article's title and address) lets the body lose the page's own headline and address. */
export function cleanBody(raw: string, outlet: string | null = null, stats?: LineRecurrence, page: PageSelf = { title: null, url: null }): CleanSlot {
  const removed: RemovedLine[] = [];
  const lines = logicalLines(raw);
  const kept: string[] = [];
  const keptWords: number[] = [];

  // 1. Whole-line rules: the first matching rule names the reason; a rule's list heading takes the list.
  let list: LineRule | null = null;
  const isPageSelf = pageSelf(page);
  for (const line of lines) {
    const words = wordCount(line);
    if (list && listItem(line, words)) {
      removed.push({ text: line, reason: list.origin });
      continue;
    }
    const rule = LINE_RULES.find((r) => words <= r.maxWords && r.matches(line));
    list = rule?.headsList?.(line) ? rule : null;
    if (rule) removed.push({ text: line, reason: rule.origin });
    else if (isPageSelf(line)) removed.push({ text: line, reason: PAGE_SELF });
    else {
      kept.push(line);
      keptWords.push(words);
    }
  }

  // 2. Corpus evidence: lines recurring across the outlet's articles, far more than this article's own lines.
  let body = kept;
  if (stats && outlet && stats.articles(outlet) >= MIN_ARTICLES_SHORT) {
    const counts = kept.map((line) => stats.recurrence(outlet, line));
    const typical = median(counts.filter((_, i) => keptWords[i] > SHORT_LINE_WORDS)) ?? median(counts) ?? 1;
    body = [];
    kept.forEach((line, i) => {
      const c = counts[i];
      if (c < MIN_ARTICLES_SHORT || isTimestampLike(line)) {
        body.push(line);
        return;
      }
      const recurs = (isFragment(line, keptWords[i]) && c >= MIN_ARTICLES_SHORT) || c >= MIN_ARTICLES_LONG;
      if (recurs && c >= COPY_RATIO * Math.max(1, typical)) removed.push({ text: line, reason: CORPUS_BOILERPLATE });
      else body.push(line);
    });
  }

  // 3. Fragment rules and datelines: cut the residue, keep the sentence.
  const joined = body.join('\n');
  const paragraphsText: string[] = [];
  // The lede is the first paragraph of more than a heading's length (a title line may precede it).
  let lede = true;
  for (let line of body) {
    for (const rule of FRAGMENT_RULES) {
      const edit = rule.apply(line);
      if (!edit) continue;
      for (const text of edit.removed) removed.push({ text, reason: rule.origin });
      line = edit.line;
    }
    const dateline = datelinePrefix(line, joined, lede);
    if (dateline) {
      removed.push({ text: dateline.text, reason: DATELINE });
      line = line.slice(dateline.length);
    }
    if (wordCount(line) > HEADING_MAX_WORDS) lede = false;
    if (/[\p{L}\p{N}]/u.test(line)) paragraphsText.push(line);
  }

  // 4. Layout: one blank line between paragraphs; headings marked.
  const paragraphs: Paragraph[] = [];
  let text = '';
  paragraphsText.forEach((p, i) => {
    if (i > 0) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + p.length, heading: isHeading(p, paragraphsText[i + 1]) });
    text += p;
  });
  return { text, paragraphs, removed };
}

/**
 * A furniture-shaped line: short, or not ending like a sentence. A full sentence of 8+ words ("It takes
 * 1,237 delegates to win the nomination.") needs MIN_ARTICLES_LONG articles: on PolNeAR such stock
 * sentences recurred in 5–8 articles of one publisher and carry facts.
 */
function isFragment(line: string, words: number): boolean {
  return words <= SHORT_LINE_WORDS && (words < CORPUS_SENTENCE_WORDS || !/[.!?"”]$/.test(line));
}

/**
 * Live-blog time stamps ("9:05 p.m.") and numbered items recur across an outlet's articles by chance
 * (and fold together, digits being normalised), but they index the text after them: never corpus evidence.
 */
function isTimestampLike(line: string): boolean {
  return /\d/.test(line) && (line.match(/\p{L}{3,}/gu)?.length ?? 0) < 2;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** One info diagnostic per removal reason, e.g. `clean:copyright` "removed 1 item". */
function summarise(removed: RemovedLine[]): Diagnostic[] {
  const byReason = new Map<string, number>();
  for (const r of removed) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  return [...byReason].map(([origin, n]) => ({ origin, level: 'info', message: `removed ${n} item${n === 1 ? '' : 's'}` }));
}

/**
 * Why a cleaned article cannot be analysed, or null when it can: nothing left but boilerplate, or a text
 * longer than any article (see ARTICLE_MAX_CHARS). The run rejects such an article with this reason.
 */
export function cleanedArticleProblem(clean: CleanSlot): string | null {
  if (clean.text === '') return `no article text (only boilerplate: ${clean.removed.length} line(s) removed)`;
  if (clean.text.length > ARTICLE_MAX_CHARS) {
    return `article text too long (${(clean.text.length / 1024).toFixed(0)} KB after cleaning; the limit is ${ARTICLE_MAX_CHARS / 1024} KB)`;
  }
  return null;
}

/**
 * The clean stage. With `stats`, lines recurring across the outlet's articles count as boilerplate; feed
 * `stats.observe` every article first (a first pass over the corpus) for that evidence to be complete.
 */
export function createCleanStage(stats?: LineRecurrence): ArticleStage {
  return {
    name: 'clean',
    requires: ['raw'],
    assigns: 'clean',
    run(article: Article): void {
      article.clean = cleanBody(article.raw, article.meta.outlet, stats, { title: article.meta.title, url: article.meta.url });
      article.diagnostics.push(...summarise(article.clean.removed));
    },
  };
}
