import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtml } from './html.js';
import { renderMarkdown, escapeMarkdown } from './markdown.js';
import { hostileReport, emptyReport } from '../../test/fixtures/corroborate/hostile-report.js';

const ALLOWED_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'ul', 'li', 'span', 'strong', 'em', 'a', 'blockquote', 'section', 'div']);
const ALLOWED_ATTRS = new Set(['lang', 'charset', 'name', 'content', 'http-equiv', 'class', 'id', 'title', 'href', 'rel', 'html']);

/** Every tag in the page must be one the renderer writes itself, with only its own attributes. */
function assertOnlyOwnMarkup(html: string): void {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
  for (const m of body.matchAll(/<\/?([a-zA-Z!][\w-]*)([^>]*)>/g)) {
    const tag = m[1].toLowerCase();
    assert.ok(ALLOWED_TAGS.has(tag), `unexpected tag <${tag}> in output`);
    for (const a of m[2].matchAll(/([a-zA-Z-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const name = a[1].toLowerCase();
      assert.ok(ALLOWED_ATTRS.has(name), `unexpected attribute ${name} on <${tag}>`);
      if (name === 'href') assert.match(a[2], /^"https?:\/\//, `href must be http(s): ${a[2]}`);
    }
  }
}

test('HTML escapes every piece of hostile article text', () => {
  const html = renderHtml(hostileReport());
  assert.ok(!/<script/i.test(html), 'no <script survives');
  assert.ok(!/<img/i.test(html) && !/<iframe/i.test(html), 'no injected element survives');
  assert.ok(!/<[^>]*\bon\w+\s*=/i.test(html), 'no event handler attribute inside a tag');
  assert.ok(!/href\s*=\s*["']?\s*javascript:/i.test(html), 'no javascript: link');
  assertOnlyOwnMarkup(html);
  // The escaped text is still there for the reader.
  assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62;'));
  // The http URL is a link, with its quote characters neutralised by the URL serialiser + escaping.
  assert.match(html, /<a href="https:\/\/news\.example\/fire\?x=%22%3E%3Cscript%3Ealert\(4\)%3C\/script%3E"/);
});

test('HTML is one self-contained page with every section', () => {
  const html = renderHtml(hostileReport());
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.ok(!/<link\b|<[^>]*\bsrc\s*=|@import|url\(/i.test(html), 'no external asset');
  for (const section of ['What sources agree on', 'Where sources disagree', 'Timeline', 'Who said what', 'Events', 'Per-source notes', 'Rejected files', 'Warnings', 'Removed boilerplate']) {
    assert.ok(html.includes(section), `section "${section}" present`);
  }
  assert.ok(html.includes('1 independent source: a01 rewrites a02') || html.includes('1 independent source: a02 rewrites a01'));
  assert.ok(html.includes('March 11, 2030'));
  assert.ok(html.includes('(harbour master)'), 'speaker role from entities');
});

test('Markdown neutralises hostile text and keeps every section', () => {
  const md = renderMarkdown(hostileReport());
  assert.ok(!/(^|[^\\])<script/i.test(md), 'every < before script is escaped');
  assert.ok(!/(^|[^\\])<img/i.test(md) && !/(^|[^\\])<iframe/i.test(md));
  assert.ok(!/(^|[^\\])\](\(javascript:)/i.test(md), 'no javascript: link target');
  assert.ok(!/^# Fire/m.test(md), 'a headline starting with # does not become a level-1 heading');
  assert.ok(!/<javascript:/i.test(md), 'javascript: URL is not autolinked');
  for (const section of ['## ', '### What sources agree on', '### Where sources disagree', '### Timeline', '### Who said what', '### Events', '### Per-source notes', '## Rejected files', '## Warnings', '## Removed boilerplate']) {
    assert.ok(md.includes(section), `section "${section}" present`);
  }
  // Sources cited after lead sentences with short labels; independence explained with the copy link.
  assert.match(md, /\[a01, a02, a03\]/);
  assert.match(md, /2030-03-01|March 1, 2030/);
  assert.match(md, /March 1, 2030 — a01, a02 \(1 independent source: a02 rewrites a01\)/);
  assert.match(md, /March 11, 2030 — a03 \(1 independent source\)/);
  assert.match(md, /3 sources, 2 independent/);
  assert.match(md, /variant: “We lost nearly everything” \[a02\]/);
  assert.match(md, /Only here: Only a03 says/);
  assert.match(md, /rewrite of a01 \(4 shared sentences\)/);
  assert.match(md, /3 boilerplate lines removed/);
});

test('escapeMarkdown leaves ordinary prose readable', () => {
  assert.equal(escapeMarkdown('Officials said 300 people fled on July 5.'), 'Officials said 300 people fled on July 5.');
  assert.equal(escapeMarkdown('AT&T said'), 'AT&T said');
  assert.equal(escapeMarkdown('&lt;b&gt;'), '&amp;lt;b&amp;gt;');
  assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
});

test('empty report renders in both formats', () => {
  const md = renderMarkdown(emptyReport());
  assert.match(md, /No story found/);
  const html = renderHtml(emptyReport());
  assert.match(html, /No story found/);
  assertOnlyOwnMarkup(html);
});

test('a quote credited to an unnamed source shows that source as worded, escaped, in both renderings', () => {
  const md = renderMarkdown(hostileReport());
  assert.match(md, /_port \\<b\\>officials\\<\/b\\> .*_ \(source as worded\): the docks would stay shut for a week/);
  const html = renderHtml(hostileReport());
  assert.match(html, /<em>port &#60;b&#62;officials&#60;\/b&#62; [^<]*<\/em> \(source as worded\): the docks would stay shut/);
  assertOnlyOwnMarkup(html);
});
