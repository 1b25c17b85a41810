// The browser tests never pass silently without a browser: findChromium says where it is, or why the
// tests are skipped and how to get them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.js';

test('no Chromium anywhere: a skip reason naming where it looked and how to install it', () => {
  const r = findChromium({}, () => false);
  assert.ok('skip' in r);
  assert.match(r.skip, /Chromium not found \(looked at \/usr\/bin\/chromium, /);
  assert.match(r.skip, /apt-get install chromium/);
  assert.match(r.skip, /CROSSCHECK_CHROMIUM/);
});

test('CROSSCHECK_CHROMIUM wins, and a wrong one is said as such', () => {
  assert.deepEqual(findChromium({ CROSSCHECK_CHROMIUM: '/opt/chrome' }, (p) => p === '/opt/chrome'), { path: '/opt/chrome' });
  assert.deepEqual(findChromium({ CROSSCHECK_CHROMIUM: '/opt/none' }, () => false), { skip: 'CROSSCHECK_CHROMIUM=/opt/none does not exist' });
  assert.deepEqual(findChromium({}, (p) => p === '/usr/bin/chromium-browser'), { path: '/usr/bin/chromium-browser' });
});

test('the browser test file reports a skip (not a pass) when Chromium is missing', () => {
  const file = fileURLToPath(new URL('./browser.test.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', file], {
    encoding: 'utf8',
    // NODE_TEST_CONTEXT would make the child report to this runner instead of printing TAP.
    env: { ...process.env, NODE_TEST_CONTEXT: undefined, CROSSCHECK_CHROMIUM: '/nonexistent/chromium' },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /# SKIP CROSSCHECK_CHROMIUM=\/nonexistent\/chromium does not exist/);
  assert.match(r.stdout, /# skipped 1/);
});
