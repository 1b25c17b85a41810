// Gate on the seed articles (read at run time from ../shared/seeds, never copied) and, when the corpora are
// present, pinned accuracy floors from the synthetic-edit evaluation (see eval/reuse.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectReuse } from '../src/reuse/index.js';
import { buildArticle } from './fixtures/reuse/build.js';

const seedsDir = fileURLToPath(new URL('../../shared/seeds', import.meta.url));
const hasSeeds = existsSync(seedsDir);
const skipSeeds = hasSeeds ? false : 'seed articles absent (../shared/seeds)';

function seeds() {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => buildArticle(f.slice(0, 3), readFileSync(`${seedsDir}/${f}`, 'utf8')));
}

test('seeds: 000 and 001 are a rewrite (or near-duplicate) with shared sentences listed', { skip: skipSeeds }, () => {
  const r = detectReuse(seeds());
  const link = r.links.find((l) => l.a === '000' && l.b === '001');
  assert.ok(link, 'no link between 000 and 001');
  assert.ok(['rewrite', 'near-duplicate'].includes(link.kind), link.kind);
  assert.ok(link.shared >= 5 && link.pairs.length === link.shared, `shared ${link.shared}`);
  assert.equal(r.groupOf.get('001'), r.groupOf.get('000'));
});

test('seeds: 004 is not a copy of 000 or 001 and stays its own group', { skip: skipSeeds }, () => {
  const r = detectReuse(seeds());
  assert.equal(r.links.filter((l) => l.a === '004' || l.b === '004').length, 0);
  assert.equal(r.groupOf.get('004'), '004');
  assert.equal(r.groupOf.size, 5);
});

test('seeds: a byte-identical copy under another name is a duplicate', { skip: skipSeeds }, () => {
  const articles = seeds();
  const file = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()[2];
  articles.push(buildArticle('copy', readFileSync(`${seedsDir}/${file}`, 'utf8')));
  const r = detectReuse(articles);
  const link = r.links.find((l) => l.b === 'copy' || l.a === 'copy');
  assert.equal(link?.kind, 'duplicate');
  assert.equal(r.groupOf.get('copy'), r.groupOf.get(articles[2].id));
});
