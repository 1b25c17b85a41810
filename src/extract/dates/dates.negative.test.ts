// Negative cases: words and numbers that look like dates but are not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractDatesFromText } from './index.js';

const REF = '2022-07-16';
const texts = (t: string) => extractDatesFromText(t, REF).map((d) => d.text);

test('"may" the modal and "March" the noun are not months', () => {
  assert.deepEqual(texts('Officials may respond later, and they may not.'), []);
  assert.deepEqual(texts('Thousands joined the March on the capital.'), []);
  assert.deepEqual(texts('May I ask a question?'), []);
});

test('model numbers and names with digits are not years or dates', () => {
  assert.deepEqual(texts('Images show Shahed-191 and Shahed-129 drones near F-16 jets.'), []);
  assert.deepEqual(texts('The COVID-19 wave hit the town.'), []);
});

test('24/7, scores and plain counts are not dates or times', () => {
  assert.deepEqual(texts('The hotline runs 24/7.'), []);
  assert.deepEqual(texts('The home side won 3-1 in the final.'), []);
  assert.deepEqual(texts('The bill passed with 20 votes, and 16 members abstained.'), []);
});

test('"second" as an ordinal is not a duration; "a day" after a count is a rate', () => {
  assert.deepEqual(texts('It was the second attempt, and a second try failed.'), []);
  assert.deepEqual(texts('Guards work 24 hours a day.').filter((t) => t === 'a day'), []);
});

test('weekday abbreviations inside names are not weekdays', () => {
  assert.deepEqual(texts('Sun Microsystems reported results.'), []);
});

test('money and counts that look like years are not years', () => {
  assert.deepEqual(texts('The car costs $2019 and 2000 people came.'), []);
});

test('"only" and "just" stay outside a duration; an approximator does not attach to a date', () => {
  assert.deepEqual(texts('The clinic had only five hours of power.'), ['five hours']);
  assert.deepEqual(texts('The boat arrived about May 3.'), ['May 3']);
});

test('"by" before a weekday is not a deadline cue (the passive agent reading is common)', () => {
  const d = extractDatesFromText('The bill was signed by Tuesday\'s deadline.', REF);
  assert.equal(d.find((x) => x.text === 'Tuesday')?.value, '2022-07-12');
});

test('a four-digit count of quarters is not a duration', () => {
  assert.ok(!extractDatesFromText('Sales fell in the 2030 quarter.', REF).some((d) => d.value?.startsWith('P')));
});

test('a clock word without a day is not attached to a later date', () => {
  assert.deepEqual(texts('Noon is when the market closes.'), []);
  assert.deepEqual(texts('The bells rang at midnight, and on Tuesday the fair closed.').filter((t) => /midnight/.test(t)), []);
});

test('a single weekday is not a recurring set', () => {
  const all = extractDatesFromText("The vote on Tuesday and Thursday's rally went ahead.", REF);
  assert.ok(all.every((d) => d.resolution !== 'set'), JSON.stringify(all));
});

test('ages and counts are not decades or centuries', () => {
  assert.deepEqual(texts('Both men are in their forties.'), []);
  assert.deepEqual(texts('She finished 20th in the race.'), []);
});

test('"the year" without a results preposition, or as "year-earlier", is not proposed by the year rule', () => {
  assert.deepEqual(texts('The year was hard for farmers.'), []);
  assert.ok(!texts('Profit fell from the year-earlier level.').includes('the year'));
});
