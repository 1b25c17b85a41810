// Features of the quote tagger, as 32-bit ids (a template's hash mixed with its values). The cue stage
// reads each word alone and in its sentence; the span stage reads a word's relation to one cue (side,
// distance, sentence offset, what lies between, the rules' phrases and finds) and conjoins its own
// observations with that relation. With an explaining sink, each id also gets a readable name.

import { BARE_CLAUSE_VERBS, CUE_NOUNS, CUE_VERBS, OBJECT_CUES, OBJECT_VERBS } from '../cues.js';
import { phraseAfter, subjectBefore } from '../phrases.js';
import { hashString, mix, mix3, mix4 } from './hash.js';
import { LEX_NAMES, suffixOf, tokensOverlapping, type DocToken, type DocView } from './view.js';

/** Bump when a template keeps its name but computes something else; the model file then no longer loads. */
export const FEATURES_VERSION = 2;

/** Feature ids of a sequence as they are built: `add` appends to the current position, `next` closes it
 * (`offsets[t]..offsets[t+1]` are position t's ids, for t < `positions`; the arrays are buffers longer
 * than that); with `names`, what each id means (for --explain). Typed buffers kept between sequences:
 * JS arrays emptied by `length = 0` let their storage go and grew again with every sentence. */
export class FeatureSink {
  ids = new Uint32Array(1 << 12);
  offsets = new Int32Array(1 << 8);
  /** Ids added, and positions closed. */
  n = 0;
  positions = 0;
  names: string[] | null;
  constructor(explain = false) { this.names = explain ? [] : null; }
  add(id: number, name: string | false): void {
    if (this.n === this.ids.length) {
      const grown = new Uint32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.n++] = id;
    if (this.names) this.names.push(name as string);
  }
  next(): void {
    if (this.positions + 2 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[++this.positions] = this.n;
  }
  /** Empties the sink for the next sequence, keeping its buffers. */
  reset(): void {
    this.n = 0;
    this.positions = 0;
    if (this.names) this.names.length = 0;
  }
  /** Names of position t's features. */
  namesAt(t: number): string[] {
    return this.names ? this.names.slice(this.offsets[t], this.offsets[t + 1]) : [];
  }
}

/** Template names in registration order: part of the feature hash, so adding, removing or renaming a
 * template refuses a model trained before. */
const TEMPLATES: string[] = [];
function template(name: string): number {
  TEMPLATES.push(name);
  return hashString(`t:${name}`);
}

/** Identity of the feature set: templates, version and the cue lexicon the `lex` features read. */
export function featureHash(): string {
  const lexicon = [CUE_VERBS, BARE_CLAUSE_VERBS, OBJECT_VERBS, OBJECT_CUES, CUE_NOUNS].map((s) => [...s].sort().join(' ')).join('|');
  const h1 = hashString(`${FEATURES_VERSION}|${TEMPLATES.join(',')}`);
  const h2 = hashString(lexicon);
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}

const BOUNDARY = hashString('<s>');
const S = '<s>';

// Left out, for speed (each lookup is a cache miss): p-2, p+2, p-1|p|p+1, w-1|l, last three letters,
// the neighbours' quote states and rule bits; together they were worth 0.1 of dev cue F1 (78.1 → 78.0),
// the word bigrams 0.4 (kept).
const BIAS = template('bias'), W = template('w'), L = template('l'), P = template('p'), SH = template('sh');
const W_1 = template('w-1'), W1 = template('w+1'), W_2 = template('w-2'), W2 = template('w+2');
const P_1 = template('p-1'), P1 = template('p+1'), P_1P = template('p-1|p'), PP1 = template('p|p+1');
const LW1 = template('l|w+1'), WW1 = template('w|w+1'), W_1W = template('w-1|w'), LP = template('l|p');

/** The word, its neighbours (two each side, within the sentence) and the POS of the nearest. */
function wordFeatures(view: DocView, i: number, sink: FeatureSink): void {
  const ts = view.tokens;
  const t = ts[i];
  const s = view.sentences[t.sentence];
  const p1 = i - 1 >= s.first ? ts[i - 1] : null;
  const n1 = i + 1 <= s.last ? ts[i + 1] : null;
  const p2 = i - 2 >= s.first ? ts[i - 2] : null;
  const n2 = i + 2 <= s.last ? ts[i + 2] : null;
  const ex = sink.names !== null;
  sink.add(BIAS, ex && 'bias');
  sink.add(mix(W, t.wh), ex && `w=${t.lower}`);
  sink.add(mix(L, t.lh), ex && `l=${t.lemma}`);
  sink.add(mix(P, t.ph), ex && `p=${t.pos}`);
  sink.add(mix(SH, t.shh), ex && `sh=${t.shape}`);
  sink.add(mix(W_1, p1?.wh ?? BOUNDARY), ex && `w-1=${p1?.lower ?? S}`);
  sink.add(mix(W1, n1?.wh ?? BOUNDARY), ex && `w+1=${n1?.lower ?? S}`);
  sink.add(mix(W_2, p2?.wh ?? BOUNDARY), ex && `w-2=${p2?.lower ?? S}`);
  sink.add(mix(W2, n2?.wh ?? BOUNDARY), ex && `w+2=${n2?.lower ?? S}`);
  sink.add(mix(P_1, p1?.ph ?? BOUNDARY), ex && `p-1=${p1?.pos ?? S}`);
  sink.add(mix(P1, n1?.ph ?? BOUNDARY), ex && `p+1=${n1?.pos ?? S}`);
  sink.add(mix3(P_1P, p1?.ph ?? BOUNDARY, t.ph), ex && `p-1|p=${p1?.pos ?? S}|${t.pos}`);
  sink.add(mix3(PP1, t.ph, n1?.ph ?? BOUNDARY), ex && `p|p+1=${t.pos}|${n1?.pos ?? S}`);
  sink.add(mix3(LW1, t.lh, n1?.wh ?? BOUNDARY), ex && `l|w+1=${t.lemma}|${n1?.lower ?? S}`);
  sink.add(mix3(WW1, t.wh, n1?.wh ?? BOUNDARY), ex && `w|w+1=${t.lower}|${n1?.lower ?? S}`);
  sink.add(mix3(W_1W, p1?.wh ?? BOUNDARY, t.wh), ex && `w-1|w=${p1?.lower ?? S}|${t.lower}`);
  sink.add(mix3(LP, t.lh, t.ph), ex && `l|p=${t.lemma}|${t.pos}`);
}

const Q = template('q'), EDGE = template('edge'), QNEAR = template('qnear');
const LEX = template('lex'), LEXW1 = template('lex|w+1'), SQ = template('sq'), SQLEX = template('sq|lex'), AUXL = template('aux>l');
const RULE = template('rule'), RULEL = template('rule|l');

/** Quotation marks around the word, its cue-lexicon classes, its place in the sentence, and the rules'
 * finds on it. */
function contextFeatures(view: DocView, i: number, sink: FeatureSink): void {
  const ts = view.tokens;
  const t = ts[i];
  const s = view.sentences[t.sentence];
  const n1 = i + 1 <= s.last ? ts[i + 1] : null;
  const ex = sink.names !== null;
  const sq = s.quoted ? 1 : 0;
  sink.add(mix(Q, t.quote), ex && `q=${t.quote}`);
  sink.add(mix(SQ, sq), ex && `sq=${sq}`);
  for (let b = 0; b < LEX_NAMES.length; b++) {
    if (!(t.lex & (1 << b))) continue;
    sink.add(mix(LEX, b), ex && `lex=${LEX_NAMES[b]}`);
    sink.add(mix3(LEXW1, b, n1?.wh ?? BOUNDARY), ex && `lex|w+1=${LEX_NAMES[b]}|${n1?.lower ?? S}`);
    sink.add(mix3(SQLEX, sq, b), ex && `sq|lex=${sq}|${LEX_NAMES[b]}`);
  }
  const edge = i === s.first ? 1 : i === s.last ? 2 : 0;
  if (edge) sink.add(mix(EDGE, edge), ex && `edge=${edge === 1 ? 'first' : 'last'}`);
  // A closing mark just before ("…," he said) or an opening one just after (said: "…").
  let near = 0;
  for (let k = Math.max(s.first, i - 3); k <= Math.min(s.last, i + 3); k++) if (k !== i && ts[k].quote >= 2) near |= k < i ? 1 : 2;
  if (near) sink.add(mix(QNEAR, near), ex && `qnear=${near === 1 ? 'before' : near === 2 ? 'after' : 'both'}`);
  // An auxiliary opening a cue ("has learned", "did not say") is told by the verb it carries.
  if (t.pos === 'AUX' || t.pos === 'PART') {
    for (let k = i + 1; k <= Math.min(s.last, i + 3); k++) {
      if (ts[k].pos !== 'VERB') continue;
      sink.add(mix(AUXL, ts[k].lh), ex && `aux>l=${ts[k].lemma}`);
      break;
    }
  }
  sink.add(mix(RULE, t.rule), ex && `rule=${t.rule}`);
  sink.add(mix3(RULEL, t.rule, t.lh), ex && `rule|l=${t.rule}|${t.lemma}`);
}

const SUBJ = template('subj'), SUBJL = template('subj|l'), SUBJLEM = template('subjl'), SUBJLEML = template('subjl|l');
const SUF = template('suf3'), SUFP = template('suf3|p'), PW1 = template('p|w+1'), SUBJP = template('subj|p'), SUBJPW1 = template('subj|p|w+1');
const SQP = template('sq|p'), VBP = template('vb|p'), VBLEX = template('vb|lex');

/** Features that reach past the word itself, for cues seen once or twice in train: its ending, its POS
 * with the next word ("VERB that") and whether its sentence is quoted. With the subject's POS and the next
 * word (`subjectFeatures`): dev whole F1 of rules + tagger 72.5 → 72.7 (P 81.8 → 80.5, R 65.1 → 66.4),
 * cue F1 77.5 → 77.8. */
function generalFeatures(view: DocView, i: number, sink: FeatureSink): void {
  const ts = view.tokens;
  const t = ts[i];
  const s = view.sentences[t.sentence];
  const n1 = i + 1 <= s.last ? ts[i + 1] : null;
  const ex = sink.names !== null;
  sink.add(mix(SUF, t.sfh), ex && `suf3=${suffixOf(t.lower)}`);
  sink.add(mix3(SUFP, t.sfh, t.ph), ex && `suf3|p=${suffixOf(t.lower)}|${t.pos}`);
  sink.add(mix3(PW1, t.ph, n1?.wh ?? BOUNDARY), ex && `p|w+1=${t.pos}|${n1?.lower ?? S}`);
  sink.add(mix3(SQP, s.quoted ? 1 : 0, t.ph), ex && `sq|p=${s.quoted ? 1 : 0}|${t.pos}`);
  // The sentence's main verb is its first ("X said that Y decided…" has the cue first): with the tagger's
  // reading of reported speech, dev whole F1 of rules + tagger 73.4 → 73.5, P 81.4 → 82.4 (R 66.8 → 66.3,
  // the floor chosen on dev rose from none to 22.9).
  sink.add(mix3(VBP, t.verbsBefore, t.ph), ex && `vb|p=${t.verbsBefore}|${t.pos}`);
  if (t.lex) sink.add(mix3(VBLEX, t.verbsBefore, t.lex), ex && `vb|lex=${t.verbsBefore}|${t.lex}`);
}

/** The subject the rules would read before a verb (phrases.ts): who or what could be speaking, alone, with
 * the verb's lemma, and with its POS and the next word ("Trump VERB that"). */
function subjectFeatures(view: DocView, i: number, sink: FeatureSink): void {
  const ts = view.tokens;
  const t = ts[i];
  if (t.pos !== 'VERB' && t.pos !== 'AUX' && !t.lex) return;
  const s = view.sentences[t.sentence];
  const words = view.words[t.sentence];
  const subj = subjectBefore(words, i - s.first);
  if (!subj) return;
  const head = words[subj.last].text === ',' ? words[subj.first] : words[subj.last];
  const n1 = i + 1 <= s.last ? ts[i + 1] : null;
  const ex = sink.names !== null;
  sink.add(mix(SUBJ, head.ph), ex && `subj=${head.pos}`);
  sink.add(mix3(SUBJL, head.ph, t.lh), ex && `subj|l=${head.pos}|${t.lemma}`);
  sink.add(mix(SUBJLEM, head.lh), ex && `subjl=${head.lemma}`);
  sink.add(mix3(SUBJLEML, head.lh, t.lh), ex && `subjl|l=${head.lemma}|${t.lemma}`);
  sink.add(mix3(SUBJP, head.ph, t.ph), ex && `subj|p=${head.pos}|${t.pos}`);
  sink.add(mix4(SUBJPW1, head.ph, t.ph, n1?.wh ?? BOUNDARY), ex && `subj|p|w+1=${head.pos}|${t.pos}|${n1?.lower ?? S}`);
}

const QDIST = template('qdist'), QDISTL = template('qdist|lex');

/** The nearest quotation mark in the sentence on each side, by distance band (0: none), with the word's
 * POS and with its cue-lexicon classes: a cue stands next to its quote ("…," the senator said; said: "…")
 * but often further off than the three words `qnear` reads, when a name and a title come between ("…,"
 * said Anna Brandt, the council's spokeswoman). Words inside the marks are skipped unless in the lexicon
 * (their distances say nothing of them and cost a lookup each). With the loss-augmented training
 * (train.ts): dev cue F1 of the tagger 79.3 → 79.2 at its best epoch, but rules + tagger whole F1 74.6 →
 * 75.0 (P 80.8 → 80.2, R 69.3 → 70.4; `npm run eval -- quotes`). */
function quoteDistanceFeatures(view: DocView, i: number, sink: FeatureSink): void {
  const ts = view.tokens;
  const t = ts[i];
  if (t.quote === 1 && !t.lex) return;
  const s = view.sentences[t.sentence];
  if (!s.quoted) return;
  const m = marksOf(view, t.sentence);
  const k = i - s.first;
  const before = m.before[k] < 0 ? 0 : 1 + distanceBucket(i - m.before[k]);
  const after = m.after[k] < 0 ? 0 : 1 + distanceBucket(m.after[k] - i);
  const v = before * 16 + after;
  const ex = sink.names !== null;
  sink.add(mix3(QDIST, v, t.ph), ex && `qdist=${before}|${after}|${t.pos}`);
  if (t.lex) sink.add(mix3(QDISTL, v, t.lex), ex && `qdist|lex=${before}|${after}|${t.lex}`);
}

/** Per word of one sentence, the nearest quotation mark strictly before and after it (view tokens, −1 for
 * none), computed once per sentence: scanning from each word was quadratic in a long quoted sentence. */
const marks = { view: null as DocView | null, sentence: -1, before: new Int32Array(256), after: new Int32Array(256) };
function marksOf(view: DocView, sentence: number): typeof marks {
  if (marks.view === view && marks.sentence === sentence) return marks;
  const ts = view.tokens;
  const s = view.sentences[sentence];
  const n = s.last - s.first + 1;
  if (marks.before.length < n) { marks.before = new Int32Array(n * 2); marks.after = new Int32Array(n * 2); }
  let last = -1;
  for (let k = 0; k < n; k++) { marks.before[k] = last; if (ts[s.first + k].quote >= 2) last = s.first + k; }
  last = -1;
  for (let k = n - 1; k >= 0; k--) { marks.after[k] = last; if (ts[s.first + k].quote >= 2) last = s.first + k; }
  marks.view = view;
  marks.sentence = sentence;
  return marks;
}

/** The cue stage's features of token `i`. */
export function tokenFeatures(view: DocView, i: number, sink: FeatureSink): void {
  wordFeatures(view, i, sink);
  contextFeatures(view, i, sink);
  subjectFeatures(view, i, sink);
  generalFeatures(view, i, sink);
  quoteDistanceFeatures(view, i, sink);
}

/** A cue as the span stage reads it. */
export interface CueContext {
  first: number;
  last: number;
  sentence: number;
  /** Its first lexicon word (else its first word): the lemma the span features use. */
  head: DocToken;
  /** The words around it, function words by form and others by POS. */
  next: number;
  nextName: string;
  prev: number;
  prevName: string;
  /** The rules' speaker phrases next to the cue (phrases.ts): the subject before it, the phrase after it. */
  subject: [number, number] | null;
  object: [number, number] | null;
  /** Subject of the sentence's first verb when that verb precedes the cue: the speaker of ", saying…",
   * "…and said", "who called for…". */
  mainSubject: [number, number] | null;
  /** The cue's form (CUE_FORM): 1 a gerund after a comma, 2 another gerund, 3 after "and", 0 otherwise. */
  form: number;
  /** Rule finds whose cue overlaps this cue: their speaker and contents as token ranges. */
  ruled: boolean;
  ruleSpeaker: [number, number] | null;
  ruleContent: [number, number][];
}

/** Values of `CueContext.form`. */
export const CUE_FORM = { other: 0, gerundAfterComma: 1, gerund: 2, afterAnd: 3 } as const;

const SIGNAL_WORDS = new Set([',', ':', '"', '“', '”', 'that', 'to', 'for', 'on', 'about', 'whether', 'if', 'by', 'the', 'a',
  'in', 'at', 'of', 'he', 'she', 'they', 'it', 'we', 'i', '.', 'and', 'with', 'as', 'his', 'her', 'their', 'what', 'how', 'this']);

/** The rules' reading of the cue: finds whose cue overlaps it. */
function ruleReading(view: DocView, first: number, last: number): Pick<CueContext, 'ruled' | 'ruleSpeaker' | 'ruleContent'> {
  const ts = view.tokens;
  const out: Pick<CueContext, 'ruled' | 'ruleSpeaker' | 'ruleContent'> = { ruled: false, ruleSpeaker: null, ruleContent: [] };
  for (const f of view.rules) {
    const c = f.attribution?.cue;
    if (!c || c.start >= ts[last].end || c.end <= ts[first].start) continue;
    out.ruled = true;
    const sp = f.attribution!.speaker;
    if (sp) out.ruleSpeaker = tokensOverlapping(ts, sp.start, sp.end);
    const r = tokensOverlapping(ts, f.content.start, f.content.end);
    if (r) out.ruleContent.push(r);
  }
  return out;
}

export function cueContext(view: DocView, first: number, last: number): CueContext {
  const ts = view.tokens;
  const si = ts[first].sentence;
  const s = view.sentences[si];
  let head = ts[first];
  for (let k = first; k <= last; k++) if (ts[k].lex) { head = ts[k]; break; }
  const side = (k: number): [number, string] => {
    const x = ts[k];
    if (!x || x.sentence !== si) return [BOUNDARY, S];
    return SIGNAL_WORDS.has(x.lower) ? [x.wh, x.lower] : [x.ph, x.pos];
  };
  const [next, nextName] = side(last + 1);
  const [prev, prevName] = side(first - 1);
  const words = view.words[si];
  const range = (r: { first: number; last: number } | null): [number, number] | null => (r ? [s.first + r.first, s.first + r.last] : null);
  const firstVerb = words.findIndex((w) => w.pos === 'VERB' || w.pos === 'AUX');
  const gerund = head.lower.endsWith('ing');
  const before = ts[first - 1];
  return {
    first, last, sentence: si, head, next, nextName, prev, prevName,
    subject: range(subjectBefore(words, first - s.first)),
    object: range(phraseAfter(words, last + 1 - s.first)),
    mainSubject: firstVerb > 0 && s.first + firstVerb < first ? range(subjectBefore(words, firstVerb)) : null,
    form: gerund && before?.text === ',' ? CUE_FORM.gerundAfterComma : gerund ? CUE_FORM.gerund : before?.lower === 'and' ? CUE_FORM.afterAnd : CUE_FORM.other,
    ...ruleReading(view, first, last),
  };
}

/** Distance buckets in words: near words are told apart one by one, far ones in widening bands. */
function distanceBucket(d: number): number {
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : d <= 15 ? 7 : d <= 25 ? 8 : d <= 40 ? 9 : 10;
}

/** What lies between a window token and the cue, counted once per window by `betweenCounts`. */
export interface Between {
  commas: number;
  quotes: number;
  that: number;
  verbs: number;
}

/** The counts' objects, reused from window to window: one object per window token per cue was a tenth of
 * the span stage's garbage. */
const betweenPool: Between[] = [];

/** Running counts of commas, quotation marks, "that" and verbs from the cue outwards, per window token
 * (`[i - from]`); the array and its objects are reused by the next call, so read them before it. */
export function betweenCounts(view: DocView, cue: CueContext, from: number, to: number): Between[] {
  const ts = view.tokens;
  while (betweenPool.length < to - from + 1) betweenPool.push({ commas: 0, quotes: 0, that: 0, verbs: 0 });
  const out = betweenPool;
  const set = (k: number, commas: number, quotes: number, that: number, verbs: number) => {
    const b = out[k - from];
    b.commas = commas;
    b.quotes = quotes;
    b.that = that;
    b.verbs = verbs;
  };
  const walk = (start: number, step: number, stop: number) => {
    let commas = 0, quotes = 0, that = 0, verbs = 0;
    for (let k = start; step > 0 ? k <= stop : k >= stop; k += step) {
      set(k, commas, quotes, that, verbs);
      const x = ts[k];
      if (x.lower === ',') commas++;
      if (x.quote >= 2) quotes++;
      if (x.lower === 'that') that++;
      if (x.pos === 'VERB' || x.pos === 'AUX') verbs++;
    }
  };
  walk(cue.last + 1, 1, to);
  walk(cue.first - 1, -1, from);
  for (let k = cue.first; k <= cue.last; k++) set(k, 0, 0, 0, 0);
  return out;
}

/** A window token's place relative to the cue: side, distance bucket, sentence offset, and their ids. */
interface Relation {
  after: number;
  d: number;
  so: number;
  /** Ids of (side, sentence offset) and (side, distance). */
  ds: number;
  dd: number;
  /** Their names, when explaining. */
  rel: string;
  reld: string;
}

/** One relation object, rewritten for each window token (its features read it at once). */
const scratchRelation: Relation = { after: 0, d: 0, so: 0, ds: 0, dd: 0, rel: '', reld: '' };

function relation(view: DocView, i: number, cue: CueContext, ex: boolean): Relation {
  const r = scratchRelation;
  r.after = i > cue.last ? 1 : 0;
  r.d = distanceBucket(r.after ? i - cue.last : cue.first - i);
  r.so = Math.max(-2, Math.min(3, view.tokens[i].sentence - cue.sentence));
  r.ds = mix(r.after, r.so);
  r.dd = mix(r.after + 2, r.d);
  const dir = r.after ? 'after' : 'before';
  r.rel = ex ? `${dir}|sent${r.so >= 0 ? '+' : ''}${r.so}` : '';
  r.reld = ex ? `${dir}|d${r.d}` : '';
  return r;
}

const R_BIAS = template('r:bias'), R_SOD = template('r:so|d'), R_SO = template('r:so'), R_COMMAS = template('r:so|commas');
const R_QUOTES = template('r:quotes'), R_THAT = template('r:that|so'), R_VERB = template('r:verb|so'), R_CUESO = template('r:cue|so');
const R_CUED = template('r:cue|d'), R_NEXT = template('r:next|d'), R_PREV = template('r:prev|d'), R_PCUE = template('r:p|cue');
const R_QNEXT = template('r:q|next'), R_EDGE = template('r:edge|so');

/** The relation alone and with the cue's identity and what lies between. */
function relationFeatures(view: DocView, i: number, cue: CueContext, b: Between, r: Relation, sink: FeatureSink): void {
  const t = view.tokens[i];
  const ex = sink.names !== null;
  const head = cue.head;
  const dir = r.after ? 'after' : 'before';
  const cq = view.tokens[cue.first].quote;
  sink.add(mix(R_BIAS, r.after), ex && `r:${dir}`);
  sink.add(mix3(R_SOD, r.ds, r.d), ex && `r:${r.rel}|d${r.d}`);
  sink.add(mix(R_SO, r.ds), ex && `r:${r.rel}`);
  sink.add(mix3(R_COMMAS, r.ds, Math.min(3, b.commas)), ex && `r:${r.rel}|commas${Math.min(3, b.commas)}`);
  sink.add(mix4(R_QUOTES, r.after, Math.min(2, b.quotes), t.quote * 8 + cq), ex && `r:${dir}|marks${Math.min(2, b.quotes)}|q${t.quote}|cueq${cq}`);
  sink.add(mix3(R_THAT, r.ds, Math.min(1, b.that)), ex && `r:${r.rel}|that${Math.min(1, b.that)}`);
  sink.add(mix3(R_VERB, r.ds, Math.min(2, b.verbs)), ex && `r:${r.rel}|verbs${Math.min(2, b.verbs)}`);
  sink.add(mix3(R_CUESO, head.lh, r.ds), ex && `r:cue=${head.lemma}|${r.rel}`);
  sink.add(mix3(R_CUED, head.lh, r.dd), ex && `r:cue=${head.lemma}|${r.reld}`);
  sink.add(mix3(R_NEXT, cue.next, r.dd), ex && `r:cue+1=${cue.nextName}|${r.reld}`);
  sink.add(mix3(R_PREV, cue.prev, r.dd), ex && `r:cue-1=${cue.prevName}|${r.reld}`);
  sink.add(mix4(R_PCUE, t.ph, head.lh, r.after), ex && `r:p=${t.pos}|cue=${head.lemma}|${dir}`);
  sink.add(mix4(R_QNEXT, t.quote, cue.next, r.after), ex && `r:q${t.quote}|cue+1=${cue.nextName}|${dir}`);
  const s = view.sentences[t.sentence];
  const edge = i === s.first ? 1 : i === s.last ? 2 : 0;
  if (edge) sink.add(mix3(R_EDGE, edge, r.ds), ex && `r:${edge === 1 ? 'first' : 'last'}|${r.rel}`);
}

const R_NP = template('r:np'), R_NPSO = template('r:np|so'), R_NPCUE = template('r:np|cue'), R_MAIN = template('r:main');
const R_MAINCUE = template('r:main|cue'), R_RULE = template('r:rule'), R_RULESO = template('r:rule|so'), R_RULEQ = template('r:rule|q');
const NP_NAMES = ['', 'subject-head', 'subject', 'object-head', 'object'];
const RULE_NAMES = ['none', 'speaker', 'content', 'outside'];

const inside = (r: [number, number] | null, i: number) => r !== null && i >= r[0] && i <= r[1];

/** The rules' phrases next to the cue and the rules' own reading of this cue. */
function phraseFeatures(view: DocView, i: number, cue: CueContext, r: Relation, sink: FeatureSink): void {
  const t = view.tokens[i];
  const ex = sink.names !== null;
  const head = cue.head;
  const np = inside(cue.subject, i) ? (i === cue.subject![1] ? 1 : 2) : inside(cue.object, i) ? (i === cue.object![1] ? 3 : 4) : 0;
  if (np) {
    sink.add(mix(R_NP, np), ex && `r:np=${NP_NAMES[np]}`);
    sink.add(mix3(R_NPSO, np, r.ds), ex && `r:np=${NP_NAMES[np]}|${r.rel}`);
    sink.add(mix3(R_NPCUE, np, head.lh), ex && `r:np=${NP_NAMES[np]}|cue=${head.lemma}`);
  }
  const main = inside(cue.mainSubject, i) ? (i === cue.mainSubject![1] ? 1 : 2) : 0;
  if (main) {
    sink.add(mix3(R_MAIN, main, cue.form), ex && `r:main=${main === 1 ? 'head' : 'inside'}|form${cue.form}`);
    sink.add(mix3(R_MAINCUE, main, head.lh), ex && `r:main=${main === 1 ? 'head' : 'inside'}|cue=${head.lemma}`);
  }
  const rc = !cue.ruled ? 0 : inside(cue.ruleSpeaker, i) ? 1 : cue.ruleContent.some((x) => inside(x, i)) ? 2 : 3;
  sink.add(mix(R_RULE, rc), ex && `r:rule=${RULE_NAMES[rc]}`);
  sink.add(mix3(R_RULESO, rc, r.ds), ex && `r:rule=${RULE_NAMES[rc]}|${r.rel}`);
  sink.add(mix3(R_RULEQ, rc * 16 + t.rule, t.quote), ex && `r:rule=${RULE_NAMES[rc]}|tok=${t.rule}|q${t.quote}`);
}

const C_WSO = template('c:w|so'), C_LSO = template('c:l|so'), C_PSO = template('c:p|so'), C_SHSO = template('c:sh|so');
const C_QSO = template('c:q|so'), C_P_1SO = template('c:p-1|so'), C_P1SO = template('c:p+1|so'), C_LEXSO = template('c:lex|so');
const C_WD = template('c:w|d'), C_PD = template('c:p|d'), C_QD = template('c:q|d'), C_PPD = template('c:pp|d');

/** The word's own observations conjoined with its side and sentence offset, or side and distance. */
function conjoinedFeatures(view: DocView, i: number, r: Relation, sink: FeatureSink): void {
  const ts = view.tokens;
  const t = ts[i];
  const s = view.sentences[t.sentence];
  const ex = sink.names !== null;
  const p1 = i > s.first ? ts[i - 1] : null;
  const n1 = i < s.last ? ts[i + 1] : null;
  sink.add(mix3(C_WSO, t.wh, r.ds), ex && `w=${t.lower}|${r.rel}`);
  sink.add(mix3(C_LSO, t.lh, r.ds), ex && `l=${t.lemma}|${r.rel}`);
  sink.add(mix3(C_PSO, t.ph, r.ds), ex && `p=${t.pos}|${r.rel}`);
  sink.add(mix3(C_SHSO, t.shh, r.ds), ex && `sh=${t.shape}|${r.rel}`);
  sink.add(mix3(C_QSO, t.quote, r.ds), ex && `q${t.quote}|${r.rel}`);
  sink.add(mix3(C_P_1SO, p1?.ph ?? BOUNDARY, r.ds), ex && `p-1=${p1?.pos ?? S}|${r.rel}`);
  sink.add(mix3(C_P1SO, n1?.ph ?? BOUNDARY, r.ds), ex && `p+1=${n1?.pos ?? S}|${r.rel}`);
  for (let b = 0; b < LEX_NAMES.length; b++) if (t.lex & (1 << b)) sink.add(mix3(C_LEXSO, b, r.ds), ex && `lex=${LEX_NAMES[b]}|${r.rel}`);
  sink.add(mix3(C_WD, t.wh, r.dd), ex && `w=${t.lower}|${r.reld}`);
  sink.add(mix3(C_PD, t.ph, r.dd), ex && `p=${t.pos}|${r.reld}`);
  sink.add(mix3(C_QD, t.quote, r.dd), ex && `q${t.quote}|${r.reld}`);
  sink.add(mix4(C_PPD, p1?.ph ?? BOUNDARY, t.ph, r.dd), ex && `p-1|p=${p1?.pos ?? S}|${t.pos}|${r.reld}`);
}

/** The span stage's features of window token `i` for `cue`. */
export function spanFeatures(view: DocView, i: number, cue: CueContext, between: Between, sink: FeatureSink): void {
  const r = relation(view, i, cue, sink.names !== null);
  relationFeatures(view, i, cue, between, r, sink);
  phraseFeatures(view, i, cue, r, sink);
  conjoinedFeatures(view, i, r, sink);
}

/** Token range of the span stage's window around a cue: the sentence before to three after, within the
 * cue's paragraph (on PolNeAR train this keeps 99% of content characters and 99.9% of sources). A cue that
 * ends its paragraph ("He added:") also reaches three sentences into the next one, where its quote is:
 * dev whole F1 +0.1 with the tagger trained before. */
export function spanWindow(view: DocView, cue: CueContext): [number, number] {
  const ss = view.sentences;
  const para = ss[cue.sentence].paragraph;
  let a = cue.sentence;
  while (a > 0 && a > cue.sentence - 1 && ss[a - 1].paragraph === para) a--;
  let b = cue.sentence;
  while (b + 1 < ss.length && b < cue.sentence + 3 && ss[b + 1].paragraph === para) b++;
  if (b === cue.sentence && b + 1 < ss.length && opensNext(view, cue)) {
    const next = ss[b + 1].paragraph;
    const stop = b + 3;
    while (b + 1 < ss.length && b < stop && ss[b + 1].paragraph === next) b++;
  }
  return [ss[a].first, ss[b].last];
}

/** Whether only punctuation follows the cue to its paragraph's end ("He said:" then a quoted paragraph). */
function opensNext(view: DocView, cue: CueContext): boolean {
  const ts = view.tokens;
  const s = view.sentences[cue.sentence];
  for (let k = cue.last + 1; k <= s.last; k++) if (ts[k].shape !== ':' && ts[k].shape !== '.' && ts[k].shape !== ',' && ts[k].shape !== '-' && ts[k].shape !== '—') return false;
  return true;
}
