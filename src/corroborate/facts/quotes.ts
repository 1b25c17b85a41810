// Quote variants across attribution: two direct quotes of different articles that are near-identical
// word for word are one remark, even when the extractor found the speaker in only one of them (a
// spokesman's statement, a quote opening the article). Two different named speakers are two remarks. Such a pair is a contradiction
// when a content word, a number or a qualifier changed inside the shared wording ("skulking" /
// "sulking", "improve it" / "strengthen [the Act]"), never for spelling, punctuation or contractions.
// Candidates come from shared word trigrams, so the cost grows with the quotes, not their pairs.

import type { QuoteMention } from '../../model/article.js';
import type { Contradiction } from '../../model/report.js';
import type { SentenceUnit } from '../align.js';
import { wordsOf } from '../quotes.js';
import { altered, innerHunks, innerSubstitutions, isContentWord, lcsLength } from '../rules/quote.js';
import { sameSpelling } from './normalise/spelling.js';
import { sameName } from '../rules/name.js';
import { byCodePoint } from '../order.js';
import { isStopword } from '../terms.js';
import type { SlotContext } from './slots.js';

/** A quote's words, an editor's bracketed insertion ("strengthen [the Act]") left out. */
const quotedWords = (text: string): string[] => wordsOf(text.replace(/\[[^\]]*\]/g, ' '));

/** Quotes shorter than this many words are too short to tell a misquote from two remarks. */
export const MIN_QUOTE_WORDS = 8;
/** The common word subsequence must cover this share of the shorter quote: across speakers the wording
 * alone says two quotes are one remark, so most of it must be shared (dev gold: the misquotes found share
 * 0.7–0.95; different remarks of one story sharing a trigram share < 0.5). */
export const CROSS_SPEAKER_LCS = 0.7;
/** A trigram in more quotes than this is a stock phrase ("we are going to"), useless as a candidate key. */
const MAX_TRIGRAM_QUOTES = 50;

/** A misquote changes a word or two; more edits inside the shared wording make it a paraphrase. */
export const MAX_INNER_EDITS = 2;

/** Capitalised words of a text, the first one included (a quote opening with a name). */
const capitals = (text: string) => new Set(text.replace(/[’‘`]/g, "'").split(/[^\p{L}\p{N}']+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase().replace(/'s$/, '')));

/** Every substitution swaps names for names: rule `name`'s finding, not a misquote. */
function onlyNamesChanged(a: DirectQuote, b: DirectQuote): boolean {
  const ca = capitals(a.text);
  const cb = capitals(b.text);
  const hunks = innerSubstitutions(a.words, b.words);
  const isName = (ws: string[], caps: Set<string>) => ws.every((w) => caps.has(w.replace(/'s$/, '')));
  return hunks.length > 0 && hunks.every((h) => isName(h.from, ca) && isName(h.to, cb));
}

interface DirectQuote {
  unit: SentenceUnit;
  speaker: string | null;
  text: string;
  words: string[];
  /** The quote runs to the end of its sentence ("…no community center.”): nothing of it is left out at the end. */
  complete: boolean;
}

function directQuotes(units: SentenceUnit[]): DirectQuote[] {
  const out: DirectQuote[] = [];
  const add = (u: SentenceUnit, raw: string, speaker: string | null) => {
    const text = raw.trim().replace(/^["“”'‘]+|["“”'‘,\s]+$/g, '');
    // "[the Endangered Species Act]" is the editor's insertion, not the speaker's words.
    const words = quotedWords(text);
    if (words.length >= MIN_QUOTE_WORDS) out.push({ unit: u, speaker, text, words, complete: /[.!?]\s*["”]?\s*$/.test(raw) });
  };
  // Quotes the extractor found running past their first sentence (a remark quoted over several lines):
  // compared sentence by sentence below, as the marks give them, each part with the quote's speaker. Whole,
  // one source's three sentences faced another's first sentence as a misquote cut short, and a finding's
  // evidence was the first sentence whatever sentence differed.
  const running: { article: string; q: QuoteMention }[] = [];
  for (const u of units) {
    for (const q of u.quotes) {
      // Quotation marks make a quote direct even where the extractor read the clause as indirect
      // ("stating that \"we should be looking at ways…\"").
      if (!q.direct && !/^\s*["“]/.test(q.content.text)) continue;
      if (q.content.end > u.start + u.text.length) running.push({ article: u.article, q });
      else add(u, q.content.text, q.speaker);
    }
  }
  // The words between quotation marks, whether or not the extractor attributed them: a quote's second
  // sentence carries no attribution, and it is where a misquote often sits.
  const taken = new Set(out.map((q) => `${q.unit.uid}\u0000${q.words.join(' ')}`));
  for (const { unit, text } of markedQuotes(units)) {
    const words = quotedWords(text);
    if (taken.has(`${unit.uid}\u0000${words.join(' ')}`)) continue;
    const speaker = unit.quotes.find((q) => q.speaker && overlapsText(unit.text, q.content.text, text))?.speaker
      ?? running.find(({ article, q }) => article === unit.article && q.speaker !== null
        && q.content.start < unit.start + unit.text.length && q.content.end > unit.start)?.q.speaker ?? null;
    add(unit, text, speaker);
  }
  return out;
}

const overlapsText = (sentence: string, a: string, b: string) => {
  const i = sentence.indexOf(a.trim());
  const j = sentence.indexOf(b.trim());
  return i >= 0 && j >= 0 && i < j + b.length && j < i + a.length;
};

/** A quote left open runs on into the next sentences of the article, up to this many (a long remark
 * quoted over a paragraph); beyond it an unbalanced mark is more likely a typo than a quote. */
export const MAX_OPEN_SENTENCES = 3;

/**
 * Quoted stretches of each article's sentences, read from the double quotation marks in order: a stretch
 * opened in one sentence and closed in a later one gives each sentence its part; a closing mark with no
 * opening one closes a quote begun earlier (the sentence's start is quoted); a straight mark opens only
 * before a word. Single quotes are left out:
 * ’ is also the apostrophe.
 */
export function markedQuotes(units: SentenceUnit[]): { unit: SentenceUnit; text: string }[] {
  const byArticle = new Map<string, SentenceUnit[]>();
  for (const u of units) byArticle.set(u.article, [...(byArticle.get(u.article) ?? []), u]);
  const out: { unit: SentenceUnit; text: string }[] = [];
  for (const list of byArticle.values()) {
    list.sort((a, b) => a.start - b.start);
    let openFor = 0;
    for (const u of list) {
      let from = openFor > 0 ? 0 : -1;
      for (let i = 0; i < u.text.length; i++) {
        const c = u.text[i];
        if (c !== '“' && c !== '”' && c !== '"') continue;
        // A straight mark opens when it leans on the next word ('a "peaceful vigil'); one followed by a
        // space or the end closes ('center. "'), also at a sentence's start, where a splitter may leave it.
        const opening = c === '“' || (c === '"' && from < 0 && /\S/.test(u.text[i + 1] ?? ' '));
        if (opening) {
          if (from < 0) from = i + 1;
        } else {
          out.push({ unit: u, text: u.text.slice(Math.max(0, from), i) });
          from = -1;
        }
      }
      if (from >= 0) out.push({ unit: u, text: u.text.slice(from) });
      openFor = from >= 0 ? (openFor > 0 ? openFor - 1 : MAX_OPEN_SENTENCES) : 0;
    }
  }
  return out.filter((q) => q.text.trim().length > 0);
}

/** Words a whole-sentence quote may lack at its end and still be the same remark cut short by a misquote. */
export const MAX_CUT_WORDS = 2;

/**
 * Both quotes run to their sentence's end, and `short` is `long` without its last word or two, one of them
 * a content word ("no outlets for their anger, no community." / "…, no community center."). A quote that
 * stops mid-sentence is a partial quote, not this.
 */
function cutShort(short: DirectQuote, long: DirectQuote): boolean {
  if (!short.complete || !long.complete) return false;
  const cut = long.words.length - short.words.length;
  if (cut < 1 || cut > MAX_CUT_WORDS || !short.words.every((w, i) => long.words[i] === w)) return false;
  return long.words.slice(short.words.length).some((w) => !isStopword(w) && w.length >= 4);
}

export function crossSpeakerQuoteContradictions(units: SentenceUnit[], ctx: SlotContext): Contradiction[] {
  const all = directQuotes(units);
  // One entry per distinct wording (copies carry it); the carriers come back through byWords.
  const quotes = [...new Map(all.map((q) => [q.words.join(' '), q])).values()];
  const byTrigram = new Map<string, number[]>();
  quotes.forEach((q, i) => {
    const seen = new Set<string>();
    for (let k = 0; k + 2 < q.words.length; k++) seen.add(q.words.slice(k, k + 3).join(' '));
    for (const t of seen) byTrigram.set(t, [...(byTrigram.get(t) ?? []), i]);
  });
  const pairs = new Map<string, number>();
  for (const list of byTrigram.values()) {
    if (list.length > MAX_TRIGRAM_QUOTES) continue;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
      const key = `${list[x]}:${list[y]}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  const byWords = new Map<string, DirectQuote[]>();
  for (const q of all) {
    const key = q.words.join(' ');
    const list = byWords.get(key);
    if (list) list.push(q);
    else byWords.set(key, [q]);
  }
  const out: QuoteFinding[] = [];
  const seenTexts = new Set<string>();
  for (const [key, shared] of [...pairs].sort((a, b) => byCodePoint(a[0], b[0]))) {
    if (shared < 2) continue;
    const [a, b] = key.split(':').map(Number).map((i) => quotes[i]);
    if (a.unit.article === b.unit.article || a.text === b.text) continue;
    // One source may quote more of the remark than the other: the shorter one must be nearly all shared.
    if (lcsLength(a.words, b.words) < CROSS_SPEAKER_LCS * Math.min(a.words.length, b.words.length)) continue;
    if (sameSpelling(a.text, b.text)) continue;
    // Two different named speakers saying nearly the same words may both be quoted right: only a quote
    // whose speaker is unresolved on one side, or the same on both, is one remark.
    if (a.speaker && b.speaker && !sameName(a.speaker, b.speaker)) continue;
    if (innerHunks(a.words, b.words).length > MAX_INNER_EDITS) continue;
    if (onlyNamesChanged(a, b)) continue;
    if (!altered(a, b, true) && !cutShort(a, b) && !cutShort(b, a)) continue;
    const pairKey = [a.words.join(' '), b.words.join(' ')].sort().join('\u0000');
    if (seenTexts.has(pairKey)) continue;
    seenTexts.add(pairKey);
    // Every article carrying the same words (copies) stands on the same side.
    const value = (q: DirectQuote) => {
      const carriers = (byWords.get(q.words.join(' ')) ?? [q]).filter((c, i, all) => all.findIndex((x) => x.unit.article === c.unit.article) === i);
      const sources = carriers.map((c) => c.unit.article).sort();
      return {
        value: q.text, sources, independentSources: new Set(sources.map((s) => ctx.groupOf(s))).size, evidence: [q.unit.text],
        mentions: carriers.map((c) => {
          const at = c.unit.start + Math.max(0, c.unit.text.indexOf(c.text));
          return { article: c.unit.article, start: at, end: at + c.text.length, text: c.text, evidence: c.unit.text, published: ctx.publishedOf(c.unit.article) };
        }),
      };
    };
    const va = value(a);
    const vb = value(b);
    if (va.sources.some((x) => vb.sources.includes(x))) continue;
    const betweenCopies = ctx.groupOf(a.unit.article) === ctx.groupOf(b.unit.article);
    const finding: Contradiction = {
      kind: 'quote', about: `wording of the quote “${a.words.slice(0, 8).join(' ')}…”`, slot: 'wording of a direct quote', event: null,
      values: [va, vb], confidence: betweenCopies ? 0.5 : 0.75, betweenCopies,
      normalisations: ['spelling', 'punctuation and case', 'contractions', 'numbers written two ways', 'insertions at either end'], rule: 'fact:quote-variant',
    };
    out.push({ finding, quotes: [a, b] });
  }
  return mergeAgreeingWordings(out, ctx);
}

interface QuoteFinding {
  finding: Contradiction;
  /** The two wordings, in the order of `finding.values`. */
  quotes: [DirectQuote, DirectQuote];
}

/** `inner`'s words stand in `outer` in one run: one source quotes more of the remark than the other. */
function quotesMoreOf(outer: string[], inner: string[]): boolean {
  if (inner.length > outer.length) return false;
  for (let k = 0; k + inner.length <= outer.length; k++) if (inner.every((w, i) => outer[k + i] === w)) return true;
  return false;
}

/**
 * One misquote faced by two wordings of the other side that agree with each other ("…not his DNA to stay in
 * prison" against "…to stay in jail" and "…to stay in jail, which is what he has to look forward to…": the
 * second only quotes more) is one finding with both wordings' articles on one side, not one per wording.
 * Must not merge two wordings that differ in a word: those are two sides of their own.
 */
function mergeAgreeingWordings(found: QuoteFinding[], ctx: SlotContext): Contradiction[] {
  const kept: QuoteFinding[] = [];
  for (const f of found) {
    const into = kept.find((k) => sharedSide(k, f) !== null);
    if (!into) {
      kept.push(f);
      continue;
    }
    const [mine, theirs] = sharedSide(into, f)!;
    const side = into.finding.values[1 - mine];
    const more = f.finding.values[1 - theirs];
    const sources = [...new Set([...side.sources, ...more.sources])].sort(byCodePoint);
    into.finding.values[1 - mine] = {
      ...side, sources, independentSources: new Set(sources.map((x) => ctx.groupOf(x))).size,
      evidence: [...new Set([...side.evidence, ...more.evidence])].slice(0, 2),
      mentions: [...(side.mentions ?? []), ...(more.mentions ?? []).filter((m) => !side.sources.includes(m.article))],
    };
  }
  return kept.map((k) => k.finding);
}

/** The indexes (in `a`, in `b`) of the wording two findings share when their other wordings agree, or null. */
function sharedSide(a: QuoteFinding, b: QuoteFinding): [number, number] | null {
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      if (a.quotes[i].words.join(' ') !== b.quotes[j].words.join(' ')) continue;
      const x = a.quotes[1 - i].words;
      const y = b.quotes[1 - j].words;
      if (quotesMoreOf(x, y) || quotesMoreOf(y, x)) return [i, j];
    }
  }
  return null;
}

/** A short quoted phrase (a scare quote, "undeserved attention") has at least this many words… */
export const MIN_PHRASE_WORDS = 2;
/** …and the longer wording it is compared with is carried by at least this many independent sources: a
 * phrase this short says it is the same remark only against a wording the story has settled (on the dev
 * gold the one such pair has 12 against 1; a lone wording against a lone phrase is two phrasings). */
export const MIN_PHRASE_SUPPORT = 2;

interface Stretch {
  unit: SentenceUnit;
  text: string;
  words: string[];
}

/**
 * A quoted phrase that lacks one word of the story's settled wording, inside it: “undeserved attention”
 * against “undeserved negative attention” (a qualifier dropped, the misquote of issue 11's "strike-capable"
 * kind). Only a phrase too short for the cross-speaker pass (under MIN_QUOTE_WORDS), whose every word is the
 * other wording's in order with one content word added between its first and last, is compared.
 * Must not hit: a phrase that stops short at either end ("negative attention" of "undeserved negative
 * attention" is a shorter quote of it), a function word added ("the attention"), a phrase whose article
 * also quotes the longer wording, a longer wording of a single source, two different named speakers.
 */
export function droppedQualifierContradictions(units: SentenceUnit[], ctx: SlotContext): Contradiction[] {
  const stretches: Stretch[] = markedQuotes(units).map(({ unit, text }) => ({ unit, text, words: quotedWords(text) }));
  // One entry per distinct wording, with every stretch that carries it: a story of copies quotes one
  // phrase thousands of times, and each wording is compared once.
  const byWords = new Map<string, Stretch[]>();
  for (const x of stretches) (byWords.get(x.words.join(' ')) ?? byWords.set(x.words.join(' '), []).get(x.words.join(' '))!).push(x);
  const byFirst = new Map<string, { carriers: Stretch[]; at: number }[]>();
  for (const carriers of byWords.values()) carriers[0].words.forEach((w, at) => (byFirst.get(w) ?? byFirst.set(w, []).get(w)!).push({ carriers, at }));
  // What each article quotes, for the knows-both test.
  const quotedBy = new Map<string, string[]>();
  for (const x of stretches) (quotedBy.get(x.unit.article) ?? quotedBy.set(x.unit.article, []).get(x.unit.article)!).push(` ${x.words.join(' ')} `);
  const out: Contradiction[] = [];
  for (const [phrase, phraseCarriers] of byWords) {
    const words = phraseCarriers[0].words;
    if (words.length < MIN_PHRASE_WORDS || words.length >= MIN_QUOTE_WORDS || words.filter((w) => !isStopword(w)).length < 2) continue;
    // The longer wordings: the phrase's words with one content word added strictly inside, keyed by that wording.
    const longer = new Map<string, Stretch[]>();
    for (const { carriers, at } of byFirst.get(words[0]) ?? []) {
      const window = carriers[0].words.slice(at, at + words.length + 1);
      if (window.length !== words.length + 1 || insertedAt(words, window) < 0) continue;
      const key = window.join(' ');
      longer.set(key, [...(longer.get(key) ?? []), ...carriers]);
    }
    for (const [key, carriers] of longer) {
      if (new Set(carriers.map((c) => ctx.groupOf(c.unit.article))).size < MIN_PHRASE_SUPPORT) continue;
      // An article that quotes the longer wording too knows both: it is on neither side.
      const mine = phraseCarriers.filter((c) => !quotedBy.get(c.unit.article)!.some((t) => t.includes(` ${key} `)));
      if (!mine.length || !mine.some((c) => sameSpeakerOrUnknown(c.unit, carriers))) continue;
      const va = phraseValue(carriers, key, ctx);
      const vb = phraseValue(mine, phrase, ctx);
      const betweenCopies = new Set([...va.sources, ...vb.sources].map(ctx.groupOf)).size === 1;
      out.push({
        kind: 'quote', about: `wording of the quoted phrase “${key}”`, slot: 'wording of a direct quote', event: null,
        values: [va, vb], confidence: betweenCopies ? 0.5 : 0.7, betweenCopies,
        normalisations: ['spelling', 'punctuation and case', 'contractions', 'shorter quotes of the same words'], rule: 'fact:quote-qualifier',
      });
    }
  }
  return out;
}

/** One side of a dropped-qualifier finding: the wording and the articles that quote it, one stretch each. */
function phraseValue(list: Stretch[], wording: string, ctx: SlotContext): Contradiction['values'][number] {
  const byArticle = [...new Map(list.map((c) => [c.unit.article, c])).values()].sort((x, y) => byCodePoint(x.unit.article, y.unit.article));
  const sources = byArticle.map((c) => c.unit.article);
  return {
    value: wording, sources, independentSources: new Set(sources.map(ctx.groupOf)).size, evidence: [...new Set(byArticle.map((c) => c.unit.text))].slice(0, 2),
    mentions: byArticle.map((c) => {
      const at = c.unit.start + Math.max(0, c.unit.text.indexOf(c.text));
      return { article: c.unit.article, start: at, end: at + c.text.length, text: c.text.trim(), evidence: c.unit.text, published: ctx.publishedOf(c.unit.article) };
    }),
  };
}

/** Where `long` (one word longer) has a content word `short` lacks, strictly inside; -1 when it is not that. */
function insertedAt(short: string[], long: string[]): number {
  if (long[0] !== short[0] || long[long.length - 1] !== short[short.length - 1]) return -1;
  for (let i = 1; i < long.length - 1; i++) {
    if (long[i] === short[i]) continue;
    const added = long[i];
    const rest = long.slice(i + 1).every((w, j) => w === short[i + j]);
    return rest && isContentWord(added) ? i : -1;
  }
  return -1;
}

/**
 * Some carrier of the longer wording is the phrase's speaker, or names none: a scare quote's sentence
 * often names no speaker or a wrong one ("The Governor of Alaska has apologized if “undeserved attention”…"
 * read as Alaska's), so one carrier that does not contradict it is enough; every carrier naming another
 * speaker makes the two wordings two remarks.
 */
function sameSpeakerOrUnknown(unit: SentenceUnit, carriers: Stretch[]): boolean {
  const speakerOf = (u: SentenceUnit) => u.quotes.find((q) => q.speaker)?.speaker ?? null;
  const mine = speakerOf(unit);
  return !mine || carriers.some((c) => {
    const theirs = speakerOf(c.unit);
    return !theirs || sameName(theirs, mine);
  });
}
