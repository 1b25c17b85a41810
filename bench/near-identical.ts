// Big stories of near-identical short articles (issue 12 item 5): one template with a few numbers changed
// per article, the shape of `test/store.test.ts` 'a killed run…'. Every article lands in one story and
// every sentence aligns with hundreds of others, which is where quadratic passes show. Prints the whole
// `analyze` (--no-db) time, corroborate time and peak RSS per size, and the 1,000-article Markdown and
// HTML brief's size and longest line. Each size runs in its own process (peak RSS is that size's).
// Usage: npm run bench -- near-identical [--sizes 1000,5000,20000] [--brief 1000]

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_NODE_FLAGS } from './corpus.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

/** The corpus: n near-identical three-sentence articles (written for this bench, fictional). */
export function writeNearIdentical(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    writeFileSync(
      join(dir, `a${String(i).padStart(6, '0')}.txt`),
      `Report number ${i} from the valley\n\nThe council of Vale ${i} met on Monday to approve ${i + 3} new bus routes. ` +
        `Residents said the routes would cut travel times by ${i % 50} minutes. The mayor of district ${i} promised more buses next year.\n`,
    );
  }
}

if (args[0] === '--child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [, path, brief] = args;
  const { analyze } = await import('../src/analyze.js');
  const t0 = performance.now();
  const { report, timings } = await analyze([path], { db: null, now: () => new Date('2026-12-01T00:00:00Z') });
  const seconds = (performance.now() - t0) / 1000;
  const out: Record<string, unknown> = {
    n: report.articles.length,
    seconds,
    stories: report.stories.length,
    contradictions: report.stories.reduce((s, x) => s + x.contradictions.length, 0),
    timings: Object.fromEntries([...timings].map(([k, v]) => [k, Math.round(v)])),
  };
  if (brief === 'brief') {
    const { renderMarkdown } = await import('../src/brief/markdown.js');
    const { renderHtml } = await import('../src/brief/html.js');
    const longest = (s: string) => s.split('\n').reduce((m, l) => Math.max(m, l.length), 0);
    const md = renderMarkdown(report);
    const html = renderHtml(report);
    out.md = { bytes: Buffer.byteLength(md), longestLine: longest(md) };
    out.html = { bytes: Buffer.byteLength(html), longestLine: longest(html) };
  }
  out.rssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify(out));
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) await main();

async function main(): Promise<void> {
const sizes = arg('--sizes', '1000,5000,20000').split(',').map(Number);
const briefSize = Number(arg('--brief', '1000'));
const root = mkdtempSync(join(tmpdir(), 'crosscheck-near-'));
try {
  console.log('\nwhole analyze (--no-db), n near-identical short articles in one story\n');
  console.log('| articles | seconds | corroborate s | peak RSS MB | contradictions |');
  console.log('|---:|---:|---:|---:|---:|');
  let briefLine = '';
  for (const n of [...new Set([...sizes, briefSize])].sort((a, b) => a - b)) {
    const dir = join(root, String(n));
    writeNearIdentical(dir, n);
    const r = spawnSync(process.execPath, [...CLI_NODE_FLAGS, '--import', 'tsx', self, '--child', dir, n === briefSize ? 'brief' : ''], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!);
    if (sizes.includes(n)) {
      console.log(`| ${n.toLocaleString('en')} | ${m.seconds.toFixed(1)} | ${(m.timings.corroborate / 1000).toFixed(1)} | ${Math.round(m.rssMB)} | ${m.contradictions} |`);
    }
    if (m.md) {
      briefLine =
        `\nbrief of ${n.toLocaleString('en')} near-identical articles: Markdown ${(m.md.bytes / 1024).toFixed(0)} kB, longest line ${m.md.longestLine} chars; ` +
        `HTML ${(m.html.bytes / 1024).toFixed(0)} kB, longest line ${m.html.longestLine} chars`;
    }
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(briefLine);
} finally {
  rmSync(root, { recursive: true, force: true });
}
}
