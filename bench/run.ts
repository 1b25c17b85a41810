// `npm run bench [-- name ...]`: runs every benchmark in bench/ (or the named ones) one after another,
// each in its own process so peak-memory figures don't mix. Not part of `npm test`.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLI_NODE_FLAGS } from './corpus.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const helpers = new Set(['run.ts', 'corpus.ts']);
const all = readdirSync(dir).filter((f) => f.endsWith('.ts') && !helpers.has(f)).map((f) => f.slice(0, -3)).sort();
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = requested.length ? requested : ['pipeline', ...all.filter((n) => n !== 'pipeline')];
let failed = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`unknown benchmark "${name}" (have: ${all.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n## bench/${name}.ts\n`);
  const r = spawnSync(process.execPath, [...CLI_NODE_FLAGS, '--import', 'tsx', `${dir}${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
