// Rules and tagger together. The rules' high-precision finds (direct quotes, "according to", speaker-colon
// lines) always stay; their reported-speech and stance finds stay where the tagger also tags a cue. Where
// both read the cue of a direct quote, the tagger's cue and source are taken. The tagger adds the
// attributions whose cue no kept rule find has, and gives a cue and speaker to a rule's unattributed
// quote that its content covers.

import type { Span, TextReady } from '../../model/article.js';
import type { Word } from '../entities/words.js';
import { span, type Attribution } from './direct.js';
import { docView, tokensOverlapping, type DocView } from './model/view.js';
import { tagCues, tagSpans, type QuoteModel, type TaggedAttribution, type TaggedCue } from './model/tagger.js';
import { modelParams } from './params.js';

export interface Found {
  attribution: Attribution | null;
  content: Span;
  direct: boolean;
  /** Article sentence index of the content's start. */
  sentence: number;
  origin: 'rules' | 'model';
}

/** What the combination decided, for extraction and for --explain. */
export interface Combined {
  finds: Found[];
  view: DocView;
  /** Every cue the tagger tagged. */
  cues: TaggedCue[];
  /** The tagger's attributions that were added. */
  added: TaggedAttribution[];
  /** Rule finds dropped because the tagger tags no cue there. */
  vetoed: Found[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** The tagger's attribution as finds sharing one Attribution (one per content fragment). */
export function modelFinds(view: DocView, a: TaggedAttribution): Found[] {
  const ts = view.tokens;
  const chars = ([f, l]: [number, number]): Span => span(view.text, ts[f].start, ts[l].end);
  const attribution: Attribution = {
    speaker: a.source ? chars(a.source) : null,
    speakerSentence: view.sentences[ts[(a.source ?? [a.cue.first])[0]].sentence].index,
    cue: chars([a.cue.first, a.cue.last]),
  };
  return a.content.map((r) => {
    const content = chars(r);
    return { attribution, content, direct: /^["“«„]/.test(content.text), sentence: view.sentences[ts[r[0]].sentence].index, origin: 'model' as const };
  });
}

/** Rule finds the tagger may veto: reported speech and stances (dev whole precision 81 and 69, against
 * 94 for direct quotes and 97 for "according to"). */
function confirmable(f: Found): boolean {
  const cue = f.attribution?.cue;
  return !f.direct && cue !== null && cue !== undefined && cue.text !== ':' && !/^according\b/i.test(cue.text);
}

const cueChars = (view: DocView, c: TaggedCue) => ({ start: view.tokens[c.first].start, end: view.tokens[c.last].end });

/** Rule finds that take the tagger's reading where it tags the same cue and finds a content: direct
 * quotes with a cue, and reported speech and stances (not "according to" nor a speaker colon). Direct
 * quotes alone: dev whole F1 of rules + tagger 73.2 (P 81.2); with reported speech and stances too,
 * 73.4 (P 81.4) on the same model (with the first tagger both gave 72.5). */
function yieldable(f: Found): boolean {
  const cue = f.attribution?.cue;
  return cue !== null && cue !== undefined && (f.direct || confirmable(f));
}

/** Where rules and tagger read the same cue, the tagger's cue and source are taken and the rules'
 * contents kept (quotation marks bound a direct quote exactly, a quote continued in the next paragraph
 * stays, and a reported content keeps the rules' cut: "the port would reopen", not "that the port…"), and
 * the rules' speaker where the tagger has none;
 * a tagger fragment over none of them is added. On dev with the first tagger, rules + tagger whole F1
 * 72.1 → 72.5, precision 80.3 → 80.7 (taking the tagger's contents as well: the same whole F1). */
function merge(view: DocView, a: TaggedAttribution, same: Found[]): Found[] {
  const tagged = modelFinds(view, a);
  let attribution = tagged[0].attribution;
  // Where the tagger reads no source, the rules' speaker of the same cue stands: dev whole F1 of rules +
  // tagger 73.7 → 73.8 (P 82.8, R 66.6).
  const ruled = same.find((f) => f.attribution?.speaker)?.attribution;
  if (attribution && !attribution.speaker && ruled) attribution = { ...attribution, speaker: ruled.speaker, speakerSentence: ruled.speakerSentence };
  return [
    ...same.map((f) => ({ ...f, attribution })),
    ...tagged.filter((m) => !same.some((f) => overlaps(f.content, m.content))),
  ];
}

/** The speaker, as view tokens, of the find whose cue ends nearest before `c` in its sentence. */
function earlierSpeaker(view: DocView, c: TaggedCue, finds: Found[]): [number, number] | null {
  const ts = view.tokens;
  const s = view.sentences[ts[c.first].sentence];
  const from = ts[s.first].start;
  const to = ts[c.first].start;
  let best: Found | null = null;
  for (const f of finds) {
    const cue = f.attribution?.cue;
    if (!cue || !f.attribution!.speaker || cue.start < from || cue.end > to) continue;
    if (!best || cue.end > best.attribution!.cue!.end) best = f;
  }
  return best ? tokensOverlapping(ts, best.attribution!.speaker!.start, best.attribution!.speaker!.end) : null;
}

/** `words`: each sentence's words when already read (quotes/index.ts `sentenceWords`). */
export function combine(article: TextReady, rules: Found[], model: QuoteModel, words?: Word[][]): Combined {
  const view = docView(article, rules, words);
  const cues = tagCues(view, model);
  const seen = (f: Found) => cues.some((c) => overlaps(cueChars(view, c), f.attribution!.cue!));
  const vetoed = modelParams.policy === 'veto' ? rules.filter((f) => confirmable(f) && !seen(f)) : [];
  const kept = rules.filter((f) => !vetoed.includes(f));
  const fixedCues = kept.flatMap((f) => (f.attribution?.cue && !yieldable(f) ? [f.attribution.cue] : []));
  const added: TaggedAttribution[] = [];
  const addedFinds: Found[] = [];
  const replaced = new Set<Found>();
  for (const c of cues) {
    const chars = cueChars(view, c);
    if (c.confidence < model.minCueConfidence || fixedCues.some((r) => overlaps(r, chars))) continue;
    const a = tagSpans(view, c, model, earlierSpeaker(view, c, [...kept, ...addedFinds]));
    if (!a) continue;
    added.push(a);
    const same = kept.filter((f) => !replaced.has(f) && yieldable(f) && overlaps(f.attribution!.cue!, chars));
    addedFinds.push(...merge(view, a, same));
    for (const f of same) replaced.add(f);
  }
  // A rule quote with no cue whose stretch the tagger attributes takes the tagger's cue and speaker.
  for (const r of kept) if (!r.attribution?.cue && addedFinds.some((m) => overlaps(r.content, m.content))) replaced.add(r);
  const finds = [...kept.filter((r) => !replaced.has(r)), ...addedFinds].sort((a, b) => a.content.start - b.content.start);
  return { finds, view, cues, added, vetoed };
}

/** Rules + tagger; `output` 'model' keeps the tagger's attributions alone (the rules' finds still its
 * evidence), for measuring it. */
export function withModel(article: TextReady, rules: Found[], model: QuoteModel, output: 'combined' | 'model' = 'combined', words?: Word[][]): Found[] {
  if (output === 'combined') return combine(article, rules, model, words).finds;
  const view = docView(article, rules, words);
  return tagCues(view, model).filter((c) => c.confidence >= model.minCueConfidence)
    .flatMap((c) => { const a = tagSpans(view, c, model); return a ? modelFinds(view, a) : []; });
}
