// Independent sources: articles folded into the outlets and agencies that originated them. Copies (reuse
// groups) go to their originator (a wire service, the one outlet they came from), an outlet's own reports
// are one source, outlets of one owner or parent company are one; every source says what was folded.

import { linksByArticle } from '../reuse/links-by-article.js';
import type { IndependentSource, ReuseLink, SourceFold } from '../model/report.js';
import { UnionFind } from '../reuse/groups.js';
import { byCodePoint } from '../corroborate/order.js';
import { foldMastheads, nameKey, type Masthead, type OutletArticle } from './masthead.js';
import { defaultOutletRegistry, wireNamed, type OutletEntry, type OutletRegistry } from './registry.js';
import { wireSignal, type WireReadable } from './wire.js';

export type SourceArticle = OutletArticle & WireReadable;

export interface IndependentSources {
  /** Article id → source id: what every independence count counts. */
  groupOf: Map<string, string>;
  /** Sources in code-point order of id. */
  sources: IndependentSource[];
  /** Article id → the display name of the masthead it counts under (articles with no outlet are absent). */
  mastheadOf: Map<string, string>;
}

/** What a copy group is attributed to, and why. */
type Origin =
  /** `why` is null when the copies carry the wire's sign in their text (counted per article). */
  | { kind: 'wire'; wire: OutletEntry; why: string | null }
  | { kind: 'masthead'; masthead: Masthead; copiedBy: Masthead[] }
  /** Copies across outlets of one owner or parent company (registry): that owner's report. */
  | { kind: 'owner'; owner: string; mastheads: Masthead[] }
  | { kind: 'alone' };

/**
 * Folds articles into independent sources. `reuseGroupOf` is the reuse stage's copy groups (article →
 * group id), `links` its links (who is the original of a copy group). One union-find over article,
 * masthead, owner and wire nodes: a copy group joins its origin's node, never the node of an outlet that
 * only ran the copy, so an aggregator copying ten outlets does not fuse their own reporting into one.
 */
export function independentSources(
  articles: SourceArticle[],
  reuse: { groupOf: Map<string, string>; links: ReuseLink[] },
  registry: OutletRegistry = defaultOutletRegistry(),
): IndependentSources {
  const mastheadOf = foldMastheads(articles, registry);
  const signals = new Map(articles.map((a) => [a.id, wireSignal(a, registry)]));
  const groups = copyGroups(articles, reuse.groupOf);
  const sets = new UnionFind(articles.map((a) => `article:${a.id}`));
  const originOf = new Map<string, Origin>();
  const linksOf = linksByArticle(reuse.links);
  for (const [gid, members] of groups) {
    const origin = originOfGroup(members, linksOf, mastheadOf, signals, registry);
    originOf.set(gid, origin);
    for (const id of members) sets.union(`article:${members[0]}`, `article:${id}`);
    const node = origin.kind === 'wire' ? `wire:${origin.wire.name}` : origin.kind === 'masthead' ? `masthead:${origin.masthead.key}` : origin.kind === 'owner' ? `owner:${nameKey(origin.owner)}` : null;
    if (node) sets.union(`article:${members[0]}`, node);
  }
  // Outlets of one owner (or parent company) are one source; a wire's own site is the wire.
  const mastheads = new Set([...mastheadOf.values()].filter((m): m is Masthead => m !== null));
  for (const m of mastheads) {
    if (m.entry?.wire) sets.union(`masthead:${m.key}`, `wire:${m.entry.name}`);
    for (const owner of [m.entry?.owner, m.entry?.parent]) if (owner) sets.union(`masthead:${m.key}`, `owner:${nameKey(owner)}`);
  }
  for (const e of registry.entries) {
    if (!e.wire) continue;
    for (const owner of [e.owner, e.parent]) if (owner) sets.union(`wire:${e.name}`, `owner:${nameKey(owner)}`);
  }
  const byRoot = new Map<string, string[]>();
  for (const a of articles) {
    const root = sets.find(`article:${a.id}`);
    (byRoot.get(root) ?? byRoot.set(root, []).get(root)!).push(a.id);
  }
  const context: Context = { mastheadOf, signals, groups, originOf, reuseGroupOf: (id) => reuse.groupOf.get(id) ?? id, registry };
  const drafts = [...byRoot.values()].map((ids) => describeSource(ids.sort(byCodePoint), context));
  const names = new Map<string, string>();
  for (const [id, m] of mastheadOf) if (m) names.set(id, m.name);
  return { ...assignIds(drafts), mastheadOf: names };
}

/** Copy groups among the given articles, members in code-point order, keyed by their group id. */
function copyGroups(articles: SourceArticle[], groupOf: Map<string, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const a of articles) {
    const g = groupOf.get(a.id) ?? a.id;
    (groups.get(g) ?? groups.set(g, []).get(g)!).push(a.id);
  }
  for (const members of groups.values()) members.sort(byCodePoint);
  return groups;
}

/**
 * Who a copy group's story belongs to. A wire sign in any copy (most signs win, then name order), or a
 * cross-outlet group where the wire's own site runs it or every outlet republishes one wire: the wire.
 * One outlet: that outlet. Several outlets with one original (the reuse stage's direction): the outlet
 * of the original. Several with no known original: the group stands alone, joined to no outlet.
 */
function originOfGroup(
  members: string[],
  links: ReadonlyMap<string, ReuseLink[]>,
  mastheadOf: Map<string, Masthead | null>,
  signals: Map<string, ReturnType<typeof wireSignal>>,
  registry: OutletRegistry,
): Origin {
  const signalled = new Map<string, { wire: OutletEntry; n: number; evidence: string }>();
  for (const id of members) {
    const s = signals.get(id);
    if (!s) continue;
    const tally = signalled.get(s.wire.name) ?? signalled.set(s.wire.name, { wire: s.wire, n: 0, evidence: s.evidence }).get(s.wire.name)!;
    tally.n++;
  }
  const best = [...signalled.values()].sort((x, y) => y.n - x.n || byCodePoint(x.wire.name, y.wire.name))[0];
  if (best) return { kind: 'wire', wire: best.wire, why: null };
  const outlets = [...new Map(members.map((id) => mastheadOf.get(id)).filter((m): m is Masthead => !!m).map((m) => [m.key, m])).values()];
  if (outlets.length >= 2) {
    const own = outlets.find((m) => m.entry?.wire);
    if (own) return { kind: 'wire', wire: own.entry!, why: `run by ${own.name} itself` };
    const common = commonWire(outlets, registry);
    if (common) return { kind: 'wire', wire: common, why: `every outlet of the copies republishes ${common.name}` };
  }
  if (outlets.length === 1 && members.every((id) => mastheadOf.get(id))) return { kind: 'masthead', masthead: outlets[0], copiedBy: [] };
  const owner = commonOwner(outlets);
  if (owner && members.every((id) => mastheadOf.get(id))) return { kind: 'owner', owner, mastheads: outlets };
  const originals = originalsOf(members, links);
  const originOutlets = [...new Set(originals.map((id) => mastheadOf.get(id)).filter((m): m is Masthead => !!m))];
  if (originals.length && originOutlets.length === 1 && originals.every((id) => mastheadOf.get(id) === originOutlets[0])) {
    return { kind: 'masthead', masthead: originOutlets[0], copiedBy: outlets.filter((m) => m !== originOutlets[0]) };
  }
  if (outlets.length === 1) return { kind: 'masthead', masthead: outlets[0], copiedBy: [] };
  return { kind: 'alone' };
}

/** The owner (else parent company) every outlet has, by the registry, when there are several outlets. */
function commonOwner(outlets: Masthead[]): string | null {
  if (outlets.length < 2) return null;
  for (const field of ['owner', 'parent'] as const) {
    const names = new Set(outlets.map((m) => (m.entry?.[field] ? nameKey(m.entry[field]!) : null)));
    if (names.size === 1 && !names.has(null)) return outlets[0].entry![field]!;
  }
  return null;
}

/** The one wire every outlet republishes (registry `republishes`), if there is exactly one. */
function commonWire(outlets: Masthead[], registry: OutletRegistry): OutletEntry | null {
  const carried = outlets.map((m) => new Set((m.entry?.republishes ?? []).map((w) => wireNamed(registry, w)).filter((w): w is OutletEntry => !!w)));
  const common = [...carried[0]].filter((w) => carried.every((set) => set.has(w)));
  return common.length === 1 ? common[0] : null;
}

/** Articles of the group that are an original and never a copy in the group's links. */
function originalsOf(members: string[], linksOf: ReadonlyMap<string, ReuseLink[]>): string[] {
  const inGroup = new Set(members);
  const original = new Set<string>();
  const copy = new Set<string>();
  for (const l of members.flatMap((id) => linksOf.get(id) ?? [])) {
    if (!inGroup.has(l.b) || !l.original) continue;
    original.add(l.original);
    copy.add(l.original === l.a ? l.b : l.a);
  }
  return [...original].filter((id) => !copy.has(id)).sort(byCodePoint);
}

interface Context {
  mastheadOf: Map<string, Masthead | null>;
  signals: Map<string, ReturnType<typeof wireSignal>>;
  groups: Map<string, string[]>;
  originOf: Map<string, Origin>;
  reuseGroupOf: (id: string) => string;
  registry: OutletRegistry;
}

/** Distinct wire signs named in a source's explanation; a wire's 200 stories would list them all. */
const MAX_WHY = 3;

type Draft = Omit<IndependentSource, 'id'> & { key: string };

/** A source's label, outlets and folds, from its member articles. */
function describeSource(ids: string[], ctx: Context): Draft {
  const folds: SourceFold[] = [];
  const outletNames = (list: string[]) => [...new Set(list.map((id) => ctx.mastheadOf.get(id)?.name).filter((n): n is string => !!n))].sort(byCodePoint);
  const groupIds = [...new Set(ids.map(ctx.reuseGroupOf))];
  let wire: string | null = null;
  const wireArticles: string[] = [];
  const wireWhy = new Set<string>();
  const ownReports = new Map<Masthead, string[]>();
  for (const g of groupIds) {
    const members = ctx.groups.get(g) ?? [];
    const origin = ctx.originOf.get(g) ?? { kind: 'alone' };
    if (members.length > 1) {
      const copiedFrom = origin.kind === 'masthead' && origin.copiedBy.length ? `: copies of ${origin.masthead.name}'s report in ${origin.copiedBy.map((m) => m.name).join(', ')}` : '';
      folds.push({ kind: 'copy', by: null, articles: members, outlets: outletNames(members), detail: `${members.length} articles that copy each other${copiedFrom}` });
    }
    if (origin.kind === 'wire') {
      wire ??= origin.wire.name;
      wireArticles.push(...members);
      if (origin.why) wireWhy.add(origin.why);
    } else if (origin.kind === 'masthead') {
      (ownReports.get(origin.masthead) ?? ownReports.set(origin.masthead, []).get(origin.masthead)!).push(g);
    } else if (origin.kind === 'owner') {
      for (const m of origin.mastheads) (ownReports.get(m) ?? ownReports.set(m, []).get(m)!).push(g);
    }
  }
  if (wire) folds.push(wireFold(wire, wireArticles.sort(byCodePoint), wireWhy, ctx, outletNames));
  const mastheads = [...ownReports.keys()].sort((x, y) => byCodePoint(x.name, y.name));
  for (const m of mastheads) {
    const reports = ownReports.get(m)!;
    if (reports.length < 2) continue;
    const groups = new Set(reports);
    const articles = ids.filter((id) => groups.has(ctx.reuseGroupOf(id)));
    const spelled = m.spellings.length > 1 ? ` (seen as ${m.spellings.slice(0, MAX_WHY * 2).join(', ')}${m.spellings.length > MAX_WHY * 2 ? ', …' : ''})` : '';
    folds.push({ kind: 'masthead', by: m.name, articles, outlets: [m.name], detail: `${reports.length} reports of one outlet: ${m.name}${spelled}` });
  }
  const owner = ownerFold(mastheads, ids, ctx);
  if (owner) folds.push(owner);
  const outlets = outletNames(ids);
  const label = wire ? wireVia(wire, outlets.filter((n) => n !== wire).length, outlets.includes(wire)) : owner ? owner.detail : mastheads.length === 1 ? mastheads[0].name : outlets.length ? outlets.join(' + ') : ids.length > 1 ? `${ids.length} copies of ${ids[0]}` : `article ${ids[0]}`;
  // Ids come from what does not change as a corpus grows (the registry's name, a domain, a wire, an owner),
  // not from the display name, which is the spelling seen most so far.
  const key = wire ?? owner?.by ?? (mastheads.length === 1 ? stableName(mastheads[0]) : ids[0]);
  return { key, label, articles: ids, outlets, wire, owner: owner?.by ?? null, folded: folds };
}

/** "AP via 3 outlets (dateline "(AP) —" in 2 articles; 1 copy of them)": the signs counted per article. */
function wireFold(wire: string, articles: string[], why: Set<string>, ctx: Context, outletNames: (ids: string[]) => string[]): SourceFold {
  const signs = new Map<string, number>();
  let unsigned = 0;
  for (const id of articles) {
    const s = ctx.signals.get(id);
    if (s && s.wire.name === wire) signs.set(s.evidence, (signs.get(s.evidence) ?? 0) + 1);
    else unsigned++;
  }
  const parts = [...signs].sort((x, y) => y[1] - x[1] || byCodePoint(x[0], y[0])).map(([e, n]) => `${e} in ${n} article${n === 1 ? '' : 's'}`);
  const reasons = [...why].sort(byCodePoint);
  if (signs.size && unsigned) parts.push(`${unsigned} cop${unsigned === 1 ? 'y' : 'ies'} of them`);
  parts.push(...reasons);
  const shown = parts.slice(0, MAX_WHY).join('; ') + (parts.length > MAX_WHY ? `; ${parts.length - MAX_WHY} more reasons` : '');
  const all = outletNames(articles);
  const outlets = all.filter((n) => n !== wire);
  return { kind: 'wire', by: wire, articles, outlets, detail: `${wireVia(wire, outlets.length, all.includes(wire))} (${shown})` };
}

/** The registry's name, else the masthead's smallest domain, else its name key. */
function stableName(m: Masthead): string {
  return m.entry?.name ?? m.key.replace(/^(host|name):/, '');
}

/** "AP via 12 outlets"; "AP" for the wire's own site alone; "AP via its own site and 2 outlets". */
export function wireVia(wire: string, outlets: number, ownSite = false): string {
  if (outlets === 0) return wire;
  return `${wire} via ${ownSite ? 'its own site and ' : ''}${outlets} outlet${outlets === 1 ? '' : 's'}`;
}

/** Outlets joined because one owner (or parent company) holds them: "2 outlets of one owner (X)". */
function ownerFold(mastheads: Masthead[], ids: string[], ctx: Context): SourceFold | null {
  if (mastheads.length < 2) return null;
  for (const field of ['owner', 'parent'] as const) {
    const names = [...new Set(mastheads.map((m) => m.entry?.[field]).filter((n): n is string => !!n))];
    if (names.length !== 1 || !mastheads.every((m) => m.entry?.[field])) continue;
    const outlets = mastheads.map((m) => m.name);
    const inside = new Set(mastheads);
    const articles = ids.filter((id) => inside.has(ctx.mastheadOf.get(id)!));
    const of = field === 'owner' ? 'one owner' : 'one parent company';
    return { kind: field, by: names[0], articles, outlets, detail: `${outlets.length} outlets of ${of} (${names[0]})` };
  }
  const owners = [...new Set(mastheads.flatMap((m) => [m.entry?.owner, m.entry?.parent]).filter((n): n is string => !!n))].sort(byCodePoint);
  if (!owners.length) return null;
  const inside = new Set(mastheads);
  const articles = ids.filter((id) => inside.has(ctx.mastheadOf.get(id)!));
  return { kind: 'owner', by: owners.join(' / '), articles, outlets: mastheads.map((m) => m.name), detail: `${mastheads.length} outlets of related owners (${owners.join(', ')})` };
}

/** Readable ids from each source's key (`src:ap`, `src:ostravalleytimes.example`, `src:valley-media-group`),
 * unique with `~2`, `~3`. */
function assignIds(drafts: Draft[]): Pick<IndependentSources, 'groupOf' | 'sources'> {
  drafts.sort((x, y) => byCodePoint(x.key, y.key) || byCodePoint(x.articles[0], y.articles[0]));
  const used = new Set<string>();
  const groupOf = new Map<string, string>();
  const sources: IndependentSource[] = drafts.map(({ key, ...d }) => {
    const base = `src:${key.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, '-').replace(/^-|-$/g, '') || 'unnamed'}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    used.add(id);
    for (const a of d.articles) groupOf.set(a, id);
    return { id, ...d };
  });
  sources.sort((x, y) => byCodePoint(x.id, y.id));
  return { groupOf, sources };
}
