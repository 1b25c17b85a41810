import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readyFromText } from '../../../../test/fixtures/entities/ready.js';
import { extractEntities } from '../../entities/index.js';
import { extractQuotes } from '../index.js';
import { featureHash } from './features.js';
import { article, marked, TRAINING_TEXTS } from './fixture.js';
import { MODEL_FORMAT, modelLoaded, parseModel, serializeModel } from './model-file.js';
import { tagCues } from './tagger.js';
import { labelled, trainTagger } from './training.js';
import { docView } from './view.js';

// First in this file (each test file runs in its own process): nothing has read the model yet.
test('the committed model is read lazily: not on import, on the first extraction that needs it', () => {
  assert.equal(modelLoaded(), false);
  const a = readyFromText('t', 'Anna Brandt said the bridge would reopen in May.\n');
  extractQuotes(a, extractEntities(a), { model: false });
  assert.equal(modelLoaded(), false, 'rules alone do not read it');
  extractQuotes(a, extractEntities(a));
  assert.equal(modelLoaded(), true);
});

const trained = () => trainTagger(TRAINING_TEXTS.map((t) => marked(t)).map(({ text, gold }) => labelled(article(text), gold)),
  { cueEpochs: 4, spanEpochs: 4, seed: 1 }).model;

/** The file's header line, rewritten. */
function withHeader(bytes: Buffer, edit: (h: Record<string, unknown>) => void): Buffer {
  const body = gunzipSync(bytes);
  const nl = body.indexOf(10);
  const header = JSON.parse(body.subarray(0, nl).toString('utf8'));
  edit(header);
  return gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body.subarray(nl + 1)]));
}

test('a model survives the file: the same cues before and after, with its floor and feature hash', () => {
  const model = { ...trained(), minCueConfidence: 3.5 };
  const loaded = parseModel(serializeModel(model, { seed: 1 }));
  assert.equal(loaded.minCueConfidence, 3.5);
  assert.equal(loaded.featureHash, featureHash());
  const view = docView(article('Sofia Lind bemoaned that the harbor was empty.\nKarl Ness said the tide was high.\n'));
  const strip = (cs: ReturnType<typeof tagCues>) => cs.map((c) => [c.first, c.last]);
  assert.deepEqual(strip(tagCues(view, loaded)), strip(tagCues(view, model)));
});

test('a model of another format or feature hash is refused with the command that rebuilds it', () => {
  const bytes = serializeModel({ ...trained(), minCueConfidence: 0 }, {});
  assert.throws(() => parseModel(withHeader(bytes, (h) => { h.format = MODEL_FORMAT + 1; }), featureHash(), 'weights.bin.gz'),
    new RegExp(`weights\\.bin\\.gz has format ${MODEL_FORMAT + 1}, this code reads format ${MODEL_FORMAT}: rebuild it with \`npm run train:quotes\``));
  assert.throws(() => parseModel(withHeader(bytes, (h) => { h.featureHash = '0123456789abcdef'; })),
    /trained on features 0123456789abcdef, the code computes features [0-9a-f]{16}: rebuild it with `npm run train:quotes`/);
  assert.throws(() => parseModel(bytes, 'ffffffffffffffff'), /the code computes features ffffffffffffffff/);
});
