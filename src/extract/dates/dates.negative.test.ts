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

test('an anaphor without a close, precise enough antecedent is not a date', () => {
  // No earlier date at all: a generic "that day".
  assert.deepEqual(texts('Traders who sold that day lost money.'), []);
  // A year cannot date "that day"; a month cannot date "the following day".
  assert.deepEqual(texts('The fair opened in 2019, and visitors who came that day were few.'), ['2019']);
  assert.deepEqual(texts('The fair opened in March 2019, and the following day was calm.'), ['March 2019']);
  // Too far back (beyond the anaphor window).
  const far = `The fair opened on June 3, 2021. ${'The stalls sold bread and cheese to the crowds. '.repeat(12)}Visitors that day were few.`;
  assert.ok(!texts(far).includes('that day'));
  // "since then" is not marked; "day care" and "year after year" are not anaphors.
  assert.deepEqual(texts('The mill opened in 1990. Since then, it has grown.'), ['1990']);
  assert.deepEqual(texts('The mill opened in 1990, and that day care centre followed.'), ['1990']);
  assert.deepEqual(texts('The mill opened in 1990 and said that year after year it would grow.'), ['1990']);
});

test('a month well past New Year, or a past month far back, is not pulled into the coming year', () => {
  assert.equal(extractDatesFromText('The firm cut jobs in March.', '2022-11-05').find((d) => d.text === 'March')?.value, '2022-03');
  assert.equal(extractDatesFromText('Sales fell in February.', '2022-10-30').find((d) => d.text === 'February')?.value, '2022-02');
});

test('"last <season>" and a bare "the <season>" keep their past reading', () => {
  assert.equal(extractDatesFromText('Farmers protested last summer.', '2022-03-10').find((d) => d.text === 'last summer')?.value, '2021');
  assert.equal(extractDatesFromText('Farmers protested in the summer.', '2022-03-10').find((d) => d.text === 'the summer')?.value, '2021');
});

test('"later" is not part of a counted offset and gives no future date', () => {
  const all = extractDatesFromText('The plant shut on Monday. Three days later, it reopened.', REF);
  assert.ok(!all.some((d) => d.text === 'Three days later'));
  assert.ok(!all.some((d) => d.value === '2022-07-19'));
});

test('"coming" as a verb and "then" as an adverb are not dates', () => {
  assert.deepEqual(texts('Buses kept coming days after the storm.'), []);
  assert.deepEqual(texts('The mayor spoke, and then the crowd left.'), []);
});

test('"<Month> of NN" before a noun counts the noun, it is no two-digit year', () => {
  const vals = (t: string) => extractDatesFromText(t, REF).map((d) => d.value);
  assert.ok(!vals('The jury convicted Orrin Vale in November of 54 counts.').includes('1954-11'));
  assert.ok(!vals('Sales fell in May of 20 percent.').includes('1920-05'));
});
