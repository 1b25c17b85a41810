// Event bisection must not fire on a homogeneous event, on too few units, or on a lone outlier.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bisectEvent, type BisectOptions, type UnitCounts } from './bisect.js';

const OPTS: BisectOptions = { weights: { terms: 1, entities: 0, numbers: 0 }, minDf: 2, maxShare: 0.75, minSide: 2, threshold: 0.6, maxUnits: 300, depth: 2, lead: true, signatureShare: 0.67 };

const unit = (words: string): UnitCounts => {
  const terms = new Map<string, number>();
  for (const w of words.split(' ')) terms.set(w, (terms.get(w) ?? 0) + 1);
  return { terms, entities: new Map(), numbers: new Map() };
};

test('a homogeneous event stays whole', () => {
  const units = [
    unit('kelmora quake granary rescue toll'),
    unit('kelmora quake rescue survivors granary'),
    unit('kelmora quake aftershock granary toll'),
    unit('kelmora quake rescue toll aftershock'),
  ];
  assert.equal(bisectEvent(units, OPTS).length, 1);
});

test('three units cannot give two sides of two; one outlier does not split', () => {
  assert.equal(bisectEvent([unit('a b c'), unit('a b c'), unit('x y z')], OPTS).length, 1);
  const units = [unit('chess final rook'), unit('chess final rook'), unit('chess final rook'), unit('flood levee river')];
  assert.equal(bisectEvent(units, OPTS).length, 1);
});
