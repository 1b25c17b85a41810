// Renders a Report as one self-contained HTML page (inline CSS, no scripts, no external assets) with the
// same content as the Markdown brief. Article text is hostile input: every piece of it is escaped.

import type { Report } from '../model/report.js';
import { buildBriefView, cited, datesInWords, type SourceRefs, type StoryView } from './view.js';

/** Escapes text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A link only for absolute http(s) URLs, re-serialised by the URL parser (so `javascript:`, `data:`,
 * or a URL that only looks like http after entity decoding never becomes an href); other values are text.
 */
export function htmlLink(url: string | null, text?: string): string {
  if (!url) return '';
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return `<span class="url">${escapeHtml(url)}</span>`;
  return `<a href="${escapeHtml(parsed.href)}" rel="noopener noreferrer nofollow">${escapeHtml(text ?? parsed.href)}</a>`;
}

/** Source labels (each with its id as a title), capped at MAX_CITED with how many more the JSON lists. */
const labelList = (s: SourceRefs): string => {
  const c = cited(s);
  return `${c.ids.map((id, i) => `<span title="${escapeHtml(id)}">${escapeHtml(c.labels[i])}</span>`).join(', ')}${c.more ? `, … and ${c.more} more` : ''}`;
};
const cite = (s: SourceRefs): string => (s.labels.length ? ` <span class="src">[${labelList(s)}]</span>` : '');
const notAnalysedNote = (language: string) => `not analysed for claims (${escapeHtml(language)})`;

const CSS = `
body{font:16px/1.5 Georgia,'Times New Roman',serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.35rem;border-top:2px solid #1d1d1f;padding-top:.8rem;margin-top:2.2rem}
h3{font:600 .85rem/1.2 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:#555;margin-top:1.6rem}
.meta,.src,.note{font:.8rem/1.4 system-ui,sans-serif;color:#666}.src{overflow-wrap:anywhere}
.lead{font-size:1.08rem}ul{padding-left:1.2rem}li{margin:.3rem 0}
.conflict{border-left:4px solid #c0392b;padding:.2rem .8rem;margin:.6rem 0;background:#fdf3f2}
.kind{font:700 .75rem system-ui,sans-serif;text-transform:uppercase;color:#c0392b;margin-right:.4rem}
blockquote{margin:.2rem 0 .2rem 1rem;color:#444;font-style:italic;font-size:.92rem}
.empty{color:#888;font-style:italic}.url{word-break:break-all}
`;

/** The heading, its counts and independence, and the cited lead. */
function storyHead(s: StoryView): string[] {
  const h: string[] = [];
  h.push(`<section class="story" id="story-${escapeHtml(s.id)}">`);
  h.push(`<h2>${escapeHtml(s.headline || 'Untitled story')}</h2>`);
  h.push(`<p class="meta">Story ${escapeHtml(s.id)} · ${s.sources.ids.length} article${s.sources.ids.length === 1 ? '' : 's'}${cite(s.sources)}</p>`);
  if (s.independence) h.push(`<p class="meta">${escapeHtml(s.independence)}</p>`);
  for (const n of s.notAnalysed) h.push(`<p class="meta">${n.count} article${n.count === 1 ? '' : 's'} ${notAnalysedNote(n.language)}.</p>`);
  if (s.lead.length) {
    h.push(`<p class="lead">${s.lead.map((l) => `${escapeHtml(l.text)}${cite(l.sources)}${l.note ? ` <span class="note">(${escapeHtml(l.note)})</span>` : ''}`).join('\n')}</p>`);
  }
  return h;
}

/** What sources agree on: claims carried by several articles. */
function agreedPart(s: StoryView): string[] {
  const h: string[] = [];
  h.push('<h3>What sources agree on</h3>');
  if (s.agreed.length) {
    h.push('<ul>');
    for (const c of s.agreed) h.push(`<li>${escapeHtml(c.text)}${cite(c.sources)} <span class="note">— ${escapeHtml(c.note ?? '')}</span></li>`);
    if (s.agreedHidden) h.push(`<li class="empty">…and ${s.agreedHidden} more claims carried by several sources.</li>`);
    h.push('</ul>');
  } else h.push('<p class="empty">No claim is carried by more than one article.</p>');
  return h;
}

/** Where sources disagree: each value with its sources, independence and evidence. */
function disagreementsPart(s: StoryView): string[] {
  const h: string[] = [];
  h.push('<h3>Where sources disagree</h3>');
  if (s.disagreements.length) {
    for (const d of s.disagreements) {
      h.push(`<div class="conflict"><p><span class="kind">${escapeHtml(d.kind)}</span>${escapeHtml(d.about)}${d.note ? ` <span class="note">(${escapeHtml(d.note)})</span>` : ''}</p><ul>`);
      for (const v of d.values) {
        const c = cited(v.sources);
        const labels = `${c.labels.map(escapeHtml).join(', ')}${c.more ? `, … and ${c.more} more` : ''}`;
        h.push(`<li><strong>${escapeHtml(v.value)}</strong> — ${labels} <span class="note">(${escapeHtml(v.independence)})</span>`);
        for (const e of v.evidence) h.push(`<blockquote>${escapeHtml(e)}</blockquote>`);
        h.push('</li>');
      }
      if (d.valuesHidden) h.push(`<li class="empty">…and ${d.valuesHidden} more values (all are in the JSON report).</li>`);
      h.push('</ul></div>');
    }
  } else h.push('<p class="empty">No contradiction found between the sources.</p>');
  return h;
}

/** Figures that moved with later publication. */
function updatesPart(s: StoryView): string[] {
  const h: string[] = [];
  if (s.updates.length) {
    h.push('<h3>Figures that changed as the story developed</h3><ul>');
    for (const u of s.updates) {
      const steps = u.steps.map((st) => `${escapeHtml(st.value)}${st.published ? ` (${escapeHtml(st.published)})` : ''}${cite(st.sources)}`);
      h.push(`<li><strong>${escapeHtml(u.slot)}</strong>: ${steps.join(' → ')}</li>`);
    }
    h.push('</ul>');
  }
  return h;
}

/** The dated timeline. */
function timelinePart(s: StoryView): string[] {
  const h: string[] = [];
  if (s.timeline.length) {
    h.push('<h3>Timeline</h3><ul>');
    for (const t of s.timeline) h.push(`<li><strong>${escapeHtml(t.date)}</strong> — ${escapeHtml(t.text)}${cite(t.sources)}</li>`);
    h.push('</ul>');
  }
  return h;
}

/** Who said what, with quote variants. */
function quotesPart(s: StoryView): string[] {
  const h: string[] = [];
  if (s.quotes.length) {
    h.push('<h3>Who said what</h3><ul>');
    for (const q of s.quotes) {
      const who = q.speaker ? `<strong>${escapeHtml(q.speaker)}</strong>${q.role ? ` (${escapeHtml(q.role)})` : ''}` : q.attributedTo ? `<em>${escapeHtml(q.attributedTo)}</em> (source as worded)` : '<em>Unattributed</em>';
      const body = q.direct ? `“${escapeHtml(q.text)}”` : escapeHtml(q.text);
      h.push(`<li>${who}: ${body}${cite(q.sources)}`);
      if (q.variants.length) {
        h.push('<ul>');
        for (const v of q.variants) h.push(`<li>variant: ${q.direct ? `“${escapeHtml(v.text)}”` : escapeHtml(v.text)}${cite(v.sources)}</li>`);
        h.push('</ul>');
      }
      h.push('</li>');
    }
    if (s.quotesHidden) h.push(`<li class="empty">…and ${s.quotesHidden} more remarks (all are in the JSON report).</li>`);
    h.push('</ul>');
  }
  return h;
}

/** The story's events and their spans. */
function eventsPart(s: StoryView): string[] {
  const h: string[] = [];
  if (s.events.length) {
    h.push('<h3>Events</h3><ul>');
    for (const e of s.events) h.push(`<li>${escapeHtml(e.label)}${e.span ? ` <span class="note">(${escapeHtml(e.span)})</span>` : ''}${cite(e.sources)}</li>`);
    h.push('</ul>');
  }
  return h;
}

/** One note per source: outlet, title, dates, copies, what it adds. */
function perSourcePart(s: StoryView): string[] {
  const h: string[] = [];
  h.push('<h3>Per-source notes</h3><ul>');
  for (const p of s.perSource) {
    const head = [`<strong title="${escapeHtml(p.id)}">${escapeHtml(p.label)}</strong>`];
    if (p.outlet) head.push(escapeHtml(p.outlet));
    if (p.title) head.push(`“${escapeHtml(p.title)}”`);
    for (const d of datesInWords(p)) head.push(escapeHtml(d));
    if (p.url) head.push(htmlLink(p.url));
    h.push(`<li>${head.join(' · ')}`);
    const sub: string[] = [];
    if (p.notAnalysed) sub.push(`<li class="note">${notAnalysedNote(p.notAnalysed)}</li>`);
    if (p.copies.length) sub.push(`<li>Copies: ${p.copies.map(escapeHtml).join('; ')}</li>`);
    if (p.countsAs) sub.push(`<li>Counts as: ${escapeHtml(p.countsAs)}</li>`);
    for (const a of p.adds) sub.push(`<li>Only here: ${escapeHtml(a)}</li>`);
    if (p.removed) sub.push(`<li>${p.removed} boilerplate line${p.removed === 1 ? '' : 's'} removed</li>`);
    if (sub.length) h.push(`<ul>${sub.join('')}</ul>`);
    h.push('</li>');
  }
  if (s.perSourceHidden) h.push(`<li class="empty">…and notes on ${s.perSourceHidden} more sources (all are in the JSON report).</li>`);
  h.push('</ul>');
  return h;
}

function storySection(s: StoryView): string {
  const parts = [storyHead, agreedPart, disagreementsPart, updatesPart, timelinePart, quotesPart, eventsPart, perSourcePart].flatMap((part) => part(s));
  parts.push(`<p class="meta">Removed boilerplate in this story: ${s.removed} line${s.removed === 1 ? '' : 's'}.</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

export function renderHtml(report: Report): string {
  const v = buildBriefView(report);
  const h: string[] = [];
  h.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  // No script may run even if an escaping bug slipped through: the page needs none.
  h.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">`);
  const title = v.stories.length === 1 ? v.stories[0].headline : 'Crosscheck brief';
  h.push(`<title>${escapeHtml(title || 'Crosscheck brief')}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  h.push('<h1>Crosscheck brief</h1>');
  h.push(
    `<p class="meta">${v.articleCount} article${v.articleCount === 1 ? '' : 's'} · ${v.stories.length} stor${v.stories.length === 1 ? 'y' : 'ies'} · ` +
      `${v.removedTotal} boilerplate line${v.removedTotal === 1 ? '' : 's'} removed · report ${escapeHtml(v.version)}, generated ${escapeHtml(v.generatedAt)}</p>`,
  );
  if (!v.stories.length) h.push('<p class="empty">No story found.</p>');
  for (const s of v.stories) h.push(storySection(s));
  if (v.removedByReason.length) {
    h.push('<section><h2>Removed boilerplate</h2><ul>');
    for (const r of v.removedByReason) h.push(`<li>${escapeHtml(r.reason)}: ${r.count}</li>`);
    h.push('</ul></section>');
  }
  if (v.rejected.length) {
    h.push('<section><h2>Rejected files</h2><ul>');
    for (const r of v.rejected) h.push(`<li>${escapeHtml(r.path)} — ${escapeHtml(r.reason)}</li>`);
    h.push('</ul></section>');
  }
  if (v.warnings.length) {
    h.push('<section><h2>Warnings</h2><ul>');
    for (const w of v.warnings) h.push(`<li>${escapeHtml(w.path)} — ${escapeHtml(w.message)}</li>`);
    h.push('</ul></section>');
  }
  if (v.revised.length) {
    h.push('<section><h2>Revised articles</h2><ul>');
    for (const r of v.revised) {
      h.push(`<li><strong>${escapeHtml(r.article)}</strong> is at version ${r.version}; its text changed at the source:<ul>`);
      for (const c of r.changes) {
        const lines = [...c.removed.map((t) => `<li>removed: “${escapeHtml(t)}”</li>`), ...c.added.map((t) => `<li>added: “${escapeHtml(t)}”</li>`)];
        h.push(`<li>after version ${c.version} (seen ${escapeHtml(c.seenAt.slice(0, 10))}):<ul>${lines.join('')}</ul></li>`);
      }
      h.push('</ul></li>');
    }
    h.push('</ul></section>');
  }
  if (v.articleWarnings.length) {
    h.push('<section><h2>Article warnings</h2><ul>');
    for (const w of v.articleWarnings) h.push(`<li>${escapeHtml(w.article)} (${escapeHtml(w.origin)}): ${escapeHtml(w.message)}</li>`);
    h.push('</ul></section>');
  }
  h.push('</body>', '</html>', '');
  return h.join('\n');
}
