// Hand-written labelled articles for the tagger's tests: attributions marked inline as {s:source},
// {c:cue} and {q:content}, one attribution per line, so a test reads as the text it trains on.

import type { Paragraph, TextReady } from '../../../model/article.js';
import { segment } from '../../../text/sentences.js';
import type { Attr } from './polnear.js';

/** Text without the marks, and one attribution per line that has marks. */
export function marked(source: string): { text: string; gold: Attr[] } {
  let text = '';
  const gold: Attr[] = [];
  for (const line of source.split('\n')) {
    const attr: Attr = { source: null, cue: null, content: [] };
    const re = /\{([scq]):([^{}]*)\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      text += line.slice(last, m.index);
      const range: [number, number] = [text.length, text.length + m[2].length];
      if (m[1] === 's') attr.source = [range];
      else if (m[1] === 'c') attr.cue = [range];
      else attr.content.push(range);
      text += m[2];
      last = m.index + m[0].length;
    }
    text += `${line.slice(last)}\n`;
    if (attr.cue) gold.push(attr);
  }
  return { text, gold };
}

/** Each line a paragraph, sentences by the project's segmenter (as test/fixtures/entities/ready.ts does;
 * built here because the compiled sources may not import the tests' fixtures). */
export function article(text: string): TextReady {
  const paragraphs: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) if (m[0].trim()) paragraphs.push({ start: m.index!, end: m.index! + m[0].length, heading: false });
  const clean = { text, paragraphs, removed: [] };
  return {
    id: 'fixture', path: 'fixture.txt', format: 'txt', encoding: 'utf-8',
    meta: { title: null, url: null, outlet: null, published: null, publishedFrom: null, author: null, declaredLanguage: null },
    raw: text, hash: '', diagnostics: [], clean, text: { language: 'en', sentences: segment(clean) },
  };
}

/** A small harbour-town corpus: speech verbs, a verb the rules do not know ("bemoaned"), quotes. */
export const TRAINING_TEXTS = [
  `{s:Anna Brandt} {c:said} {q:the bridge would reopen in May}.
The ferry left at noon.
{s:Mayor Tomas Verren} {c:bemoaned} {q:that the cranes were old}.`,
  `{q:"We will rebuild the pier,"} {s:Jonas Verret} {c:said}.
Boats waited in the harbor.
{s:The council} {c:bemoaned} {q:that repairs took too long}.`,
  `{s:Harbor officials} {c:said} {q:the storm had damaged the road}.
{s:Fishermen} {c:bemoaned} {q:that the season was lost}.
The road stayed closed on Friday.`,
  `{s:Lena Holt} {c:bemoaned} {q:that nobody had listened}.
{s:She} {c:said} {q:the port needed new cranes}.
The cranes arrived in June.`,
  `A storm hit the coast on Monday.
{s:Erik Dahl} {c:said} {q:the ferries would run again soon}.
{s:The union} {c:bemoaned} {q:that wages had fallen}.`,
  `{q:"Nobody listens to the people who live here,"} {s:Per Olsen} {c:bemoaned}.
The meeting ended early.
{q:"The boats cannot leave the harbor this week,"} {s:Maja Berg} {c:bemoaned}.`,
];
