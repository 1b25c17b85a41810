// Renders a Report as the Markdown brief an editor reads first: per story the lead, agreement, conflicts
// with their independence, timeline, quotes, events and per-source notes. Article text is escaped.

import type { Report } from '../model/report.js';
import { buildBriefView, cited, datesInWords, type SourceRefs, type StoryView } from './view.js';

/**
 * Escapes article text for inline Markdown. Article text is untrusted: a stray `*`, `[`, `<script>`
 * or a leading `#` would otherwise change the document's structure or smuggle raw HTML into renderers
 * that allow it. Newlines are folded so one sentence stays one list item.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>#|~!]/g, (c) => `\\${c}`)
    // An entity reference (`&lt;`) would be decoded by a Markdown renderer; keep it literal.
    .replace(/&(?=#?\w+;)/g, '&amp;')
    // Line-start markers (lists, quotes, headings) only matter at the start of the text.
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Source labels, capped at MAX_CITED with how many more the JSON lists. */
const labelList = (s: SourceRefs): string => {
  const c = cited(s);
  return `${c.labels.map(escapeMarkdown).join(', ')}${c.more ? `, … and ${c.more} more` : ''}`;
};
const cite = (s: SourceRefs): string => (s.labels.length ? ` [${labelList(s)}]` : '');
const notAnalysedNote = (language: string) => `not analysed for claims (${escapeMarkdown(language)})`;

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as escaped text. */
function mdLink(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return escapeMarkdown(url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return escapeMarkdown(url);
  // Angle-bracket autolink form; `<`, `>` and spaces cannot appear in a parsed href.
  return `<${parsed.href.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

/** The heading, its counts and independence, and the cited lead. */
function storyHead(s: StoryView, out: string[]): void {
  out.push(`## ${escapeMarkdown(s.headline || 'Untitled story')}`, '');
  out.push(`_Story ${escapeMarkdown(s.id)} · ${s.sources.ids.length} article${s.sources.ids.length === 1 ? '' : 's'}:${cite(s.sources)}_`, '');
  if (s.independence) out.push(`_${escapeMarkdown(s.independence)}_`, '');
  for (const n of s.notAnalysed) out.push(`_${n.count} article${n.count === 1 ? '' : 's'} ${notAnalysedNote(n.language)}._`, '');

  if (s.lead.length) {
    // One sentence per line, one paragraph: a lead of five cited sentences on one line ran past 1,000 characters.
    out.push(s.lead.map((l) => `${escapeMarkdown(l.text)}${cite(l.sources)}${l.note ? ` (${escapeMarkdown(l.note)})` : ''}`).join('\n'), '');
  }
}

/** What sources agree on: claims carried by several articles. */
function agreedPart(s: StoryView, out: string[]): void {
  out.push('### What sources agree on', '');
  if (s.agreed.length) {
    for (const c of s.agreed) out.push(`- ${escapeMarkdown(c.text)}${cite(c.sources)} — ${escapeMarkdown(c.note ?? '')}`);
    if (s.agreedHidden) out.push(`- _…and ${s.agreedHidden} more claims carried by several sources._`);
  } else out.push('_No claim is carried by more than one article._');
  out.push('');
}

/** Where sources disagree: each value with its sources, independence and evidence. */
function disagreementsPart(s: StoryView, out: string[]): void {
  out.push('### Where sources disagree', '');
  if (s.disagreements.length) {
    for (const d of s.disagreements) {
      out.push(`- **${escapeMarkdown(d.kind)}** — ${escapeMarkdown(d.about)}${d.note ? ` _(${escapeMarkdown(d.note)})_` : ''}`);
      for (const v of d.values) {
        out.push(`  - ${escapeMarkdown(v.value)} — ${labelList(v.sources)} (${escapeMarkdown(v.independence)})`);
        for (const e of v.evidence) out.push(`    > ${escapeMarkdown(e)}`);
      }
      if (d.valuesHidden) out.push(`  - _…and ${d.valuesHidden} more values (all are in the JSON report)._`);
    }
  } else out.push('_No contradiction found between the sources._');
  out.push('');
}

/** Figures that moved with later publication. */
function updatesPart(s: StoryView, out: string[]): void {
  if (s.updates.length) {
    // A figure that rose with later reports is the story developing, not sources disagreeing.
    out.push('### Figures that changed as the story developed', '');
    for (const u of s.updates) {
      const steps = u.steps.map((st) => `${escapeMarkdown(st.value)}${st.published ? ` (${escapeMarkdown(st.published)})` : ''}${cite(st.sources)}`);
      out.push(`- **${escapeMarkdown(u.slot)}**: ${steps.join(' → ')}`);
    }
    out.push('');
  }
}

/** The dated timeline. */
function timelinePart(s: StoryView, out: string[]): void {
  if (s.timeline.length) {
    out.push('### Timeline', '');
    for (const t of s.timeline) out.push(`- **${escapeMarkdown(t.date)}** — ${escapeMarkdown(t.text)}${cite(t.sources)}`);
    out.push('');
  }
}

/** Who said what, with quote variants. */
function quotesPart(s: StoryView, out: string[]): void {
  if (s.quotes.length) {
    out.push('### Who said what', '');
    for (const q of s.quotes) {
      const who = q.speaker ? `**${escapeMarkdown(q.speaker)}**${q.role ? ` (${escapeMarkdown(q.role)})` : ''}` : q.attributedTo ? `_${escapeMarkdown(q.attributedTo)}_ (source as worded)` : '_Unattributed_';
      const body = q.direct ? `“${escapeMarkdown(q.text)}”` : escapeMarkdown(q.text);
      out.push(`- ${who}: ${body}${cite(q.sources)}`);
      for (const v of q.variants) out.push(`  - variant: ${q.direct ? `“${escapeMarkdown(v.text)}”` : escapeMarkdown(v.text)}${cite(v.sources)}`);
    }
    if (s.quotesHidden) out.push(`- _…and ${s.quotesHidden} more remarks (all are in the JSON report)._`);
    out.push('');
  }
}

/** The story's events and their spans. */
function eventsPart(s: StoryView, out: string[]): void {
  if (s.events.length) {
    out.push('### Events', '');
    for (const e of s.events) out.push(`- ${escapeMarkdown(e.label)}${e.span ? ` (${escapeMarkdown(e.span)})` : ''}${cite(e.sources)}`);
    out.push('');
  }
}

/** One note per source: outlet, title, dates, copies, what it adds. */
function perSourcePart(s: StoryView, out: string[]): void {
  out.push('### Per-source notes', '');
  for (const p of s.perSource) {
    const head = [`**${escapeMarkdown(p.label)}**`];
    if (p.outlet) head.push(escapeMarkdown(p.outlet));
    if (p.title) head.push(`“${escapeMarkdown(p.title)}”`);
    for (const d of datesInWords(p)) head.push(escapeMarkdown(d));
    const link = mdLink(p.url);
    if (link) head.push(link);
    out.push(`- ${head.join(' · ')}`);
    if (p.notAnalysed) out.push(`  - ${notAnalysedNote(p.notAnalysed)}`);
    if (p.copies.length) out.push(`  - Copies: ${p.copies.map(escapeMarkdown).join('; ')}`);
    if (p.countsAs) out.push(`  - Counts as: ${escapeMarkdown(p.countsAs)}`);
    for (const a of p.adds) out.push(`  - Only here: ${escapeMarkdown(a)}`);
    if (p.removed) out.push(`  - ${p.removed} boilerplate line${p.removed === 1 ? '' : 's'} removed`);
  }
  if (s.perSourceHidden) out.push(`- _…and notes on ${s.perSourceHidden} more sources (all are in the JSON report)._`);
  out.push('');
}

function renderStory(s: StoryView, out: string[]): void {
  for (const part of [storyHead, agreedPart, disagreementsPart, updatesPart, timelinePart, quotesPart, eventsPart, perSourcePart]) part(s, out);
  out.push(`_Removed boilerplate in this story: ${s.removed} line${s.removed === 1 ? '' : 's'}._`, '');
}

export function renderMarkdown(report: Report): string {
  const v = buildBriefView(report);
  const out: string[] = [];
  out.push('# Crosscheck brief', '');
  out.push(
    `_${v.articleCount} article${v.articleCount === 1 ? '' : 's'} · ${v.stories.length} stor${v.stories.length === 1 ? 'y' : 'ies'} · ` +
      `${v.removedTotal} boilerplate line${v.removedTotal === 1 ? '' : 's'} removed · report ${v.version.replace(/[^\w.-]/g, '')}, generated ${escapeMarkdown(v.generatedAt)}_`,
    '',
  );
  if (!v.stories.length) out.push('_No story found._', '');
  for (const s of v.stories) renderStory(s, out);

  if (v.removedByReason.length) {
    out.push('## Removed boilerplate', '');
    for (const r of v.removedByReason) out.push(`- ${escapeMarkdown(r.reason)}: ${r.count}`);
    out.push('');
  }
  if (v.rejected.length) {
    out.push('## Rejected files', '');
    for (const r of v.rejected) out.push(`- ${escapeMarkdown(r.path)} — ${escapeMarkdown(r.reason)}`);
    out.push('');
  }
  if (v.warnings.length) {
    out.push('## Warnings', '');
    for (const w of v.warnings) out.push(`- ${escapeMarkdown(w.path)} — ${escapeMarkdown(w.message)}`);
    out.push('');
  }
  if (v.revised.length) {
    out.push('## Revised articles', '');
    for (const r of v.revised) {
      out.push(`- **${escapeMarkdown(r.article)}** is at version ${r.version}; its text changed at the source:`);
      for (const c of r.changes) {
        out.push(`  - after version ${c.version} (seen ${escapeMarkdown(c.seenAt.slice(0, 10))}):`);
        for (const t of c.removed) out.push(`    - removed: “${escapeMarkdown(t)}”`);
        for (const t of c.added) out.push(`    - added: “${escapeMarkdown(t)}”`);
      }
    }
    out.push('');
  }
  if (v.articleWarnings.length) {
    out.push('## Article warnings', '');
    for (const w of v.articleWarnings) out.push(`- ${escapeMarkdown(w.article)} (${escapeMarkdown(w.origin)}): ${escapeMarkdown(w.message)}`);
    out.push('');
  }
  return out.join('\n');
}
