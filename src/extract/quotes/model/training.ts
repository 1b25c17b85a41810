// Training of the quote tagger from labelled articles: the cue stage on every sentence, then the span
// stage on every gold cue's window, each an averaged perceptron over fixed-seed shuffles, optionally with
// loss-augmented updates (a margin per gold label). Epochs are
// chosen by the caller's scorer (the training script scores on PolNeAR dev); without one, the last wins.

import type { TextReady } from '../../../model/article.js';
import type { TrainedModel } from './model-file.js';
import { ruleQuotes } from '../index.js';
import { cueContext, featureHash, FeatureSink } from './features.js';
import { Trainer, type FeatureSeq, type WeightTable } from './perceptron.js';
import type { Attr, Ranges } from './polnear.js';
import { B_CON, B_SRC, CUE_SCHEME, cueMask, cueSequence, I_CON, I_SRC, O, SPAN_SCHEME, spanSequence } from './tagger.js';
import { docView, type DocView } from './view.js';
import { prng } from '../../../seeded-random.js';

export interface Labelled {
  view: DocView;
  gold: Attr[];
}

/** An article with its gold attributions, viewed as the tagger sees it (the rules' finds included). */
export function labelled(article: TextReady, gold: Attr[]): Labelled {
  return { view: docView(article, ruleQuotes(article)), gold };
}


function shuffle<X>(xs: X[], rand: () => number): X[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** View tokens overlapping character ranges. */
function tokensIn(view: DocView, ranges: Ranges | null): number[] {
  if (!ranges) return [];
  const out: number[] = [];
  view.tokens.forEach((t, i) => { if (ranges.some(([s, e]) => t.start < e && t.end > s)) out.push(i); });
  return out;
}

interface CueExample { seq: FeatureSeq; gold: Int8Array }

/** One example per sentence, features packed once (they do not change between epochs). */
function cueExamples(data: Labelled[]): CueExample[] {
  const out: CueExample[] = [];
  for (const { view, gold } of data) {
    const label = new Int8Array(view.tokens.length);
    for (const g of gold) {
      const toks = tokensIn(view, g.cue);
      toks.forEach((k, n) => { label[k] = n > 0 && toks[n - 1] === k - 1 ? 2 : 1; });
    }
    view.sentences.forEach((s, si) => {
      const seq = cueSequence(view, si);
      out.push({ seq: { ids: seq.ids.slice(0, seq.n), offsets: seq.offsets.slice(0, seq.positions + 1) }, gold: label.slice(s.first, s.last + 1) });
    });
  }
  return out;
}

interface SpanExample { view: DocView; first: number; last: number; labels: Int8Array }

/** One example per gold attribution with a cue: source and content labels over the whole document (the
 * window is cut when learning). Content wins where both overlap. */
function spanExamples(data: Labelled[]): SpanExample[] {
  const out: SpanExample[] = [];
  for (const { view, gold } of data) {
    for (const g of gold) {
      const cue = tokensIn(view, g.cue);
      if (cue.length === 0) continue;
      const labels = new Int8Array(view.tokens.length);
      for (const k of tokensIn(view, g.source)) labels[k] = B_SRC;
      for (const k of tokensIn(view, g.content)) labels[k] = B_CON;
      out.push({ view, first: cue[0], last: cue[cue.length - 1], labels });
    }
  }
  return out;
}

/** Gold labels of a window: B where a run starts (after the cue's own words, forced to O), I inside. */
function windowLabels(ex: SpanExample, from: number, to: number): Int8Array {
  const gold = ex.labels.slice(from, to + 1);
  for (let k = ex.first; k <= ex.last; k++) gold[k - from] = O;
  for (let t = 0; t < gold.length; t++) {
    const prev = t > 0 ? gold[t - 1] : O;
    if (gold[t] === B_CON && (prev === B_CON || prev === I_CON)) gold[t] = I_CON;
    if (gold[t] === B_SRC && (prev === B_SRC || prev === I_SRC)) gold[t] = I_SRC;
  }
  return gold;
}

const spanSink = new FeatureSink();

function learnSpan(trainer: Trainer, ex: SpanExample, cost: number[] | null): void {
  const ctx = cueContext(ex.view, ex.first, ex.last);
  spanSink.reset();
  const { seq, from, to } = spanSequence(ex.view, ctx, spanSink);
  trainer.learn(seq, windowLabels(ex, from, to), cueMask(ctx, from, to), cost);
}

export interface TrainOptions {
  cueEpochs: number;
  spanEpochs: number;
  seed: number;
  /** Margins of loss-augmented training (Trainer.learn), by gold label: the cue stage's (O, B-CUE,
   * I-CUE) and the span stage's (O, B-SRC, I-SRC, B-CON, I-CON); absent or null, plain perceptron updates. */
  cueCost?: number[] | null;
  spanCost?: number[] | null;
  /** Scores a cue table after an epoch (higher is better); the best epoch is kept. */
  scoreCue?: (table: WeightTable, epoch: number) => number;
  /** Scores the whole model after a span epoch; the best epoch is kept. */
  scoreModel?: (model: TrainedModel, epoch: number) => number;
}

/** Trains both stages; returns the model (no cue floor: `minCueConfidence` −1e9) and the epochs kept. */
export function trainTagger(data: Labelled[], o: TrainOptions): { model: TrainedModel; cueEpoch: number; spanEpoch: number } {
  const rand = prng(o.seed);
  const cueData = cueExamples(data);
  const cueTrainer = new Trainer(CUE_SCHEME);
  let cue = { table: cueTrainer.averaged(), score: -Infinity, epoch: 0 };
  for (let epoch = 1; epoch <= o.cueEpochs; epoch++) {
    for (const ex of shuffle(cueData, rand)) cueTrainer.learn(ex.seq, ex.gold, null, o.cueCost ?? null);
    const table = cueTrainer.averaged();
    const score = o.scoreCue ? o.scoreCue(table, epoch) : epoch;
    if (score > cue.score) cue = { table, score, epoch };
  }
  // No span epochs: the cue stage alone (train.ts --cue-only), its table standing in for the span one.
  if (o.spanEpochs === 0) return { model: { featureHash: featureHash(), cue: cue.table, span: cue.table, minCueConfidence: NO_FLOOR }, cueEpoch: cue.epoch, spanEpoch: 0 };
  const spanData = spanExamples(data);
  const spanTrainer = new Trainer(SPAN_SCHEME);
  const hash = featureHash();
  let best: { model: TrainedModel; score: number; epoch: number } | null = null;
  for (let epoch = 1; epoch <= o.spanEpochs; epoch++) {
    for (const ex of shuffle(spanData, rand)) learnSpan(spanTrainer, ex, o.spanCost ?? null);
    const model: TrainedModel = { featureHash: hash, cue: cue.table, span: spanTrainer.averaged(), minCueConfidence: NO_FLOOR };
    const score = o.scoreModel ? o.scoreModel(model, epoch) : epoch;
    if (!best || score > best.score) best = { model, score, epoch };
  }
  return { model: best!.model, cueEpoch: cue.epoch, spanEpoch: best!.epoch };
}

/** A floor below every confidence (finite, so the file's JSON header keeps it). */
export const NO_FLOOR = -1e9;
