// Report 1.3.0: a report carrying independent sources, article sources and sourceIds validates against
// docs/report.schema.json, and each figure's sourceIds count what its independentSources says.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateReport, schemaErrors } from './schema.js';
import { bridgeReport } from './fixtures/outlets/report.js';
import { REPORT_VERSION } from '../src/model/report.js';

test('a 1.3.0 report with sources validates, and every sourceIds matches its independentSources', () => {
  const report = bridgeReport();
  assert.equal(REPORT_VERSION, '1.5.0');
  assert.ok(validateReport(report), schemaErrors());
  const [story] = report.stories;
  assert.ok(story.claims.length > 0);
  for (const c of story.claims) assert.equal(c.sourceIds!.length, c.independentSources, c.text);
  for (const c of story.contradictions) for (const v of c.values) assert.equal(v.sourceIds!.length, v.independentSources, v.value);
  const ids = new Set(report.sources!.map((s) => s.id));
  for (const a of report.articles) assert.ok(ids.has(a.source!), `${a.id} points at a listed source`);
  assert.equal(report.articles.find((a) => a.id === 't2')!.masthead, 'Ostra Valley Times', 'the sport host counts under the masthead');
});
