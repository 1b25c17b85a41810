import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { extractEntities } from './index.js';

const names = (text: string) => extractEntities(readyFromText('t', text)).map((e) => e.text);

test('capitalised sentence openers are not names', () => {
  const found = names('Satellite pictures showed the port. Drones flew over it. Meanwhile the market fell.');
  assert.deepEqual(found, []);
});

test('weekdays, months and demonyms alone are not entities', () => {
  const found = names('Officials met on Tuesday in March, and Iranian and Russian delegations left.');
  assert.deepEqual(found, []);
});

test('title-case headlines yield only gazetteer names', () => {
  const found = names('Local Officials Reportedly Visit Iran To Inspect New Bridges');
  assert.deepEqual(found, ['Iran']);
});

test('a dateline in capitals does not glue onto the next word', () => {
  const found = extractEntities(readyFromText('t', 'WASHINGTON Russian officials arrived late.'));
  assert.ok(!found.some((e) => e.text.includes('Russian')), JSON.stringify(found));
});

test('no role for a place after "according to the official,"', () => {
  const found = extractEntities(readyFromText('t', 'According to the official, Norland has closed the border.'));
  assert.ok(found.every((e) => e.roles.length === 0), JSON.stringify(found));
});
