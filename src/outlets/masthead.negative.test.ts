import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldMastheads } from './masthead.js';
import { defaultOutletRegistry } from './registry.js';

const at = (id: string, outlet: string | null, url: string | null = null) => ({ id, meta: { outlet, url } });

test('different registrable domains stay different outlets, even with one label', () => {
  const m = foldMastheads([at('u', 'metro.co.uk'), at('v', null, 'https://www.metro.us/a'), at('w', 'Metro')], defaultOutletRegistry());
  assert.notEqual(m.get('u'), m.get('v'));
  // "Metro" spells two domains' label: it joins neither rather than gluing them together.
  assert.notEqual(m.get('w'), m.get('v'));
});

test('blogs of a shared host are separate outlets (private suffixes count)', () => {
  const m = foldMastheads([at('a', null, 'https://lomar-notes.blogspot.com/p'), at('b', null, 'https://ostra-diary.blogspot.com/q')], defaultOutletRegistry());
  assert.notEqual(m.get('a'), m.get('b'));
});

test('an article with neither outlet nor URL has no masthead', () => {
  const m = foldMastheads([at('a', null), at('b', '  ')], defaultOutletRegistry());
  assert.equal(m.get('a'), null);
  assert.equal(m.get('b'), null);
});
