// Compatible cases the frame, title-figure and wording passes must stay silent on (fictional articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborateStory } from './index.js';
import { article, reuseOf } from '../../test/fixtures/corroborate/build.js';
import { titleFigures } from './rules/headline.js';

const independent = (...ids: string[]) => reuseOf(ids.map((id) => [id]));
const run = (...as: ReturnType<typeof article>[]) => corroborateStory(as, independent(...as.map((a) => a.id)), [], 'x');
const terminal = (text: string) => [text, 'Lomar ferry terminal', 'other'] as [string, string, 'other'];

test('date frame: dates of different predicates about one participant are different events', () => {
  const a = article({ id: 'a', body: 'The Lomar ferry terminal closed on Friday, June 6, after heavy fog.', entities: [terminal('Lomar ferry terminal')], dates: [['Friday, June 6', '2031-06-06']] });
  const b = article({
    id: 'b',
    body: 'Harbour staff at the Lomar ferry terminal said a spare gangway would arrive from Kessel on June 19.',
    entities: [terminal('Lomar ferry terminal'), ['Kessel', 'Kessel', 'place']],
    dates: [['June 19', '2031-06-19']],
  });
  assert.deepEqual(run(a, b).contradictions, []);
  // …nor are they one claim: they share names and the topic, not the statement.
  assert.ok(run(a, b).claims.every((c) => c.sources.length === 1));
});

test('date frame: an article that states both days knows of two events', () => {
  const a = article({ id: 'a', body: 'The Lomar ferry terminal closed on Friday, June 6, after heavy fog.', entities: [terminal('Lomar ferry terminal')], dates: [['Friday, June 6', '2031-06-06']] });
  const b = article({
    id: 'b',
    body: 'The Lomar ferry terminal closed on Saturday, June 7, when the fog returned. It had first shut on June 6 for a safety drill.',
    entities: [terminal('Lomar ferry terminal')],
    dates: [['Saturday, June 7', '2031-06-07'], ['June 6', '2031-06-06']],
  });
  assert.deepEqual(run(a, b).contradictions.filter((c) => c.kind === 'date'), []);
});

test('date frame: a far verb of another clause is not the date’s predicate', () => {
  const a = article({ id: 'a', body: 'Lomar ferry terminal staff will vote on the new rota, the union announced on June 2.', entities: [terminal('Lomar ferry terminal')], dates: [['June 2', '2031-06-02']] });
  const b = article({ id: 'b', body: 'Staff at the Lomar ferry terminal will vote on the new rota on June 20.', entities: [terminal('Lomar ferry terminal')], dates: [['June 20', '2031-06-20']] });
  assert.deepEqual(run(a, b).contradictions.filter((c) => c.kind === 'date'), []);
});

test('number frame: a unit counted for several things in one article (stats) is not compared', () => {
  const a = article({ id: 'a', body: 'Ivo Kell scored 22 points as Marrow beat Tallis on Friday night.', entities: [['Ivo Kell', 'Ivo Kell', 'person']], quantities: [['22 points', { value: 22, min: 22, max: 22, unit: 'points' }]] });
  const b = article({
    id: 'b',
    body: 'In the second half Kell scored 14 points in six minutes. He has 310 points this season.',
    entities: [['Kell', 'Ivo Kell', 'person']],
    quantities: [['14 points', { value: 14, min: 14, max: 14, unit: 'points' }], ['310 points', { value: 310, min: 310, max: 310, unit: 'points' }]],
  });
  assert.deepEqual(run(a, b).contradictions.filter((c) => c.kind === 'number' || c.kind === 'quantity'), []);
});

test('number frame: a compatible vague amount and a figure the other article also gives are not conflicts', () => {
  const a = article({ id: 'a', body: 'Vessa will recall 12,000 scooters sold in Asia.', entities: [['Vessa', 'Vessa', 'organization']], quantities: [['12,000 scooters', { value: 12000, min: 12000, max: 12000, unit: 'scooters' }]] });
  const b = article({ id: 'b', body: 'Vessa is recalling about 12,500 scooters after brake faults.', entities: [['Vessa', 'Vessa', 'organization']], quantities: [['about 12,500 scooters', { value: 12500, approx: true, unit: 'scooters' }]] });
  assert.deepEqual(run(a, b).contradictions, []);
});

test('headline figures: a compatible or rounded title, years and money are not compared', () => {
  const body = 'Vessa said on Monday it would recall 12,000 scooters sold in Asia.';
  const q: [string, object][] = [['12,000 scooters', { value: 12000, min: 12000, max: 12000, unit: 'scooters' }]];
  for (const title of ['Vessa recalls 12,000 scooters', 'Vessa to recall scooters sold since 2029', 'Vessa recall to cost $12 million']) {
    const a = article({ id: 'a', title, body, quantities: q as never });
    assert.deepEqual(run(a).contradictions, [], title);
  }
  assert.deepEqual(titleFigures('Scooters sold in 2029 recalled'), []);
  assert.deepEqual(titleFigures('Recall to cost $12 million'), []);
  assert.deepEqual(titleFigures('Sales fell 12% in May'), []);
});

test('headline figures: a running total with a compatible body figure is not a conflict', () => {
  const a = article({
    id: 'a',
    title: 'Flood toll rises to 30 victims in Marrow valley',
    body: 'Twelve victims were found on Monday. By Thursday the valley had counted 30 victims, the flood office said.',
    quantities: [['Twelve victims', { value: 12, min: 12, max: 12, unit: 'victims' }], ['30 victims', { value: 30, min: 30, max: 30, unit: 'victims' }]],
  });
  assert.deepEqual(run(a).contradictions, []);
});

test('name wording pass: weekdays, titles and the same name written two ways are not swaps', () => {
  const pairs = [
    ['Rosa Quintel signed the harbour lease on Tuesday in the old customs house.', 'Rosa Quintel signed the harbour lease on Wednesday in the old customs house.'],
    ['President Rosa Quintel signed the harbour lease in the old customs house.', 'Senator Rosa Quintel signed the harbour lease in the old customs house.'],
    ['R. Quintel signed the harbour lease on Tuesday in the old customs house.', 'Rosa Quintel signed the harbour lease on Tuesday in the old customs house.'],
  ];
  for (const [x, y] of pairs) {
    const r = run(article({ id: 'a', body: x }), article({ id: 'b', body: y }));
    assert.deepEqual(r.contradictions.filter((c) => c.kind === 'name'), [], `${x} / ${y}`);
  }
});

test('quote sentence pass: figures spelled two ways, contractions and names inside quotes are not re-wordings', () => {
  const pairs = [
    ['“We took this 11th hour decision to protect every rider on the road,” a Vessa engineer said.', '“We took this eleventh hour decision to protect every rider on the road,” a Vessa engineer said.'],
    ['“It is the right call for every rider on the road,” a Vessa engineer said on Monday.', '“It\'s the right call for every rider on the road,” a Vessa engineer said on Monday.'],
    ['“I do not think Quintel will sign the harbour lease this year,” the engineer said.', '“I do not think Mensk will sign the harbour lease this year,” the engineer said.'],
  ];
  for (const [x, y] of pairs) {
    const r = run(article({ id: 'a', body: x }), article({ id: 'b', body: y }));
    assert.deepEqual(r.contradictions.filter((c) => c.kind === 'quote'), [], `${x} / ${y}`);
  }
});

test('open floors: close floors agree, a floor and a larger exact count agree', async () => {
  const { compatible, rangeOf } = await import('./rules/number.js');
  const q = (min: number | null, max: number | null, approx: boolean, value: number | null = null) => ({ min, max, approx, value }) as never;
  // As the extractor gives them: "at least 70" is { min: 70, max: null, value: null, approx: true }.
  assert.ok(compatible(rangeOf(q(70, null, true))!, rangeOf(q(75, null, true))!), 'at least 70 / more than 75');
  assert.ok(compatible(rangeOf(q(70, null, true))!, rangeOf(q(217, 217, false, 217))!), 'at least 70 / 217');
  assert.ok(!compatible(rangeOf(q(70, null, true))!, rangeOf(q(217, null, true))!), 'at least 70 / at least 217 differ');
});

test('number: a figure and its rounding to fewer decimals agree', async () => {
  const { compatible } = await import('./rules/number.js');
  const r = (x: number) => ({ min: x, max: x, exact: true });
  assert.ok(compatible(r(6.2), r(6)), '6.2 / 6');
  assert.ok(compatible(r(3.45), r(3.5)), '3.45 / 3.5');
  assert.ok(!compatible(r(6.2), r(7)), '6.2 / 7 differ');
});
