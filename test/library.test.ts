// The package as a library: `import { analyze } from 'crosscheck'` resolves through package.json `exports`
// to the compiled dist/index.js (built by `npm ci`), which exposes the same API as src/index.ts, ships its
// type declarations, and analyses an article on its own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const DIST_INDEX = join(REPO, 'dist', 'index.js');
const DIST_TYPES = join(REPO, 'dist', 'index.d.ts');

function requireBuild(): void {
  assert.ok(existsSync(DIST_INDEX), `${DIST_INDEX} is missing: the package is not built (npm ci builds it; or run npm run build)`);
}

/** Imported by a computed specifier, so type-checking the tests never depends on dist/ existing. */
async function importPackage(): Promise<Record<string, unknown>> {
  const name = ['cross', 'check'].join('');
  return (await import(name)) as Record<string, unknown>;
}

test("the package name resolves to dist/index.js and exposes analyze, the renderers and openStore", async () => {
  requireBuild();
  const lib = await importPackage();
  for (const name of ['analyze', 'renderMarkdown', 'renderHtml', 'openStore']) assert.equal(typeof lib[name], 'function', `${name} is not exported`);
  assert.match(String(lib.REPORT_VERSION), /^\d+\.\d+\.\d+$/);
  // The compiled entry exports exactly what the source entry does (a stale dist/ would differ).
  const src = (await import('../src/index.js')) as Record<string, unknown>;
  assert.deepEqual(Object.keys(lib).sort(), Object.keys(src).sort(), 'dist/index.js and src/index.ts export different names: run npm run build');
});

test('the type declarations exist and TypeScript resolves the package name to them', () => {
  requireBuild();
  assert.ok(existsSync(DIST_TYPES), `${DIST_TYPES} is missing`);
  assert.match(readFileSync(DIST_TYPES, 'utf8'), /\banalyze\b/);
  assert.ok(existsSync(join(REPO, 'dist', 'analyze.d.ts')), 'dist/analyze.d.ts is missing');
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
  const resolved = ts.resolveModuleName('crosscheck', join(REPO, 'test', 'consumer.ts'), options, ts.sys).resolvedModule;
  assert.equal(resolved?.resolvedFileName, DIST_TYPES);
});

test('the compiled library analyses an article on its own, in memory', async () => {
  requireBuild();
  const lib = await importPackage();
  const analyze = lib.analyze as typeof import('../src/index.js').analyze;
  const renderMarkdown = lib.renderMarkdown as typeof import('../src/index.js').renderMarkdown;
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-library-'));
  writeFileSync(
    join(dir, 'harbour.txt'),
    'Harbour crane collapses in Velmora\n2031-05-02\n\nA harbour crane collapsed in Velmora on Friday, port director Anja Brekke said. Nobody was hurt, and the port reopened two berths by the evening.\n',
  );
  const { report } = await analyze([dir], { db: null, workers: 0, now: () => new Date('2031-05-03T00:00:00Z') });
  assert.equal(report.articles.length, 1);
  assert.equal(report.articles[0].id, 'harbour');
  assert.equal(report.articles[0].published, '2031-05-02');
  assert.equal(report.generatedAt, '2031-05-03T00:00:00.000Z');
  assert.match(renderMarkdown(report), /Harbour crane collapses in Velmora/);
});
