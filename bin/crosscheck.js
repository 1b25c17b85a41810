#!/usr/bin/env -S node --max-semi-space-size=64
// Entry point for `npx crosscheck`: runs the compiled CLI in dist/ (built by `npm ci` / `npm run build`).
// In a development checkout whose src/ changed after the last build, it runs the sources through tsx.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A larger young generation: the pipeline allocates many short-lived objects (tokens, sentence features),
// and with V8's default 16 MB semi-space a 10,000-article run spent ~10 s in scavenges; 64 MB took the run
// from 68 s to 61 s (main-thread scavenges of the 10k bench analyze 6.8-7.3 s -> 3.8-4.5 s, 2026-12-04).
// The shebang sets it where the OS honours `env -S`. It must be set at start: V8 keeps the young generation
// it started with when the flag is set later (setFlagsFromString at the top of a script: new space stays
// 32 MB, against 128 MB with the flag; measured on Node 20). Elsewhere: NODE_OPTIONS=--max-semi-space-size=64.

const SRC = fileURLToPath(new URL('../src', import.meta.url));
/** Written by `npm run build` (scripts/build.mjs) with the time the build started. */
const STAMP = new URL('../dist/.built', import.meta.url);

/** Newest modification time (ms) of the sources under `dir`, folders included (a folder's time moves
 *  when a file is added or removed); tests are left out, since they are not compiled. */
function newestSource(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether dist/ holds the code to run: always in an installed package (no src/ beside it); in a checkout,
 *  only when no source changed after the build started. Walking src/ costs ~2 ms. */
function compiledIsCurrent() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  const src = statSync(SRC, { throwIfNoEntry: false });
  if (!src) return true;
  return built !== undefined && newestSource(SRC) <= built.mtimeMs;
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  // Stale or missing dist/ in a checkout: run the sources as they are (tsx compiles them in memory) rather
  // than rebuild here. A rebuild takes several seconds, fails on a half-edited file tsx would still run, and
  // the test suite starts many CLI processes at once that would all rebuild into one dist/ together.
  if (process.stderr.isTTY) process.stderr.write('crosscheck: src/ is newer than dist/; running the sources with tsx (npm run build for the fast start)\n');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
