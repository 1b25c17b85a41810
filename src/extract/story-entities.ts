// Story-level entities and quotes: mentions from every article of a story merged by alias ("Sullivan",
// "Jake Sullivan", "JakeSullivan46" are one person), and identical quotes merged with all their sources.

import type { AnalysedArticle, EntityType } from '../model/article.js';
import type { ReportEntity, ReportQuote } from '../model/report.js';

/** Code-unit order: the same on every machine, unlike localeCompare, whose order follows the locale. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The key names merge by: accents, case, apostrophe forms and spacing folded ("O’Brien" = "O'Brien"). */
export function entityKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

interface Group {
  names: Map<string, number>;
  aliases: Set<string>;
  types: Map<EntityType, number>;
  roles: Map<string, string>;
  sources: Set<string>;
  mentions: number;
}

/** Merges entity mentions across articles. Canonical names are already in-article merged; across
 * articles a single-word person name joins the unique multi-word person ending with it. Single-mention
 * "other" entities are dropped as noise. */
export function mergeEntities(articles: AnalysedArticle[]): ReportEntity[] {
  const groups = new Map<string, Group>();
  for (const a of articles) {
    for (const m of a.extract.entities) {
      const k = entityKey(m.name);
      let g = groups.get(k);
      if (!g) {
        g = { names: new Map(), aliases: new Set(), types: new Map(), roles: new Map(), sources: new Set(), mentions: 0 };
        groups.set(k, g);
      }
      g.names.set(m.name, (g.names.get(m.name) ?? 0) + 1);
      g.aliases.add(m.text.replace(/\s+/g, ' '));
      g.types.set(m.type, (g.types.get(m.type) ?? 0) + 1);
      for (const r of m.roles) {
        const rk = entityKey(r).replace(/-/g, ' ').replace(/advisor/g, 'adviser');
        if (!g.roles.has(rk)) g.roles.set(rk, r);
      }
      g.sources.add(a.id);
      g.mentions++;
    }
  }
  // Cross-article alias: "Burns" alone in one article, "William Burns" in another.
  const typeOf = (g: Group) => [...g.types.entries()].sort((x, y) => y[1] - x[1])[0][0];
  const full = [...groups.entries()].filter(([k, g]) => k.includes(' ') && typeOf(g) === 'person');
  for (const [k, g] of [...groups.entries()]) {
    if (k.includes(' ') || (typeOf(g) !== 'person' && typeOf(g) !== 'other')) continue;
    const targets = full.filter(([fk]) => fk.endsWith(' ' + k));
    if (targets.length !== 1) continue;
    const t = targets[0][1];
    for (const [n, c] of g.names) t.names.set(n, (t.names.get(n) ?? 0) + c);
    for (const x of g.aliases) t.aliases.add(x);
    for (const [rk, r] of g.roles) if (!t.roles.has(rk)) t.roles.set(rk, r);
    for (const s of g.sources) t.sources.add(s);
    t.types.set('person', (t.types.get('person') ?? 0) + g.mentions);
    t.mentions += g.mentions;
    groups.delete(k);
  }
  const out: (ReportEntity & { mentions: number })[] = [];
  for (const g of groups.values()) {
    const type = typeOf(g);
    if (type === 'other' && g.mentions < 2) continue;
    const name = [...g.names.entries()].sort((x, y) => y[0].split(' ').length - x[0].split(' ').length || y[1] - x[1])[0][0];
    out.push({
      name, type, roles: [...g.roles.values()], aliases: [...g.aliases].filter((x) => x !== name).sort(),
      sources: [...g.sources].sort(), mentions: g.mentions,
    });
  }
  out.sort((a, b) => b.sources.length - a.sources.length || b.mentions - a.mentions || byCode(a.name, b.name));
  return out.map(({ mentions: _m, ...e }) => e);
}

/** Quote content normalised for identity: quote marks, case, punctuation and spacing ignored. */
export function normaliseQuote(text: string): string {
  return text.toLowerCase().replace(/[“”"«»„‘’']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The wording of an unnamed source ("port officials"); pronouns say nothing a reader can use. */
export function unnamedSource(text: string | undefined): string | null {
  const t = text?.replace(/\s+/g, ' ').trim();
  if (!t || /^(he|she|they|it|we|i|you|one|who|which|that|this)$/i.test(t)) return null;
  return t;
}

/** One ReportQuote per distinct (speaker, normalised content), with every article that carries it. */
export function collectQuotes(articles: AnalysedArticle[]): ReportQuote[] {
  const byKey = new Map<string, ReportQuote>();
  for (const a of articles) {
    for (const q of a.extract.quotes) {
      const text = q.content.text.trim();
      const k = `${q.speaker ?? ''}\u0000${normaliseQuote(text)}`;
      const found = byKey.get(k);
      const attributedTo = q.speaker ? null : unnamedSource(q.speakerSpan?.text);
      if (found) {
        if (!found.sources.includes(a.id)) found.sources.push(a.id);
        found.direct ||= q.direct;
        found.attributedTo ??= attributedTo;
      } else {
        byKey.set(k, { speaker: q.speaker, attributedTo, text, direct: q.direct, sources: [a.id], variants: [] });
      }
    }
  }
  const out = [...byKey.values()];
  for (const q of out) q.sources.sort();
  out.sort((a, b) => b.sources.length - a.sources.length || (a.speaker === null ? 1 : 0) - (b.speaker === null ? 1 : 0));
  return out;
}
