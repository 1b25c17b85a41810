// The Article page: the clean text with its mentions (entities, dates, figures, quotes) marked, the
// evidence sentence a story page linked to highlighted (`?start=&end=#hl`), the removed boilerplate shown
// apart with each line's reason, and the earlier versions.

import { htmlLink } from '../brief/html.js';
import type { ArticleData, Mention } from './data.js';
import { esc, shell, storyHref } from './html.js';

/** Text between two offsets with the mentions inside it marked; mentions are cut at the range ends. */
function marked(text: string, from: number, to: number, mentions: Mention[]): string {
  const out: string[] = [];
  let at = from;
  for (const m of mentions) {
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, to);
    if (end <= start || start >= to) continue;
    if (start > at) out.push(esc(text.slice(at, start)));
    const title = `${m.kind}${m.type ? ` (${m.type})` : ''}${m.value && m.value !== m.text ? `: ${m.value}` : ''}`;
    out.push(`<span class="m m-${m.kind}" title="${esc(title)}">${esc(text.slice(start, end))}</span>`);
    at = end;
  }
  if (at < to) out.push(esc(text.slice(at, to)));
  return out.join('');
}

/** Mentions that do not overlap (longest first at each start; quotes yield to what they contain). */
function flat(mentions: Mention[]): Mention[] {
  const kept: Mention[] = [];
  let end = -1;
  const ordered = [...mentions].filter((m) => m.kind !== 'quote').sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of ordered) {
    if (m.start < end) continue;
    kept.push(m);
    end = m.end;
  }
  return kept;
}

/** The clean text, with the sentence around [start, end) in <mark id="hl"> and the value itself in it. */
export function articleBody(a: ArticleData, hl: { start: number; end: number } | null): string {
  const ms = flat(a.mentions);
  const text = a.text;
  if (!hl || hl.start < 0 || hl.end > text.length || hl.start >= hl.end) return marked(text, 0, text.length, ms);
  const sentence = a.sentences.find((s) => s.start <= hl.start && hl.start < s.end) ?? { start: hl.start, end: hl.end };
  const s0 = Math.min(sentence.start, hl.start);
  const s1 = Math.max(sentence.end, hl.end);
  return marked(text, 0, s0, ms) +
    `<mark id="hl" class="evidence" tabindex="-1">${marked(text, s0, hl.start, ms)}<strong class="value">${marked(text, hl.start, hl.end, ms)}</strong>${marked(text, hl.end, s1, ms)}</mark>` +
    marked(text, s1, text.length, ms);
}

export function articlePage(a: ArticleData, hl: { start: number; end: number } | null): string {
  const m = a.meta;
  const facts = [m.outlet && `<span class="outlet">${esc(m.outlet)}</span>`, m.published && `published ${esc(m.published)}`, m.author && `by ${esc(m.author)}`,
    a.language && `language ${esc(a.language)}`, `version ${a.version}`, m.url && htmlLink(m.url)].filter(Boolean);
  const stories = a.stories.map((id) => `<a href="${storyHref(id)}">the story</a>`).join(', ');
  const removed = a.removed.length
    ? `<ul class="removed">${a.removed.map((r) => `<li><span class="reason">${esc(r.reason)}</span> ${esc(r.text)}</li>`).join('\n')}</ul>`
    : '<p class="empty">Nothing was removed.</p>';
  const revisions = a.revisions.length
    ? `<h2>Earlier versions</h2>${a.revisions.map((r) => `<details><summary>Version ${r.version}, seen ${esc(r.seenAt.slice(0, 10))}</summary><div class="article-text">${esc(r.text)}</div></details>`).join('\n')}`
    : '';
  const counts = ['entity', 'date', 'quantity', 'quote'].map((k) => `${a.mentions.filter((x) => x.kind === k).length} ${k === 'entity' ? 'names' : k === 'quantity' ? 'figures' : `${k}s`}`).join(' · ');
  const body = `<h1>${esc(m.title ?? a.id)}</h1>
<p class="meta">${facts.join(' · ')}${stories ? ` · in ${stories}` : ''}</p>
<p class="legend meta"><span class="m m-entity">name</span> <span class="m m-date">date</span> <span class="m m-quantity">figure</span> · ${counts}${hl ? ' · <a href="#hl">to the evidence</a>' : ''}</p>
<article class="article-text">${articleBody(a, hl)}</article>
<h2>Removed boilerplate</h2>
${removed}
${revisions}`;
  return shell(m.title ?? a.id, body);
}
