// The not-an-article rules fire on the pages they exist for: each fixture under fixtures/fetch/blocked is
// rejected with `blocked: <reason>` naming its kind, and never becomes an article.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pageItems } from '../src/fetch/page.js';

const dir = new URL('./fixtures/fetch/blocked/', import.meta.url);
const diag = { origin: 'fetch', level: 'info' as const, message: 'test' };

function judge(file: string, status = 200) {
  const body = readFileSync(new URL(file, dir));
  const url = `https://news.example/${file}`;
  return pageItems({ asked: url, url, status, charset: null, body, provenance: diag });
}

const cases: Array<[file: string, kind: RegExp]> = [
  ['paywall-teaser.html', /^blocked: paywall/],
  ['paywall-prompt.html', /^blocked: paywall/],
  ['consent-wall.html', /^blocked: consent page/],
  ['login-form.html', /^blocked: login page/],
  ['soft-404.html', /^blocked: error page/],
  ['bot-challenge.html', /^blocked: block page/],
  ['captcha.html', /^blocked: block page/],
];

for (const [file, kind] of cases) {
  test(`rules: ${file} is not an article`, () => {
    const items = judge(file);
    assert.equal(items.filter((i) => i.kind === 'article').length, 0);
    const rejected = items.find((i) => i.kind === 'rejected');
    assert.ok(rejected && rejected.kind === 'rejected');
    assert.match(rejected.reason, kind);
  });
}

test('rules: an HTTP error status is an error page whatever the body says', () => {
  const items = judge('../articles/plea-footer.html', 500);
  assert.deepEqual(items.map((i) => i.kind === 'rejected' && i.reason), ['blocked: error page (HTTP 500 Internal Server Error)']);
  assert.match((judge('../articles/plea-footer.html', 402)[0] as { reason: string }).reason, /^blocked: paywall \(HTTP 402/);
});
