// Negative cases: numbers that are not quantities (years, dates, times, names, scores, durations).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractQuantitiesFromText } from './index.js';

const texts = (t: string) => extractQuantitiesFromText(t).map((q) => q.text);

test('years, day numbers and clock times are not quantities', () => {
  assert.deepEqual(texts('In 2019 the council met on June 8 at 10:30.'), []);
  assert.deepEqual(texts('The vote was held on 5 July 2021.'), []);
});

test('numbers in names are not quantities', () => {
  assert.deepEqual(texts('Images show Shahed-191 drones, F-16 jets and COVID-19 wards.'), []);
});

test('scores, 24/7 and ordinals are not quantities', () => {
  assert.deepEqual(texts('The hosts won 3-1 and the shop opens 24/7 on the 8th floor.'), []);
});

test('"dozens" and "several dozen" stay vague: no multiple of 12', () => {
  const q = extractQuantitiesFromText('Dozens of people were hurt and several dozen homes were damaged.');
  assert.deepEqual(q.map((x) => [x.min, x.max, x.value]), [[24, 99, null], [24, 99, null]]);
});

test('clock times with a.m./p.m., spaced or not, are not counts', () => {
  assert.deepEqual(texts('Officers arrived at 7 p.m. on Monday, left at 9 pm and returned before 10 p. m.; 12 men stayed.'), ['12']);
});

test('durations belong to the date stage', () => {
  assert.deepEqual(texts('The strike lasted three days and hundreds of years of history.'), []);
});

test('"one" as a pronoun and "at once" are not counts', () => {
  assert.deepEqual(texts('One of the officials left at once.'), []);
});

test('name-number: a model, a version or a route is no count; a count after a capitalised opener is', () => {
  const q = extractQuantitiesFromText('The airline grounded its Boeing 737 jets, RIM showed the BlackBerry 10 phone on Route 66. The 36 passengers waited; About 300 people left.');
  assert.deepEqual(q.map((x) => x.text), ['36', 'About 300']);
});

test('glued-unit: "200m" is metres only before a direction; money keeps its millions', () => {
  const q = extractQuantitiesFromText('It cost 200m. The club paid £200m and $5m for the 200m pool.');
  assert.deepEqual(q.map((x) => [x.text, x.kind, x.unit]), [
    ['200m', 'count', null],
    ['£200m', 'money', 'GBP'],
    ['$5m', 'money', 'USD'],
    ['200m', 'count', 'pool'],
  ]);
});

test('a preposition ends the counted phrase but a noun before it stays the unit: "40 homes near the river"', () => {
  const q = extractQuantitiesFromText('The flood reached 40 homes near the river and 12 cars under the bridge.');
  assert.deepEqual(q.map((x) => [x.min, x.unit]), [[40, 'homes'], [12, 'cars']]);
});

test('"N of the things" with no second number keeps its own reading; "3 of 4." has no noun to take', () => {
  const q = extractQuantitiesFromText('Rescuers reached 12 of the miners. The Larks won 3 of 4.');
  assert.deepEqual(q.map((x) => [x.min, x.unit]), [[12, 'miners'], [3, null], [4, null]]);
});

test('money: a word that only ends like a hedge, or a hedge further back, is no bound on the amount', () => {
  // "Hover" is no "over"; "nearly" two words back bounds something else.
  assert.deepEqual(extractQuantitiesFromText('The Hover $5 fare.').filter((q) => q.kind === 'money').map((q) => [q.text, q.approx]), [['$5', false]]);
  assert.deepEqual(extractQuantitiesFromText('It took nearly a year and $80 million.').filter((q) => q.kind === 'money').map((q) => [q.text, q.approx]), [['$80 million', false]]);
});
