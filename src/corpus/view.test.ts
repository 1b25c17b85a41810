// The deferred view's entity merge (mergedEntities): a new member's entity joins the stored one it names,
// folding what mergeEntities folds, so a deferred view and its refresh list one person once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergedEntities } from './view.js';
import type { ReportEntity } from '../model/report.js';

const person = (name: string, sources: string[], aliases: string[] = []): ReportEntity => ({ name, type: 'person', roles: [], aliases, sources });

test('an apostrophe or accent variant of a stored name merges into it', () => {
  const stored = [person('Conor O’Brien', ['a'])];
  const merged = mergedEntities(stored, [person("Conor O'Brien", ['b']), person('CONOR O’BRIEN', ['c'])]);
  assert.equal(merged.length, 1);
  assert.deepEqual(merged[0].sources, ['a', 'b', 'c']);
  assert.deepEqual(merged[0].aliases, ['CONOR O’BRIEN', "Conor O'Brien"]);
  assert.equal(merged[0].name, 'Conor O’Brien');
});

test('a new name found among the stored aliases merges; a different name stays apart', () => {
  const stored = [person('Jake Sullivan', ['a'], ['Sullivan'])];
  const merged = mergedEntities(stored, [person('Sullivan', ['b']), person('Jack Sullivan', ['c'])]);
  assert.equal(merged.length, 2);
  assert.deepEqual(merged[0].sources, ['a', 'b']);
  assert.equal(merged[1].name, 'Jack Sullivan');
  // The stored list is not changed in place: the stored view stays as it was read.
  assert.deepEqual(stored[0].sources, ['a']);
});
