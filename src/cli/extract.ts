// `crosscheck extract`: runs ingest → clean → text → extract on each file and prints every mention with
// offsets into the cleaned text (the text printed by --text), so a scorer can compare spans.

import type { Article, ExtractSlot, TextReady } from '../model/article.js';
import { explainQuotes } from '../extract/quotes/explain.js';
import { hasEnglishRules } from '../text/language.js';
import type { Rejected } from '../model/report.js';
import { ingestPaths } from '../ingest/index.js';
import { OutletLineStats } from '../clean/index.js';
import { fullPipeline } from '../pipeline/stages.js';
import { runGuarded } from '../pipeline/guard.js';

export interface ExtractOptions {
  published: string | null;
  format: 'json' | 'md';
  withText: boolean;
  /** The quote tagger's additions and vetoes with the features that weighed most (English articles). */
  explain?: boolean;
}

interface ExtractedArticle extends ExtractSlot {
  id: string;
  path: string;
  published: string | null;
  text?: string;
  explain?: string[];
}

export async function runExtract(
  files: string[],
  options: ExtractOptions,
): Promise<{ output: string; analysed: number; rejected: Rejected[] }> {
  const articles: Article[] = [];
  const rejected: Rejected[] = [];
  for await (const item of ingestPaths(files)) {
    if (item.kind === 'article') articles.push(item.article);
    else if (item.kind === 'rejected') rejected.push({ path: item.path, reason: item.reason });
  }
  const stats = new OutletLineStats();
  for (const a of articles) stats.observe(a.meta.outlet, a.raw);
  const pipeline = fullPipeline(stats);
  for (const a of articles) {
    if (options.published) {
      a.meta.published = options.published;
      a.meta.publishedFrom = null;
    }
  }
  // One article a stage throws on is rejected with the stage and the reason; the others are printed.
  const passed = runGuarded(pipeline, articles, (a, reason) => rejected.push({ path: a.path, reason }));
  const out: ExtractedArticle[] = passed.map((a) => {
    const e = a.extract!;
    return {
      id: a.id,
      path: a.path,
      published: a.meta.published,
      ...(options.withText ? { text: a.clean!.text } : {}),
      ...(options.explain && hasEnglishRules(a.text!.language) ? { explain: explainQuotes(a as TextReady) } : {}),
      entities: e.entities,
      quotes: e.quotes,
      dates: e.dates,
      quantities: e.quantities,
    };
  });
  const output = options.format === 'json' ? JSON.stringify(out, null, 2) : renderExtractMarkdown(out);
  return { output, analysed: out.length, rejected };
}

const cell = (s: string | null | undefined): string => (s ?? '—').replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function renderExtractMarkdown(articles: ExtractedArticle[]): string {
  const lines: string[] = [];
  for (const a of articles) {
    lines.push(`## ${cell(a.id)}`, '', `Published: ${a.published ?? 'unknown'}`, '');
    lines.push('### Entities', '', '| name | type | roles | mention | offsets |', '|---|---|---|---|---|');
    for (const m of a.entities) lines.push(`| ${cell(m.name)} | ${m.type} | ${cell(m.roles.join('; '))} | ${cell(m.text)} | ${m.start}–${m.end} |`);
    lines.push('', '### Quotes', '', '| speaker | direct | content | offsets |', '|---|---|---|---|');
    for (const q of a.quotes) lines.push(`| ${cell(q.speaker)} | ${q.direct ? 'yes' : 'no'} | ${cell(q.content.text)} | ${q.content.start}–${q.content.end} |`);
    lines.push('', '### Dates', '', '| phrase | value | timex | resolution | offsets |', '|---|---|---|---|---|');
    for (const d of a.dates) lines.push(`| ${cell(d.text)} | ${cell(d.value)} | ${cell(d.timex)} | ${d.resolution} | ${d.start}–${d.end} |`);
    lines.push('', '### Quantities', '', '| phrase | value | range | unit | kind |', '|---|---|---|---|---|');
    for (const q of a.quantities) {
      const range = q.min !== null || q.max !== null ? `${q.min ?? ''}–${q.max ?? ''}${q.approx ? ' (approx.)' : ''}` : '';
      lines.push(`| ${cell(q.text)} | ${q.value ?? ''} | ${range} | ${cell(q.unit)} | ${q.kind} |`);
    }
    if (a.explain?.length) lines.push('', '#### Quote tagger', '', ...a.explain.map((l) => (l.startsWith('  ') ? `  - ${l.trim()}` : `- ${l}`)));
    if (a.text !== undefined) lines.push('', '### Cleaned text', '', '```', a.text, '```');
    lines.push('');
  }
  return lines.join('\n');
}
