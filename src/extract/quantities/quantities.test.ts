// Hand-made fictional cases with expected values (the quantity "test set"; no corpus has gold for these).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuantitiesFromText, parseNumber } from './index.js';

const one = (text: string, phrase: string) => {
  const all = extractQuantitiesFromText(text);
  const q = all.find((m) => m.text === phrase);
  assert.ok(q, `no quantity "${phrase}" in ${JSON.stringify(all.map((m) => m.text))}`);
  assert.equal(text.slice(q.start, q.end), q.text);
  return q;
};
const pick = (q: ReturnType<typeof one>) => ({ value: q.value, min: q.min, max: q.max, approx: q.approx, unit: q.unit, kind: q.kind });

test('vague quantifiers get documented ranges and the following noun as unit', () => {
  assert.deepEqual(pick(one('The port may supply several hundred unmanned UAVs to the fleet.', 'several hundred')), { value: null, min: 200, max: 999, approx: true, unit: 'UAVs', kind: 'count' });
  assert.deepEqual(pick(one('Hundreds of drones were seen.', 'Hundreds')), { value: null, min: 200, max: 999, approx: true, unit: 'drones', kind: 'count' });
  assert.deepEqual(pick(one('Dozens of homes burned.', 'Dozens')), { value: null, min: 24, max: 99, approx: true, unit: 'homes', kind: 'count' });
  assert.deepEqual(pick(one('Tens of thousands of farmers marched.', 'Tens of thousands')), { value: null, min: 20000, max: 99999, approx: true, unit: 'farmers', kind: 'count' });
  assert.deepEqual(pick(one('A few hundred residents stayed.', 'A few hundred')), { value: null, min: 200, max: 499, approx: true, unit: 'residents', kind: 'count' });
});

test('bounds: more than, up to, about, between … and …', () => {
  assert.deepEqual(pick(one('More than 10 million people voted.', 'More than 10 million')), { value: null, min: 10_000_000, max: null, approx: true, unit: 'people', kind: 'count' });
  assert.deepEqual(pick(one('Up to 40 buses left.', 'Up to 40')), { value: null, min: null, max: 40, approx: true, unit: 'buses', kind: 'count' });
  assert.deepEqual(pick(one('About 1,200 soldiers remain.', 'About 1,200')), { value: 1200, min: 1200, max: 1200, approx: true, unit: 'soldiers', kind: 'count' });
  assert.deepEqual(pick(one('Between 5 and 10 tanks moved.', 'Between 5 and 10')), { value: null, min: 5, max: 10, approx: false, unit: 'tanks', kind: 'count' });
});

test('money, percentages, measures, spelled numbers, frequencies', () => {
  assert.deepEqual(pick(one('The deal is worth $1.5 billion.', '$1.5 billion')), { value: 1.5e9, min: 1.5e9, max: 1.5e9, approx: false, unit: 'USD', kind: 'money' });
  assert.equal(one('A fine of 2 million euros was set.', '2 million euros').unit, 'EUR');
  assert.deepEqual(pick(one('Turnout fell 12% in the city.', '12%')), { value: 12, min: 12, max: 12, approx: false, unit: '%', kind: 'percent' });
  assert.equal(one('Support rose 3.5 percent.', '3.5 percent').value, 3.5);
  assert.deepEqual(pick(one('The lake lies 200 km north.', '200')), { value: 200, min: 200, max: 200, approx: false, unit: 'km', kind: 'measure' });
  assert.deepEqual(pick(one('Three drones crossed the border.', 'Three')), { value: 3, min: 3, max: 3, approx: false, unit: 'drones', kind: 'count' });
  assert.deepEqual(pick(one('Inspectors visited the mill twice.', 'twice')), { value: 2, min: 2, max: 2, approx: false, unit: null, kind: 'frequency' });
  assert.equal(one('They voted four times on the plan.', 'four times').value, 4);
});

test('money takes the hedge before it, as a count does', () => {
  assert.deepEqual(pick(one('They signed him to a five-year deal worth nearly $80 million last summer.', 'nearly $80 million')), { value: null, min: null, max: 8e7, approx: true, unit: 'USD', kind: 'money' });
  assert.deepEqual(pick(one('The storm caused more than €2 million in damage.', 'more than €2 million')), { value: null, min: 2e6, max: null, approx: true, unit: 'EUR', kind: 'money' });
  assert.deepEqual(pick(one('The port paid about 500 million dollars.', 'about 500 million dollars')), { value: 5e8, min: 5e8, max: 5e8, approx: true, unit: 'USD', kind: 'money' });
});

test('sentence indices follow the bounds given', () => {
  const text = 'Two boats sank. Five crews were saved.';
  assert.deepEqual(extractQuantitiesFromText(text, [{ start: 0, end: 15 }, { start: 16, end: text.length }]).map((q) => q.sentence), [0, 1]);
});

test('parseNumber reads digits, scales and words', () => {
  assert.equal(parseNumber('1,500'), 1500);
  assert.equal(parseNumber('2.5 million'), 2_500_000);
  assert.equal(parseNumber('twenty-five'), 25);
  assert.equal(parseNumber('three hundred'), 300);
  assert.equal(parseNumber('$3bn'.slice(1)), 3e9);
  assert.equal(parseNumber('a dozen'), 12);
  assert.equal(parseNumber('two dozen'), 24);
  assert.equal(parseNumber('a hundred'), 100);
});

test('"about two dozen protesters" is 24 protesters, "at least three dozen" a floor of 36', () => {
  const q = extractQuantitiesFromText('About two dozen young protesters splintered off; at least three dozen people rampaged through the aisles.');
  assert.deepEqual(q.map((x) => [x.text, x.min, x.unit]), [['About two dozen', 24, 'protesters'], ['at least three dozen', 36, 'people']]);
});

test('mixed numbers and statistics: "4 1/2 miles" is 4.5, ".312" is a statistic', () => {
  const q = extractQuantitiesFromText('He walked 4 1/2 miles and hit .312 for the season.');
  assert.deepEqual(q.map((x) => [x.text, x.value, x.kind]), [['4 1/2', 4.5, 'measure'], ['.312', 0.312, 'statistic']]);
});

test('glued-unit: a length written onto its number is a measure in that unit, its hedge kept', () => {
  const q = extractQuantitiesFromText('He fell around 2,000ft while climbing; his friend slipped about 200m down a gully and walked 3km.');
  assert.deepEqual(q.map((x) => [x.text, x.kind, x.unit, x.min, x.max, x.approx]), [
    ['around 2,000ft', 'measure', 'feet', 2000, 2000, true],
    ['about 200m', 'measure', 'metres', 200, 200, true],
    ['3km', 'measure', 'km', 3, 3, false],
  ]);
});

test('words that start like a month are no month: "12 marchers", "30 mayors", "20 junior officers"', () => {
  const q = extractQuantitiesFromText('Police counted 12 marchers, 30 mayors, 20 junior officers and 15 separatists.');
  assert.deepEqual(q.map((x) => [x.min, x.unit]), [[12, 'marchers'], [30, 'mayors'], [20, 'officers'], [15, 'separatists']]);
});

test('a preposition ends the counted phrase: "14 trapped under debris" counts the trapped, not the debris', () => {
  const q = extractQuantitiesFromText('Nine people died and 14 trapped under debris waited for the cranes.');
  assert.deepEqual(q.map((x) => [x.min, x.unit]), [[9, 'people'], [14, 'trapped']]);
});

test('"N of M things": the part counts the whole’s noun ("178 of 369 punches", "28 of his 68 punches")', () => {
  const q = extractQuantitiesFromText('Kell landed 178 of 369 punches and 28 of his 68 punches in the last round.');
  assert.deepEqual(q.map((x) => [x.min, x.unit]), [[178, 'punches'], [369, 'punches'], [28, 'punches'], [68, 'punches']]);
});
