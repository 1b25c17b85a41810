// Quote extraction speed, rules alone and rules + tagger in the same run, on prepared (cleaned, segmented)
// articles: the ECB+ news articles and the seeds; entities are extracted once beforehand, as the extract
// stage hands them to extractQuotes. Also the whole extraction (entities + quotes) per core.
// Run: npx tsx bench/quotes.ts        (reads ../shared/data/stories-ecbplus and ../shared/seeds)

import { extractEntities } from '../src/extract/entities/index.js';
import { extractQuotes } from '../src/extract/quotes/index.js';
import type { EntityMention } from '../src/model/article.js';
import { ECB_DIR, ecbAndSeedArticles } from '../test/fixtures/entities/ready.js';


/** CPU time of the fastest of `rounds` runs: the machine is shared, so wall time (and the slower rounds)
 * would measure the neighbours too. */
function timed(rounds: number, run: () => number): { ms: number; count: number } {
  let count = 0;
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.cpuUsage();
    count = run();
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { ms: best, count };
}

function main(): void {
  const articles = ecbAndSeedArticles();
  if (!articles) {
    console.log(`skipped: ${ECB_DIR} absent`);
    return;
  }
  const entities: EntityMention[][] = articles.map((a) => extractEntities(a));
  // Warm-up: gazetteer, the tagger's model file (read lazily on first use), JIT.
  for (let i = 0; i < 40; i++) {
    extractQuotes(articles[i % articles.length], entities[i % articles.length], { model: false });
    extractQuotes(articles[i % articles.length], entities[i % articles.length]);
  }
  const rounds = 5;
  const quotes = (model: boolean) => timed(rounds, () => articles.reduce((n, a, i) => n + extractQuotes(a, entities[i], { model }).length, 0));
  const extraction = (model: boolean) => timed(rounds, () => articles.reduce((n, a) => n + extractQuotes(a, extractEntities(a), { model }).length, 0));
  const rows: [string, { ms: number; count: number }][] = [
    ['quotes, rules alone', quotes(false)],
    ['quotes, rules + tagger', quotes(true)],
    ['entities + quotes, rules alone', extraction(false)],
    ['entities + quotes, rules + tagger', extraction(true)],
  ];
  console.log(`ecbplus + seeds: ${articles.length} articles, CPU time of the fastest of ${rounds} rounds, one core`);
  console.log('| step | quotes | ms/article | articles/s (1 core) |');
  console.log('|---|---|---|---|');
  for (const [name, r] of rows) {
    console.log(`| ${name} | ${r.count} | ${(r.ms / articles.length).toFixed(3)} | ${(articles.length / (r.ms / 1000)).toFixed(0)} |`);
  }
}

main();
