// Positive cases of the date rules on small fictional sentences, with a fixed reference date.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contractValue, detectTimexes, extractDatesFromText } from './index.js';

// Saturday 2022-07-16 is the reference of most cases (the brief's examples).
const REF = '2022-07-16';
const value = (text: string, phrase: string, ref: string | null = REF) => {
  const all = extractDatesFromText(text, ref);
  const m = all.find((d) => d.text === phrase);
  assert.ok(m, `no mention "${phrase}" in ${JSON.stringify(all.map((d) => d.text))}`);
  return m;
};

test('bare weekdays refer to the past, the same day included', () => {
  assert.equal(value('The minister said Saturday that talks failed.', 'Saturday').value, '2022-07-16');
  const tue = value('The ministry said Tuesday that nothing changed.', 'Tuesday');
  assert.equal(tue.value, '2022-07-12');
  assert.equal(tue.resolution, 'relative-past-weekday');
});

test('a future cue turns a bare weekday forward; last/next/this are explicit', () => {
  assert.equal(value('The envoy will travel Tuesday to the capital.', 'Tuesday').value, '2022-07-19');
  assert.equal(value('They met last Friday.', 'last Friday').value, '2022-07-15');
  assert.equal(value('They meet next Monday.', 'next Monday').value, '2022-07-18');
});

test('bare months: the past by default, the future with a cue', () => {
  assert.equal(value('Prices rose in June, the agency said.', 'June').value, '2022-06');
  assert.equal(value('The mayor resigned in December after a vote.', 'December').value, '2021-12');
  assert.equal(value('The mayor will resign in December, aides said.', 'December').value, '2022-12');
  // "last <Month>" is its most recent past occurrence: this year's May in July, last year's September.
  assert.equal(value('The plant closed last May.', 'last May').value, '2022-05');
  assert.equal(value('The plant closed last September.', 'last September').value, '2021-09');
  assert.equal(value('The plant closed last July.', 'last July').value, '2021-07');
});

test('month and day without a year, and a range of two dates gives two mentions', () => {
  const all = extractDatesFromText('Officials held displays on June 8 and July 5, the council said.', REF);
  assert.deepEqual(all.map((d) => [d.text, d.value]), [['June 8', '2022-06-08'], ['July 5', '2022-07-05']]);
  assert.equal(value('The fair opened on June 28, 2021.', 'June 28, 2021').value, '2021-06-28');
});

test('relative periods: last month, this week, earlier this year, a year ago', () => {
  assert.equal(value('The mayor spoke last month about it.', 'last month').value, '2022-06');
  const week = detectTimexes('The council met this week.', REF).find((d) => d.text === 'this week')!;
  assert.equal(week.timeml, '2022-W28');
  assert.equal(week.value, '2022-07');
  assert.equal(value('Sales fell earlier this year.', 'earlier this year').value, '2022');
  assert.equal(value('The bridge opened a year ago.', 'a year ago').value, '2021');
  assert.equal(value('He arrived yesterday.', 'yesterday').value, '2022-07-15');
});

test('years alone and durations', () => {
  assert.equal(value('The dam was built in 2019.', '2019').value, '2019');
  assert.equal(value('The strike lasted three days.', 'three days').value, 'P3D');
  assert.equal(value('The talks took two weeks.', 'two weeks').value, 'P2W');
  assert.equal(value('Output rose in the third quarter.', 'the third quarter').value, '2022');
});

test('without a publication date only absolute dates resolve', () => {
  const abs = value('The fair opened on June 28, 2021.', 'June 28, 2021', null);
  assert.equal(abs.value, '2021-06-28');
  const rel = value('The minister said Tuesday that talks failed.', 'Tuesday', null);
  assert.equal(rel.value, null);
  assert.equal(rel.resolution, 'unresolved-no-reference');
  assert.equal(value('It rained last month.', 'last month', null).value, null);
});

test('re-dating is pure: the same text with another date gives new values, the old call unchanged', () => {
  const text = 'The minister said Tuesday that talks failed.';
  const a = extractDatesFromText(text, REF);
  const b = extractDatesFromText(text, '2022-07-30');
  assert.equal(a[0].value, '2022-07-12');
  assert.equal(b[0].value, '2022-07-26');
  assert.deepEqual(extractDatesFromText(text, REF), a);
});

test('sentence indices come from the given bounds; -1 outside them', () => {
  const text = 'Heading on Monday\n\nThe mayor spoke on Tuesday.';
  const all = extractDatesFromText(text, REF, [{ start: 19, end: text.length }]);
  assert.deepEqual(all.map((d) => d.sentence), [-1, 0]);
});

test('contract values: weeks map to a month, quarters to a year, vague values to null', () => {
  assert.equal(contractValue('2022-W01', 'DATE'), '2022-01');
  assert.equal(contractValue('2021-W52', 'DATE'), '2021-12');
  assert.equal(contractValue('1998-Q1', 'DATE'), '1998');
  assert.equal(contractValue('PRESENT_REF', 'DATE'), null);
  assert.equal(contractValue('PXY', 'DURATION'), null);
  assert.equal(contractValue('P1DE', 'DURATION'), 'P10Y');
  assert.equal(contractValue('1998-08-07T10:00', 'TIME'), '1998-08-07');
  assert.equal(contractValue('P1D', 'SET'), null);
});

const timeml = (text: string, phrase: string, ref: string | null = REF) => {
  const all = detectTimexes(text, ref);
  const m = all.find((d) => d.text === phrase);
  assert.ok(m, `no mention "${phrase}" in ${JSON.stringify(all.map((d) => d.text))}`);
  return m.timeml;
};

test('counted decades and centuries are written in years; a vague count keeps its unit', () => {
  assert.equal(timeml('Rents were the lowest in two decades.', 'two decades'), 'P20Y');
  assert.equal(timeml('The tower stood for a century.', 'a century'), 'P100Y');
  assert.equal(value('Rents were the lowest in two decades.', 'two decades').value, 'P20Y');
});

test('"the 1988 quarter" takes the quarter under discussion; alone it is the year', () => {
  const all = detectTimexes('Profit rose in the third quarter, against a loss in the 2030 quarter.', REF);
  assert.deepEqual(all.map((d) => [d.text, d.timeml]), [['the third quarter', '2022-Q3'], ['the 2030 quarter', '2030-Q3']]);
  assert.equal(timeml('Costs rose in the 2030 period.', 'the 2030 period'), '2030');
});

test('an approximator belongs to a counted duration or offset', () => {
  assert.equal(timeml('The ferry sat idle for nearly two weeks.', 'nearly two weeks'), 'P2W');
  assert.equal(timeml('The dam broke almost three years ago.', 'almost three years ago'), '2019');
  assert.equal(timeml('Crews must wait at least 30 days.', 'at least 30 days'), 'P30D');
});

test('"last night" and "tonight" are the night of their day', () => {
  assert.equal(timeml('The mayor spoke last night.', 'last night'), '2022-07-15TNI');
  assert.equal(timeml('The mayor speaks tonight.', 'tonight'), '2022-07-16TNI');
});

test('a deadline preposition right before a weekday points ahead', () => {
  assert.equal(value('The strike continues until Tuesday, the union said.', 'Tuesday').value, '2022-07-19');
});

test('a schedule told in the past keeps a weekday in the past', () => {
  assert.equal(value('The offer had been due to expire Friday, the company said.', 'Friday').value, '2022-07-15');
  assert.equal(value('The offer is due to expire Friday, the company said.', 'Friday').value, '2022-07-22');
});

test('a clock word before a day makes one time expression', () => {
  assert.equal(timeml('Talks broke off at noon Thursday.', 'noon Thursday'), '2022-07-14T12:00');
  assert.equal(timeml('Shares rose by mid-afternoon yesterday.', 'mid-afternoon yesterday'), '2022-07-15TAF');
});

test('recurring weekdays are a SET on the weekday, with no contract value', () => {
  const all = detectTimexes('Ferries leave every Thursday, and the market opens on Tuesdays.', REF);
  assert.deepEqual(all.map((d) => [d.text, d.type, d.timeml, d.value]), [['every Thursday', 'SET', 'XXXX-WXX-4', null], ['Tuesdays', 'SET', 'XXXX-WXX-2', null]]);
});

test('centuries and decades without four digits keep only their known digits', () => {
  assert.equal(timeml('The temple dates from the 11th century.', 'the 11th century'), '10');
  assert.equal(timeml('Sales fell through the nineties.', 'the nineties'), '199');
  assert.equal(timeml("Rents doubled in the '80s.", "the '80s"), '198');
});

test('"the year" in results: a span before "ended", the reference year otherwise', () => {
  const span = detectTimexes('Net income for the year ended Sept. 30 rose 5%.', REF).find((d) => d.text === 'the year')!;
  assert.equal(span.timeml, 'P1Y');
  assert.equal(span.type, 'DURATION');
  assert.equal(timeml('Sales for the full year were $6 billion.', 'the full year'), '2022');
});

test('anaphoric dates take their value from the last explicit date before them', () => {
  assert.equal(timeml('The bridge opened on May 3, 2019, and the following year it closed for repairs.', 'the following year'), '2020');
  assert.equal(timeml('Exports reached $5 million in 2018, a record for the region that year.', 'that year'), '2018');
  assert.equal(timeml('The council met in March 2020. The following month, the mayor resigned.', 'The following month'), '2020-04');
  assert.equal(timeml('The storm hit on June 3, 2021. That same day, the port closed.', 'That same day'), '2021-06-03');
  assert.equal(timeml('The storm hit on June 3, 2021. That night, the port closed.', 'That night'), '2021-06-03TNI');
  assert.equal(timeml('The ferry sank on Tuesday. The next day, divers arrived.', 'The next day'), '2022-07-13');
  // "until then": TimeML marks "then" alone, with the antecedent's value.
  const then = value('The lease ends on Aug. 31. Until then, the shop stays open.', 'then');
  assert.equal(then.value, '2022-08-31');
  // Chained: an anaphor is itself an antecedent.
  assert.equal(timeml('The mill opened in 1990. It grew the following year, and that year it hired 40 people.', 'that year'), '1991');
  // With an explicit antecedent the value needs no publication date.
  assert.equal(value('Exports reached $5 million in 2018, a record for the region that year.', 'that year', null).value, '2018');
});

test('a bare month just past New Year is the coming one (the future tolerance wraps the year end)', () => {
  assert.equal(value('The bank agreed to buy the lender in January.', 'January', '2022-11-05').value, '2023-01');
  assert.equal(value('The vote is set for Jan. 5 in the capital.', 'Jan. 5', '2022-12-20').value, '2023-01-05');
  assert.equal(value('The plant closed in December.', 'December', '2023-01-10').value, '2022-12');
});

test('"this <season>" before the season starts is the coming one', () => {
  assert.equal(timeml('Farmers fear protests this summer.', 'this summer', '2022-03-10'), '2022-SU');
  assert.equal(timeml('Farmers held protests this summer.', 'this summer', '2022-08-10'), '2022-SU');
});

test('"three days later" is a duration; the offset counts from the event before, not the publication date', () => {
  const all = detectTimexes('The plant shut on Monday. Three days later, it reopened.', REF);
  const d = all.find((x) => x.text === 'Three days')!;
  assert.equal(d.type, 'DURATION');
  assert.equal(d.timeml, 'P3D');
  assert.equal(timeml('The hall reopens two weeks from now.', 'two weeks from now'), '2022-W30');
});

test('"then-current" is a past reference; "in coming months" a future one', () => {
  assert.equal(timeml('Shares were sold at the then-current price.', 'then-current'), 'PAST_REF');
  assert.equal(timeml('Shares were sold at the then current price.', 'then current'), 'PAST_REF');
  assert.equal(timeml('Prices may rise in coming months.', 'coming months'), 'FUTURE_REF');
  assert.equal(timeml('Prices may rise over the coming weeks.', 'the coming weeks'), 'FUTURE_REF');
  assert.equal(value('Prices may rise in coming months.', 'coming months').value, null);
});

test('"<Month> of NN" closing the phrase is still a two-digit year', () => {
  const vals = (t: string) => extractDatesFromText(t, '2022-07-16').map((d) => d.value);
  assert.ok(vals('The mill closed in May of 87 when prices fell.').includes('1987-05'));
  assert.ok(vals('He was first elected in November of 98.').includes('1998-11'));
});

test('each mention carries its TimeML value (timex) beside the calendar value', () => {
  // Wednesday 2013-03-20 is in ISO week 12.
  const all = extractDatesFromText('Mayor Ilse Varga, who has led the town for eight years, said the ferry is now running again this week. Ferries leave every Thursday. On Tuesday the council met.', '2013-03-20');
  assert.deepEqual(all.map((d) => [d.text, d.value, d.timex]), [
    ['eight years', 'P8Y', 'P8Y'],
    ['now', null, 'PRESENT_REF'],
    ['this week', '2013-03', '2013-W12'],
    ['every Thursday', null, 'XXXX-WXX-4'],
    ['Tuesday', '2013-03-19', '2013-03-19'],
  ]);
});

test('negative: without a publication date a relative timex is null, as its value is; absolute ones stay', () => {
  const all = extractDatesFromText('The ferry is running again this week, eight years after it opened on June 3, 2005.', null);
  assert.deepEqual(all.map((d) => [d.text, d.timex]), [['this week', null], ['eight years', 'P8Y'], ['June 3, 2005', '2005-06-03']]);
});
