// Report 1.3.0: a report carrying independent sources, article sources and sourceIds validates against
// docs/report.schema.json, and each figure's sourceIds count what its independentSources says.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateReport, schemaErrors } from './schema.js';
import { corroborateStory } from '../src/corroborate/index.js';
import { reuseOf } from './fixtures/corroborate/build.js';
import { times1, times2, radio, gazette, ap1, ap2, ap3, REGISTRY } from './fixtures/outlets/bridge.js';
import { independentSources, parseOutletRegistry, withSourceIds, withSource } from '../src/outlets/index.js';
import { REPORT_VERSION, type Report } from '../src/model/report.js';

test('a 1.3.0 report with sources validates, and every sourceIds matches its independentSources', () => {
  const articles = [times1, times2, radio, gazette, ap1, ap2, ap3];
  const reuse = reuseOf([['w1', 'w2']]);
  const { groupOf, sources } = independentSources(articles, reuse, parseOutletRegistry(REGISTRY));
  const story = withSourceIds(corroborateStory(articles, { ...reuse, groupOf }, [], 'Lomar bridge'), groupOf);
  const report: Report = {
    version: REPORT_VERSION,
    generatedAt: '2030-05-04T00:00:00.000Z',
    articles: articles.map((a) =>
      withSource({ id: a.id, path: a.path, url: a.meta.url, outlet: a.meta.outlet, title: a.meta.title, published: a.meta.published, publishedFrom: 'header', language: 'en', sentences: a.text.sentences.length, removed: [] }, groupOf),
    ),
    rejected: [],
    warnings: [],
    reuse: [],
    sources,
    stories: [{ id: 's-1', headline: 'Lomar bridge', articles: articles.map((a) => a.id), events: [], summary: [], timeline: [], entities: [], ...story }],
  };
  assert.equal(REPORT_VERSION, '1.3.0');
  assert.ok(validateReport(report), schemaErrors());
  assert.ok(report.stories[0].claims.length > 0);
  for (const c of report.stories[0].claims) assert.equal(c.sourceIds!.length, c.independentSources, c.text);
  for (const c of report.stories[0].contradictions) for (const v of c.values) assert.equal(v.sourceIds!.length, v.independentSources, v.value);
  const ids = new Set(sources.map((s) => s.id));
  for (const a of report.articles) assert.ok(ids.has(a.source!), `${a.id} points at a listed source`);
});
