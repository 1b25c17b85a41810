// Look-alikes of page furniture that are article text and must survive the clean stage untouched.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanBody } from './index.js';

const STORY_LINES = [
  'Close to 300 people came to the harbour to watch the last ferry leave.',
  'Search teams found the missing diver on Thursday morning.',
  '"We will rebuild it [sic] by the summer," the mayor said.',
  'The minister paused, then laughed. [LAUGHTER]',
  '29 November 2030 | 20 January 2031',
  '9:05 p.m.',
  'Updated figures show three deaths.',
  'The scammers wrote from help@bank-secure.example, police said.',
  'The site uses cookies to track visitors, the regulator found.',
  'Click here to get more information or download this game.',
  'Image Source: Ada Brennan / Ledger Pictures/Shutterstock',
  'https://www.other-source.example/report.pdf',
  'Pier closes after cracks found, and the town asks why',
];

test('story lines that look like page furniture survive', () => {
  for (const line of STORY_LINES) {
    const clean = cleanBody(line, null, undefined, { title: 'Pier closes after cracks found', url: 'https://ledger.example/news/pier.php' });
    assert.deepEqual(clean.removed, [], line);
  }
});

test('a heading of a list does not take a paragraph ending in a full stop, nor what follows it', () => {
  const raw = 'More from the harbour\nThe council will meet on Friday.\nFerry fares to rise in May';
  const clean = cleanBody(raw);
  assert.deepEqual(clean.removed.map((r) => r.text), ['More from the harbour']);
});
