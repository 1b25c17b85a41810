import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributionsOf, emptyScores, parseAnn, prf, scoreDoc, type Attr } from './polnear.js';

// Written for this test in PolNeAR's brat layout: a discontinuous content, and an attribution with no source.
const ANN = [
  'T1\tSource 0 11\tAnna Brandt',
  'T2\tCue 12 16\tsaid',
  'T3\tContent 17 27;40 50\tthe bridge … would open',
  'T4\tAttribution 12 16\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tCue 60 66\tseemed',
  'T6\tContent 52 59\tthe mayor',
  'T7\tAttribution 60 66\tseemed',
  'E2\tAttribution:T7 Content:T6 Cue:T5',
].join('\n');

test('brat attributions: fragments kept, a missing source is null', () => {
  assert.deepEqual(parseAnn(ANN), [
    { source: [[0, 11]], cue: [[12, 16]], content: [[17, 27], [40, 50]] },
    { source: null, cue: [[60, 66]], content: [[52, 59]] },
  ]);
});

test('whole matching needs every part to overlap, and no source where gold has none', () => {
  const gold = parseAnn(ANN);
  const pred: Attr[] = [
    { source: [[5, 11]], cue: [[12, 16]], content: [[42, 45]] },
    { source: [[52, 55]], cue: [[60, 66]], content: [[56, 59]] },
  ];
  const s = emptyScores();
  scoreDoc(gold, pred, s);
  assert.deepEqual(s.whole, { tp: 1, gold: 2, pred: 2 });
  assert.deepEqual(s.cue, { tp: 2, gold: 2, pred: 2 });
  assert.deepEqual(s.source, { tp: 1, gold: 1, pred: 2 });
  assert.equal(prf(s.whole).f, 0.5);
});

test('mentions sharing a cue are one predicted attribution with fragment contents', () => {
  const cue = { start: 12, end: 16 };
  const attrs = attributionsOf([
    { cue, speakerSpan: { start: 0, end: 11 }, content: { start: 17, end: 27 } },
    { cue, speakerSpan: { start: 0, end: 11 }, content: { start: 40, end: 50 } },
    { cue: null, speakerSpan: null, content: { start: 70, end: 99 } },
  ]);
  assert.deepEqual(attrs, [
    { cue: [[12, 16]], source: [[0, 11]], content: [[17, 27], [40, 50]] },
    { cue: null, source: null, content: [[70, 99]] },
  ]);
});
