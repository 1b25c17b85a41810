// The two store adapters side by side, through the Store interface: commit throughput for chunks of synthetic
// analysed articles (records, reuse signatures, outlet lines, term frequencies, a story per 5 articles) and
// reuseCandidates latency per batch, on SQLite (a temporary file) and PostgreSQL (a database created and
// dropped here), plus how PostgreSQL keeps a record (deflated JSON in bytea vs jsonb). Prints; gates nothing.
// Run: npx tsx bench/store.ts [--n 2000] [--chunk 500] [--repeat 2] [--pg postgres://postgres@127.0.0.1:5432/postgres]

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import pg from 'pg';
import type { AnalysedArticle } from '../src/model/article.js';
import type { Story } from '../src/model/report.js';
import { distinctLineHashes } from '../src/clean/outlet-stats.js';
import { articleFeatures } from '../src/cluster/features.js';
import { documentKeys, heaviestKeys } from '../src/corpus/place.js';
import { signatureInputOf, signatureOf, reuseParams, type ReuseSignature } from '../src/reuse/index.js';
import { murmur3 } from '../src/reuse/murmur3.js';
import { openStore } from '../src/store/store.js';
import { openPostgresStore } from '../src/store/postgres.js';
import type { CorpusCommit, Store } from '../src/store/types.js';
import { buildArticle } from '../test/fixtures/cluster/build.js';
import { prng, sentencePool } from './corpus.js';
import { adminQuery, databaseUrl } from '../test/fixtures/postgres.js';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

const N = Number(arg('n', '2000'));
const CHUNK = Number(arg('chunk', '500'));
const ADMIN_URL = arg('pg', process.env.CROSSCHECK_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0: number) => performance.now() - t0;

/** `n` articles of 10–24 recombined real sentences, and as many probes: half copies of stored ones, half new. */
function articles(n: number): { stored: AnalysedArticle[]; probes: AnalysedArticle[]; source: string } {
  const { sentences, source } = sentencePool();
  const rand = prng(42);
  const bodies: string[] = [];
  const make = (id: string, body: string, i: number) => {
    const a = buildArticle(id, body, { title: body.slice(0, 60), published: `2024-0${1 + (i % 9)}-1${i % 10}` });
    a.meta.outlet = `outlet${i % 50}.example`;
    a.hash = `h-${id}`;
    a.raw = body;
    return a;
  };
  const stored = Array.from({ length: n }, (_, i) => {
    const count = 10 + Math.floor(rand() * 15);
    const body = Array.from({ length: count }, () => sentences[Math.floor(rand() * sentences.length)]).join('\n');
    bodies.push(body);
    return make(`a${i}`, body, i);
  });
  const probes = Array.from({ length: Math.min(n, CHUNK) }, (_, i) => {
    const body = i % 2 === 0 ? bodies[Math.floor(rand() * n)] : Array.from({ length: 14 }, () => sentences[Math.floor(rand() * sentences.length)]).join('\n');
    return make(`p${i}`, body, i);
  });
  return { stored, probes, source };
}

/** The commits an `add` of these chunks would make (computed once, so only the store is timed). */
function commits(stored: AnalysedArticle[]): { commit: CorpusCommit; n: number }[] {
  const out: { commit: CorpusCommit; n: number }[] = [];
  for (let i = 0; i < stored.length; i += CHUNK) {
    const part = stored.slice(i, i + CHUNK);
    const features = part.map((a) => articleFeatures(a));
    const df = documentKeys(features);
    const stories: CorpusCommit['stories'] = [];
    for (let k = 0; k < part.length; k += 5) {
      const group = part.slice(k, k + 5);
      const view = { id: `s-${group[0].id}`, headline: group[0].meta.title ?? '', articles: group.map((a) => a.id),
        events: [{ id: `e-${group[0].id}`, label: '', articles: group.map((a) => a.id), start: group[0].meta.published, end: group[0].meta.published }],
        summary: [], timeline: [], entities: [], quotes: [], claims: [], contradictions: [] } as Story;
      stories.push({ view, terms: heaviestKeys(features.slice(k, k + 5).map((f) => f.counts), df, part.length, 48), independentSources: group.length });
    }
    out.push({ n: part.length, commit: {
      articles: part.map((a) => ({ id: a.id, key: `file:/bench/${a.id}.txt`, raw: a.raw, hash: a.hash, analysed: { ...a, raw: '' } })),
      signatures: part.map((a) => sig(a)),
      links: [],
      outletLines: part.map((a) => ({ outlet: a.meta.outlet!, hashes: distinctLineHashes(a.meta.outlet!, a.raw) })),
      stories, removedStories: [], changes: stories.map((s) => ({ story: s.view.id, at: '', what: 'created' as const, others: [] })),
      documentFrequencies: df, documents: part.length,
    } });
  }
  return out;
}

const sig = (a: AnalysedArticle): ReuseSignature => signatureOf(signatureInputOf(a), reuseParams, murmur3);

interface Figures { name: string; commits: number[]; perArticle: number; batch: number; single: number; read: number; size: string }

async function measure(name: string, store: Store, chunks: { commit: CorpusCommit; n: number }[], probes: ReuseSignature[], size: () => Promise<string>): Promise<Figures> {
  const rates: number[] = [];
  let total = 0;
  for (const { commit, n } of chunks) {
    const t0 = performance.now();
    await store.commit(commit);
    const t = ms(t0);
    total += t;
    rates.push(n / (t / 1000));
  }
  const batches: number[] = [];
  let found = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const hits = await store.reuseCandidates(probes);
    batches.push(ms(t0));
    found = [...hits.values()].reduce((s, m) => s + m.size, 0);
  }
  const singles: number[] = [];
  for (let r = 0; r < 50; r++) {
    const t0 = performance.now();
    await store.reuseCandidates([probes[r % probes.length]]);
    singles.push(ms(t0));
  }
  const ids = chunks[0].commit.articles.map((a) => a.id);
  const t0 = performance.now();
  await store.getArticles(ids);
  const read = ms(t0);
  console.log(`${name}: ${found} candidates for ${probes.length} probes`);
  return { name, commits: rates, perArticle: total / chunks.reduce((s, c) => s + c.n, 0), batch: median(batches), single: median(singles), read, size: await size() };
}

/** The server may be absent: a bench skips its PostgreSQL half after 3 s rather than hang. */
const admin = (sql: string) => adminQuery(sql, ADMIN_URL, 3000);

/** Deflated JSON in bytea (what the adapter does) vs jsonb, for the same records: write, read back, bytes. */
async function encodings(url: string, records: AnalysedArticle[]): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const rows: string[] = [];
  try {
    await c.query('CREATE TEMP TABLE enc_bytea (id int PRIMARY KEY, data bytea); CREATE TEMP TABLE enc_jsonb (id int PRIMARY KEY, data jsonb)');
    for (const kind of ['bytea', 'jsonb'] as const) {
      let t0 = performance.now();
      for (let i = 0; i < records.length; i += 100) {
        const part = records.slice(i, i + 100);
        const values = part.map((r) => (kind === 'bytea' ? deflateRawSync(JSON.stringify(r), { level: 1 }) : JSON.stringify(r)));
        await c.query(`INSERT INTO enc_${kind} (id, data) SELECT * FROM unnest($1::int[], $2::${kind}[])`, [part.map((_, k) => i + k), values]);
      }
      const write = ms(t0);
      t0 = performance.now();
      const { rows: back } = await c.query(`SELECT data FROM enc_${kind}`);
      for (const r of back) if (kind === 'bytea') JSON.parse(inflateRawSync(r.data as Buffer).toString('utf8'));
      const read = ms(t0);
      const { rows: [{ bytes }] } = await c.query(`SELECT sum(pg_column_size(data))::bigint AS bytes FROM enc_${kind}`);
      rows.push(`| ${kind === 'bytea' ? 'deflated JSON in bytea' : 'jsonb'} | ${(write / records.length).toFixed(2)} | ${(read / records.length).toFixed(2)} | ${(Number(bytes) / records.length / 1024).toFixed(1)} |`);
    }
  } finally {
    await c.end();
  }
  return rows;
}

async function runSqlite(chunks: { commit: CorpusCommit; n: number }[], probes: ReuseSignature[]): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-store-bench-'));
  const path = join(dir, 'bench.db');
  const store = openStore(path);
  try {
    return await measure('SQLite', store, chunks, probes, async () => `${(statSync(path).size / 2 ** 20).toFixed(0)} MB + WAL`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PostgreSQL figures in a database created and dropped here (null when no server answers), and the
 *  record-encoding comparison when asked. */
async function runPostgres(chunks: { commit: CorpusCommit; n: number }[], probes: ReuseSignature[], records: AnalysedArticle[] | null): Promise<{ figures: Figures; encoding: string[] } | null> {
  const name = `cc_bench_${randomBytes(5).toString('hex')}`;
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (err) {
    console.log(`PostgreSQL unreachable at ${ADMIN_URL} (${(err as Error).message}): PostgreSQL half skipped`);
    return null;
  }
  const url = databaseUrl(name, ADMIN_URL);
  try {
    const store = await openPostgresStore(url);
    const figures = await measure('PostgreSQL', store, chunks, probes, async () => {
      const { rows } = await store.pool.query('SELECT pg_database_size(current_database()) AS n');
      return `${(Number(rows[0].n) / 2 ** 20).toFixed(0)} MB`;
    });
    await store.close();
    return { figures, encoding: records ? await encodings(url, records) : [] };
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  }
}

/** The best of each figure over the repeats (the machine is shared: the best is the least disturbed). */
function best(runs: Figures[]): Figures {
  const by = <K extends keyof Figures>(k: K, pick: (xs: number[]) => number) => pick(runs.map((r) => r[k] as number));
  return {
    name: runs[0].name, size: runs[0].size,
    commits: runs[0].commits.map((_, i) => Math.max(...runs.map((r) => r.commits[i]))),
    perArticle: by('perArticle', (xs) => Math.min(...xs)), batch: by('batch', (xs) => Math.min(...xs)),
    single: by('single', (xs) => Math.min(...xs)), read: by('read', (xs) => Math.min(...xs)),
  };
}

async function main(): Promise<void> {
  const repeat = Number(arg('repeat', '2'));
  const t0 = performance.now();
  const { stored, probes, source } = articles(N);
  const chunks = commits(stored);
  const probeSigs = probes.map(sig);
  console.log(`${N} synthetic analysed articles from ${source} in chunks of ${CHUNK}; ${probes.length} probes (half copies); built in ${(ms(t0) / 1000).toFixed(1)} s; best of ${repeat} runs, load average ${loadavg()[0].toFixed(1)}`);
  const runs = new Map<string, Figures[]>([['SQLite', []], ['PostgreSQL', []]]);
  let encoding: string[] = [];
  for (let r = 0; r < repeat; r++) {
    runs.get('SQLite')!.push(await runSqlite(chunks, probeSigs));
    const pgRun = await runPostgres(chunks, probeSigs, r === 0 ? stored.slice(0, CHUNK) : null);
    if (!pgRun) break;
    runs.get('PostgreSQL')!.push(pgRun.figures);
    if (pgRun.encoding.length) encoding = pgRun.encoding;
  }
  console.log(`\n| store | commit, articles/s per chunk of ${CHUNK} | ms per article | reuseCandidates, ${probes.length} signatures | 1 signature | getArticles ${CHUNK} | size |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const list of runs.values()) {
    if (list.length === 0) continue;
    const b = best(list);
    console.log(`| ${b.name} | ${b.commits.map((x) => x.toFixed(0)).join(' / ')} | ${b.perArticle.toFixed(2)} | ${b.batch.toFixed(0)} ms | ${b.single.toFixed(2)} ms | ${b.read.toFixed(0)} ms | ${b.size} |`);
  }
  if (encoding.length) {
    console.log(`\n| PostgreSQL record encoding (${Math.min(CHUNK, N)} records) | write ms/record | read+parse ms/record | kB/record stored |`);
    console.log('| --- | --- | --- | --- |');
    for (const row of encoding) console.log(row);
  }
  console.log(`\nload average after: ${loadavg()[0].toFixed(1)} (2 cores; figures from a busy machine are lower bounds)`);
}

await main();
