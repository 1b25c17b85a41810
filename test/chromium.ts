// Where the browser tests find Chromium: CROSSCHECK_CHROMIUM, else the usual system paths. When none is
// there the tests are reported as skipped with this reason and how to get them, never silently passed.

import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): { path: string } | { skip: string } {
  const chosen = env.CROSSCHECK_CHROMIUM;
  if (chosen) return exists(chosen) ? { path: chosen } : { skip: `CROSSCHECK_CHROMIUM=${chosen} does not exist` };
  const found = CHROMIUM_CANDIDATES.find(exists);
  if (found) return { path: found };
  return {
    skip: `Chromium not found (looked at ${CHROMIUM_CANDIDATES.join(', ')}); install it (Debian/Ubuntu: apt-get install chromium) or set CROSSCHECK_CHROMIUM=/path/to/chromium to run the browser tests`,
  };
}
