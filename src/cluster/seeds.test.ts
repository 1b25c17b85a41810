// The five seed articles (../shared/seeds, read at run time, never copied): one story about Russian
// officials and Iranian drones. Skips when the seeds are absent.
// 000/001/004 (July visits) and 002/003 (August training) are two events: the seeds carry almost no dates,
// so time segmentation cannot separate them and the lead bisection does (docs/cluster.md).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReuseResult } from '../model/report.js';
import { clusterStories } from './index.js';
import { buildArticle } from '../../test/fixtures/cluster/build.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const skip = existsSync(SEEDS) ? false : `seed articles (${SEEDS}) are absent`;
const NO_REUSE: ReuseResult = { links: [], groupOf: new Map(), inheritedDates: new Map() };

test('seeds: one story, 000/001/004 share an event, order does not matter', { skip }, () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const articles = files.map((f) => buildArticle(f.slice(0, 3), readFileSync(SEEDS + f, 'utf8')));
  const stories = clusterStories(articles, NO_REUSE);
  assert.equal(stories.length, 1);
  assert.deepEqual([...stories[0].articles].sort(), ['000', '001', '002', '003', '004']);
  const visit = stories[0].events.find((e) => e.articles.includes('000'))!;
  for (const id of ['001', '004']) assert.ok(visit.articles.includes(id), `${id} not with 000`);
  const training = stories[0].events.find((e) => e.articles.includes('002'))!;
  assert.ok(training.articles.includes('003'));
  assert.deepEqual(clusterStories([...articles].reverse(), NO_REUSE), stories);
  assert.ok(stories[0].headline.length > 0 && stories[0].headline.length <= 160);
});
