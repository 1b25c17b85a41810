import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborateStory } from '../corroborate/index.js';
import { reuseOf } from '../../test/fixtures/corroborate/build.js';
import { times1, times2, radio, gazette, ap1, ap2, ap3, REGISTRY } from '../../test/fixtures/outlets/bridge.js';
import { independentSources } from './sources.js';
import { parseOutletRegistry, defaultOutletRegistry } from './registry.js';
import { withSourceIds } from './figures.js';
import type { AnalysedArticle } from '../model/article.js';
import type { ReuseResult } from '../model/report.js';

const registry = parseOutletRegistry(REGISTRY, 'outlets.json');

/** The bridge claim's independent support before and after folding, as corroborateStory counts it. */
function bridgeClaim(articles: AnalysedArticle[], reuse: ReuseResult, folded: Map<string, string>) {
  const find = (r: ReturnType<typeof corroborateStory>) => r.claims.find((c) => /Lomar bridge reopened/.test(c.text))!;
  const before = find(corroborateStory(articles, reuse, [], 'Lomar bridge'));
  const after = find(withSourceIds(corroborateStory(articles, { ...reuse, groupOf: folded }, [], 'Lomar bridge'), folded));
  return { before, after };
}

test('two reworded reports of one outlet (two hosts, site name and host) are one source', () => {
  const articles = [times1, times2, gazette];
  const reuse = reuseOf([]);
  const { groupOf, sources } = independentSources(articles, reuse, defaultOutletRegistry());
  assert.equal(groupOf.get('t1'), groupOf.get('t2'));
  const { before, after } = bridgeClaim(articles, reuse, groupOf);
  assert.deepEqual(before.sources, ['g1', 't1', 't2']);
  assert.equal(before.independentSources, 3, 'reuse alone counts the outlet twice');
  assert.equal(after.independentSources, 2);
  assert.deepEqual(after.sourceIds, ['src:harbourview-gazette.example', 'src:ostravalleytimes.example']);
  const times = sources.find((s) => s.id === 'src:ostravalleytimes.example')!;
  assert.equal(times.label, 'Ostra Valley Times');
  assert.deepEqual(times.articles, ['t1', 't2']);
  assert.deepEqual(times.folded.map((f) => [f.kind, f.detail]), [['masthead', '2 reports of one outlet: Ostra Valley Times (seen as Ostra Valley Times, ostravalleytimes.example)']]);
});

test('two outlets of one owner are one source with the registry, two without', () => {
  const articles = [times1, radio, gazette];
  const reuse = reuseOf([]);
  assert.equal(new Set(independentSources(articles, reuse).groupOf.values()).size, 3, 'no registry: three outlets');
  const { groupOf, sources } = independentSources(articles, reuse, registry);
  const { after } = bridgeClaim(articles, reuse, groupOf);
  assert.equal(after.independentSources, 2);
  const group = sources.find((s) => s.owner === 'Valley Media Group')!;
  assert.equal(group.label, '2 outlets of one owner (Valley Media Group)');
  assert.deepEqual(group.outlets, ['Ostra Radio', 'Ostra Valley Times']);
  assert.deepEqual(group.folded.find((f) => f.kind === 'owner')?.articles, ['r1', 't1']);
});

test('AP copies in three outlets are AP once; the outlets keep their own reporting apart', () => {
  const articles = [times1, gazette, ap1, ap2, ap3];
  const reuse = reuseOf([['w1', 'w2']]);
  const { groupOf, sources } = independentSources(articles, reuse, registry);
  const ap = sources.find((s) => s.wire === 'AP')!;
  assert.equal(ap.label, 'AP via 3 outlets');
  assert.deepEqual(ap.articles, ['w1', 'w2', 'w3']);
  assert.deepEqual(ap.outlets, ['Kestrel Post', 'Ostra Valley Times', 'harbourview-gazette.example']);
  assert.equal(ap.folded.find((f) => f.kind === 'wire')?.detail, 'AP via 3 outlets (dateline "(AP) —" in 3 articles)');
  // The Valley Times ran the AP story (w1) and its own report (t1): only t1 is the Valley Times.
  assert.notEqual(groupOf.get('t1'), groupOf.get('w1'));
  assert.notEqual(groupOf.get('g1'), groupOf.get('w2'));
  const { before, after } = bridgeClaim(articles, reuse, groupOf);
  assert.equal(before.independentSources, 4, 'w3 escaped the reuse stage and counted apart');
  assert.equal(after.independentSources, 3);
  assert.deepEqual(after.sourceIds, ['src:ap', 'src:harbourview-gazette.example', 'src:ostra-valley-times']);
});

test('a copy group without a wire sign goes to the outlet of its original', () => {
  const copy = { ...gazette, id: 'g2', meta: { ...gazette.meta, outlet: 'Kestrel Post', url: 'https://kestrel-post.example/g' } };
  const reuse = reuseOf([['g1', 'g2']], [{ a: 'g1', b: 'g2', kind: 'duplicate', original: 'g1', shared: 2, score: 1, pairs: [] }]);
  const own = { ...times1, id: 'k1', meta: { ...times1.meta, outlet: 'Kestrel Post', url: 'https://kestrel-post.example/own' } };
  const { groupOf, sources } = independentSources([gazette, copy, own], reuse);
  assert.equal(groupOf.get('g2'), groupOf.get('g1'), "the copy is the Gazette's report");
  assert.notEqual(groupOf.get('k1'), groupOf.get('g1'), "the copier's own report stays its own");
  const g = sources.find((s) => s.articles.includes('g1'))!;
  assert.equal(g.folded[0].detail, "2 articles that copy each other: copies of harbourview-gazette.example's report in Kestrel Post");
});

test("copies across two outlets of one owner are that owner's report", () => {
  const copy = { ...times1, id: 'r2', meta: { ...times1.meta, outlet: 'Ostra Radio', url: 'https://ostra-radio.example/copy' } };
  const { groupOf, sources } = independentSources([times1, copy, gazette], reuseOf([['r2', 't1']]), registry);
  assert.equal(groupOf.get('t1'), groupOf.get('r2'));
  const owned = sources.find((s) => s.articles.includes('t1'))!;
  assert.equal(owned.label, '2 outlets of one owner (Valley Media Group)');
  assert.deepEqual(owned.folded.map((f) => f.kind), ['copy', 'owner']);
});

test("a wire's own site and the outlets carrying its story", () => {
  const own = { ...ap3, id: 'w0', meta: { ...ap3.meta, outlet: null, url: 'https://apnews.com/article/lomar' } };
  const { sources } = independentSources([own, ap1, ap2], reuseOf([['w0', 'w1', 'w2']]), registry);
  assert.equal(sources.length, 1);
  assert.equal(sources[0].label, 'AP via its own site and 2 outlets');
});

test('deterministic whatever the input order', () => {
  const articles = [times1, times2, radio, gazette, ap1, ap2, ap3];
  const reuse = reuseOf([['w1', 'w2']]);
  const a = independentSources(articles, reuse, registry);
  const b = independentSources([...articles].reverse(), reuse, registry);
  assert.deepEqual(b.sources, a.sources);
  assert.deepEqual([...b.groupOf].sort(), [...a.groupOf].sort());
});
