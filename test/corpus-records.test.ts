// A report on an add, made from the records and links that add kept in memory (`keepRecords`, what `analyze`
// does), is the report read back from the store: over chunks, a copy that takes its date from a later chunk,
// a revision whose links are replaced, and a story holding articles of an earlier add.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '../src/corpus/index.js';
import { CommittedRecords } from '../src/corpus/committed.js';
import { FERRY, ORCHARD } from './fixtures/corpus/stories.js';

const NOW = () => new Date('2031-05-20T00:00:00Z');
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

test('a report from the kept records equals the report read from the store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-records-'));
  mkdirSync(join(dir, 'in'));
  const undated = (outlet: string, n: number) => FERRY(outlet, n).replace('May 12, 2031\n', '');
  writeFileSync(join(dir, 'in', 'a-copy.txt'), undated('the Vellin Herald', 212));
  writeFileSync(join(dir, 'in', 'b-herald.txt'), FERRY('the Vellin Herald', 212));
  writeFileSync(join(dir, 'in', 'c-orchard.txt'), ORCHARD);
  const corpus = await openCorpus({ db: null });
  try {
    const first = await corpus.add([join(dir, 'in')], { workers: 0, now: NOW, chunkSize: 1, keepRecords: true });
    const fromStore = await corpus.report({ articles: first.inputIds, now: NOW() });
    const fromMemory = await corpus.report({ articles: first.inputIds, now: NOW(), records: first.records });
    assert.ok(fromStore.reuse.length > 0, 'the copies are linked');
    assert.equal(first.records!.get('a-copy')!.analysed.meta.publishedFrom, 'copy', 'the record kept is the one re-dated by the later chunk');
    assert.deepStrictEqual(plain(fromMemory), plain(fromStore));

    // A revision of a stored article (its links replaced) next to an article the store had before this add.
    writeFileSync(join(dir, 'in', 'b-herald.txt'), FERRY('the Vellin Herald', 340));
    writeFileSync(join(dir, 'in', 'd-wire.txt'), FERRY('the island wire', 212));
    const second = await corpus.add([join(dir, 'in', 'b-herald.txt'), join(dir, 'in', 'd-wire.txt')], { workers: 0, now: NOW, keepRecords: true });
    assert.deepEqual(second.revised, ['b-herald']);
    const again = await corpus.report({ articles: second.inputIds, now: NOW() });
    assert.deepStrictEqual(plain(await corpus.report({ articles: second.inputIds, now: NOW(), records: second.records })), plain(again));
    assert.ok(again.articles.some((a) => a.id === 'a-copy'), 'the story holds an article of the earlier add');
  } finally {
    await corpus.close();
  }
});

test('links come from memory only when the add committed every article asked about', () => {
  const records = new CommittedRecords();
  const article = (id: string) => ({ id }) as never;
  const link = (a: string, b: string) => ({ link: { a, b, kind: 'duplicate', original: null, shared: 1, score: 1, pairs: [] }, joins: true }) as never;
  records.committed({ articles: [{ analysed: article('x'), version: 1 }, { analysed: article('y'), version: 1 }], updated: [], revised: [], links: [link('x', 'y')] });
  assert.equal(records.linksAmong(new Set(['x', 'z'])), null, 'z was stored before: its links are the store\'s');
  assert.equal(records.linksAmong(new Set(['x', 'y']))!.length, 1);
  // A revision of y in a later chunk drops y's links, as the store does, before its new ones go in.
  records.committed({ articles: [{ analysed: article('y'), version: 2 }], updated: [], revised: ['y'], links: [] });
  assert.deepEqual(records.linksAmong(new Set(['x', 'y'])), []);
  assert.equal(records.get('y')!.version, 2);
});

test('a one-shot add whose records are held reports the same, and the store will not hand back a record it did not keep', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-records-'));
  writeFileSync(join(dir, 'a-herald.txt'), FERRY('the Vellin Herald', 212));
  writeFileSync(join(dir, 'b-wire.txt'), FERRY('the island wire', 212));
  writeFileSync(join(dir, 'c-orchard.txt'), ORCHARD);
  const reportOf = async (recordsHeld: boolean) => {
    const corpus = await openCorpus({ db: null });
    try {
      const added = await corpus.add([dir], { workers: 0, now: NOW, keepRecords: true, recordsHeld, cacheAnalyses: false });
      const report = await corpus.report({ articles: added.inputIds, now: NOW(), records: added.records });
      if (recordsHeld) await assert.rejects(corpus.store.getArticles([added.inputIds[0]]), /not kept/);
      else assert.equal((await corpus.store.getArticles([added.inputIds[0]])).length, 1);
      assert.equal(await corpus.store.countArticles(), 3, 'the identity rows are written either way');
      return plain(report);
    } finally {
      await corpus.close();
    }
  };
  assert.deepStrictEqual(await reportOf(true), await reportOf(false));
});
