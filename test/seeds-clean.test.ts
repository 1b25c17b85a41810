// The clean stage on the five real seed articles (read at run time from ../shared/seeds, never copied):
// the boilerplate the issue names is removed with the right reasons, and no news sentence is lost.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article, CleanSlot } from '../src/model/article.js';
import { createCleanStage } from '../src/clean/index.js';

const SEEDS = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const ABSENT = existsSync(SEEDS) ? false : `seed folder ${SEEDS} is absent: seed checks skipped`;

/** Notices that may run long; every other removal is a short line or a fragment. */
const LONG_REASONS = new Set(['clean:subscription-plea', 'clean:copyright']);
const MAX_REMOVED_WORDS = 20;

const DATE_LINE = /^(?:\d{8}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+\.? \d{1,2},? \d{4})$/;
const URL_LINE = /^https?:\/\/\S+$/;

/** A local stand-in for ingest's header strip: title, date and URL lines at the top of a .txt file. */
function body(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let skip = 0;
  for (let i = 0; i < Math.min(3, lines.length); i++) {
    if (DATE_LINE.test(lines[i].trim()) || URL_LINE.test(lines[i].trim())) skip = i + 1;
  }
  return lines.slice(skip).join('\n');
}

function cleanSeed(file: string): { raw: string; clean: CleanSlot } {
  const raw = body(readFileSync(SEEDS + file, 'utf8'));
  const article: Article = {
    id: file.replace(/\.txt$/, ''),
    path: SEEDS + file,
    format: 'txt',
    encoding: 'utf-8',
    meta: { title: null, url: null, outlet: null, published: null, publishedFrom: null, author: null, declaredLanguage: null },
    raw,
    hash: file,
    diagnostics: [],
  };
  createCleanStage().run(article);
  return { raw, clean: article.clean! };
}

const files = ABSENT ? [] : readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const results = new Map(files.map((f) => [f, cleanSeed(f)]));
const seed = (prefix: string) => [...results].find(([f]) => f.startsWith(prefix))?.[1];

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

test('every raw line is either removed whole with a reason or survives with all its words', { skip: ABSENT }, () => {
  for (const [file, { raw, clean }] of results) {
    const wholeLines = new Set(clean.removed.map((r) => r.text));
    const fragmentWords = new Set(clean.removed.filter((r) => !raw.split('\n').some((l) => l.trim() === r.text)).flatMap((r) => words(r.text)));
    const paragraphs = clean.paragraphs.map((p) => new Set(words(clean.text.slice(p.start, p.end))));
    for (const line of raw.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())) {
      if (line === '' || wholeLines.has(line)) continue;
      const kept = words(line).filter((w) => !fragmentWords.has(w));
      const best = Math.max(...paragraphs.map((p) => kept.filter((w) => p.has(w)).length));
      assert.equal(best, kept.length, `${file}: words lost from "${line.slice(0, 80)}…"`);
    }
    for (const r of clean.removed) assert.match(r.reason, /^clean:[a-z-]+$/, `${file}: ${r.text}`);
  }
});

test('sentences carrying story facts (numbers, dates, quotes) all survive', { skip: ABSENT }, () => {
  // A story fact: a number, a month or weekday, or a quotation mark. Sentences that address the reader
  // ("you") without quoting anyone, or carry a © sign, are notices, not news.
  const FACT = /\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|["“”]/;
  let checked = 0;
  for (const [file, { raw, clean }] of results) {
    const text = clean.text.replace(/\s+/g, ' ');
    const fragmentWords = new Set(clean.removed.filter((r) => !raw.split('\n').some((l) => l.trim() === r.text)).flatMap((r) => words(r.text)));
    for (const line of raw.split('\n')) {
      for (const sentence of line.replace(/\s+/g, ' ').trim().split(/(?<=[.!?][”"]?)\s+(?=[A-Z“"])/)) {
        if (!FACT.test(sentence)) continue;
        if (sentence.includes('©') || (/\byou\w*\b/i.test(sentence) && !/["“”]/.test(sentence))) continue;
        checked++;
        // The sentence survives if all its words do, in one paragraph, except recorded fragments (a tweet link).
        const ws = words(sentence).filter((w) => !fragmentWords.has(w));
        const found = clean.paragraphs.some((p) => {
          const pw = new Set(words(clean.text.slice(p.start, p.end)));
          return ws.every((w) => pw.has(w));
        });
        assert.ok(found, `${file}: lost "${sentence.slice(0, 90)}"`);
      }
    }
    assert.ok(text.length > 0);
  }
  assert.ok(checked >= 40, `only ${checked} fact sentences found`);
});

test('removed items are short unless they are pleas or copyright notices', { skip: ABSENT }, () => {
  for (const [file, { clean }] of results) {
    for (const r of clean.removed) {
      if (LONG_REASONS.has(r.reason)) continue;
      assert.ok(words(r.text).length <= MAX_REMOVED_WORDS, `${file}: ${r.reason} removed ${words(r.text).length} words`);
    }
  }
});

test('the named boilerplate of the seeds is removed with the right reasons', { skip: ABSENT }, () => {
  const reasons = (prefix: string) => new Set(seed(prefix)?.clean.removed.map((r) => r.reason));
  assert.ok(reasons('000').has('clean:trust-badge'), '000: trust badge');
  assert.ok(reasons('001').has('clean:subscription-plea'), '001: pleas');
  assert.ok(reasons('001').has('clean:social-embed'), '001: tweet residue');
  assert.ok(reasons('001').has('clean:dateline'), '001: dateline');
  assert.ok(reasons('003').has('clean:copyright'), '003: copyright notice');
  assert.ok(reasons('003').has('clean:comment-prompt'), '003: comment prompt');
  // Nothing in the cleaned text still looks like the residue the rules target.
  for (const [file, { clean }] of results) {
    assert.doesNotMatch(clean.text, /pic\.twitter|©|Trust Project|first to comment|for as little as/i, file);
    assert.doesNotMatch(clean.text, /\b(?:[A-Z][a-z]+){2}\d{2,}\b/, `${file}: glued handle left`);
  }
  // The pleas are most of what goes: no seed loses more than a third of its lines.
  for (const [file, { raw, clean }] of results) {
    const lines = raw.split('\n').filter((l) => l.trim()).length;
    const whole = clean.removed.filter((r) => raw.includes(r.text) && r.text.split(' ').length > 3).length;
    assert.ok(whole * 3 <= lines, `${file}: ${whole} of ${lines} lines removed`);
  }
});

test('section headings: 002 has two, kept in the text, and no other seed has any', { skip: ABSENT }, () => {
  for (const [file, { clean }] of results) {
    const headings = clean.paragraphs.filter((p) => p.heading).map((p) => clean.text.slice(p.start, p.end));
    assert.equal(headings.length, file.startsWith('002') ? 2 : 0, `${file}: ${JSON.stringify(headings)}`);
    for (const h of headings) assert.ok(words(h).length <= 12 && !/[.!?]$/.test(h), h);
  }
});

test('paragraphs are separated by exactly one blank line and index the text', { skip: ABSENT }, () => {
  for (const [file, { clean }] of results) {
    assert.equal(clean.text.split('\n\n').length, clean.paragraphs.length, file);
    assert.doesNotMatch(clean.text, /\n{3,}|^\s|\s$/, file);
    clean.paragraphs.forEach((p, i) => {
      if (i > 0) assert.equal(clean.text.slice(clean.paragraphs[i - 1].end, p.start), '\n\n', file);
    });
  }
});
