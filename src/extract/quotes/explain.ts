// `crosscheck extract --explain`: why the tagger added or vetoed what it did. For each attribution it
// added, the features that weighed most for its cue, source and content labels (weight of the chosen
// label minus weight of O, summed over the span's words); for each rule find it vetoed, the cue margin.

import { byCodePoint } from '../../corroborate/order.js';
import type { TextReady } from '../../model/article.js';
import { combine } from './combine.js';
import { ruleQuotes } from './index.js';
import { cueContext, FeatureSink } from './model/features.js';
import { quoteModel } from './model/model-file.js';
import type { Scorer } from './model/perceptron.js';
import { B_CON, B_SRC, cueSequence, I_CON, I_SRC, O, spanSequence, type QuoteModel, type TaggedAttribution } from './model/tagger.js';
import type { DocView } from './model/view.js';

/** Features shown per span. */
const TOP = 6;

/** Summed contribution (label weight − O weight) of each named feature over positions `at` of a sequence. */
function contributions(table: Scorer, sink: FeatureSink, at: { t: number; label: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const { t, label } of at) {
    for (let k = sink.offsets[t]; k < sink.offsets[t + 1]; k++) {
      const v = table.weight(sink.ids[k], label) - table.weight(sink.ids[k], O);
      if (v !== 0) out.set(sink.names![k], (out.get(sink.names![k]) ?? 0) + v);
    }
  }
  return out;
}

function top(m: Map<string, number>): string {
  const sorted = [...m].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || byCodePoint(a[0], b[0])).slice(0, TOP);
  return sorted.map(([n, v]) => `${v >= 0 ? '+' : ''}${v.toFixed(1)} ${n}`).join(', ');
}

const quoted = (view: DocView, [f, l]: [number, number]) => JSON.stringify(view.text.slice(view.tokens[f].start, view.tokens[l].end).replace(/\s+/g, ' ').slice(0, 80));

/** The lines for one added attribution: its spans, then the features behind each. */
function explainAdded(view: DocView, a: TaggedAttribution, model: QuoteModel): string[] {
  const { cue } = a;
  const s = view.tokens[cue.first].sentence;
  const cueSink = cueSequence(view, s, new FeatureSink(true));
  const first = view.sentences[s].first;
  const cueAt = [];
  for (let k = cue.first; k <= cue.last; k++) cueAt.push({ t: k - first, label: k === cue.first ? 1 : 2 });
  const lines = [
    `tagger: cue ${quoted(view, [cue.first, cue.last])} (confidence ${cue.confidence.toFixed(1)}), source ${a.source ? quoted(view, a.source) : 'none'}, content ${a.content.map((r) => quoted(view, r)).join(' … ')}`,
    `  cue: ${top(contributions(model.cue, cueSink, cueAt))}`,
  ];
  const { seq, from } = spanSequence(view, cueContext(view, cue.first, cue.last), new FeatureSink(true));
  const runAt = (r: [number, number], b: number, i: number) => Array.from({ length: r[1] - r[0] + 1 }, (_, k) => ({ t: r[0] + k - from, label: k === 0 ? b : i }));
  if (a.source) lines.push(`  source: ${top(contributions(model.span, seq, runAt(a.source, B_SRC, I_SRC)))}`);
  lines.push(`  content: ${top(contributions(model.span, seq, a.content.flatMap((r) => runAt(r, B_CON, I_CON))))}`);
  return lines;
}

/** Explanation lines for one article: the tagger's additions with their strongest features, and the rule
 * finds it vetoed. Empty when the tagger changed nothing. */
export function explainQuotes(article: TextReady, model: QuoteModel = quoteModel()): string[] {
  const { view, added, vetoed } = combine(article, ruleQuotes(article), model);
  const lines: string[] = [];
  for (const a of added) lines.push(...explainAdded(view, a, model));
  for (const f of vetoed) {
    lines.push(`vetoed rule find: cue ${JSON.stringify(f.attribution!.cue!.text)} at ${f.attribution!.cue!.start}, content ${JSON.stringify(f.content.text.slice(0, 80))}: the tagger tags no cue there`);
  }
  return lines;
}
