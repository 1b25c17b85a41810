// Entity + quote extraction speed on prepared (cleaned, segmented) articles: the ECB+ news articles and
// the seeds, segmentation done before the clock starts (it belongs to the text stage).
// Run: npx tsx bench/entities.ts        (reads ../shared/data/stories-ecbplus and ../shared/seeds)

import { availableParallelism } from 'node:os';
import { extractEntities } from '../src/extract/entities/index.js';
import { extractQuotes } from '../src/extract/quotes/index.js';
import { ECB_DIR, ecbAndSeedArticles } from '../test/fixtures/entities/ready.js';


function main(): void {
  const articles = ecbAndSeedArticles();
  if (!articles) {
    console.log(`skipped: ${ECB_DIR} absent`);
    return;
  }
  // Warm-up: gazetteer load, compromise lexicon, JIT.
  for (const a of articles.slice(0, 20)) extractQuotes(a, extractEntities(a));
  let entities = 0;
  let quotes = 0;
  const rounds = 3;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const a of articles) {
      const e = extractEntities(a);
      const q = extractQuotes(a, e);
      if (r === 0) { entities += e.length; quotes += q.length; }
    }
  }
  const ms = performance.now() - t0;
  const perSecond = (rounds * articles.length) / (ms / 1000);
  const cores = Math.min(2, availableParallelism());
  console.log('| corpus | articles | entities | quotes | ms/article | articles/s (1 core) | articles/s (×%d cores, pool) |'.replace('%d', String(cores)));
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| ecbplus + seeds | ${articles.length} | ${entities} | ${quotes} | ${(ms / rounds / articles.length).toFixed(2)} | ${perSecond.toFixed(0)} | ${(perSecond * cores).toFixed(0)} |`);
}

main();
