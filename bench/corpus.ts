// Synthetic corpora for benchmarks: real sentences (ECB+ news, or the repo's examples when ../shared is
// absent) recombined into seed-sized articles with a seeded PRNG, written as JSONL without holding them all.

import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { once } from 'node:events';

export const CACHE = fileURLToPath(new URL('./.cache/', import.meta.url));
const ECB = fileURLToPath(new URL('../../shared/data/stories-ecbplus/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

/** Mulberry32: tiny, fast and deterministic, so every run benchmarks the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sentencePool(): { sentences: string[]; source: string } {
  if (existsSync(ECB)) {
    const sentences: string[] = [];
    for (const f of readdirSync(ECB).filter((f) => f.endsWith('.txt')).sort()) {
      for (const line of readFileSync(join(ECB, f), 'utf8').split('\n')) if (line.split(' ').length >= 6) sentences.push(line.trim());
    }
    return { sentences, source: '../shared/data/stories-ecbplus' };
  }
  const sentences: string[] = [];
  for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(join(EXAMPLES, f), 'utf8').split('\n')) if (/[.!?]"?$/.test(line) && line.split(' ').length >= 6) sentences.push(line.trim());
  }
  return { sentences, source: 'examples/ (../shared absent)' };
}

/** Writes `n` articles of 10–24 sentences (seed articles have ~15) to a cached JSONL file; returns its path. */
export async function syntheticCorpus(n: number, seed = 42): Promise<{ path: string; source: string }> {
  mkdirSync(CACHE, { recursive: true });
  const { sentences, source } = sentencePool();
  const path = join(CACHE, `corpus-${n}-${seed}.jsonl`);
  if (existsSync(path)) return { path, source };
  const rand = prng(seed);
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const count = 10 + Math.floor(rand() * 15);
    const body: string[] = [];
    for (let k = 0; k < count; k++) body.push(sentences[Math.floor(rand() * sentences.length)]);
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    const record = {
      id: `syn${i}`,
      title: body[0].split(' ').slice(0, 10).join(' '),
      outlet: `outlet${Math.floor(rand() * 50)}.example`,
      published: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      text: body.join(rand() < 0.5 ? ' ' : '\n\n'),
    };
    if (!out.write(JSON.stringify(record) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, source };
}
