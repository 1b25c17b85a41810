// The HTML brief in a real browser (Debian's Chromium through playwright-core): hostile article text must
// render as text — no script runs, no dialog opens, nothing is fetched — and every section is visible.
// Without Chromium the test is reported as skipped with the reason (test/chromium.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runCli } from './run-cli.js';
import { findChromium } from './chromium.js';

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

test('the HTML brief renders hostile article text inertly in Chromium', async (t) => {
  const chromium_ = findChromium();
  if ('skip' in chromium_) {
    // Shown as "# SKIP <reason>" in the test output and counted under "skipped".
    t.skip(chromium_.skip);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-browser-'));
  mkdirSync(join(dir, 'in'));
  const hostile = 'The council of Tarn voted on Monday <script>window.__pwned = 1; alert("x")</script> to close the ' +
    'bridge <img src=x onerror="window.__pwned = 2">. Engineers said repairs would cost 4 million euros. ' +
    '<a href="javascript:window.__pwned=3">details</a> Mayor Ines Roca said the bridge would reopen in May.';
  writeFileSync(join(dir, 'in', 'tarn-a.txt'), `Tarn closes <b onmouseover=alert(1)>bridge</b>\n\n${hostile}\n`);
  writeFileSync(join(dir, 'in', 'tarn-b.txt'), `Bridge closure in Tarn\n\n${hostile}\n`);
  const out = join(dir, 'brief.html');
  const r = runCli(['analyze', join(dir, 'in'), '--no-db', '--format', 'html', '--out', out, '--quiet']);
  assert.equal(r.code, 0, r.stderr);

  const browser = await chromium.launch({ executablePath: chromium_.path, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (req) => {
      if (!req.url().startsWith('file:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(out).href);
    await page.mouse.move(10, 10);
    assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned ?? 0), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(requests, [], 'the page is self-contained');
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('img').count(), 0);
    const text = await page.locator('body').innerText();
    assert.match(text, /<script>/, 'hostile markup is shown as text');
    assert.match(text, /Tarn/);
  } finally {
    await browser.close();
  }
});
