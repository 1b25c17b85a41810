// `npm run build` (run by `npm ci` through `prepare`): compiles src/ into dist/ with type declarations,
// copies the files the code reads beside itself (whatever in src/ is not TypeScript, e.g. model weights),
// then stamps dist/.built with the time the build started, which bin/crosscheck.js compares with src/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.built');

/** Files under `dir` that tsc does not emit and the compiled code may read. The `*-entry.mjs` files only
 *  register tsx for the sources (compiled code starts its workers directly), so they are left out. */
function* assets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* assets(path);
    else if (!entry.name.endsWith('.ts') && !entry.name.endsWith('-entry.mjs')) yield path;
  }
}

/** The sources the build compiles (tsconfig.build.json's include minus exclude), as dist/ paths without
 *  extension. */
function compiledStems() {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  return new Set((config?.fileNames ?? []).map((f) => join(DIST, relative(SRC, f)).replace(/\.ts$/, '')));
}

/** Compiled files of dist/ whose source is gone (renamed, deleted or left out of the build): tsc never
 *  removes them, and they would be shipped. Copied assets whose source is gone likewise. */
function* orphans(dir, stems) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const compiled = path.match(/^(.*)\.(d\.ts|js)$/);
    if (entry.isDirectory()) yield* orphans(path, stems);
    else if (compiled ? !stems.has(compiled[1]) : !entry.name.startsWith('.') && !existsSync(join(SRC, relative(DIST, path)))) yield path;
  }
}

// The start time, not the end: a source saved while tsc runs must count as newer than the build.
const started = new Date();
// No stamp while building: a CLI started meanwhile runs the sources, never a half-written dist/.
rmSync(STAMP, { force: true });
const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
try {
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
} catch (err) {
  process.exit(err.status ?? 1);
}
for (const path of [...orphans(DIST, compiledStems())]) rmSync(path);
for (const path of assets(SRC)) {
  const target = join(DIST, relative(SRC, path));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(path, target);
}
writeFileSync(STAMP, '');
utimesSync(STAMP, started, started);
