// A corpus kept open (as a server keeps it) serves each story view from the per-article sentence features,
// representatives and stems kept between adds (src/corroborate/align.ts, claims.ts, terms.ts): adding the
// example articles one at a time must store, after every add, exactly the views a corpus reopened for each
// add computes from freshly read records. Articles of examples/ (fictional, written for the project).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCorpus, type Corpus } from '../src/corpus/index.js';
import { openStore } from '../src/store/store.js';
import type { Story } from '../src/model/report.js';

const NOW = () => new Date('2031-05-20T00:00:00Z');
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const inputs = readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => join(EXAMPLES, f));

async function views(db: string): Promise<Story[]> {
  const store = openStore(db);
  try {
    return (await store.getStories((await store.listStories({})).map((s) => s.id))).map((s) => s.view).sort((a, b) => (a.id < b.id ? -1 : 1));
  } finally {
    await store.close();
  }
}

test('one corpus kept open stores the views a corpus reopened for every add stores, after each add', async () => {
  const warmDb = join(mkdtempSync(join(tmpdir(), 'crosscheck-warm-')), 'c.db');
  const coldDb = join(mkdtempSync(join(tmpdir(), 'crosscheck-cold-')), 'c.db');
  const warm: Corpus = await openCorpus({ db: warmDb });
  try {
    for (const [i, path] of inputs.entries()) {
      await warm.add([path], { workers: 0, now: NOW });
      const cold = await openCorpus({ db: coldDb });
      await cold.add([path], { workers: 0, now: NOW });
      await cold.close();
      assert.deepEqual(await views(warmDb), await views(coldDb), `after ${i + 1} of ${inputs.length} articles`);
    }
  } finally {
    await warm.close();
  }
  const final = await views(warmDb);
  const grown = final.find((s) => s.articles.length >= 3);
  assert.ok(grown, 'one story grew to several articles');
  assert.ok(grown.claims.some((c) => c.independentSources >= 2), 'with claims corroborated by independent sources');
});
