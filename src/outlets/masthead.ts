// Mastheads: the outlet behind an article's host or declared name. Hosts fold to their registrable domain
// (public suffix list built into tldts, no network), so www., m., amp., edition. and section subdomains are
// one outlet; a declared name ("Ostra Valley Times") folds with the host it was seen with, or named for.

import { parse } from 'tldts';
import { UnionFind } from '../reuse/groups.js';
import { byCodePoint } from '../corroborate/order.js';
import type { OutletEntry, OutletRegistry } from './registry.js';

/** What masthead folding reads of an article. */
export interface OutletArticle {
  id: string;
  meta: { outlet: string | null; url: string | null; author?: string | null };
}

export interface Masthead {
  /** Stable key of the masthead (its smallest host or name key). */
  key: string;
  /** Display name: the registry's, else the declared name seen most, else the domain. */
  name: string;
  /** The registry entry, when one names it. */
  entry: OutletEntry | null;
  /** Every host and declared name its articles were seen under (code-point order). */
  spellings: string[];
}

const TLD_OPTIONS = { allowPrivateDomains: true } as const;

/** Registrable domain of a host (`sport.ostravalleytimes.example` → `ostravalleytimes.example`); the bare
 * host for IPs and single-label hosts; null when it is not a host name. */
export function hostKey(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (!/^[\p{L}\p{N}.-]+$/u.test(h) || !h.includes('.') && h !== 'localhost') return null;
  const p = parse(h, TLD_OPTIONS);
  if (p.isIp) return p.hostname;
  return p.domain ?? p.hostname ?? null;
}

/** A name compared without case, spacing, punctuation or a leading "The": "The Ostra Valley Times" and
 * "ostra valley times" are one name. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** "Ostra Radio - Sport", "Ostra Radio | News", "Ostra Radio: Business" → "Ostra Radio": a feed or
 * section title names its outlet before the separator. */
export function outletName(declared: string): string {
  const head = declared.split(/\s+[-–—|:]\s+|:\s+/)[0].trim();
  return head.length >= 2 ? head : declared.trim();
}

/** A declared outlet that is a host name rather than a name (`timesofisrael.com`). */
function asHost(outlet: string): string | null {
  return /\s/.test(outlet) ? null : hostKey(outlet);
}

function urlHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return hostKey(new URL(url).hostname);
  } catch {
    return null;
  }
}

/** The host and name keys an article states (an article with a site name and a URL states both). */
function keysOf(a: OutletArticle): { keys: string[]; declared: string | null } {
  const keys: string[] = [];
  const host = urlHost(a.meta.url);
  if (host) keys.push(`host:${host}`);
  const outlet = a.meta.outlet?.trim() || null;
  if (!outlet) return { keys, declared: null };
  const asDomain = asHost(outlet);
  if (asDomain) {
    keys.push(`host:${asDomain}`);
    return { keys, declared: null };
  }
  const name = outletName(outlet);
  if (nameKey(name)) keys.push(`name:${nameKey(name)}`);
  return { keys, declared: name };
}

/**
 * Folds the articles' outlets into mastheads. Keys are joined by the registry (an entry's names and
 * hosts), by an article stating a name and a host, and by a name whose letters are exactly one domain's
 * label ("Ostra Valley Times" ~ ostravalleytimes.example); a name matching several domains' labels
 * (metro.co.uk, metro.us) joins none of them. Articles with no outlet and no URL get no masthead.
 */
export function foldMastheads(articles: OutletArticle[], registry: OutletRegistry): Map<string, Masthead | null> {
  const sets = new UnionFind();
  const entryOfKey = new Map<string, OutletEntry>();
  const registryKeys: string[] = [];
  for (const e of registry.entries) {
    const keys = [...[e.name, ...e.aliases].map((n) => `name:${nameKey(n)}`), ...e.hosts.map((h) => `host:${hostKey(h)}`)];
    for (const k of keys) {
      entryOfKey.set(k, e);
      sets.union(keys[0], k);
    }
    registryKeys.push(...keys);
  }
  const stated = articles.map((a) => keysOf(a));
  for (const { keys } of stated) for (const k of keys) sets.union(keys[0], k);
  joinNamesToLabels([...registryKeys, ...stated.flatMap((s) => s.keys)], sets);

  const mastheads = new Map<string, Masthead>();
  const seenNames = new Map<string, Map<string, number>>();
  const spellings = new Map<string, Set<string>>();
  const out = new Map<string, Masthead | null>();
  articles.forEach((a, i) => {
    const { keys, declared } = stated[i];
    if (!keys.length) return out.set(a.id, null);
    const root = sets.find(keys[0]);
    const names = seenNames.get(root) ?? seenNames.set(root, new Map()).get(root)!;
    if (declared) names.set(declared, (names.get(declared) ?? 0) + 1);
    const spelled = spellings.get(root) ?? spellings.set(root, new Set()).get(root)!;
    if (a.meta.outlet?.trim()) spelled.add(a.meta.outlet.trim());
    const host = urlHost(a.meta.url);
    if (host) spelled.add(host);
    let m = mastheads.get(root);
    if (!m) mastheads.set(root, (m = { key: root, name: '', entry: null, spellings: [] }));
    out.set(a.id, m);
  });
  const entryOfRoot = new Map<string, OutletEntry>();
  for (const [k, e] of [...entryOfKey].sort((x, y) => byCodePoint(x[0], y[0]))) if (!entryOfRoot.has(sets.find(k))) entryOfRoot.set(sets.find(k), e);
  for (const [root, m] of mastheads) {
    m.entry = entryOfRoot.get(root) ?? null;
    const names = [...(seenNames.get(root) ?? [])].sort((x, y) => y[1] - x[1] || byCodePoint(x[0], y[0]));
    m.name = m.entry?.name ?? names[0]?.[0] ?? root.replace(/^(host|name):/, '');
    m.spellings = [...(spellings.get(root) ?? [])].sort(byCodePoint);
  }
  return out;
}

/** A name key joins the one domain whose label (the domain without its public suffix) spells it. */
function joinNamesToLabels(keys: string[], sets: UnionFind): void {
  const domainsByLabel = new Map<string, Set<string>>();
  for (const k of new Set(keys)) {
    if (!k.startsWith('host:')) continue;
    const label = parse(k.slice(5), TLD_OPTIONS).domainWithoutSuffix;
    if (!label) continue;
    const lk = nameKey(label);
    (domainsByLabel.get(lk) ?? domainsByLabel.set(lk, new Set()).get(lk)!).add(sets.find(k));
  }
  for (const k of new Set(keys)) {
    if (!k.startsWith('name:')) continue;
    const domains = domainsByLabel.get(k.slice(5));
    if (domains && domains.size === 1) sets.union(k, [...domains][0]);
  }
}
