// The seeds (five real articles, one story) through the real stages: the conflicts issue 6 names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborateStory } from './index.js';
import { summarise } from '../brief/summary.js';
import { loadSeedStory } from '../../test/fixtures/corroborate/seeds.js';

const loaded = await loadSeedStory();
const skip = typeof loaded === 'string' ? loaded : false;
const id = (prefix: string, ids: string[]) => ids.find((x) => x.startsWith(prefix));

test('seeds: date, headline and quote contradictions; no false quantity alarm', { skip }, () => {
  if (typeof loaded === 'string') return;
  const { articles, reuse, quotes } = loaded;
  const r = corroborateStory(articles, reuse, quotes, 'seeds');
  const ids = articles.map((a) => a.id);
  const a001 = id('001', ids)!;
  const a004 = id('004', ids)!;

  const date = r.contradictions.find((c) => c.kind === 'date' && c.values.some((v) => v.value.includes('07-15')));
  assert.ok(date, `a date contradiction July 5 vs July 15; got ${JSON.stringify(r.contradictions.map((c) => [c.kind, c.values.map((v) => v.value)]))}`);
  const jul5 = date.values.find((v) => v.value.includes('07-05'));
  const jul15 = date.values.find((v) => v.value.includes('07-15'))!;
  assert.ok(jul5 && jul5.sources.includes(a001));
  assert.deepEqual(jul15.sources, [a004]);
  assert.equal(jul5.independentSources, 1, '000 rewrites 001: one independent source');
  assert.equal(jul15.independentSources, 1);

  const headline = r.contradictions.find((c) => c.kind === 'headline');
  assert.ok(headline && headline.values.every((v) => v.sources.includes(a001)), 'headline contradiction on 001');

  const quoteConflict = r.contradictions.some((c) => c.kind === 'quote' && c.values.some((v) => /strike-capable/.test(v.value)) && c.values.some((v) => /attack-capable/.test(v.value)));
  const quoteVariant = r.quotes.some((q) => [q.text, ...q.variants.map((v) => v.text)].some((t) => /strike-capable/.test(t)) && [q.text, ...q.variants.map((v) => v.text)].some((t) => /attack-capable/.test(t)));
  assert.ok(quoteConflict || quoteVariant, 'strike-capable vs attack-capable is reported');

  for (const c of r.contradictions) {
    if (c.kind !== 'quantity' && c.kind !== 'number') continue;
    const texts = c.values.map((v) => v.value).join(' | ');
    assert.ok(!(/hundreds/.test(texts) && /several hundred/.test(texts)), `no conflict between "hundreds" and "several hundred": ${texts}`);
  }

  const summary = summarise(articles, reuse, r.claims);
  assert.ok(summary.length >= 3 && summary.length <= 5);
});
