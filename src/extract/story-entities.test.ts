import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysedArticle } from '../model/article.js';
import { readyFromText, stripSeedHeader } from '../../test/fixtures/entities/ready.js';
import { extractEntities } from './entities/index.js';
import { extractQuotes } from './quotes/index.js';
import { collectQuotes, mergeEntities } from './story-entities.js';

function analysed(id: string, text: string): AnalysedArticle {
  const a = readyFromText(id, text);
  const entities = extractEntities(a);
  return { ...a, extract: { entities, quotes: extractQuotes(a, entities), dates: [], quantities: [] } };
}

test('aliases merge across articles, roles are unioned, sources listed', () => {
  const a = analysed('a', 'Foreign Secretary Mara Quill said on Monday that talks would resume. Quill added that Norland agreed.');
  const b = analysed('b', 'Mara Quill, a spokeswoman for the Harbor Council, told reporters that talks were over.');
  const c = analysed('c', 'Quill said the vote was close.');
  const entities = mergeEntities([a, b, c]);
  const quill = entities.find((e) => e.name === 'Mara Quill');
  assert.ok(quill, JSON.stringify(entities));
  assert.equal(quill.type, 'person');
  assert.deepEqual(quill.sources, ['a', 'b', 'c']);
  assert.ok(quill.aliases.includes('Quill'));
  assert.ok(quill.roles.some((r) => /Foreign Secretary/.test(r)));
  assert.ok(quill.roles.some((r) => /spokeswoman for the Harbor Council/.test(r)));
  assert.equal(entities[0].name, 'Mara Quill', 'most-sourced entity first');
});

test('identical quotes from two articles become one quote with both sources', () => {
  const a = analysed('a', '“We will rebuild the bridge by spring,” Mayor Tomas Verren said on Friday.');
  const b = analysed('b', '"We will rebuild the bridge by spring," Tomas Verren said.');
  const quotes = collectQuotes([a, b]);
  const q = quotes.find((x) => x.speaker === 'Tomas Verren');
  assert.ok(q, JSON.stringify(quotes));
  assert.deepEqual(q.sources, ['a', 'b']);
  assert.deepEqual(q.variants, []);
  assert.equal(q.direct, true);
});

test('single-mention "other" names are dropped as noise', () => {
  const a = analysed('a', 'The Zorbel Festival drew crowds in Norland on Sunday.');
  const entities = mergeEntities([a]);
  assert.ok(!entities.some((e) => e.type === 'other' && e.sources.length === 1 && e.aliases.length === 0 && e.name === 'Zorbel Festival'));
});

const seedsDir = join(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'seeds');

test('seeds: key entities and attributed quotes of the story', { skip: existsSync(seedsDir) ? false : 'seed articles absent (../shared/seeds)' }, () => {
  const articles = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => analysed(f.replace(/\.txt$/, ''), stripSeedHeader(readFileSync(join(seedsDir, f), 'utf8'))));
  const entities = mergeEntities(articles);
  const get = (name: string) => entities.find((e) => e.name === name);
  const sullivan = get('Jake Sullivan');
  assert.equal(sullivan?.type, 'person');
  assert.ok(sullivan!.roles.some((r) => /national security advis[eo]r/i.test(r)), JSON.stringify(sullivan));
  assert.ok(sullivan!.sources.length >= 4, 'Sullivan (incl. the JakeSullivan46 handle) is in most seeds');
  const kirby = get('John Kirby');
  assert.equal(kirby?.type, 'person');
  assert.ok(kirby!.roles.some((r) => /spokesman/i.test(r) && /national security council/i.test(r)));
  const burns = get('William Burns');
  assert.ok(burns?.roles.includes('CIA Director'), JSON.stringify(burns));
  const amir = get('Hossein Amir-Abdollahian');
  assert.equal(amir?.type, 'person');
  assert.ok(amir!.roles.some((r) => /foreign minister/i.test(r)));
  assert.ok(entities.some((e) => /^kashan airfield$/i.test(e.name) && e.type === 'place'), 'Kashan airfield is a place');
  for (const p of ['Shahed-191', 'Shahed-129']) assert.equal(get(p)?.type, 'product', p);
  const quotes = collectQuotes(articles);
  for (const speaker of ['Jake Sullivan', 'John Kirby', 'William Burns', 'Dmitry Peskov', 'Hossein Amir-Abdollahian']) {
    assert.ok(quotes.some((q) => q.speaker === speaker), `a quote attributed to ${speaker}`);
  }
  // The Kirby quote in 000 ("It was important…") is direct and attributed, not left to a wrong guess.
  assert.ok(quotes.some((q) => q.speaker === 'John Kirby' && q.direct && /important to make it clear/.test(q.text)));
  assert.ok(quotes.some((q) => q.speaker === 'Hossein Amir-Abdollahian' && /We oppose any move/.test(q.text)), 'pronoun "he" resolved');
});
