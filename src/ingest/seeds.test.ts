// The five real seed articles (../shared/seeds, read in place, never copied): one has a title/date/URL
// header, the others open directly with their lede — which must not be mistaken for a header.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from './index.js';
import type { Article } from '../model/article.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

test('seeds: five articles; the header of the one that has it is parsed, no lede is eaten', async (t) => {
  if (!existsSync(SEEDS)) {
    t.skip(`${SEEDS} is absent: seed articles not available`);
    return;
  }
  const articles: Article[] = [];
  for await (const item of ingestPaths([SEEDS])) {
    assert.equal(item.kind, 'article', JSON.stringify(item));
    if (item.kind === 'article') articles.push(item.article);
  }
  assert.equal(articles.length, 5);
  const withHeader = articles.filter((a) => a.diagnostics.some((d) => d.origin === 'ingest:header'));
  assert.equal(withHeader.length, 1);
  const h = withHeader[0];
  assert.match(h.id, /^001_/);
  assert.equal(h.meta.published, '2022-07-16');
  assert.equal(h.meta.publishedFrom, 'header');
  assert.equal(h.meta.outlet, 'timesofisrael.com');
  assert.ok(h.meta.url?.startsWith('https://www.timesofisrael.com/'));
  assert.ok(h.meta.title && h.meta.title.length > 20);
  assert.ok(!h.raw.includes(h.meta.title!) && !h.raw.includes(h.meta.url!));
  for (const a of articles.filter((x) => x !== h)) {
    const firstLine = readFileSync(a.path, 'utf8').split('\n')[0].trim();
    assert.ok(a.raw.startsWith(firstLine), `${a.id} keeps its first line`);
    assert.equal(a.meta.title, null);
    assert.equal(a.meta.published, null);
  }
  // every file line survives into raw (ingest removes nothing but the header)
  for (const a of articles) {
    const fileLines = readFileSync(a.path, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    const rawLines = new Set(a.raw.split('\n').map((l) => l.trim()));
    const missing = fileLines.filter((l) => !rawLines.has(l));
    assert.ok(missing.length <= 3 && (a === h || missing.length === 0), `${a.id}: ${missing.join(' | ')}`);
  }
  assert.ok(readdirSync(SEEDS).length >= 5);
});
