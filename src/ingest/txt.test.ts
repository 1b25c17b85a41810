// .txt header recognition: the shapes a header takes (title/date/URL in up to three lines).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHeader, parseTxt } from './txt.js';

const lines = (s: string): string[] => s.split('\n');

test('title + compact date + URL', () => {
  const h = findHeader(lines('Ferry to stop as bridge reopens\n20310314\nhttps://gazette.example/ferry\nBody sentence one.'));
  assert.deepEqual(h, { title: 'Ferry to stop as bridge reopens', published: '2031-03-14', url: 'https://gazette.example/ferry', lineCount: 3 });
});

test('date formats on the date line', () => {
  for (const [line, date] of [
    ['2031-03-14', '2031-03-14'],
    ['March 14, 2031', '2031-03-14'],
    ['14 March 2031', '2031-03-14'],
    ['Published: Friday, March 14, 2031 9:41 am CET', '2031-03-14'],
    ['Fri, 14 Mar 2031', '2031-03-14'],
  ]) {
    const h = findHeader(lines(`Bridge reopens\n${line}\nThe bridge reopened on Friday, the council said.`));
    assert.equal(h.published, date, line);
    assert.equal(h.title, 'Bridge reopens', line);
    assert.equal(h.lineCount, 2, line);
  }
});

test('header without a title: URL then date, or a lone date', () => {
  assert.deepEqual(findHeader(lines('https://gazette.example/x\n2031-03-14\nBody.')), { title: null, published: '2031-03-14', url: 'https://gazette.example/x', lineCount: 2 });
  assert.deepEqual(findHeader(lines('2031-03-14\nBody text starts here.')), { title: null, published: '2031-03-14', url: null, lineCount: 1 });
});

test('title followed by a URL only; blank lines between header lines are allowed', () => {
  const h = findHeader(lines('Is the bridge safe?\n\n<https://gazette.example/safe>\n\nBody.'));
  assert.equal(h.title, 'Is the bridge safe?');
  assert.equal(h.url, 'https://gazette.example/safe');
  assert.equal(h.lineCount, 3);
});

test('parseTxt: header removed, body lines kept, provenance diagnostic', () => {
  const d = parseTxt('Ferry to stop\n2031-03-14\nhttps://www.gazette.example/ferry\nLine one.\nLine two.');
  assert.equal(d.raw, 'Line one.\nLine two.');
  assert.equal(d.published, '2031-03-14');
  assert.equal(d.publishedFrom, 'header');
  assert.equal(d.diagnostics?.[0].origin, 'ingest:header');
});
