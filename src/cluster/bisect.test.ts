// Event bisection: two fictional sub-events whose leads differ split; a homogeneous event does not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bisectEvent, type BisectOptions, type UnitCounts } from './bisect.js';

const OPTS: BisectOptions = { weights: { terms: 1, entities: 0, numbers: 0 }, minDf: 2, maxShare: 0.75, minSide: 2, threshold: 0.6, maxUnits: 300, depth: 2, lead: true, signatureShare: 0.67 };

const unit = (words: string): UnitCounts => {
  const terms = new Map<string, number>();
  for (const w of words.split(' ')) terms.set(w, (terms.get(w) ?? 0) + 1);
  return { terms, entities: new Map(), numbers: new Map() };
};

test('two sub-events with their own lead words are split, members kept together', () => {
  const units = [
    unit('halvik levee breach flood river homes mayor'),
    unit('halvik hospital reopen ceremony levee rebuilt'),
    unit('halvik levee breach flood soldiers homes'),
    unit('halvik hospital reopen rebuilt residents'),
  ];
  const groups = bisectEvent(units, OPTS).map((g) => g.sort().join(',')).sort();
  assert.deepEqual(groups, ['0,2', '1,3']);
});
