// The quote tagger, in two stages as citron does: cues are tagged BIO over each sentence; then, for each
// cue, source and content are tagged BIO over a window around it (the sentence before to three after),
// so nested attributions ("Trump said Clinton wants…") each get their own spans.

import { betweenCounts, CUE_FORM, cueContext, FeatureSink, spanFeatures, spanWindow, tokenFeatures, type CueContext } from './features.js';
import type { DocView } from './view.js';
import { agentAfter, isPassiveCue } from '../passive.js';
import { phraseAfter } from '../phrases.js';
import { bioScheme, positionsOf, viterbi, type FeatureSeq, type Scorer } from './perceptron.js';

export const CUE_SCHEME = bioScheme(['CUE']);
export const SPAN_SCHEME = bioScheme(['SRC', 'CON']);
export const O = 0;
export const B_SRC = 1;
export const I_SRC = 2;
export const B_CON = 3;
export const I_CON = 4;

export interface QuoteModel {
  featureHash: string;
  cue: Scorer;
  span: Scorer;
  /** Cue confidence below which a tagger cue is not added to the rules' finds (chosen on dev by training:
   * the scale is the weights' own). */
  minCueConfidence: number;
}

export interface TaggedCue {
  /** Token range [first, last] in the view. */
  first: number;
  last: number;
  /** Summed emission margin of the cue labels over O on its tokens. */
  confidence: number;
}

export interface TaggedAttribution {
  cue: TaggedCue;
  source: [number, number] | null;
  content: [number, number][];
}

/** Cue-stage features of one sentence. */
export function cueSequence(view: DocView, sentence: number, sink = new FeatureSink()): FeatureSink {
  const s = view.sentences[sentence];
  for (let i = s.first; i <= s.last; i++) {
    tokenFeatures(view, i, sink);
    sink.next();
  }
  return sink;
}

/** Span-stage features of a cue's window, [from, to] in view tokens. */
export function spanSequence(view: DocView, cue: CueContext, sink = new FeatureSink()): { seq: FeatureSink; from: number; to: number } {
  const [from, to] = spanWindow(view, cue);
  const between = betweenCounts(view, cue, from, to);
  for (let i = from; i <= to; i++) {
    spanFeatures(view, i, cue, between[i - from], sink);
    sink.next();
  }
  return { seq: sink, from, to };
}

/** Labels forcing the cue's own tokens to O in its window. */
export function cueMask(cue: CueContext, from: number, to: number): Int8Array {
  const forced = new Int8Array(to - from + 1).fill(-1);
  for (let k = cue.first; k <= cue.last; k++) forced[k - from] = O;
  return forced;
}

/** Emission scores of a sequence; the buffer is reused between calls (read it before the next). */
let scratch = new Float64Array(1 << 12);
function emissionsOf(table: Scorer, seq: FeatureSeq): Float64Array {
  const n = positionsOf(seq) * table.L;
  if (scratch.length < n) scratch = new Float64Array(n * 2);
  table.emissions(seq, scratch);
  return scratch;
}

const cueSink = new FeatureSink();

/** Cues of the whole document, each with its confidence. */
export function tagCues(view: DocView, model: QuoteModel): TaggedCue[] {
  const out: TaggedCue[] = [];
  const L = model.cue.L;
  // One sink for every sentence (a fresh one each time was a tenth of the tagger's garbage), and for every
  // document.
  const seq = cueSink;
  for (let si = 0; si < view.sentences.length; si++) {
    const s = view.sentences[si];
    seq.reset();
    cueSequence(view, si, seq);
    const em = emissionsOf(model.cue, seq);
    const labels = viterbi(em, s.last - s.first + 1, model.cue, CUE_SCHEME, null);
    for (let t = 0; t < labels.length; t++) {
      if (labels[t] === O) continue;
      let end = t;
      while (end + 1 < labels.length && labels[end + 1] === 2) end++;
      let confidence = 0;
      for (let k = t; k <= end; k++) confidence += em[k * L + labels[k]] - em[k * L + O];
      out.push({ first: s.first + t, last: s.first + end, confidence });
      t = end;
    }
  }
  return out;
}

/** Runs of one label pair (B, I) in decoded labels, as token ranges of the view. */
function runs(labels: Int8Array, from: number, b: number, i: number): [number, number][] {
  const out: [number, number][] = [];
  for (let t = 0; t < labels.length; t++) {
    if (labels[t] !== b) continue;
    let end = t;
    while (end + 1 < labels.length && labels[end + 1] === i) end++;
    out.push([from + t, from + end]);
    t = end;
  }
  return out;
}

/** The span stage's sink, reused from cue to cue: a fresh one allocated and zeroed its buffers each time. */
const spanSink = new FeatureSink();

/** Source and content of one cue; null when the window holds no content. The source is the source run
 * nearest the cue; content fragments of punctuation alone are dropped. `earlier`: the speaker (view
 * tokens) of the nearest attribution before the cue in its sentence, if any ("…," the mayor said, adding
 * that…): the source of a sourceless coordinated cue. */
export function tagSpans(view: DocView, cue: TaggedCue, model: QuoteModel, earlier: [number, number] | null = null): TaggedAttribution | null {
  const ctx = cueContext(view, cue.first, cue.last);
  spanSink.reset();
  const { seq, from, to } = spanSequence(view, ctx, spanSink);
  const em = emissionsOf(model.span, seq);
  const labels = viterbi(em, to - from + 1, model.span, SPAN_SCHEME, cueMask(ctx, from, to));
  return spansFromLabels(view, cue, labels, from, ctx, earlier);
}

/** A content needs a word of its own: a noun, name, pronoun, verb, adjective, adverb or number that is
 * not a bare time word ("…, Kirby said Tuesday" left "Tuesday" as content). Dev whole F1 72.2 → 72.1,
 * precision 80.2 → 80.3: kept for the junk it removes outside PolNeAR. */
const CONTENT_WORD = /^(NOUN|PROPN|PRON|VERB|AUX|ADJ|ADV|NUM|X|INTJ)$/;
const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|week|month|year|morning|afternoon|evening|night)$/;

export function spansFromLabels(view: DocView, cue: TaggedCue, labels: Int8Array, from: number, ctx?: CueContext,
  earlier: [number, number] | null = null): TaggedAttribution | null {
  const content = runs(labels, from, B_CON, I_CON).filter(([a, b]) => {
    for (let k = a; k <= b; k++) if (CONTENT_WORD.test(view.tokens[k].pos) && !TIME_WORD.test(view.tokens[k].lower)) return true;
    return false;
  });
  if (content.length === 0) return null;
  const gap = ([a, b]: [number, number]) => (b < cue.first ? cue.first - b : a - cue.last);
  let sources = runs(labels, from, B_SRC, I_SRC).sort((x, y) => gap(x) - gap(y));
  const ts = view.tokens;
  // Rule passive-cue (passive.ts): the subject of "was accused of" is not its source. Dev whole F1 of rules
  // + tagger 73.5 → 73.6 (P 82.4 → 82.5); the same as span features instead (voice with side and
  // phrases, retrained): 73.3.
  const passive = isPassiveCue(ts, cue.first, cue.last);
  const by = passive && ctx ? agentAfter(ts, cue.last, view.sentences[ctx.sentence].last) : -1;
  if (passive && by < 0) sources = sources.filter(([a]) => a > cue.last);
  let source = sources[0] ?? null;
  // The tagger's source inside the rules' subject phrase ("Christie, who has campaigned for Trump since…,
  // blasted" read as "Trump since…") gives way to the whole phrase, its head first: dev whole F1 74.2 →
  // 74.4 (P 83.3 → 83.4).
  if (source && ctx?.subject && source[0] > ctx.subject[0] && source[1] <= ctx.subject[1]) source = ctx.subject;
  // A passive cue's source is its agent ("has been called a charlatan by fellow physicians"): P 83.4 → 83.5,
  // R 67.1 → 67.2.
  if (by >= 0) {
    const first = view.sentences[ctx!.sentence].first;
    const np = phraseAfter(view.words[ctx!.sentence], by + 1 - first);
    if (np) source = [first + np.first, first + np.last];
  }
  // A ", saying…" or "… and called for" cue the tagger leaves without source is spoken by the subject of
  // the sentence's first verb: with the passive rule, dev whole F1 73.6 → 73.7 (P 82.7, R 66.5); so is an
  // active cue with no subject of its own ("…, yet refuses to release", "but also contended"): 73.8 → 74.0
  // (P 83.0, R 66.7, with the rules' speaker kept in combine.ts). Giving every sourceless cue the subject
  // before it instead cost 0.2.
  // The speaker of an earlier attribution in the sentence comes first ("…," the mayor said, adding that…,
  // where the first verb is the quote's): dev whole F1 74.0 → 74.2 (P 83.0 → 83.2, R 66.7 → 66.9).
  const fallback = earlier ?? ctx?.mainSubject;
  if (!source && fallback && ctx && (ctx.form === CUE_FORM.gerundAfterComma || ctx.form === CUE_FORM.afterAnd || (!ctx.subject && !passive))) source = fallback;
  return { cue, source, content };
}
