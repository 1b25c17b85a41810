// linkedom loaded with the lazy EventTarget (linkedom-load.ts): its nodes inherit it, parsing makes no
// listener table, listeners still work along linkedom's bubbling path, and a page parses as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { LazyEventTarget, requireLinkedom } from './linkedom-load.js';
import { ingestBuffer } from './index.js';

const PAGE = '<html lang="en"><head><title>Dunmere landslide</title></head><body><nav>Home | World</nav><article><h1>Dunmere landslide</h1>'
  + '<p>A landslide struck the hill town of Dunmere on Tuesday, officials said, and nine people were missing by the evening.</p>'
  + '<p>Rescuers from Orvel reached the town after the road reopened, the mayor said on local radio.</p>'
  + '<p>The regional council said the slope above the school had been watched since the spring rains and that families on the lower streets had been moved to the sports hall overnight.</p></article></body></html>';

test('linkedom nodes inherit the lazy EventTarget (its file and export are still where linkedom requires them)', () => {
  const { parseHTML } = requireLinkedom();
  const { document } = parseHTML(PAGE);
  const p = document.querySelector('p')!;
  assert.ok(p instanceof (LazyEventTarget as unknown as typeof Object), 'an element is a LazyEventTarget');
  assert.ok(document instanceof (LazyEventTarget as unknown as typeof Object), 'so is the document');
  const main = createRequire(import.meta.url).resolve('linkedom');
  assert.equal(createRequire(import.meta.url).cache[main]?.exports, requireLinkedom(), 'one linkedom, loaded once');
});

test('listeners: at the target, then bubbling to the parent; once-listeners removed; removeEventListener', () => {
  const { parseHTML } = requireLinkedom();
  const { document } = parseHTML(PAGE);
  const Ev = (document.defaultView as unknown as { Event: new (type: string, init?: { bubbles?: boolean }) => object }).Event;
  const article = document.querySelector('article')!;
  const p = document.querySelector('p')!;
  const seen: string[] = [];
  const onArticle = (e: { eventPhase: number }) => seen.push(`article:${e.eventPhase}`);
  article.addEventListener('ping', onArticle);
  p.addEventListener('ping', (e: { eventPhase: number }) => seen.push(`p:${e.eventPhase}`), { once: true });
  p.dispatchEvent(new Ev('ping', { bubbles: true }) as Event);
  assert.deepEqual(seen, ['p:2', 'article:3']);
  article.removeEventListener('ping', onArticle);
  p.dispatchEvent(new Ev('ping', { bubbles: true }) as Event);
  assert.deepEqual(seen, ['p:2', 'article:3'], 'the once-listener and the removed one are gone');
});

test('a page ingests to its text through the lazy EventTarget', () => {
  const items = ingestBuffer('dunmere.html', Buffer.from(PAGE));
  const article = items.find((i) => i.kind === 'article');
  assert.ok(article && article.kind === 'article', `an article (${JSON.stringify(items.map((i) => i.kind))})`);
  assert.equal(article.article.meta.title, 'Dunmere landslide');
  assert.match(article.article.raw, /nine people were missing/);
  assert.doesNotMatch(article.article.raw, /Home \| World/, 'navigation left out');
});

test('compiled selectors kept: the same answers on repeat, per element for :scope, and XML keeps its case rule', () => {
  const { parseHTML, DOMParser } = requireLinkedom();
  const { document } = parseHTML('<html><body><div id="a"><p class="x">1</p><section><p>2</p></section></div><div id="b"><p>3</p></div></body></html>');
  const texts = (list: ArrayLike<{ textContent: string | null }>) => Array.from(list, (n) => n.textContent);
  assert.deepEqual(texts(document.querySelectorAll('div p')), ['1', '2', '3']);
  assert.deepEqual(texts(document.querySelectorAll('div p')), ['1', '2', '3'], 'a kept matcher answers the same');
  const a = document.getElementById('a')!;
  const b = document.getElementById('b')!;
  assert.deepEqual(texts(a.querySelectorAll(':scope > p')), ['1'], ':scope is the element it is asked on');
  assert.deepEqual(texts(b.querySelectorAll(':scope > p')), ['3']);
  assert.equal(a.querySelector('P.x')?.textContent, '1', 'HTML: tag names ignore case');
  const html = parseHTML('<html><body><item>a</item></body></html>').document;
  assert.deepEqual(texts(html.querySelectorAll('Item')), ['a'], 'HTML: "Item" finds <item>');
  const xml = new DOMParser().parseFromString('<root><Item>one</Item><item>two</item></root>', 'text/xml');
  assert.deepEqual(texts(xml.querySelectorAll('Item')), ['one'], 'XML: the same selector string, compiled for HTML just before, keeps XML\'s case rule');
});
