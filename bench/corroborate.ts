// Speed of the cross-check stage: corroborateStory + summarise on synthetic stories of growing size,
// built by sampling real sentences of ../shared/data/stories-ecbplus (skips when absent).
//   npx tsx bench/corroborate.ts
import { existsSync, readFileSync } from 'node:fs';
import { corroborateStory } from '../src/corroborate/index.js';
import { summarise } from '../src/brief/summary.js';
import { DATA_DIR, analyse, bodyLines, loadExtractors } from '../eval/contradictions.js';
import type { AnalysedArticle } from '../src/model/article.js';
import type { ReuseResult } from '../src/model/report.js';

if (!existsSync(`${DATA_DIR}/gold.tsv`)) {
  console.log(`skipped: corpus absent (${DATA_DIR})`);
} else {
  const ex = await loadExtractors();
  if (typeof ex === 'string') console.log(`skipped: ${ex}`);
  else {
    const byStory = new Map<string, string[]>();
    for (const line of readFileSync(`${DATA_DIR}/gold.tsv`, 'utf8').split('\n').slice(1)) {
      const [id, story] = line.split('\t');
      if (id && story) byStory.set(story, [...(byStory.get(story) ?? []), id]);
    }
    const ids = [...byStory.values()].sort((a, b) => b.length - a.length)[0].sort();
    const pool: AnalysedArticle[] = [];
    for (const id of ids) pool.push(await analyse(id, bodyLines(id), ex));
    console.log('| articles in story | sentences | corroborate ms | summarise ms |');
    console.log('|---|---|---|---|');
    for (const n of [10, 30, 100, 300]) {
      // Larger stories reuse the pool's articles under new ids (as copies would be).
      const arts = Array.from({ length: n }, (_, i) => ({ ...pool[i % pool.length], id: `a${i}` }));
      const reuse: ReuseResult = { links: [], groupOf: new Map(arts.map((a, i) => [a.id, `g${i % pool.length}`])), inheritedDates: new Map() };
      const t0 = performance.now();
      const r = corroborateStory(arts, reuse, [], '');
      const t1 = performance.now();
      summarise(arts, reuse, r.claims);
      const t2 = performance.now();
      const sentences = arts.reduce((s, a) => s + a.text.sentences.length, 0);
      console.log(`| ${n} | ${sentences} | ${(t1 - t0).toFixed(0)} | ${(t2 - t1).toFixed(0)} |`);
    }
  }
}
