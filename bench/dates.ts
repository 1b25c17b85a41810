// Speed of date + quantity extraction (target: ≥ 1,500 seed-sized articles/s on one core, so that the
// whole extract stage can reach 500/s). Articles are real sentences recombined by bench/corpus.ts (ECB+
// when ../shared is present), 10–24 sentences each, one paragraph per sentence.
// Usage: npx tsx bench/dates.ts [--n 3000]

import { extractDatesFromText } from '../src/extract/dates/index.js';
import { extractQuantitiesFromText } from '../src/extract/quantities/index.js';
import { prng, sentencePool } from './corpus.js';

const args = process.argv.slice(2);
const n = args.includes('--n') ? Number(args[args.indexOf('--n') + 1]) : 3000;
const { sentences, source } = sentencePool();
const rand = prng(5);
const articles: { text: string; bounds: { start: number; end: number }[] }[] = [];
for (let i = 0; i < n; i++) {
  const k = 10 + Math.floor(rand() * 15);
  let text = '';
  const bounds: { start: number; end: number }[] = [];
  for (let j = 0; j < k; j++) {
    if (text) text += '\n\n';
    const s = sentences[Math.floor(rand() * sentences.length)];
    bounds.push({ start: text.length, end: text.length + s.length });
    text += s;
  }
  articles.push({ text, bounds });
}
const chars = articles.reduce((s, a) => s + a.text.length, 0);

function run(name: string, fn: (a: (typeof articles)[number]) => number): void {
  for (const a of articles.slice(0, 200)) fn(a); // warm-up (JIT, chrono's regexes)
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let found = 0;
  for (const a of articles) found += fn(a);
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  console.log(`| ${name} | ${n} | ${(n / s).toFixed(0)} | ${(n / cpu).toFixed(0)} | ${((chars / s) / 1e6).toFixed(2)} | ${(found / n).toFixed(1)} |`);
}

console.log(`corpus: ${source}, ${n} articles, mean ${(chars / n).toFixed(0)} chars`);
// Wall-clock and CPU-time rates: other sessions share the 2 cores, and CPU time is less disturbed by them.
console.log(`load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
console.log('| stage | articles | articles/s (wall) | articles/s (CPU) | MB/s (wall) | mentions/article |');
console.log('|---|---|---|---|---|---|');
run('dates', (a) => extractDatesFromText(a.text, '2022-07-16', a.bounds).length);
run('quantities', (a) => extractQuantitiesFromText(a.text, a.bounds).length);
run('dates + quantities', (a) => extractDatesFromText(a.text, '2022-07-16', a.bounds).length + extractQuantitiesFromText(a.text, a.bounds).length);
