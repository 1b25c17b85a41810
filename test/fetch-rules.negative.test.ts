// What the not-an-article rules must not hit: articles about paywalls, cookie law, CAPTCHAs and a "404"
// area code, an article ending in a subscription plea, a short real brief with sign-in and subscriber
// links in its menu, and an article page carrying a cookie banner and a CAPTCHA'd comment form.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { pageItems } from '../src/fetch/page.js';

const dir = new URL('./fixtures/fetch/articles/', import.meta.url);
const diag = { origin: 'fetch', level: 'info' as const, message: 'test' };

for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
  test(`rules (negative): ${file} stays an article`, () => {
    const url = `https://news.example/2031/${file.replace('.html', '')}`;
    const items = pageItems({ asked: url, url, status: 200, charset: null, body: readFileSync(new URL(file, dir)), provenance: diag });
    const rejected = items.filter((i) => i.kind === 'rejected');
    assert.deepEqual(rejected, []);
    const articles = items.filter((i) => i.kind === 'article');
    assert.equal(articles.length, 1);
  });
}
