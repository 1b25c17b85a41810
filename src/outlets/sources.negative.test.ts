import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reuseOf } from '../../test/fixtures/corroborate/build.js';
import { times1, gazette, radio } from '../../test/fixtures/outlets/bridge.js';
import { independentSources } from './sources.js';
import { parseOutletRegistry } from './registry.js';
import type { AnalysedArticle } from '../model/article.js';

const as = (a: AnalysedArticle, id: string, outlet: string | null, url: string | null): AnalysedArticle => ({ ...a, id, meta: { ...a.meta, outlet, url } });

test('an aggregator copying two outlets does not fuse them into one source', () => {
  // x1 copies the Gazette, x2 copies Ostra Radio: each copy goes to its original's outlet, and the
  // aggregator's masthead joins neither (it would otherwise chain the two outlets together).
  const x1 = as(gazette, 'x1', 'Daily Digest', 'https://digest.example/1');
  const x2 = as(radio, 'x2', 'Daily Digest', 'https://digest.example/2');
  const link = (a: string, b: string) => ({ a, b, kind: 'duplicate' as const, original: a, shared: 2, score: 1, pairs: [] });
  const reuse = reuseOf([['g1', 'x1'], ['r1', 'x2']], [link('g1', 'x1'), link('r1', 'x2')]);
  const { groupOf } = independentSources([gazette, radio, x1, x2], reuse);
  assert.equal(new Set(groupOf.values()).size, 2);
  assert.notEqual(groupOf.get('g1'), groupOf.get('r1'));
});

test('a copy group across outlets with no known original stands alone', () => {
  const y = as(gazette, 'y1', 'Kestrel Post', 'https://kestrel-post.example/y');
  const own = as(times1, 'k1', 'Kestrel Post', 'https://kestrel-post.example/own');
  const { groupOf, sources } = independentSources([gazette, y, own], reuseOf([['g1', 'y1']]));
  assert.equal(groupOf.get('g1'), groupOf.get('y1'));
  assert.notEqual(groupOf.get('k1'), groupOf.get('y1'), 'not joined to either outlet');
  assert.equal(sources.find((s) => s.articles.includes('g1'))!.label, 'Kestrel Post + harbourview-gazette.example');
});

test('articles with no outlet and no URL are their own sources, never one "unknown" outlet', () => {
  const n1 = as(gazette, 'n1', null, null);
  const n2 = as(times1, 'n2', null, null);
  const { groupOf, sources } = independentSources([n1, n2], reuseOf([]));
  assert.notEqual(groupOf.get('n1'), groupOf.get('n2'));
  assert.deepEqual(sources.map((s) => s.label), ['article n1', 'article n2']);
});

test('an owner named for one outlet only joins it to nothing', () => {
  const registry = parseOutletRegistry({ outlets: [{ name: 'Ostra Valley Times', owner: 'Valley Media Group' }, { name: 'Ostra Radio' }] });
  const { groupOf, sources } = independentSources([times1, radio], reuseOf([]), registry);
  assert.notEqual(groupOf.get('t1'), groupOf.get('r1'));
  assert.ok(sources.every((s) => s.owner === null && !s.folded.some((f) => f.kind === 'owner')));
});
