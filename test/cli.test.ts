import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync, mkdirSync, rmSync, symlinkSync, utimesSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/model/report.js';
import { runCli, REPO } from './run-cli.js';
import { validateReport, schemaErrors } from './schema.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'crosscheck-cli-'));

test('analyze examples/ writes a schema-valid JSON report with every article and the broken JSONL line as a warning', () => {
  const r = runCli(['analyze', 'examples', '--no-db', '--format', 'json', '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.ok(validateReport(report), schemaErrors());
  // 8 single-article files + 2 feed items + 2 good JSONL lines.
  assert.equal(report.articles.length, 12);
  assert.equal(report.rejected.length, 0);
  assert.ok(report.warnings.some((w) => w.path.endsWith('more-coverage.jsonl')), JSON.stringify(report.warnings));
  const wire = report.articles.find((a) => a.id === 'coastal-wire-storm-closes-port')!;
  assert.equal(wire.published, '2025-03-14');
  assert.equal(wire.publishedFrom, 'header');
  assert.equal(wire.outlet, 'coastalwire.example');
  const html = report.articles.find((a) => a.id === 'lantern-daily-port-closure')!;
  assert.equal(html.published, '2025-03-14');
  assert.equal(html.publishedFrom, 'meta');
  // Feed items are articles of their own (their ids come from the outlet and the item's URL slug).
  const items = report.articles.filter((a) => a.path.endsWith('velo-news-today.rss'));
  assert.equal(items.length, 2);
  assert.ok(items.some((a) => a.title?.includes('Corvane')), JSON.stringify(items.map((a) => a.title)));
});

test('analyze reads stdin given as -', () => {
  const r = runCli(['analyze', '-', '--no-db', '--format', 'json', '--quiet'], {
    input: 'Ferry strike ends\n\nThe ferry workers of Porto Vello ended their strike on Monday after 9 days. The union said wages would rise by 4 percent.\n',
  });
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(report.articles.length, 1);
  assert.ok(report.articles[0].sentences >= 2);
});

test('exit code 1 with a clear message when no input can be analysed, and no stack trace', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  const r = runCli(['analyze', dir, '--no-db']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no article could be analysed/);
  assert.match(r.stderr, /empty/i);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('exit code 2 for usage errors', () => {
  assert.equal(runCli(['analyze', 'examples', '--format', 'pdf']).code, 2);
  assert.equal(runCli(['no-such-command']).code, 2);
  assert.equal(runCli(['analyze']).code, 2);
});

test('--help on every command shows examples', () => {
  for (const cmd of [['--help'], ['analyze', '--help'], ['extract', '--help']]) {
    const r = runCli(cmd);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: crosscheck/);
  }
  assert.match(runCli(['analyze', '--help']).stdout, /Examples:/);
});

test('one bad file among good ones is reported and the rest analysed', () => {
  const dir = tmp();
  copyFileSync('examples/harbour-gazette-library-opens.txt', join(dir, 'good.txt'));
  writeFileSync(join(dir, 'archive.zip'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]));
  const r = runCli(['analyze', dir, join(dir, 'missing.txt'), '--no-db', '--format', 'json', '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.deepEqual(report.articles.map((a) => a.id), ['good']);
  assert.equal(report.rejected.length, 2);
  assert.ok(report.rejected.every((x) => x.reason.length > 0));
});

test('HTML output is one self-contained page that escapes hostile article text', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'in'));
  writeFileSync(
    join(dir, 'in', 'hostile.txt'),
    'Mayor <script>alert(1)</script> resigns\n\nThe mayor of Tarn resigned on Monday <img src=x onerror=alert(2)> after a vote. ' +
      'Critics said the <iframe src="javascript:alert(3)"></iframe> plan cost 4 million euros.\n',
  );
  const out = join(dir, 'brief.html');
  const r = runCli(['analyze', join(dir, 'in'), '--no-db', '--format', 'html', '--out', out, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  const html = runCli(['analyze', join(dir, 'in'), '--no-db', '--format', 'html', '--quiet']).stdout;
  assert.match(html, /^<!doctype html>/i);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<iframe/i);
  assert.doesNotMatch(html, /<link[^>]+href=/i, 'no external stylesheet');
  assert.match(html, /resign/);
});

test('worker threads give the same report as the main thread', () => {
  const strip = (s: string) => JSON.parse(s, (k, v) => (k === 'generatedAt' ? undefined : v));
  const main = runCli(['analyze', 'examples', '--no-db', '--format', 'json', '--quiet', '--workers', '0']);
  const pooled = runCli(['analyze', 'examples', '--no-db', '--format', 'json', '--quiet', '--workers', '2']);
  assert.equal(pooled.code, 0, pooled.stderr);
  assert.deepEqual(strip(pooled.stdout), strip(main.stdout));
});

/** A package laid out like this one, whose compiled and source entries only say which of them ran. */
function fakePackage(): { root: string; run: () => string; at: (path: string, seconds: number) => void } {
  const root = tmp();
  mkdirSync(join(root, 'bin'));
  copyFileSync(join(REPO, 'bin', 'crosscheck.js'), join(root, 'bin', 'crosscheck.js'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  writeFileSync(join(root, 'dist', 'cli', 'main.js'), "export async function main() { process.stdout.write('compiled'); return 0; }\n");
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), "export async function main(): Promise<number> { process.stdout.write('sources'); return 0; }\n");
  writeFileSync(join(root, 'src', 'cli', 'main.test.ts'), '');
  writeFileSync(join(root, 'dist', '.built'), '');
  const t0 = Date.parse('2031-01-01T00:00:00Z') / 1000;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), t0 + seconds, t0 + seconds);
  for (const path of ['src', 'src/cli', 'src/cli/main.ts', 'src/cli/main.test.ts']) at(path, 0);
  at('dist/.built', 10);
  const run = () => spawnSync(process.execPath, [join(root, 'bin', 'crosscheck.js')], { encoding: 'utf8' }).stdout;
  return { root, run, at };
}

test('the bin runs dist/ when it was built after the last source change, the sources with tsx otherwise', () => {
  const pkg = fakePackage();
  assert.equal(pkg.run(), 'compiled');
  // A test file is not compiled: changing it leaves dist/ current.
  pkg.at('src/cli/main.test.ts', 20);
  assert.equal(pkg.run(), 'compiled');
  // A source changed after the build started: dist/ is stale and is not run.
  pkg.at('src/cli/main.ts', 20);
  assert.equal(pkg.run(), 'sources');
  pkg.at('src/cli/main.ts', 0);
  // A file added to (or removed from) a source folder moves the folder's time.
  pkg.at('src/cli', 20);
  assert.equal(pkg.run(), 'sources');
  pkg.at('src/cli', 0);
  // Never built (or a build that failed, which leaves no stamp): the sources.
  rmSync(join(pkg.root, 'dist', '.built'));
  assert.equal(pkg.run(), 'sources');
  // An installed package has no src/: dist/ is what there is.
  writeFileSync(join(pkg.root, 'dist', '.built'), '');
  rmSync(join(pkg.root, 'src'), { recursive: true });
  assert.equal(pkg.run(), 'compiled');
});
