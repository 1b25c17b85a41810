// .txt header recognition, negative cases: body text must never be taken for a header.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHeader, isTitleShaped } from './txt.js';

const none = { title: null, published: null, url: null, lineCount: 0 };
const lines = (s: string): string[] => s.split('\n');

test('a first body sentence is not a title when no date or URL line follows', () => {
  assert.deepEqual(findHeader(lines('Bridge reopens after repair\nThe bridge reopened on Friday.\nMore text.')), none);
});

test('a long lede followed by a date-like line is not a title', () => {
  const lede =
    'The Lantern Bridge over the Ostra river reopened to traffic on Friday morning, two years after a winter flood tore away two of its piers and split the town of Harbourview in half';
  assert.deepEqual(findHeader(lines(`${lede}\n2031-03-14\nMore.`)), none);
});

test('a sentence ending in a period is not title-shaped', () => {
  assert.equal(isTitleShaped('The council said the bridge was safe.'), false);
  assert.equal(isTitleShaped('Ferry service to end in the U.S.'), true);
  assert.equal(isTitleShaped('Is the bridge safe?'), true);
});

test('a sentence that merely contains a date is not a date line', () => {
  assert.deepEqual(findHeader(lines('March 14, 2031 was the day the bridge reopened, officials said.\nMore text.')), none);
  assert.deepEqual(findHeader(lines('Bridge reopens\nOn March 14, 2031 the council voted to reopen the bridge.\nMore.')), none);
});

test('a URL in running text, or a date without a year, is not a header line', () => {
  assert.deepEqual(findHeader(lines('See https://gazette.example for details\n2031-03-14\nBody.')), none);
  assert.deepEqual(findHeader(lines('Bridge reopens\nMarch 14\nBody.')), none);
});

test('header lines are not repeated: a second date line belongs to the body', () => {
  const h = findHeader(lines('2031-03-14\n2031-03-15\nBody.'));
  assert.equal(h.published, '2031-03-14');
  assert.equal(h.lineCount, 1);
});

test('no header in an empty or all-blank text', () => {
  assert.deepEqual(findHeader(['']), none);
  assert.deepEqual(findHeader(['', '  ', '']), none);
});
