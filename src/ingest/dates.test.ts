import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate } from './dates.js';

test('source date strings normalise to YYYY-MM-DD, calendar date as written', () => {
  const cases: [string, string][] = [
    ['20310314', '2031-03-14'],
    ['2031-03-14', '2031-03-14'],
    ['2031-3-4', '2031-03-04'],
    ['2031-03-14T23:30:00-05:00', '2031-03-14'],
    ['2031-03-14T23:30:00+0000', '2031-03-14'],
    ['Fri, 14 Mar 2031 23:30:00 -0500', '2031-03-14'],
    ['14 Mar 2031', '2031-03-14'],
    ['March 14, 2031', '2031-03-14'],
    ['14 March 2031', '2031-03-14'],
    ['Friday 14th March 2031', '2031-03-14'],
  ];
  for (const [input, expected] of cases) assert.equal(normaliseDate(input), expected, input);
});

test('incomplete, impossible or missing dates give null', () => {
  for (const input of ['', '   ', 'March 2031', 'March 14', 'yesterday', '2031-02-30', '2031-13-01', 'not a date', '1066-10-14']) {
    assert.equal(normaliseDate(input), null, input);
  }
  assert.equal(normaliseDate(null), null);
  assert.equal(normaliseDate(undefined), null);
});
