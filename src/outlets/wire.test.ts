import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wireSignal } from './wire.js';
import { defaultOutletRegistry, parseOutletRegistry } from './registry.js';

const registry = defaultOutletRegistry();
const text = (body: string, removed: string[] = [], author: string | null = null) => ({ meta: { author }, clean: { text: body, removed: removed.map((t) => ({ text: t })) } });
const wireOf = (a: ReturnType<typeof text>, r = registry) => wireSignal(a, r)?.wire.name ?? null;

test('datelines of a wire at the top of the story', () => {
  assert.equal(wireOf(text('LOMAR (AP) — The ferry terminal closed on Tuesday after the storm.')), 'AP');
  assert.equal(wireOf(text('Bridge reopens\n\nLOMAR, March 3 (Reuters) - The bridge reopened on Monday.')), 'Reuters');
  assert.equal(wireOf(text('RIO DE JANEIRO (AFP) – Flooding closed the port.')), 'AFP');
  assert.equal(wireOf(text('Rio de Janeiro (AFP) – Flooding closed the port.')), 'AFP', 'place particles in lower case');
  assert.equal(wireOf(text('ST. LOUIS (AP) — Flooding closed the port.')), 'AP');
  assert.equal(wireOf(text('(AP) — Flooding closed the port.')), 'AP');
  const s = wireSignal(text('LOMAR (AP) — The ferry terminal closed.'), registry)!;
  assert.equal(s.evidence, 'dateline "(AP) —"');
});

test('sign-offs, agency bylines, copyright lines (also when the cleaner removed them) and authors', () => {
  assert.equal(wireOf(text('The ferry terminal closed on Tuesday.\n\n— The Associated Press')), 'AP');
  assert.equal(wireOf(text('By JANE ROE, Associated Press\n\nThe ferry terminal closed on Tuesday.')), 'AP');
  assert.equal(wireOf(text('The ferry terminal closed on Tuesday.', ['Copyright 2030 The Associated Press. All rights reserved.'])), 'AP');
  assert.equal(wireOf(text('The ferry terminal closed on Tuesday.', ['© 2030 AFP'])), 'AFP');
  assert.equal(wireOf(text('The ferry terminal closed on Tuesday.', [], 'Reuters Staff')), 'Reuters');
  assert.equal(wireOf(text('The ferry terminal closed on Tuesday.', [], 'Jane Roe, Associated Press')), 'AP');
});

test("Reuters' closing credits name Reuters", () => {
  assert.equal(wireOf(text('The council approved the plan.\n\n(Reporting by Jane Roe; Editing by John Doe.)')), 'Reuters');
  assert.equal(wireOf(text('The council approved the plan.\n\n(Reporting by Jane Roe in Lomar; Additional reporting by Ann Poe; Editing by John Doe)')), 'Reuters');
});

test('a wire declared in the registry is read by its aliases', () => {
  const r = parseOutletRegistry({ outlets: [{ name: 'Lantern Newswire', aliases: ['LNW'], wire: true }] });
  assert.equal(wireOf(text('OSTRA (LNW) — The ferry terminal closed.'), r), 'Lantern Newswire');
  assert.equal(wireOf(text('The ferry terminal closed.\n\n— Lantern Newswire'), r), 'Lantern Newswire');
});
