// Quotes of one article: the rules first (direct quotes by their marks and the cue next to them, then
// reported speech in the remaining sentences), then the trained tagger's attributions that the rules
// missed; every speaker phrase is resolved to a canonical entity name or null.

import type { EntityMention, QuoteMention, TextReady } from '../../model/article.js';
import { articleWords, type Word } from '../entities/words.js';
import { withModel, type Found } from './combine.js';
import { quotesByParagraph } from './across-paragraphs.js';
import { cueAfter, cueBefore, span, type Attribution, type SentenceWords } from './direct.js';
import { reportedSpeech, speakerColon } from './indirect.js';
import { quoteModel } from './model/model-file.js';
import { minUnattributedQuoteWords } from './params.js';
import { resolveSpeaker, speakerContext } from './speaker.js';

export interface QuoteOptions {
  /** Add the trained tagger's attributions to the rules' (default true); false gives the rules alone. */
  model?: boolean;
}

function sentenceAt(sentences: SentenceWords[], pos: number): SentenceWords | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  // Between sentences (a closing mark after the final period): the preceding one.
  return hi >= 0 ? sentences[hi] : null;
}

/** Whether a quote opening sentence `first` continues the previous attributed quote: same paragraph, or
 * the start of the next paragraph. */
function continuesQuote(previous: Found | null, previousParagraph: number, quoteStart: number, first: SentenceWords,
  text: string, paragraph: number, paragraphStart: number): boolean {
  if (!previous?.attribution || previous.content.end > quoteStart) return false;
  if (text.slice(first.start, quoteStart).trim() !== '') return false;
  return previousParagraph === paragraph || (previousParagraph === paragraph - 1 && quoteStart === paragraphStart);
}

/** Rule rejoin-split-sentence: the segmenter cuts after abbreviations inside a parenthesis ("Rep. Gwen
 * Moore (D-Wis.) said"); a sentence left with an open parenthesis, or followed in its paragraph by one that
 * opens with ")" or a lower-case word, is joined to the next so cue and speaker stay together. */
function rejoinSplits(sentences: SentenceWords[], text: string): SentenceWords[] {
  const out: SentenceWords[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const first = text[s.start];
    const unbalanced = prev && prev.words.filter((w) => w.text === '(').length > prev.words.filter((w) => w.text === ')').length;
    if (prev && prev.paragraph === s.paragraph && (unbalanced || first === ')' || /\p{Ll}/u.test(first ?? ''))) {
      out[out.length - 1] = { ...prev, end: s.end, words: [...prev.words, ...s.words] };
    } else {
      out.push(s);
    }
  }
  return out;
}

/** Rule cue-before-paragraph: 'He said:' closing one sentence or paragraph, the quote opening the next. */
function cueInPreviousSentence(sentences: SentenceWords[], first: SentenceWords, quoteStart: number, text: string): Attribution | null {
  if (text.slice(first.start, quoteStart).trim() !== '') return null;
  const at = sentences.indexOf(first);
  const prev = at > 0 ? sentences[at - 1] : null;
  if (!prev || prev.words[prev.words.length - 1]?.text !== ':' || first.paragraph - prev.paragraph > 1) return null;
  return cueBefore(prev, quoteStart, text);
}

export function extractQuotes(article: TextReady, entities: EntityMention[], options: QuoteOptions = {}): QuoteMention[] {
  // Each sentence's words are read once, for the rules and the tagger's view alike (reading them twice was
  // about 3% of rules + tagger time on the ECB+ bench).
  const words = sentenceWords(article);
  const rules = ruleQuotes(article, words);
  const found = options.model === false ? rules : withModel(article, rules, quoteModel(), 'combined', words);
  return withSpeakers(found, entities);
}

/** The words of each of the article's sentences, in order (shared with the entities of the same article:
 * read-only). */
export function sentenceWords(article: TextReady): Word[][] {
  return articleWords(article.text.sentences, article.clean.text);
}

/** The rules' attributions, in text order of their contents; `words` as `sentenceWords` gives them. */
export function ruleQuotes(article: TextReady, words: Word[][] = sentenceWords(article)): Found[] {
  const text = article.clean.text;
  const sentences = rejoinSplits(article.text.sentences.map((s, i) => ({
    index: s.index, start: s.start, end: s.end, paragraph: s.paragraph, words: words[i],
  })), text);
  const found: Found[] = [];
  const quoted: { start: number; end: number }[] = [];
  // Direct quotes, paragraph by paragraph.
  let previous: Found | null = null;
  let previousParagraph = -2;
  const continues = (prev: Found | null, quoteStart: number, first: SentenceWords, pi: number, paragraphStart: number) =>
    continuesQuote(prev, previousParagraph, quoteStart, first, text, pi, paragraphStart);
  const stretches = quotesByParagraph(text, article.clean.paragraphs);
  article.clean.paragraphs.forEach((p, pi) => {
    if (p.heading) return;
    for (const q of stretches[pi]) {
      quoted.push(q);
      const first = sentenceAt(sentences, q.start);
      const last = sentenceAt(sentences, q.end - 1);
      if (!first || !last) continue;
      const attribution = cueAfter(last, q.end, text) ?? cueBefore(first, q.start, text)
        ?? cueInPreviousSentence(sentences, first, q.start, text);
      const content = span(text, q.start, q.end);
      const wordCount = content.text.split(/\s+/).length;
      if (attribution) {
        found.push({ attribution, content, direct: true, sentence: first.index, origin: 'rules' });
      } else if (continues(previous, q.start, first, pi, p.start)) {
        // Rule continued-quote: a quote opening a sentence right after an attributed one is the same
        // speaker ("…," Kirby said Tuesday. "It's expanding…"), in this or the next paragraph.
        found.push({ attribution: previous!.attribution, content, direct: true, sentence: first.index, origin: 'rules' });
      } else if (wordCount >= minUnattributedQuoteWords && q.start === first.start) {
        found.push({ attribution: null, content, direct: true, sentence: first.index, origin: 'rules' });
      } else {
        continue;
      }
      previous = found[found.length - 1];
      previousParagraph = pi;
    }
  });
  // Headlines and transcripts: "Name: content" opening a paragraph.
  const paragraphs = article.clean.paragraphs;
  const colonSpeech = new Set<number>();
  for (const s of sentences) {
    const p = paragraphs[s.paragraph];
    if (!p || s.start !== p.start) continue;
    const r = speakerColon(s, text, p.end);
    if (!r) continue;
    colonSpeech.add(s.index);
    found.push({ attribution: { speaker: r.speaker, speakerSentence: s.index, cue: r.cue }, content: r.content,
      direct: /^[\p{Lu}\s.]+$/u.test(r.speaker!.text), sentence: s.index, origin: 'rules' });
  }
  const inQuote = (pos: number) => quoted.some((q) => pos >= q.start && pos < q.end);
  const usedCue = new Set(found.map((f) => f.attribution?.cue?.start).filter((x) => x !== undefined));
  for (const s of sentences) {
    if (colonSpeech.has(s.index)) continue;
    for (const r of reportedSpeech(s, text, (pos) => inQuote(pos) || usedCue.has(pos))) {
      found.push({ attribution: { speaker: r.speaker, speakerSentence: s.index, cue: r.cue }, content: r.content, direct: false, sentence: s.index, origin: 'rules' });
    }
  }
  // A quoted fragment inside reported speech belongs to it ("responded that Russia had "no comments"").
  const reported = found.filter((f) => !f.direct || colonSpeech.has(f.sentence));
  const kept = found.filter((f) => !(f.direct && !f.attribution?.cue
    && reported.some((r) => r.content.start < f.content.end && r.content.end > f.content.start)));
  kept.sort((a, b) => a.content.start - b.content.start);
  return kept;
}

/** Mentions with speakers resolved in text order (a pronoun looks back at the speakers before it). */
function withSpeakers(kept: Found[], entities: EntityMention[]): QuoteMention[] {
  const ctx = speakerContext(entities);
  const resolved = new Map<Attribution, string | null>();
  const out: QuoteMention[] = [];
  for (const f of kept) {
    const a = f.attribution;
    let speaker: string | null = null;
    if (a) {
      if (!resolved.has(a)) resolved.set(a, resolveSpeaker(a.speaker, a.speakerSentence, ctx));
      speaker = resolved.get(a)!;
    }
    if (speaker && a?.speaker) ctx.history.push({ speaker, sentence: f.sentence, start: a.speaker.start });
    out.push({ speaker, speakerSpan: a?.speaker ?? null, cue: a?.cue ?? null, content: f.content, direct: f.direct, sentence: f.sentence });
  }
  return out;
}


