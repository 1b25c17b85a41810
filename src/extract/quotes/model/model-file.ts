// The quote tagger's model file: gzip of one JSON header line (format, feature hash, labels, training
// facts) followed by each stage's feature ids (uint32) and weights (int8, one scale per stage). Loaded
// lazily on first use; a file of another format or feature hash is refused with the command that rebuilds it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { featureHash } from './features.js';
import { PackedWeights, type Scorer, type WeightTable } from './perceptron.js';
import { CUE_SCHEME, SPAN_SCHEME, type QuoteModel } from './tagger.js';

export const MODEL_FORMAT = 2;
export const MODEL_PATH = fileURLToPath(new URL('./weights.bin.gz', import.meta.url));

/** A feature whose every averaged weight is at most this (in perceptron updates) is left out of the file:
 * it halves the tables (cue 339k → 170k rows, span 170k → 111k), and with them the tagger's time, for
 * the same dev whole F1 (rules + tagger 72.5; dropping up to 2 cost 0.6 points of precision). */
export const MIN_ROW_WEIGHT = 1;

interface StageHeader {
  name: 'cue' | 'span';
  labels: string[];
  rows: number;
  scale: number;
  trans: number[];
}

interface Header {
  format: number;
  featureHash: string;
  minCueConfidence: number;
  stages: StageHeader[];
  trained: Record<string, number | string>;
}

function stageBytes(name: 'cue' | 'span', table: WeightTable, labels: string[]): { header: StageHeader; keys: Buffer; weights: Buffer } {
  const L = table.L;
  const w = table.planes[0];
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
  const scale = max > 0 ? max / 127 : 1;

  const slots: number[] = [];
  for (let s = 0; s < table.keys.length; s++) {
    if (table.keys[s] === 0) continue;
    let keep = false;
    for (let l = 0; l < L; l++) if (Math.abs(w[s * L + l]) > MIN_ROW_WEIGHT && Math.round(w[s * L + l] / scale) !== 0) keep = true;
    if (keep) slots.push(s);
  }
  // Sorted ids: the file is the same for the same weights, whatever the table's insertion history.
  slots.sort((a, b) => table.keys[a] - table.keys[b]);
  const keys = new Uint32Array(slots.length);
  const q = new Int8Array(slots.length * L);
  slots.forEach((s, i) => {
    keys[i] = table.keys[s];
    for (let l = 0; l < L; l++) q[i * L + l] = Math.round(w[s * L + l] / scale);
  });
  return {
    header: { name, labels, rows: slots.length, scale, trans: [...table.trans].map((x) => (Number.isFinite(x) ? x : 0)) },
    keys: Buffer.from(keys.buffer), weights: Buffer.from(q.buffer),
  };
}

/** A model as training holds it: its tables are still WeightTables. */
export type TrainedModel = Omit<QuoteModel, 'cue' | 'span'> & { cue: WeightTable; span: WeightTable };

export function serializeModel(model: TrainedModel, trained: Record<string, number | string>): Buffer {
  const stages = [stageBytes('cue', model.cue, CUE_SCHEME.labels), stageBytes('span', model.span, SPAN_SCHEME.labels)];
  const header: Header = { format: MODEL_FORMAT, featureHash: model.featureHash, minCueConfidence: model.minCueConfidence, stages: stages.map((s) => s.header), trained };
  const parts: Uint8Array[] = [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8')];
  for (const s of stages) parts.push(s.keys, s.weights);
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

function stageTable(h: StageHeader, body: Buffer, offset: number): { table: PackedWeights; next: number } {
  const L = h.labels.length;
  const table = new PackedWeights(L, h.rows, h.scale);
  const keys = new Uint32Array(body.buffer.slice(body.byteOffset + offset, body.byteOffset + offset + h.rows * 4));
  offset += h.rows * 4;
  const q = new Int8Array(body.buffer.slice(body.byteOffset + offset, body.byteOffset + offset + h.rows * L));
  offset += h.rows * L;
  for (let i = 0; i < h.rows; i++) table.put(keys[i], q.subarray(i * L, (i + 1) * L));
  table.trans.set(h.trans);
  return { table, next: offset };
}

const REBUILD = 'rebuild it with `npm run train:quotes`';

/** The model in `bytes`; throws when its format, feature hash or labels are not this code's. */
export function parseModel(bytes: Buffer, expectedHash = featureHash(), path = MODEL_PATH): QuoteModel {
  const body = gunzipSync(bytes);
  const nl = body.indexOf(10);
  const header = JSON.parse(body.subarray(0, nl).toString('utf8')) as Header;
  if (header.format !== MODEL_FORMAT) {
    throw new Error(`quote tagger model ${path} has format ${header.format}, this code reads format ${MODEL_FORMAT}: ${REBUILD}`);
  }
  if (header.featureHash !== expectedHash) {
    throw new Error(`quote tagger model ${path} was trained on features ${header.featureHash}, the code computes features ${expectedHash}: ${REBUILD}`);
  }
  const tables: Partial<Record<'cue' | 'span', Scorer>> = {};
  let offset = nl + 1;
  for (const h of header.stages) {
    const want = h.name === 'cue' ? CUE_SCHEME.labels : SPAN_SCHEME.labels;
    if (h.labels.join() !== want.join()) throw new Error(`quote tagger model ${path}: ${h.name} labels ${h.labels.join()} differ from ${want.join()}: ${REBUILD}`);
    const { table, next } = stageTable(h, body, offset);
    tables[h.name] = table;
    offset = next;
  }
  if (!tables.cue || !tables.span) throw new Error(`quote tagger model ${path} lacks a stage: ${REBUILD}`);
  return { featureHash: header.featureHash, cue: tables.cue, span: tables.span, minCueConfidence: header.minCueConfidence };
}

let loaded: QuoteModel | null = null;

/** The committed model, read on first use. */
export function quoteModel(): QuoteModel {
  if (!loaded) loaded = parseModel(readFileSync(MODEL_PATH));
  return loaded;
}

/** Whether `quoteModel()` has read the file yet (the lazy-load test). */
export function modelLoaded(): boolean {
  return loaded !== null;
}
