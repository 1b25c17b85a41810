// Expands the command line's inputs into files: folders recursively in sorted order (so ids and reports
// are stable across runs and machines), globs via a small glob→regex walker (Node 20 has no fs.glob),
// skipping dotfiles and web assets that are never articles. Streams paths; never lists a tree up front.

import { opendir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** Web-page assets and tool files found beside saved articles; skipped silently inside folders. A file
 *  named on the command line is always read (and refused with a reason if it is not an article). */
const NOT_ARTICLE_EXT = new Set([
  'css', 'js', 'mjs', 'map', 'ico', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'bmp', 'avif',
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'mp3', 'mp4', 'webm', 'wav', 'db', 'sqlite', 'db-wal', 'db-shm', 'lock',
]);

export function isSkippedInFolder(name: string): boolean {
  if (name.startsWith('.') || name === 'node_modules') return true;
  const dot = name.lastIndexOf('.');
  return dot > 0 && NOT_ARTICLE_EXT.has(name.slice(dot + 1).toLowerCase());
}

/** A file found, or a folder that could not be listed (the walk goes on past it). */
export type WalkEntry = { path: string; error?: undefined } | { path: string; error: unknown };

/** Files under `dir`, depth-first, entries sorted by code unit order. Symlinked folders are followed once,
 *  the starting folder included: a link back to it (or to any folder above) is not walked again. */
export async function* walkFolder(dir: string): AsyncGenerator<WalkEntry> {
  const seen = new Set<string>();
  const root = await stat(dir).catch(() => null);
  if (root) seen.add(`${root.dev}:${root.ino}`);
  yield* walk(dir, seen);
}

async function* walk(dir: string, seen: Set<string>): AsyncGenerator<WalkEntry> {
  const names: { name: string; isDir: boolean }[] = [];
  let handle;
  try {
    handle = await opendir(dir);
  } catch (error) {
    yield { path: dir, error };
    return;
  }
  for await (const entry of handle) {
    if (isSkippedInFolder(entry.name)) continue;
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = (await stat(join(dir, entry.name))).isDirectory();
      } catch {
        isDir = false; // dangling link: let the reader report it
      }
    }
    names.push({ name: entry.name, isDir });
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, isDir } of names) {
    const path = join(dir, name);
    if (isDir) {
      const info = await stat(path).catch(() => null);
      const key = info ? `${info.dev}:${info.ino}` : path;
      if (seen.has(key)) continue;
      seen.add(key);
      yield* walk(path, seen);
    } else {
      yield { path };
    }
  }
}

export const hasGlob = (s: string): boolean => /[*?[{]/.test(s);

/** Glob → anchored regex over '/'-separated relative paths: `**` any depth, `*` and `?` within a name,
 *  `[abc]` classes, `{a,b}` alternatives. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files matching a glob, sorted. The walk starts at the longest wildcard-free directory prefix. */
export async function* expandGlob(pattern: string): AsyncGenerator<WalkEntry> {
  const normalised = pattern.split(sep).join('/');
  const parts = normalised.split('/');
  const firstWild = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, firstWild);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  const re = globToRegExp(parts.slice(firstWild).join('/'));
  const prefix = base === '.' ? '' : base.endsWith('/') ? base : base + '/';
  // A missing base directory simply matches nothing (reported once, as "no files match").
  if (!(await stat(base).then((i) => i.isDirectory(), () => false))) return;
  // Dotfiles are not matched by wildcards (as in shells); walkFolder already skips them.
  for await (const entry of walkFolder(base)) {
    if (entry.error !== undefined) {
      yield entry;
      continue;
    }
    const rel = entry.path.split(sep).join('/').slice(base === '.' ? 0 : prefix.length);
    if (re.test(rel)) yield entry;
  }
}
