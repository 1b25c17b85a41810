// Averaged structured perceptron over label sequences (Collins 2002): a weight table keyed by 32-bit
// feature ids (open addressing, no collisions below the full id), first-order Viterbi with allowed
// transitions and forced labels, and training with lazy averaging (average = w − u / c).

/** Labels of one stage and which may follow which; `allowed[prev * L + cur]`, prev = L at the start. */
export interface LabelScheme {
  labels: string[];
  allowed: Uint8Array;
}

/** O, then B-x and I-x per type; I-x only after B-x or I-x. */
export function bioScheme(types: string[]): LabelScheme {
  const labels = ['O', ...types.flatMap((t) => [`B-${t}`, `I-${t}`])];
  const L = labels.length;
  const allowed = new Uint8Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    for (let cur = 0; cur < L; cur++) {
      const inside = cur > 0 && cur % 2 === 0;
      allowed[prev * L + cur] = !inside || (prev < L && prev > 0 && Math.ceil(prev / 2) === cur / 2) ? 1 : 0;
    }
  }
  return { labels, allowed };
}

/** Feature ids of a sequence, flat, with `offsets[t]..offsets[t+1]` the ids of position t. */
export interface FeatureSeq {
  ids: ArrayLike<number>;
  offsets: ArrayLike<number>;
  /** Positions, when `offsets` is a longer buffer (else `offsets.length - 1`). */
  positions?: number;
}

/** Positions of a sequence. */
export function positionsOf(seq: FeatureSeq): number {
  return seq.positions ?? seq.offsets.length - 1;
}

/** What decoding needs of a weight table. */
export interface Scorer {
  readonly L: number;
  trans: Float64Array;
  emissions(seq: FeatureSeq, out: Float64Array): void;
  /** Weight of a feature for a label; only its difference from O's is meaningful (a packed table stores
   * rows relative to O). */
  weight(key: number, label: number): number;
}

/** Training-time weights: keys and Float64 planes apart, so running sums can sit beside the weights. */
export class WeightTable implements Scorer {
  readonly L: number;
  keys: Uint32Array;
  /** planes[0] holds the weights (slot * L + label); training adds its running sums as planes[1]. */
  planes: Float64Array[];
  /** Transition weights (prev * L + cur, prev = L at the start). */
  trans: Float64Array;
  size = 0;

  constructor(L: number, capacity = 1 << 12, planes = 1) {
    this.L = L;
    this.keys = new Uint32Array(capacity);
    this.planes = Array.from({ length: planes }, () => new Float64Array(capacity * L));
    this.trans = new Float64Array((L + 1) * L);
  }

  find(key: number): number {
    const mask = this.keys.length - 1;
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = this.keys[s];
      if (k === key) return s;
      if (k === 0) return -1;
      s = (s + 1) & mask;
    }
  }

  insert(key: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = this.keys[s];
      if (k === key) return s;
      if (k === 0) {
        this.keys[s] = key;
        this.size++;
        return s;
      }
      s = (s + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldPlanes = this.planes;
    const L = this.L;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.planes = oldPlanes.map(() => new Float64Array(this.keys.length * L));
    this.size = 0;
    for (let s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] === 0) continue;
      const to = this.insert(oldKeys[s]);
      for (let p = 0; p < oldPlanes.length; p++) for (let l = 0; l < L; l++) this.planes[p][to * L + l] = oldPlanes[p][s * L + l];
    }
  }

  /** Emission scores of every position into `out` (t * L + label). */
  emissions(seq: FeatureSeq, out: Float64Array): void {
    const L = this.L;
    const w = this.planes[0];
    const T = positionsOf(seq);
    out.fill(0, 0, T * L);
    const { ids, offsets } = seq;
    for (let t = 0; t < T; t++) {
      for (let k = offsets[t]; k < offsets[t + 1]; k++) {
        const s = this.find(ids[k]);
        if (s < 0) continue;
        for (let l = 0; l < L; l++) out[t * L + l] += w[s * L + l];
      }
    }
  }

  /** Weight of one feature for one label (0 when unseen). */
  weight(key: number, label: number): number {
    const s = this.find(key);
    return s < 0 ? 0 : this.planes[0][s * this.L + label];
  }
}

/** Inference-time weights: each slot holds its feature id and its weights side by side, so a lookup
 * touches one cache line instead of a key array and a weight array. The random access per feature is most
 * of the tagger's time, so the table's size is its speed: 8 bytes a slot for the cue stage, 12 for the
 * span stage (int8 weights in the file cost no dev F1 against float weights). Each row is stored relative
 * to its O weight, as int16 (the difference of two int8 needs nine bits): adding one number to every
 * label of a position changes neither the best sequence nor a cue's margin over O, and O's emission is
 * then always 0, so a lookup adds L − 1 weights instead of L. */
export class PackedWeights implements Scorer {
  readonly L: number;
  readonly scale: number;
  /** Int32 words per slot: the id, then the L − 1 int16 weights two to a word. */
  readonly stride: number;
  readonly mask: number;
  readonly keys: Uint32Array;
  readonly diffs: Int16Array;
  trans: Float64Array;

  constructor(L: number, rows: number, scale: number) {
    this.L = L;
    this.scale = scale;
    this.stride = 1 + Math.ceil((L - 1) / 2);
    let capacity = 1024;
    // Load factor at most 3/4: short probe runs in a small table.
    while (capacity * 3 < rows * 4) capacity *= 2;
    this.mask = capacity - 1;
    this.keys = new Uint32Array(capacity * this.stride);
    this.diffs = new Int16Array(this.keys.buffer);
    this.trans = new Float64Array((L + 1) * L);
  }

  /** Adds a row of int8 weights, O's first (ids are distinct). */
  put(key: number, weights: ArrayLike<number>): void {
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    while (this.keys[s * this.stride] !== 0) s = (s + 1) & this.mask;
    this.keys[s * this.stride] = key;
    for (let l = 1; l < this.L; l++) this.diffs[(s * this.stride + 1) * 2 + l - 1] = weights[l] - weights[0];
  }

  /** Int16 offset of a feature's first weight (label 1), or −1. */
  private at(key: number): number {
    const { keys, stride, mask } = this;
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    for (;;) {
      const k = keys[s * stride];
      if (k === key) return (s * stride + 1) * 2;
      if (k === 0) return -1;
      s = (s + 1) & mask;
    }
  }

  emissions(seq: FeatureSeq, out: Float64Array): void {
    const { L, diffs, scale } = this;
    const T = positionsOf(seq);
    out.fill(0, 0, T * L);
    const { ids, offsets } = seq;
    for (let t = 0; t < T; t++) {
      const row = t * L;
      for (let k = offsets[t]; k < offsets[t + 1]; k++) {
        const o = this.at(ids[k]) - 1;
        if (o < -1) continue;
        for (let l = 1; l < L; l++) out[row + l] += diffs[o + l];
      }
      for (let l = 1; l < L; l++) out[row + l] *= scale;
    }
  }

  /** Weight of one feature for one label relative to O's (so 0 for O and for an unseen feature). */
  weight(key: number, label: number): number {
    const o = this.at(key);
    return o < 0 || label === 0 ? 0 : this.diffs[o + label - 1] * this.scale;
  }
}

/** Viterbi's lattice, reused between calls. */
let lattice = { score: new Float64Array(1 << 12), back: new Int8Array(1 << 12) };

/** Best label sequence under emissions, transitions, the scheme and `forced` labels (−1 = free). */
export function viterbi(em: Float64Array, T: number, table: Scorer, scheme: LabelScheme, forced: Int8Array | null): Int8Array {
  const L = table.L;
  if (lattice.score.length < T * L) lattice = { score: new Float64Array(T * L * 2), back: new Int8Array(T * L * 2) };
  const { score, back } = lattice;
  const { allowed } = scheme;
  const tr = table.trans;
  for (let t = 0; t < T; t++) {
    for (let cur = 0; cur < L; cur++) {
      const i = t * L + cur;
      if (forced && forced[t] >= 0 && forced[t] !== cur) { score[i] = -Infinity; continue; }
      if (t === 0) {
        score[i] = allowed[L * L + cur] ? em[i] + tr[L * L + cur] : -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let prev = 0; prev < L; prev++) {
        if (!allowed[prev * L + cur]) continue;
        const v = score[(t - 1) * L + prev] + tr[prev * L + cur];
        if (v > best) { best = v; arg = prev; }
      }
      score[i] = best + em[i];
      back[i] = arg;
    }
  }
  const out = new Int8Array(T);
  if (T === 0) return out;
  let arg = 0;
  for (let l = 1; l < L; l++) if (score[(T - 1) * L + l] > score[(T - 1) * L + arg]) arg = l;
  for (let t = T - 1; t >= 0; t--) {
    out[t] = arg;
    arg = back[t * L + arg];
  }
  return out;
}

/** Perceptron training of one table: decode, and on a mistake move weights toward the gold labels. */
export class Trainer {
  readonly table: WeightTable;
  private readonly uTrans: Float64Array;
  /** Examples seen + 1: the averaging clock. */
  private c = 1;
  private em = new Float64Array(1024);

  constructor(readonly scheme: LabelScheme) {
    const L = scheme.labels.length;
    this.table = new WeightTable(L, 1 << 16, 2);
    this.uTrans = new Float64Array((L + 1) * L);
  }

  private bump(key: number, label: number, delta: number): void {
    const t = this.table;
    const s = t.insert(key);
    t.planes[0][s * t.L + label] += delta;
    t.planes[1][s * t.L + label] += this.c * delta;
  }

  private bumpTrans(i: number, delta: number): void {
    this.table.trans[i] += delta;
    this.uTrans[i] += this.c * delta;
  }

  /** One example; returns the number of positions decoded wrong. `cost[g]`, when given, is added to
   * every wrong label's score at a position whose gold label is g before decoding (loss-augmented
   * decoding: the weights must beat the gold labels by that margin, not merely by zero). */
  learn(seq: FeatureSeq, gold: Int8Array, forced: Int8Array | null, cost: ArrayLike<number> | null = null): number {
    const L = this.table.L;
    const T = gold.length;
    if (this.em.length < T * L) this.em = new Float64Array(T * L * 2);
    this.table.emissions(seq, this.em);
    if (cost) for (let t = 0; t < T; t++) for (let l = 0; l < L; l++) if (l !== gold[t]) this.em[t * L + l] += cost[gold[t]];
    const pred = viterbi(this.em, T, this.table, this.scheme, forced);
    let wrong = 0;
    for (let t = 0; t < T; t++) {
      const g = gold[t];
      const p = pred[t];
      if (g !== p) {
        wrong++;
        for (let k = seq.offsets[t]; k < seq.offsets[t + 1]; k++) {
          this.bump(seq.ids[k], g, 1);
          this.bump(seq.ids[k], p, -1);
        }
      }
      const gp = t === 0 ? L : gold[t - 1];
      const pp = t === 0 ? L : pred[t - 1];
      if (g !== p || gp !== pp) {
        this.bumpTrans(gp * L + g, 1);
        this.bumpTrans(pp * L + p, -1);
      }
    }
    this.c++;
    return wrong;
  }

  /** The averaged weights as a one-plane table. */
  averaged(): WeightTable {
    const src = this.table;
    const L = src.L;
    const out = new WeightTable(L, src.keys.length, 1);
    out.keys.set(src.keys);
    out.size = src.size;
    const [w, u] = src.planes;
    for (let i = 0; i < w.length; i++) out.planes[0][i] = w[i] - u[i] / this.c;
    for (let i = 0; i < out.trans.length; i++) out.trans[i] = src.trans[i] - this.uTrans[i] / this.c;
    return out;
  }
}
