import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Story } from '../model/report.js';
import { quotePriority } from './view.js';

test('who said what shows every person once before anyone twice, unattributed remarks last', () => {
  const q = (speaker: string | null, text: string) => ({ speaker, text, direct: true, sources: ['a'], variants: [] });
  const story = {
    entities: [
      { name: 'Ana Ruiz', type: 'person', roles: [], aliases: [], sources: ['a'] },
      { name: 'Olaf Berg', type: 'person', roles: [], aliases: [], sources: ['a'] },
      { name: 'Port Authority', type: 'organization', roles: [], aliases: [], sources: ['a'] },
    ],
    quotes: [q(null, 'u1'), q('Ana Ruiz', 'r1'), q('Ana Ruiz', 'r2'), q('Port Authority', 'p1'), q('Ana Ruiz', 'r3'), q('Olaf Berg', 'b1')],
  } as unknown as Story;
  assert.deepEqual(quotePriority(story).map((x) => x.text), ['r1', 'b1', 'r2', 'r3', 'p1', 'u1']);
});
