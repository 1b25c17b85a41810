// Speed of the clean stage (target: ≥ 10,000 seed-sized articles/s on one core) and the memory of
// OutletLineStats as the corpus grows. Articles are real sentences recombined (bench/corpus.ts's pool:
// ECB+ when ../shared is present) with fictional furniture lines mixed in so the rules have work to do.
// Usage: npx tsx bench/clean.ts [--sizes 10000,100000]

import type { Article } from '../src/model/article.js';
import { OutletLineStats, createCleanStage } from '../src/clean/index.js';
import { prng, sentencePool } from './corpus.js';

const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '10000,100000';
const sizes = sizesArg.split(',').map(Number);

/** Fictional furniture, one or two per article, as sites scatter them. */
const FURNITURE = [
  'Advertisement',
  'Share this article',
  'Follow us on Twitter',
  'Be the first to comment',
  '© 2024 Harbour Ledger Media. All rights reserved.',
  'For as little as $5 a month you can support our independent journalism.',
  'Sign up for our Morning Tide newsletter',
  'Read more: Ferry fares to rise in spring',
  'Photo: Valley Wire',
  'By Jane Doe',
];

const { sentences, source } = sentencePool();

function makeArticle(i: number, rand: () => number): Article {
  const lines: string[] = [];
  const count = 10 + Math.floor(rand() * 10);
  for (let k = 0; k < count; k++) lines.push(sentences[Math.floor(rand() * sentences.length)]);
  for (let k = 0; k < 2; k++) lines.splice(Math.floor(rand() * lines.length), 0, FURNITURE[Math.floor(rand() * FURNITURE.length)]);
  const outlet = `outlet${Math.floor(rand() * 50)}.example`;
  return {
    id: `b${i}`,
    path: `b${i}.txt`,
    format: 'txt',
    encoding: 'utf-8',
    meta: { title: null, url: null, outlet, published: null, publishedFrom: null, author: null, declaredLanguage: null },
    raw: lines.join('\n'),
    hash: String(i),
    diagnostics: [],
  };
}

/** CPU milliseconds of this process: on a shared 2-core machine wall time measures the neighbours too. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

console.log(`sentence pool: ${sentences.length} sentences from ${source}`);
console.log('rates are articles per CPU-second of one core (wall-clock rate in brackets)');
console.log('| articles | clean only | observe + clean | removed/article | stats table lines | stats memory | heap used |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  // Articles are generated on the fly and dropped after cleaning: only the stats grow with n.
  const plain = createCleanStage();
  let rand = prng(7);
  let removed = 0;
  let bytes = 0;
  // Generation cost is measured separately and subtracted, so the figure is the stage's own.
  let [w0, c0] = [performance.now(), cpu()];
  for (let i = 0; i < n; i++) makeArticle(i, rand);
  const [genWall, genCpu] = [performance.now() - w0, cpu() - c0];

  rand = prng(7);
  [w0, c0] = [performance.now(), cpu()];
  for (let i = 0; i < n; i++) {
    const a = makeArticle(i, rand);
    bytes += a.raw.length;
    plain.run(a);
    removed += a.clean!.removed.length;
  }
  const cleanRate = n / ((cpu() - c0 - genCpu) / 1000);
  const cleanWall = n / ((performance.now() - w0 - genWall) / 1000);

  const stats = new OutletLineStats();
  const withStats = createCleanStage(stats);
  rand = prng(7);
  [w0, c0] = [performance.now(), cpu()];
  for (let i = 0; i < n; i++) {
    const a = makeArticle(i, rand);
    stats.observe(a.meta.outlet, a.raw);
    withStats.run(a);
  }
  const statsRate = n / ((cpu() - c0 - genCpu) / 1000);
  const statsWall = n / ((performance.now() - w0 - genWall) / 1000);
  const fmt = (x: number) => Math.round(x).toLocaleString('en');
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
  console.log(
    `| ${n.toLocaleString('en')} | ${fmt(cleanRate)} (${fmt(cleanWall)}) | ${fmt(statsRate)} (${fmt(statsWall)}) | ${(removed / n).toFixed(2)} | ${stats.repeatedLines.toLocaleString('en')} | ${mb(stats.bytes)} | ${mb(process.memoryUsage().heapUsed)} |`,
  );
  if (n === sizes[0]) console.log(`(mean article: ${Math.round(bytes / n)} characters; the seeds average ~2,100)`);
}
