// Incremental vs batch on ECB+ (../shared/data/stories-ecbplus): the corpus built by adding the articles in 20
// chunks against the same articles added in one go. Story and event BCubed F1 of each against the gold, and
// of the incremental result against the batch one (agreement; target ≥ 0.98).
// ECB+ carries no publication dates, so chunks follow the files' id order (ids are content hashes: an
// arbitrary but fixed order). The placement parameters were chosen on ECB+; PolNeAR's 924 political news
// articles (../shared/data/quotes-polnear, never used for them) are the held-out check, added in order of the
// publication date their file names carry; it has no story gold, so only the agreement is measured.
// Both placement paths are measured: exact (the neighbourhood re-clustered, the default) and online (stored
// summaries, place-online.ts), with how many chunks each fallback signal sent to the exact path.
// Single adds (the last fifth one at a time, the online path's use) are measured on both corpora.
// Run: npx tsx eval/incremental.ts [chunks] [--no-held-out | --held-out-only]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bcubed } from '../src/cluster/bcubed.js';
import { openCorpus } from '../src/corpus/index.js';
import { ECB_DIR } from './ecbplus.js';

interface Assignment { story: Map<string, string>; event: Map<string, string> }

type Placement = 'exact' | 'online';

/** Fallback reasons of the online path, counted over a build's chunks. */
interface Built { assignment: Assignment; ms: number; online: number; fallbacks: Map<string, number> }

/** Adds `files` in chunks of `chunkSize`; with `tail`, all but the last `tail` files in one add and then those
 *  one at a time (the single adds of a corpus kept open, where the online path is meant to run). */
async function build(files: string[], chunkSize: number, placement: Placement = 'exact', tail = 0): Promise<Built> {
  const corpus = await openCorpus({ db: null });
  try {
    const t0 = performance.now();
    let online = 0;
    const fallbacks = new Map<string, number>();
    const bounds: number[] = [];
    if (tail) for (let i = files.length - tail; i <= files.length; i++) bounds.push(i);
    else for (let i = 0; i < files.length; i += chunkSize) bounds.push(i);
    if (bounds[bounds.length - 1] !== files.length) bounds.push(files.length);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const r = await corpus.add(files.slice(tail && k === 0 ? 0 : bounds[k], bounds[k + 1]), { workers: 0, now: () => new Date(0), placement: tail && k === 0 ? 'exact' : placement });
      for (const p of r.placements) {
        if (p.path === 'online') online++;
        for (const f of p.fallback) fallbacks.set(f, (fallbacks.get(f) ?? 0) + 1);
      }
    }
    const ms = performance.now() - t0;
    const report = await corpus.report({ now: new Date(0) });
    const story = new Map<string, string>();
    const event = new Map<string, string>();
    for (const s of report.stories) for (const e of s.events) for (const a of e.articles) {
      story.set(a, s.id);
      event.set(a, e.id);
    }
    return { assignment: { story, event }, ms, online, fallbacks };
  } finally {
    await corpus.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(ECB_DIR, 'gold.tsv'))) {
    console.log('skipped: ../shared/data/stories-ecbplus is absent');
    return;
  }
  const chunks = Number(/^\d+$/.test(process.argv[2] ?? '') ? process.argv[2] : 20);
  if (process.argv.includes('--held-out-only')) return heldOut(chunks);
  const gold = { story: new Map<string, string>(), event: new Map<string, string>() };
  for (const line of readFileSync(join(ECB_DIR, 'gold.tsv'), 'utf8').split('\n').slice(1)) {
    const [id, story, event] = line.split('\t');
    if (id && story && event) {
      gold.story.set(id, story);
      gold.event.set(id, event);
    }
  }
  const files = readdirSync(ECB_DIR).filter((f) => f.endsWith('.txt') && gold.story.has(f.slice(0, -4))).sort().map((f) => join(ECB_DIR, f));
  const batch = await build(files, files.length);
  const f1 = (p: Map<string, string>, g: Map<string, string>) => bcubed(p, g).f1.toFixed(3);
  if (process.argv.includes('--tail-only')) return singlesTail(files, batch, f1);
  const incremental = await build(files, Math.ceil(files.length / chunks));
  const online = await build(files, Math.ceil(files.length / chunks), 'online');
  console.log(`ECB+: ${files.length} articles; incremental = ${chunks} chunks of ${Math.ceil(files.length / chunks)} in id order\n`);
  console.log('| run | story F1 vs gold | event F1 vs gold | wall |');
  console.log('|---|---|---|---|');
  console.log(`| batch (one add) | ${f1(batch.assignment.story, gold.story)} | ${f1(batch.assignment.event, gold.event)} | ${(batch.ms / 1000).toFixed(1)} s |`);
  console.log(`| incremental (${chunks} adds) | ${f1(incremental.assignment.story, gold.story)} | ${f1(incremental.assignment.event, gold.event)} | ${(incremental.ms / 1000).toFixed(1)} s |`);
  console.log(`| incremental, online placement (${chunks} adds) | ${f1(online.assignment.story, gold.story)} | ${f1(online.assignment.event, gold.event)} | ${(online.ms / 1000).toFixed(1)} s |`);
  console.log(`\nagreement of incremental with batch (BCubed F1): stories ${f1(incremental.assignment.story, batch.assignment.story)}, events ${f1(incremental.assignment.event, batch.assignment.event)} (target ≥ 0.98)`);
  console.log(`agreement of online incremental with batch (BCubed F1): stories ${f1(online.assignment.story, batch.assignment.story)}, events ${f1(online.assignment.event, batch.assignment.event)}; ${fallbackLine(online, chunks)}`);
  await singlesTail(files, batch, f1);
  if (process.argv.includes('--no-held-out')) return;
  await heldOut(chunks);
}

/** PolNeAR in publication order: agreement of the incremental corpus with the batch one, no gold. */
async function heldOut(chunks: number): Promise<void> {
  const root = join(ECB_DIR, '..', 'quotes-polnear');
  if (!existsSync(root)) {
    console.log('\nheld-out check skipped: ../shared/data/quotes-polnear is absent');
    return;
  }
  const dateOf = (f: string) => /_(\d{4}-\d{2}-\d{2})_/.exec(f)?.[1] ?? '';
  const files = ['train', 'dev'].flatMap((split) => readdirSync(join(root, split, 'text')).filter((f) => f.endsWith('.txt')).map((f) => join(root, split, 'text', f)));
  files.sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const batch = await build(files, files.length);
  const incremental = await build(files, Math.ceil(files.length / chunks));
  const online = await build(files, Math.ceil(files.length / chunks), 'online');
  const f1 = (p: Map<string, string>, g: Map<string, string>) => bcubed(p, g).f1.toFixed(3);
  const count = (m: Map<string, string>) => new Set(m.values()).size;
  console.log(`\nheld out, PolNeAR: ${files.length} articles in publication order, ${chunks} chunks; batch ${count(batch.assignment.story)} stories (${(batch.ms / 1000).toFixed(1)} s), incremental ${count(incremental.assignment.story)} (${(incremental.ms / 1000).toFixed(1)} s)`);
  console.log(`agreement of incremental with batch (BCubed F1): stories ${f1(incremental.assignment.story, batch.assignment.story)}, events ${f1(incremental.assignment.event, batch.assignment.event)}`);
  console.log(`online placement (${(online.ms / 1000).toFixed(1)} s): agreement with batch ${f1(online.assignment.story, batch.assignment.story)} / ${f1(online.assignment.event, batch.assignment.event)}; ${fallbackLine(online, chunks)}`);
  // The online path's signals were chosen on ECB+'s single adds: PolNeAR's are their held-out check.
  await singlesTail(files, batch, f1);
}

/** All but the last fifth in one add, then that fifth one article at a time, by each path (the online path is
 *  meant for single adds: in chunks of 25 nearly every chunk has an article that sends it to the exact path). */
async function singlesTail(files: string[], batch: Built, f1: (p: Map<string, string>, g: Map<string, string>) => string): Promise<void> {
  const tail = Math.round(files.length / 5);
  const paths = process.argv.includes('--tail-only') ? (['online'] as const) : (['exact', 'online'] as const);
  console.log(`\nsingle adds: ${files.length - tail} in one add, then the last ${tail} one at a time; agreement with batch, story / event:`);
  for (const path of paths) {
    const b = await build(files, 0, path, tail);
    console.log(`${path}: ${f1(b.assignment.story, batch.assignment.story)} / ${f1(b.assignment.event, batch.assignment.event)} (${(b.ms / 1000).toFixed(1)} s), ${fallbackLine(b, tail)}`);
  }
}

function fallbackLine(b: Built, chunks: number): string {
  const reasons = [...b.fallbacks].sort((x, y) => y[1] - x[1]).map(([r, n]) => `${r} ${n}`).join(', ');
  return `${b.online} of ${chunks} adds placed online${reasons ? ` (exact: ${reasons})` : ''}`;
}

await main();
