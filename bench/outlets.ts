// Folding articles into independent sources (src/outlets independentSources) at 10k and 100k articles:
// real sentences (bench/corpus.ts sentencePool) in seed-sized bodies, 300 outlets over 900 hosts, copy
// groups of 1–4, one article in 20 opening with a wire dateline. Prints wall time and articles/s.

import { independentSources } from '../src/outlets/index.js';
import { prng, sentencePool } from './corpus.js';

const { sentences, source } = sentencePool();
console.log(`sentences from ${source}`);
console.log('| articles | sources | ms | articles/s |\n|---|---|---|---|');
for (const n of [10_000, 100_000]) {
  const rand = prng(13);
  const pick = () => sentences[Math.floor(rand() * sentences.length)];
  const articles = Array.from({ length: n }, (_, i) => {
    const outlet = Math.floor(rand() * 300);
    const body = Array.from({ length: 12 }, pick).join('\n\n');
    const text = i % 20 === 0 ? `LOMAR (AP) — ${body}` : body;
    return {
      id: `a${i}`,
      meta: { outlet: i % 3 ? `Outlet ${outlet} - News` : null, url: `https://${['www', 'm', 'sport'][i % 3]}.outlet${outlet}.example/${i}`, author: null },
      clean: { text, removed: [] },
    };
  });
  const groupOf = new Map<string, string>();
  for (let i = 0; i < n; ) {
    const size = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < size && i < n; k++, i++) groupOf.set(`a${i}`, `a${i - k}`);
  }
  const t0 = performance.now();
  const { sources } = independentSources(articles, { groupOf, links: [] });
  const ms = performance.now() - t0;
  console.log(`| ${n} | ${sources.length} | ${ms.toFixed(0)} | ${Math.round(n / (ms / 1000))} |`);
}
