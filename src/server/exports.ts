// A story's claims where people take them next: CSV for spreadsheets (one row per claim or disputed value,
// with outlets and independence) and schema.org Claim JSON-LD with appearance/firstAppearance (what
// ClaimReview markup points at).

import type { ReportArticle } from '../model/report.js';
import type { StoryData } from './data.js';

const outletOf = (a: ReportArticle | undefined, id: string) => a?.masthead ?? a?.outlet ?? id;

/** A CSV cell: quoted when needed, and a leading = + - @ defused (spreadsheets run those as formulas). */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

interface Row {
  kind: 'claim' | 'disagreement';
  about: string;
  text: string;
  articles: string[];
  independent: number;
}

function rowsOf(d: StoryData): Row[] {
  const rows: Row[] = d.story.claims.map((c) => ({ kind: 'claim', about: '', text: c.text, articles: c.sources, independent: c.independentSources }));
  for (const c of d.story.contradictions) {
    for (const v of c.values) rows.push({ kind: 'disagreement', about: `${c.kind}: ${c.about}`, text: v.value, articles: v.sources, independent: v.independentSources });
  }
  return rows;
}

export function claimsCsv(d: StoryData): string {
  const byId = new Map(d.articles.map((a) => [a.id, a]));
  const head = ['story', 'kind', 'about', 'text', 'articles', 'outlets', 'independent_sources', 'article_ids'];
  const lines = [head.join(',')];
  for (const r of rowsOf(d)) {
    const outlets = [...new Set(r.articles.map((id) => outletOf(byId.get(id), id)))];
    lines.push([d.story.id, r.kind, r.about, r.text, r.articles.length, outlets.join('; '), r.independent, r.articles.join('; ')].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function creativeWork(a: ReportArticle | undefined, id: string): Record<string, unknown> {
  const work: Record<string, unknown> = { '@type': 'NewsArticle', identifier: id };
  if (a?.url) work.url = a.url;
  if (a?.title) work.headline = a.title;
  if (a?.published) work.datePublished = a.published;
  const outlet = a?.masthead ?? a?.outlet;
  if (outlet) work.publisher = { '@type': 'Organization', name: outlet };
  return work;
}

export function claimsJsonLd(d: StoryData): Record<string, unknown> {
  const byId = new Map(d.articles.map((a) => [a.id, a]));
  const graph = rowsOf(d).map((r) => {
    const works = r.articles.map((id) => creativeWork(byId.get(id), id));
    const dated = r.articles.filter((id) => byId.get(id)?.published).sort((x, y) => (byId.get(x)!.published! < byId.get(y)!.published! ? -1 : 1));
    const claim: Record<string, unknown> = { '@type': 'Claim', text: r.kind === 'claim' ? r.text : `${r.about}: ${r.text}`, appearance: works };
    if (dated.length) claim.firstAppearance = creativeWork(byId.get(dated[0]), dated[0]);
    if (r.kind === 'disagreement') claim.about = r.about;
    return claim;
  });
  return { '@context': 'https://schema.org', '@graph': graph };
}
