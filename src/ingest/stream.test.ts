import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths, type IngestItem } from './index.js';

async function collect(paths: string[], streamJsonLinesAbove: number): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of ingestPaths(paths, { streamJsonLinesAbove })) out.push(item);
  return out;
}

test('a large JSON Lines file is streamed with the same articles and warnings as a whole read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-jsonl-'));
  const path = join(dir, 'archive.jsonl');
  const lines = [
    JSON.stringify({ title: 'Dam opens', published: '2024-05-02', text: 'The Selva dam opened on Thursday after 7 years of work.' }),
    '{"text": "unterminated',
    JSON.stringify({ id: 'kept-id', text: 'Farmers in Ostra said the new canal doubled their harvest.' }),
    '',
    JSON.stringify({ text: 'Rail strike ends in Varna after 3 days.', published: 'not a date' }),
  ];
  writeFileSync(path, lines.join('\n') + '\n');
  const streamed = await collect([path], 10);
  const whole = await collect([path], 1e9);
  const summary = (items: IngestItem[]) =>
    items.map((i) => (i.kind === 'article' ? `article ${i.article.id} ${i.article.meta.published} ${i.article.hash}` : `${i.kind}`));
  assert.deepEqual(summary(streamed).filter((s) => s.startsWith('article')), summary(whole).filter((s) => s.startsWith('article')));
  assert.deepEqual(summary(streamed).filter((s) => s.startsWith('article')).map((s) => s.split(' ')[1]), ['archive#1', 'kept-id', 'archive#4']);
  assert.equal(streamed.filter((i) => i.kind === 'warning').length, 2, 'the broken line and the bad date');
});
