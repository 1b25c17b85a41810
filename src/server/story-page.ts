// The Story page, from the brief's view model (src/brief/view.ts) so the HTML brief and this page say the
// same things: the cited lead, where sources disagree (each side's outlets, independence, and links that
// open the evidence highlighted in its article), agreement, timeline, quotes with variants, copy lineage.

import { htmlLink } from '../brief/html.js';
import { cited, type SourceRefs } from '../brief/view.js';
import type { ContradictionValue, ReportArticle } from '../model/report.js';
import { valuesOf, type StoryData } from './data.js';
import { articleHref, esc, shell } from './html.js';
import { wordDiff } from './diff.js';

function citeList(s: SourceRefs): string {
  const c = cited(s);
  if (!c.ids.length) return '';
  const links = c.ids.map((id, i) => `<a href="${articleHref(id)}" title="${esc(id)}">${esc(c.labels[i])}</a>`);
  return ` <span class="src">[${links.join(', ')}${c.more ? `, … and ${c.more} more` : ''}]</span>`;
}

const outletOf = (a: ReportArticle | undefined) => a?.masthead ?? a?.outlet ?? null;

function outletsOf(ids: string[], byId: Map<string, ReportArticle>): string {
  const names = [...new Set(ids.map((id) => outletOf(byId.get(id)) ?? id))];
  return names.map((n) => `<span class="outlet">${esc(n)}</span>`).join(' ');
}

/** Evidence sentences of one value, each a link to the sentence highlighted inside its article. */
function evidenceLinks(v: ContradictionValue, fallback: string[]): string {
  if (v.mentions?.length) {
    return v.mentions.slice(0, 6).map((m) =>
      `<li><a class="evidence" href="${articleHref(m.article, { start: m.start, end: m.end })}"><q>${esc(m.evidence)}</q></a> <span class="note">— ${esc(m.article)}</span></li>`).join('');
  }
  return fallback.map((e) => `<li><q>${esc(e)}</q></li>`).join('');
}

function disagreements(d: StoryData, byId: Map<string, ReportArticle>): string {
  const v = d.view;
  if (!v.disagreements.length) return '<p class="empty">No contradiction found between the sources.</p>';
  return v.disagreements.map((dis, n) => {
    const raw = valuesOf(d.story, dis);
    const sides = dis.values.map((val, i) => `<li class="side"><p><strong class="value">${esc(val.value)}</strong> — ${outletsOf(val.sources.ids, byId)}${citeList(val.sources)}</p>
<p class="note">${esc(val.independence)}</p><ul class="evidence-list">${evidenceLinks(raw[i] ?? { value: val.value, sources: [], independentSources: 0, evidence: [] }, val.evidence)}</ul></li>`);
    const hidden = dis.valuesHidden ? `<li class="empty">…and ${dis.valuesHidden} more values (in the JSON).</li>` : '';
    return `<section class="conflict" id="disagreement-${n + 1}" aria-labelledby="dis-${n + 1}"><h3 id="dis-${n + 1}"><span class="kind">${esc(dis.kind)}</span> ${esc(dis.about)}</h3>
${dis.note ? `<p class="note">${esc(dis.note)}</p>` : ''}<ul class="sides">${sides.join('\n')}${hidden}</ul></section>`;
  }).join('\n');
}

function quotes(d: StoryData): string {
  const v = d.view;
  if (!v.quotes.length) return '';
  const items = v.quotes.map((q) => {
    const who = q.speaker ? `<strong>${esc(q.speaker)}</strong>${q.role ? ` (${esc(q.role)})` : ''}` : q.attributedTo ? `<em>${esc(q.attributedTo)}</em>` : '<em>Unattributed</em>';
    const variants = q.variants.map((x) => `<li>variant: ${wordDiff(q.text, x.text)}${citeList(x.sources)}</li>`).join('');
    return `<li>${who}: ${q.direct ? '“' : ''}${esc(q.text)}${q.direct ? '”' : ''}${citeList(q.sources)}${variants ? `<ul class="variants">${variants}</ul>` : ''}</li>`;
  });
  return `<h2>Who said what</h2><ul>${items.join('\n')}</ul>${v.quotesHidden ? `<p class="empty">…and ${v.quotesHidden} more remarks.</p>` : ''}`;
}

function lineage(d: StoryData, byId: Map<string, ReportArticle>): string {
  if (!d.reuse.length) return '';
  const name = (id: string) => `<a href="${articleHref(id)}">${esc(outletOf(byId.get(id)) ?? id)}</a> <span class="note">${esc(id)}</span>`;
  const rows = d.reuse.slice(0, 40).map((l) => {
    const [from, to] = l.original === l.b ? [l.b, l.a] : [l.a, l.b];
    const arrow = l.original ? '→' : '↔';
    return `<li>${name(from)} <span class="arrow" aria-label="${l.original ? 'copied by' : 'shares text with'}">${arrow}</span> ${name(to)} <span class="note">(${esc(l.kind)}, ${l.shared} shared sentence${l.shared === 1 ? '' : 's'})</span></li>`;
  });
  const copied = new Set(d.reuse.filter((l) => l.original).map((l) => (l.original === l.a ? l.b : l.a)));
  const first = [...new Set(d.reuse.map((l) => l.original).filter((o): o is string => !!o && !copied.has(o)))];
  return `<h2>Who copied whom</h2>${first.length ? `<p>First published by ${first.map(name).join(', ')}</p>` : ''}<ul class="lineage">${rows.join('\n')}</ul>`;
}

/** Outlets × claims: which outlet supports, contradicts (backs another value) or is silent on each. */
function matrix(d: StoryData, byId: Map<string, ReportArticle>): string {
  const outlets = [...new Set(d.story.articles.map((id) => outletOf(byId.get(id)) ?? id))].slice(0, 12);
  const cols: { label: string; supports: Set<string>; against: Set<string> }[] = [];
  const outletSet = (ids: string[]) => new Set(ids.map((id) => outletOf(byId.get(id)) ?? id));
  for (const c of d.view.agreed.slice(0, 5)) cols.push({ label: c.text, supports: outletSet(c.sources.ids), against: new Set() });
  for (const dis of d.view.disagreements.slice(0, 3)) {
    for (const val of dis.values.slice(0, 2)) {
      const others = dis.values.filter((x) => x !== val).flatMap((x) => x.sources.ids);
      cols.push({ label: `${dis.about}: ${val.value}`, supports: outletSet(val.sources.ids), against: outletSet(others) });
    }
  }
  if (!cols.length || outlets.length < 2) return '';
  const cell = (o: string, c: (typeof cols)[number]) =>
    c.supports.has(o) ? '<td class="yes">supports</td>' : c.against.has(o) ? '<td class="no">contradicts</td>' : '<td class="silent">silent</td>';
  const head = cols.map((c, i) => `<th scope="col" title="${esc(c.label)}">${i + 1}</th>`).join('');
  const rows = outlets.map((o) => `<tr><th scope="row">${esc(o)}</th>${cols.map((c) => cell(o, c)).join('')}</tr>`).join('\n');
  const key = cols.map((c) => `<li>${esc(c.label)}</li>`).join('');
  return `<h2>Source matrix</h2><div class="scroll" tabindex="0"><table class="matrix"><thead><tr><th scope="col">Outlet</th>${head}</tr></thead><tbody>${rows}</tbody></table></div><ol class="matrix-key">${key}</ol>`;
}

export function storyPage(d: StoryData): string {
  const v = d.view;
  const byId = new Map(d.articles.map((a) => [a.id, a]));
  const s = d.summary;
  const h: string[] = [];
  h.push(`<h1>${esc(v.headline || 'Untitled story')}</h1>`);
  h.push(`<p class="meta">${v.sources.ids.length} article${v.sources.ids.length === 1 ? '' : 's'}${s?.lastSeen ? ` · ${esc(s.firstSeen ?? '')} – ${esc(s.lastSeen)}` : ''} · <a href="/api/stories/${encodeURIComponent(v.id)}">JSON</a> · <a href="/api/stories/${encodeURIComponent(v.id)}/claims.csv">CSV</a> · <a href="/api/stories/${encodeURIComponent(v.id)}/claims.jsonld">JSON-LD</a></p>`);
  if (v.independence) h.push(`<p class="independence">${esc(v.independence)}</p>`);
  const pending = d.story.pending?.articles.length ?? 0;
  if (pending) h.push(`<p class="pending" role="status">${pending} article${pending === 1 ? '' : 's'} joined since this story was last cross-checked (${esc(d.story.pending!.since)}): claims and disagreements below do not include ${pending === 1 ? 'it' : 'them'} yet.</p>`);
  if (v.lead.length) h.push(`<p class="lead">${v.lead.map((l) => `${esc(l.text)}${citeList(l.sources)}${l.note ? ` <span class="note">(${esc(l.note)})</span>` : ''}`).join(' ')}</p>`);
  h.push(`<h2>Where sources disagree</h2>${disagreements(d, byId)}`);
  h.push('<h2>What sources agree on</h2>');
  h.push(v.agreed.length ? `<ul>${v.agreed.map((c) => `<li>${esc(c.text)}${citeList(c.sources)} <span class="note">— ${esc(c.note ?? '')}</span></li>`).join('\n')}</ul>` : '<p class="empty">No claim is carried by more than one article.</p>');
  if (v.updates.length) h.push(`<h2>Figures that changed</h2><ul>${v.updates.map((u) => `<li><strong>${esc(u.slot)}</strong>: ${u.steps.map((st) => `${esc(st.value)}${st.published ? ` (${esc(st.published)})` : ''}`).join(' → ')}</li>`).join('')}</ul>`);
  if (v.timeline.length) h.push(`<h2>Timeline</h2><ol class="timeline">${v.timeline.map((t) => `<li><time>${esc(t.date)}</time><span>${esc(t.text)}${citeList(t.sources)}</span></li>`).join('\n')}</ol>`);
  h.push(quotes(d));
  h.push(matrix(d, byId));
  h.push(lineage(d, byId));
  h.push('<h2>Sources</h2><ul class="per-source">');
  for (const p of v.perSource) {
    const head = [`<a href="${articleHref(p.id)}"><strong>${esc(p.label)}</strong></a>`];
    if (p.outlet) head.push(esc(p.outlet));
    if (p.title) head.push(`“${esc(p.title)}”`);
    if (p.published) head.push(`published ${esc(p.published)}`);
    if (p.url) head.push(htmlLink(p.url));
    const sub = [...p.copies.map((c) => `<li>Copies: ${esc(c)}</li>`), ...(p.countsAs ? [`<li>Counts as: ${esc(p.countsAs)}</li>`] : []), ...p.adds.map((a) => `<li>Only here: ${esc(a)}</li>`)];
    h.push(`<li>${head.join(' · ')}${sub.length ? `<ul>${sub.join('')}</ul>` : ''}</li>`);
  }
  h.push(`</ul>${v.perSourceHidden ? `<p class="empty">…and ${v.perSourceHidden} more sources.</p>` : ''}`);
  return shell(v.headline || 'Story', h.filter(Boolean).join('\n'));
}
