// Positive cases for event frames, title figures and the wording passes (fictional articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborateStory } from './index.js';
import { article, reuseOf } from '../../test/fixtures/corroborate/build.js';
import { titleFigures } from './rules/headline.js';

const independent = (...ids: string[]) => reuseOf(ids.map((id) => [id]));
const run = (...as: ReturnType<typeof article>[]) => corroborateStory(as, independent(...as.map((a) => a.id)), [], 'x');

const terminal = (text: string) => [text, 'Lomar ferry terminal', 'other'] as [string, string, 'other'];

test('date frame: the same closure dated differently in sentences worded too differently to align', () => {
  const a = article({
    id: 'a',
    body: 'Heavy fog forced the Lomar ferry terminal to close on Friday, June 6, stranding 300 passengers in the waiting halls, officials said.',
    entities: [terminal('Lomar ferry terminal')],
    dates: [['Friday, June 6', '2031-06-06']],
    quantities: [['300 passengers', { value: 300, min: 300, max: 300, unit: 'passengers' }]],
  });
  const b = article({
    id: 'b',
    body: 'The Lomar ferry terminal closed on Saturday, June 7, after the fog grounded two boats, the harbour office said.',
    entities: [terminal('Lomar ferry terminal')],
    dates: [['Saturday, June 7', '2031-06-07']],
  });
  const d = run(a, b).contradictions.filter((c) => c.kind === 'date');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].values.map((v) => v.value).sort(), ['2031-06-06', '2031-06-07']);
  assert.match(d[0].about, /Lomar ferry terminal closed/);
});

test('number frame: the same recall with different counts, and a title against its own body', () => {
  const a = article({
    id: 'a',
    title: 'Vessa recalls 1,200 scooters over brake faults',
    body: 'The scooter maker Vessa said on Monday it would recall 12,000 scooters sold in Asia after nine brake failures.',
    entities: [['Vessa', 'Vessa', 'organization']],
    quantities: [['12,000 scooters', { value: 12000, min: 12000, max: 12000, unit: 'scooters' }], ['nine brake failures', { value: 9, min: 9, max: 9, unit: 'failures' }]],
  });
  const b = article({
    id: 'b',
    body: 'Vessa is recalling 9,000 electric scooters after a run of brake faults, the company confirmed on Tuesday.',
    entities: [['Vessa', 'Vessa', 'other']],
    quantities: [['9,000 electric scooters', { value: 9000, min: 9000, max: 9000, unit: 'scooters' }]],
  });
  const r = run(a, b).contradictions;
  const n = r.find((c) => c.kind === 'number');
  assert.ok(n, `a number contradiction; got ${JSON.stringify(r.map((c) => c.kind))}`);
  assert.match(n.about, /^number of scooters/);
  assert.deepEqual(n.values.map((v) => v.sources).sort(), [['a'], ['b']]);
  const h = r.find((c) => c.kind === 'headline');
  assert.ok(h, 'headline contradiction');
  assert.deepEqual(h.values.map((v) => v.value), ['1,200 scooters', '12,000 scooters']);
});

test('title figures: value, unit words, thousands', () => {
  const [f] = titleFigures('Vessa recalls 1,200 scooters over brake faults');
  assert.equal(f.value, 1200);
  assert.deepEqual(f.next.slice(0, 2), ['scooter', 'over']);
  assert.equal(titleFigures('Rail strike: 2.5 million commuters stranded')[0].value, 2.5e6);
});

test('name wording pass: a swapped name the extractor did not find', () => {
  const a = article({ id: 'a', body: 'Rosa Quintel signed the harbour lease on Tuesday in the old customs house.' });
  const b = article({ id: 'b', body: 'Dario Mensk signed the harbour lease on Tuesday in the old customs house.' });
  const n = run(a, b).contradictions.filter((c) => c.kind === 'name');
  assert.equal(n.length, 1);
  assert.deepEqual(n[0].values.map((v) => v.value).sort(), ['Dario Mensk', 'Rosa Quintel']);
});

test('quote sentence pass: an altered quote the extractor did not attribute', () => {
  const a = article({ id: 'a', body: '“The brakes failed on a steep hill right next to the school,” one rider told the local radio.' });
  const b = article({ id: 'b', body: '“The brakes failed on a steep road right next to the school,” one rider told the local radio.' });
  const q = run(a, b).contradictions.filter((c) => c.kind === 'quote');
  assert.equal(q.length, 1);
  assert.ok(q[0].values.some((v) => v.value.includes('hill')) && q[0].values.some((v) => v.value.includes('road')));
});

test('claims: a sentence that mentions the event only in a subordinate clause is not a source', () => {
  const closure = 'Heavy fog forced the Lomar ferry terminal to close on Friday, stranding 300 passengers in the waiting halls.';
  const a = article({ id: 'a', body: closure, entities: [terminal('Lomar ferry terminal')] });
  const c = article({ id: 'c', body: 'Heavy fog forced the Lomar ferry terminal to close on Friday, stranding hundreds of passengers.', entities: [terminal('Lomar ferry terminal')] });
  const b = article({ id: 'b', body: 'The first ferry left the Lomar ferry terminal on Monday, three days after the heavy fog closed the terminal.', entities: [terminal('Lomar ferry terminal')] });
  const claim = run(a, b, c).claims.find((x) => x.text.startsWith('Heavy fog'));
  assert.ok(claim);
  assert.deepEqual(claim.sources, ['a', 'c']);
});
