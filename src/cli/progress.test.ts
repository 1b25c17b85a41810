// Progress for every phase (issue 12): after the article bar is full, reuse, clustering and corroboration
// still each show a line, on a TTY and in plain logs; short runs and --quiet stay silent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress } from './progress.js';

function run(tty: boolean, startAfterMs: number, enabled = true): string {
  let now = 0;
  let out = '';
  const p = new Progress(enabled, tty, { write: (s: string) => (out += s) }, () => now, 0);
  now = startAfterMs;
  p.update('ingest', 0, null);
  for (let i = 1; i <= 3; i++) p.update('ingest', i, null);
  p.update('analyse', 0, null);
  for (let i = 1; i <= 3; i++) {
    now += 200;
    p.update('analyse', i, 3);
  }
  for (const phase of ['reuse', 'redate', 'cluster']) p.update(phase, 0, null);
  p.update('corroborate', 0, 2);
  p.update('corroborate', 1, 2);
  p.update('corroborate', 2, 2);
  p.update('render', 0, null);
  p.stop();
  return out;
}

test('plain logs: one line per phase, counted phases with their counts', () => {
  assert.deepEqual(run(false, 1500).trimEnd().split('\n'), [
    'ingest       0 articles',
    'analyse      0 articles',
    'analyse      3/3 articles',
    'reuse        running…',
    'redate       running…',
    'cluster      running…',
    'corroborate  0/2 stories',
    'corroborate  2/2 stories',
    'render       running…',
  ]);
});

test('TTY: the line is redrawn in place for each phase and cleared at the end', () => {
  const out = run(true, 1500);
  const frames = out.split('\r\x1b[2K').filter(Boolean);
  assert.ok(frames.includes(`analyse      [${'█'.repeat(30)}] 3/3 articles`), frames.join('\n'));
  for (const phase of ['reuse', 'cluster', 'render']) assert.ok(frames.includes(`${phase.padEnd(12)} running…`), phase);
  assert.ok(frames.some((f) => f.startsWith('corroborate  [') && f.endsWith('2/2 stories')));
  assert.ok(out.endsWith('\r\x1b[2K'), 'the last line is cleared');
});

test('runs under a second and --quiet print nothing', () => {
  assert.equal(run(true, 10), '');
  assert.equal(run(false, 5000, false), '');
});
