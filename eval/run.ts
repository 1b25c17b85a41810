// `npm run eval [-- name ...]`: runs every accuracy script in eval/ (or the named ones); each prints its
// tables with a baseline beside ours and skips with a message when ../shared/data is absent.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const all = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts').map((f) => f.slice(0, -3)).sort();
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = requested.length ? requested : all;
let failed = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`unknown evaluation "${name}" (have: ${all.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n## eval/${name}.ts\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
