// Synthetic corpora for benchmarks: real sentences (ECB+ news, or the repo's examples when ../shared is
// absent) recombined into seed-sized articles with a seeded PRNG, written as JSONL without holding them all.

import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { once } from 'node:events';
import { prng } from '../src/seeded-random.js';
export { prng };

/** The V8 flags bin/crosscheck.js starts node with (its young generation): bench processes that stand for a
 *  CLI run start with them too, so their figures are what `crosscheck` gets. */
export const CLI_NODE_FLAGS = ['--max-semi-space-size=64'];

export const CACHE = fileURLToPath(new URL('./.cache/', import.meta.url));
const ECB = fileURLToPath(new URL('../../shared/data/stories-ecbplus/', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));


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

/** ECB+ documents (or the examples) as sentence lists, grouped by topic so a story can borrow background. */
function documentPool(): { docs: { topic: string; sentences: string[] }[]; source: string } {
  const docs: { topic: string; sentences: string[] }[] = [];
  if (existsSync(join(ECB, 'gold.tsv'))) {
    for (const line of readFileSync(join(ECB, 'gold.tsv'), 'utf8').split('\n').slice(1)) {
      const [id, topic] = line.split('\t');
      if (!id || !existsSync(join(ECB, `${id}.txt`))) continue;
      const sentences = readFileSync(join(ECB, `${id}.txt`), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.split(' ').length >= 6);
      if (sentences.length >= 3) docs.push({ topic, sentences });
    }
    return { docs, source: '../shared/data/stories-ecbplus' };
  }
  for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
    const sentences = readFileSync(join(EXAMPLES, f), 'utf8').split('\n').filter((l) => /[.!?]"?$/.test(l) && l.split(' ').length >= 6);
    if (sentences.length >= 3) docs.push({ topic: f, sentences });
  }
  return { docs, source: 'examples/ (../shared absent)' };
}

/** Lowercase words kept in a reused base article: the pool's most frequent (function words and the verbs
 * and nouns all news shares: "said", "killed", "police"), so its sentences still read as news to the
 * extractors. 300 cover 55 % of ECB+'s lowercase word tokens (600: 66 %), so twins share few 4-word shingles. */
const COMMON_WORDS = 300;
function commonWords(docs: { sentences: string[] }[]): Set<string> {
  const freq = new Map<string, number>();
  for (const d of docs) for (const s of d.sentences) for (const w of s.match(/\b[a-z]{3,}\b/g) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
  return new Set([...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, COMMON_WORDS).map(([w]) => w));
}

/** Capitalised words kept as they are: dates must stay dates, and sentence glue stays glue. */
const KEEP = new Set(('January February March April May June July August September October November December ' +
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday The This That These Those They There Their When While ' +
  'After Before But And For His Her Its Our Some Many Most Police President Mr Mrs Ms Dr').split(' '));

const SYLLABLES = ['ka', 'lo', 'mir', 'ven', 'dra', 'tos', 'bel', 'qui', 'nar', 'sef', 'ul', 'gor', 'pri', 'zan', 'hed', 'wyn'];

/** A pseudo-name for (story, word): same story, same word → same name; other stories get other names. */
function pseudoName(story: number, word: string): string {
  let h = story * 2654435761;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  const rand = prng(h >>> 0);
  const n = 2 + Math.floor(rand() * 2);
  let out = '';
  for (let i = 0; i < n; i++) out += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return out[0].toUpperCase() + out.slice(1);
}

/**
 * A firehose-shaped corpus: `n` articles in stories of skewed sizes (mean about 12, a few of 50–200).
 * Each story is one real ECB+ article whose capitalised words and numbers are replaced by story-specific
 * pseudo-names and figures, so stories of the same kind ("an earthquake", "a rehab stay") stay distinct, as
 * in real news. A story's articles are copies (a fifth verbatim), trimmed and reordered rewrites, some with
 * background sentences of another article of the same topic; dates within four days of the story's day.
 * `syntheticCorpus` is the other extreme: sentences recombined at random, so everything looks like one story.
 */
export async function storyCorpus(n: number, seed = 7): Promise<{ path: string; source: string }> {
  mkdirSync(CACHE, { recursive: true });
  const { docs, source } = documentPool();
  const path = join(CACHE, `stories-v2-${n}-${seed}.jsonl`);
  if (existsSync(path)) return { path, source };
  const rand = prng(seed);
  const common = commonWords(docs);
  const byTopic = new Map<string, number[]>();
  docs.forEach((d, i) => byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), i]));
  // Each real article seeds one story until all are used (then they are reused under new names): two
  // stories built on one article share every sentence but the names, which no two real stories do.
  const order = docs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out = createWriteStream(path);
  let written = 0;
  for (let story = 0; written < n; story++) {
    const size = Math.min(n - written, rand() < 0.03 ? 50 + Math.floor(rand() * 150) : 1 + Math.floor(-Math.log(1 - rand()) * 12));
    const base = order[story % order.length];
    // A base article used again (past the pool's first round, ~6k articles from ECB+'s 498) has its
    // uncommon words renamed as well as its names: with names alone the twins shared every other word, so
    // reuse linked them as copies and the corpus merged them (22,000 articles in 56 stories at 22k, 615k
    // reuse links), which no firehose does. The first round is as before.
    const again = story >= order.length;
    const rename = (s: string) =>
      s
        .replace(/\b[A-Z][a-z]{2,}\b/g, (w, at: number) => (at === 0 || KEEP.has(w) ? w : pseudoName(story, w)))
        .replace(/\b[a-z]{3,}\b/g, (w) => (again && !common.has(w) ? pseudoName(story, w).toLowerCase() : w))
        .replace(/\b\d+\b/g, (d) => (Number(d) < 32 || /^(19|20)\d\d$/.test(d) ? d : String((Number(d) * 7 + story) % 997)));
    const sentences = docs[base].sentences.map(rename);
    const siblings = (byTopic.get(docs[base].topic) ?? []).filter((i) => i !== base);
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 360) * 86_400_000);
    const bodies: string[] = [];
    for (let k = 0; k < size; k++) {
      let body: string[];
      if (k > 0 && rand() < 0.2) body = bodies[Math.floor(rand() * bodies.length)].split('\n\n');
      else {
        body = sentences.filter(() => rand() < 0.85);
        if (body.length < 3) body = sentences.slice(0, 3);
        if (rand() < 0.5) body = [body[0], ...body.slice(1).sort(() => rand() - 0.5)];
        if (siblings.length && rand() < 0.3) {
          const other = docs[siblings[Math.floor(rand() * siblings.length)]].sentences.map(rename);
          body.push(...other.slice(0, 1 + Math.floor(rand() * 3)));
        }
      }
      bodies.push(body.join('\n\n'));
      const published = new Date(day.getTime() + Math.floor(rand() * 4) * 86_400_000).toISOString().slice(0, 10);
      const record = {
        id: `st${story}-${k}`,
        title: body[0].split(' ').slice(0, 10).join(' '),
        outlet: `outlet${Math.floor(rand() * 50)}.example`,
        published,
        text: body.join('\n\n'),
      };
      if (!out.write(JSON.stringify(record) + '\n')) await once(out, 'drain');
      written++;
    }
  }
  out.end();
  await once(out, 'finish');
  return { path, source };
}
