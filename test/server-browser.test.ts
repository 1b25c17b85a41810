// `crosscheck serve` in a real browser (Debian's Chromium through playwright-core): the stories page, a
// story, a disagreement's evidence highlighted in its article, an add on the Add page appearing on an open
// stories page without a reload (SSE), and a hostile article rendering inert under the CSP. Screenshots
// at 1280 and 390 px go to a temporary folder (printed). Without Chromium: skipped with the reason.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from './chromium.js';
import { examplesServer } from './fixtures/server/setup.js';

// Inside page.evaluate the code runs in the page; the project compiles without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

const hasHandlerAttribute = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => /^on/i.test(a.name))));
const pwned = (page: Page) => page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned ?? 0);

test('serve: stories, story, evidence, live add and a hostile article in Chromium', { timeout: 90_000 }, async (t) => {
  const found = findChromium();
  if ('skip' in found) {
    t.skip(found.skip);
    return;
  }
  const shots = mkdtempSync(join(tmpdir(), 'crosscheck-serve-shots-'));
  const srv = await examplesServer();
  const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const outside: string[] = [];
    context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    context.on('request', (r) => {
      if (!r.url().startsWith(srv.url)) outside.push(r.url());
    });
    const shoot = async (p: Page, name: string) => {
      for (const width of [1280, 390]) {
        await p.setViewportSize({ width, height: 800 });
        await p.screenshot({ path: join(shots, `${name}-${width}.png`) });
      }
      await p.setViewportSize({ width: 1280, height: 800 });
    };

    await t.test('stories page → story → evidence highlighted in its article', async () => {
      await page.goto(srv.url + '/');
      assert.ok((await page.locator('#stories .story-row').count()) >= 4);
      assert.ok((await page.locator('.badge.disagree').count()) >= 1);
      await shoot(page, 'stories');
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.setViewportSize({ width: 390, height: 800 });
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, `no sideways scroll at 390 px (was ${scroll} at 1280)`);
      await page.setViewportSize({ width: 1280, height: 800 });
      // Keyboard: the first story link is reachable by Tab and opens with Enter.
      await page.locator('.story-row:has(.badge.disagree) a.headline').first().focus();
      await Promise.all([page.waitForURL(/\/stories\//), page.keyboard.press('Enter')]);
      assert.ok((await page.locator('.conflict').count()) >= 1, 'the story shows where sources disagree');
      await shoot(page, 'story');
      const evidence = page.locator('.conflict a.evidence').first();
      const value = (await page.locator('.conflict .value').first().innerText()).trim();
      await Promise.all([page.waitForURL(/\/articles\/.*#hl$/), evidence.click()]);
      const mark = page.locator('mark#hl');
      assert.equal(await mark.count(), 1);
      assert.ok(await mark.isVisible());
      assert.ok((await mark.locator('strong.value').innerText()).length > 0);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'hl', 'the evidence takes the focus');
      assert.ok(value.length > 0);
    });

    await t.test('an article added on the Add page appears on an open stories page without a reload', async () => {
      const list = await context.newPage();
      await list.goto(srv.url + '/');
      await list.waitForFunction(() => document.body.dataset.live === 'open');
      await list.evaluate(() => ((globalThis as unknown as { __sameDocument: number }).__sameDocument = 1));
      const add = await context.newPage();
      await add.goto(srv.url + '/add');
      await add.fill('#text', JSON.stringify({ title: 'Quarry town of Velmar opens a climbing hall', outlet: 'Velmar Echo', published: '2025-06-20', text: 'The former quarry town of Velmar opened a climbing hall on Friday. The hall cost 3 million euros, the town council said.' }));
      await Promise.all([add.waitForURL(/\/stories\//), add.click('button[type=submit]')]);
      assert.match(await add.locator('h1').innerText(), /Velmar/);
      await list.waitForFunction(() => [...document.querySelectorAll('#stories .headline')].some((a) => /Velmar/.test(a.textContent ?? '')), undefined, { timeout: 10_000 });
      assert.equal(await list.evaluate(() => (globalThis as unknown as { __sameDocument?: number }).__sameDocument), 1, 'no reload');
      assert.equal(await list.locator('.story-row.fresh').count() >= 1, true);
      await list.close();
      await add.close();
    });

    await t.test('a hostile article renders inert', async () => {
      const hostile = readFileSync(join(import.meta.dirname, 'fixtures', 'server', 'hostile.json'), 'utf8');
      const r = await fetch(srv.url + '/api/articles', { method: 'POST', headers: { 'content-type': 'application/json' }, body: hostile });
      const answer = (await r.json()) as { articles: { id: string; story: string }[] };
      assert.equal(r.status, 201, JSON.stringify(answer));
      const { id, story } = answer.articles[0];
      for (const path of ['/', `/stories/${encodeURIComponent(story)}`, `/articles/${encodeURIComponent(id)}`]) {
        await page.goto(srv.url + path);
        await page.mouse.move(200, 200);
        await page.mouse.move(400, 300);
        for (const el of await page.locator('main a, main span').all()) await el.hover({ timeout: 200 }).catch(() => undefined);
        assert.equal(await pwned(page), 0, path);
        assert.equal(await hasHandlerAttribute(page), false, `no on* attribute on ${path}`);
        assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, `no javascript: link on ${path}`);
        assert.equal(await page.locator('main script, main img, main svg').count(), 0, path);
      }
      assert.match(await page.locator('main').innerText(), /<script>/, 'the markup is shown as text');
      // The CSP blocks inline script even if an escaping bug let one in.
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__pwned = 99';
        document.body.appendChild(s);
      });
      assert.equal(await pwned(page), 0, 'inline script is blocked');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(outside, [], 'nothing is fetched from elsewhere');
    });
    process.stderr.write(`screenshots: ${shots}\n`);
  } finally {
    await browser.close();
    await srv.close();
  }
});
