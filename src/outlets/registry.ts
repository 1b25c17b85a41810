// The outlet registry: who an outlet is (names, hosts), who owns it, and which wire services it carries.
// Loaded from a user's JSON file (`--outlets FILE`, docs/outlets.md) on top of a few built-in wire services;
// every mistake in the file is one line naming the file and the entry, so a typo never silently counts.

import { readFileSync } from 'node:fs';
import { hostKey, nameKey } from './masthead.js';

export interface OutletEntry {
  /** Display name, e.g. "Ostra Valley Times". */
  name: string;
  /** Other names the outlet is declared under (feed titles, og:site_name spellings, dateline codes of a wire). */
  aliases: string[];
  /** Host names; each stands for its registrable domain, so sections and `www.`/`m.` hosts are included. */
  hosts: string[];
  owner: string | null;
  parent: string | null;
  /** Wire services (names or aliases of `wire` entries) whose copy the outlet runs. */
  republishes: string[];
  /** A wire service (news agency): its copies in other outlets count as the wire, once. */
  wire: boolean;
}

export interface OutletRegistry {
  entries: OutletEntry[];
  /** Entry by name key (name and aliases) and by registrable domain. */
  byName: Map<string, OutletEntry>;
  byHost: Map<string, OutletEntry>;
  /** Where the user's part came from, for messages; null for the built-ins alone. */
  file: string | null;
}

/**
 * Wire services known without a registry, so a dateline "(AP) —" is attributed with no setup. Only
 * agencies whose dateline code is not an everyday parenthesis: "(PA)" and "(CP)" are also state and
 * party abbreviations, so Press Association and Canadian Press need a registry entry.
 */
export const BUILT_IN_WIRES: OutletEntry[] = [
  wire('AP', ['Associated Press', 'The Associated Press'], ['apnews.com', 'ap.org']),
  wire('Reuters', ['Thomson Reuters'], ['reuters.com']),
  wire('AFP', ['Agence France-Presse', 'Agence France Presse'], ['afp.com']),
  wire('UPI', ['United Press International'], ['upi.com']),
  wire('dpa', ['Deutsche Presse-Agentur'], ['dpa.com']),
  wire('EFE', ['Agencia EFE'], ['efe.com']),
  wire('ANSA', ['Agenzia Nazionale Stampa Associata'], ['ansa.it']),
  wire('Xinhua', ['Xinhua News Agency'], ['xinhuanet.com']),
];

function wire(name: string, aliases: string[], hosts: string[]): OutletEntry {
  return { name, aliases, hosts, owner: null, parent: null, republishes: [], wire: true };
}

export class OutletRegistryError extends Error {}

const KEYS = new Set(['name', 'aliases', 'hosts', 'owner', 'parent', 'republishes', 'wire']);

/** Reads and validates a registry file; throws OutletRegistryError with one line naming file and entry. */
export function loadOutletRegistry(file: string): OutletRegistry {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new OutletRegistryError(`${file}: cannot read the outlet registry (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new OutletRegistryError(`${file}: not JSON (${(err as Error).message})`);
  }
  return parseOutletRegistry(json, file);
}

/** The built-in wires plus the user's entries (a user entry of a built-in wire's name replaces it). */
export function parseOutletRegistry(json: unknown, file: string | null = null): OutletRegistry {
  const where = file ?? 'outlet registry';
  const fail = (msg: string): never => {
    throw new OutletRegistryError(`${where}: ${msg}`);
  };
  if (!isObject(json)) fail('expected an object { "outlets": [ … ] }');
  const obj = json as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (k !== 'outlets') fail(`unknown top-level key "${k}" (only "outlets")`);
  if (!Array.isArray(obj.outlets)) fail('"outlets" must be an array of outlet entries');
  const user = (obj.outlets as unknown[]).map((raw, i) => parseEntry(raw, (msg) => fail(`outlets[${i}]${entryName(raw)}: ${msg}`)));
  // A user entry that shares a name or host with a built-in wire replaces it (the user's file knows better).
  const userNames = new Set(user.flatMap((e) => [e.name, ...e.aliases].map(nameKey)));
  const userHosts = new Set(user.flatMap((e) => e.hosts.map((h) => hostKey(h))));
  const builtIn = BUILT_IN_WIRES.filter((w) => ![w.name, ...w.aliases].some((n) => userNames.has(nameKey(n))) && !w.hosts.some((h) => userHosts.has(hostKey(h))));
  return indexRegistry([...builtIn, ...user], file, (i, msg) => {
    const at = i - builtIn.length;
    return fail(`outlets[${at}]${entryName((obj.outlets as unknown[])[at])}: ${msg}`);
  });
}

function parseEntry(raw: unknown, fail: (msg: string) => never): OutletEntry {
  if (!isObject(raw)) fail('an entry must be an object with at least "name"');
  const e = raw as Record<string, unknown>;
  for (const k of Object.keys(e)) if (!KEYS.has(k)) fail(`unknown key "${k}" (known: ${[...KEYS].join(', ')})`);
  const text = (key: string, v: unknown): string => {
    if (typeof v !== 'string' || v.trim() === '') fail(`"${key}" must be a non-empty string`);
    return (v as string).replace(/\s+/g, ' ').trim();
  };
  const list = (key: string): string[] => {
    const v = e[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) fail(`"${key}" must be an array of strings`);
    return (v as unknown[]).map((x, j) => text(`${key}[${j}]`, x));
  };
  const optional = (key: string): string | null => (e[key] === undefined || e[key] === null ? null : text(key, e[key]));
  if (e.wire !== undefined && typeof e.wire !== 'boolean') fail('"wire" must be true or false');
  const hosts = list('hosts').map((h, j) => {
    const key = hostKey(h.toLowerCase());
    if (!key || /[/:@\s]/.test(h)) fail(`hosts[${j}] "${h}" is not a host name (write e.g. ostravalleytimes.example, no scheme or path)`);
    return h.toLowerCase();
  });
  return { name: text('name', e.name), aliases: list('aliases'), hosts, owner: optional('owner'), parent: optional('parent'), republishes: list('republishes'), wire: e.wire === true };
}

function indexRegistry(entries: OutletEntry[], file: string | null, fail: (index: number, msg: string) => never): OutletRegistry {
  const byName = new Map<string, OutletEntry>();
  const byHost = new Map<string, OutletEntry>();
  entries.forEach((e, i) => {
    for (const n of [e.name, ...e.aliases]) {
      const k = nameKey(n);
      const other = byName.get(k);
      if (other && other !== e) fail(i, `name "${n}" is already used by "${other.name}"`);
      byName.set(k, e);
    }
    for (const h of e.hosts) {
      const k = hostKey(h)!;
      const other = byHost.get(k);
      if (other && other !== e) fail(i, `host "${h}" (${k}) is already used by "${other.name}"`);
      byHost.set(k, e);
    }
  });
  entries.forEach((e, i) => {
    for (const w of e.republishes) {
      const target = byName.get(nameKey(w));
      if (!target || !target.wire) fail(i, `republishes "${w}", which is no wire service (an entry with "wire": true, or one of ${BUILT_IN_WIRES.map((b) => b.name).join(', ')})`);
    }
  });
  return { entries, byName, byHost, file };
}

/** The built-in wire services alone: what folding uses when no `--outlets FILE` is given. */
export function defaultOutletRegistry(): OutletRegistry {
  return parseOutletRegistry({ outlets: [] });
}

/** The wire entry a name or alias stands for, if any. */
export function wireNamed(registry: OutletRegistry, name: string): OutletEntry | null {
  const e = registry.byName.get(nameKey(name));
  return e && e.wire ? e : null;
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function entryName(raw: unknown): string {
  return isObject(raw) && typeof (raw as { name?: unknown }).name === 'string' ? ` ("${(raw as { name: string }).name}")` : '';
}
