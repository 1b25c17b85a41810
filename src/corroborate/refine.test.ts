// The refiners over every rule's findings: what each removes, and what it must leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Contradiction } from '../model/report.js';
import { eventScope, independentAmounts, oneFinding, spelling, unitsAndScale } from './refine.js';

const value = (v: string, sources: string[], evidence = `${v} things`) => ({ value: v, sources, independentSources: sources.length, evidence: [evidence] });
const ctx = {
  eventOf: (id: string) => (id.startsWith('x') ? 'e1' : 'e2'),
  neighbours: (a: string) => new Set(a === 'x1' ? ['x2'] : a === 'x2' ? ['x1'] : []),
};

test('event-scope: a date of one event against a date of another is dropped; within one event it stays', () => {
  const across: Contradiction = { kind: 'date', about: 'd', values: [value('2031-01-01', ['x1']), value('2031-02-01', ['y1'])] };
  const within: Contradiction = { kind: 'date', about: 'd', values: [value('2031-01-01', ['x1', 'y1']), value('2031-02-01', ['x3'])] };
  assert.deepEqual(eventScope.refine([across], ctx), []);
  const [kept] = eventScope.refine([within], ctx);
  assert.deepEqual(kept.values.map((v) => v.sources), [['x1'], ['x3']], 'the other event’s source leaves the value');
});

test('units-and-scale: one figure in two units, or with and without its scale, is no disagreement', () => {
  const units: Contradiction = { kind: 'number', about: 'n', values: [value('1,500', ['x1'], 'a 1,500 square feet home'), value('139', ['x2'], 'a 139 square metres home')] };
  const scale: Contradiction = { kind: 'number', about: 'n', values: [value('$2.6 million', ['x1']), value('$2.6', ['x2'])] };
  const real: Contradiction = { kind: 'number', about: 'n', values: [value('1,500', ['x1'], 'a 1,500 square feet home'), value('300', ['x2'], 'a 300 square metres home')] };
  assert.deepEqual(unitsAndScale.refine([units, scale, real], ctx), [real]);
});

test('independent-amounts: a stat line between independent articles is dropped, between copies kept', () => {
  const stat = (a: string, b: string): Contradiction => ({ kind: 'number', about: 'n', values: [value('22', [a], 'Kell had 22 points, 9 rebounds and 4 assists.'), value('25', [b], 'Kell had 25 points, 16 rebounds and 3 blocks.')] });
  assert.deepEqual(independentAmounts.refine([stat('x1', 'x3')], ctx), []);
  assert.equal(independentAmounts.refine([stat('x1', 'x2')], ctx).length, 1);
  const prior: Contradiction = { kind: 'number', about: 'n', values: [value('four', ['x1'], 'Gray had four prior arrests.'), value('three', ['x3'], 'Gray had been arrested three times.')] };
  const reported: Contradiction = { kind: 'number', about: 'n', values: [value('80,000', ['x1'], 'Vessa said it would recall 80,000 scooters.'), value('60,000', ['x3'], 'Vessa is recalling 60,000 scooters.')] };
  assert.deepEqual(independentAmounts.refine([prior, reported], ctx), [reported], 'another time is dropped; reported speech of the event is not');
});

test('spelling and one-finding: spellings of one name are one value; a fact slot replaces the sentence rule’s twin', () => {
  const names: Contradiction = { kind: 'name', about: 'n', values: [value('José Ruiz', ['x1']), value('Jose Ruiz', ['x2'])] };
  assert.deepEqual(spelling.refine([names], ctx), []);
  const fact: Contradiction = { kind: 'number', about: 'people killed', rule: 'fact:toll', values: [value('3', ['x1']), value('5', ['x3'])] };
  const sentence: Contradiction = { kind: 'number', about: 'number of people', rule: 'sentence:number', values: [value('3', ['x1']), value('5', ['x3'])] };
  assert.deepEqual(oneFinding.refine([fact, sentence], ctx), [fact]);
  // Two articles on one side of the fact slot that disagree about something else: another finding, kept.
  const gun: Contradiction = { kind: 'number', about: 'calibre of the gun', rule: 'fact:calibre', values: [value('.357', ['x1', 'x2']), value('.38', ['x3'])] };
  const arrests: Contradiction = { kind: 'number', about: 'figure', rule: 'sentence:number', values: [value('four times', ['x1']), value('three times', ['x2'])] };
  assert.deepEqual(oneFinding.refine([gun, arrests], ctx), [gun, arrests]);
});
