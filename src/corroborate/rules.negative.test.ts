// Compatible cases each contradiction rule must stay silent on (precision over recall).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corroborateStory, mergeRepeats } from './index.js';
import { article, reuseOf } from '../../test/fixtures/corroborate/build.js';
import { titleFacts } from './rules/headline.js';
import { compatible, rangeOf } from './rules/number.js';
import { sameName } from './rules/name.js';
import { innerSubstitutions } from './rules/quote.js';
import type { QuantityMention } from '../model/article.js';

const independent = (...ids: string[]) => reuseOf(ids.map((id) => [id]));
const run = (...as: ReturnType<typeof article>[]) => corroborateStory(as, independent(...as.map((a) => a.id)), [], 'x').contradictions;

test('date: an omitted second date is not a conflict', () => {
  const a = article({ id: 'a', body: 'The council held two hearings on the Lakeside bridge, on May 4 and May 18, the mayor said.', dates: [['May 4', '2030-05-04'], ['May 18', '2030-05-18']] });
  const b = article({ id: 'b', body: 'The council held hearings on the Lakeside bridge on May 4, the mayor said.', dates: [['May 4', '2030-05-04']] });
  assert.deepEqual(run(a, b), []);
});

test('date: a weekday resolved differently is not compared', () => {
  const a = article({ id: 'a', body: 'The council held a hearing on the Lakeside bridge on Tuesday, the mayor said.', dates: [['Tuesday', '2030-05-14']] });
  const b = article({ id: 'b', body: 'The council held a hearing on the Lakeside bridge on May 7, the mayor said.', dates: [['May 7', '2030-05-07']] });
  assert.deepEqual(run(a, b), []);
});

test('date: different dates in unrelated sentences of one story are different events', () => {
  const a = article({ id: 'a', body: 'The council held a hearing on the Lakeside bridge on May 4. Residents protested outside the town hall.', dates: [['May 4', '2030-05-04']] });
  const b = article({ id: 'b', body: 'The regional governor signed the ferry budget on May 20 in the capital.', dates: [['May 20', '2030-05-20']] });
  assert.deepEqual(run(a, b), []);
});

test('quantity: "hundreds" vs "several hundred" and rounding are compatible', () => {
  const q = (min: number | null, max: number | null, approx: boolean, value: number | null = null) => ({ min, max, approx, value }) as QuantityMention;
  assert.ok(compatible(rangeOf(q(200, 999, true))!, rangeOf(q(300, 900, true))!));
  assert.ok(compatible(rangeOf(q(null, null, true, 300))!, rangeOf(q(200, 999, true))!));
  assert.ok(compatible(rangeOf(q(1000, 1000, false, 1000))!, rangeOf(q(1023, 1023, false, 1023))!));
  assert.ok(!compatible(rangeOf(q(200, 999, true))!, rangeOf(q(24, 100, true))!));
  assert.ok(!compatible(rangeOf(q(310, 310, false, 310))!, rangeOf(q(350, 350, false, 350))!));
  const a = article({ id: 'a', body: 'Rescuers evacuated hundreds of residents from the flooded valley overnight.', quantities: [['hundreds of residents', { min: 200, max: 999, approx: true, unit: 'residents' }]] });
  const b = article({ id: 'b', body: 'Rescuers evacuated several hundred residents from the flooded valley overnight.', quantities: [['several hundred residents', { min: 300, max: 900, approx: true, unit: 'residents' }]] });
  assert.deepEqual(run(a, b), []);
});

test('quantity: amounts of different things are not paired', () => {
  const a = article({ id: 'a', body: 'Rescuers evacuated 300 residents and 40 cattle from the flooded valley overnight.', quantities: [['300 residents', { value: 300, min: 300, max: 300, unit: 'residents' }], ['40 cattle', { value: 40, min: 40, max: 40, unit: 'cattle' }]] });
  const b = article({ id: 'b', body: 'Rescuers evacuated 40 residents from the flooded valley overnight.', quantities: [['40 residents', { value: 40, min: 40, max: 40, unit: 'residents' }]] });
  // 300 vs 40 residents IS a conflict; 40 cattle must not be paired with 40 residents to hide it, nor
  // with anything else to invent a second one.
  const c = run(a, b);
  assert.equal(c.length, 1);
  assert.equal(c[0].about, 'residents evacuated');
});

test('name: partial names, initials and an extra name are the same slot', () => {
  assert.ok(sameName('Sullivan', 'Jake Sullivan'));
  assert.ok(sameName('U.S.', 'United States'));
  assert.ok(!sameName('Tomas Brenn', 'Karl Odin'));
  const a = article({ id: 'a', body: 'Mayor Ana Ruiz opened the new Lakeside bridge on Monday morning.', entities: [['Ana Ruiz', 'Ana Ruiz', 'person', ['mayor']]] });
  const b = article({ id: 'b', body: 'Mayor Ruiz opened the new Lakeside bridge on Monday morning with engineer Pol Duran.', entities: [['Ruiz', 'Ruiz', 'person', ['mayor']], ['Pol Duran', 'Pol Duran', 'person']] });
  assert.deepEqual(run(a, b), []);
});

test('name: a name the other article mentions elsewhere is not a swap', () => {
  const a = article({ id: 'a', body: 'Mayor Ana Ruiz opened the new Lakeside bridge on Monday morning. Engineer Pol Duran designed it.', entities: [['Ana Ruiz', 'Ana Ruiz', 'person'], ['Pol Duran', 'Pol Duran', 'person']] });
  const b = article({ id: 'b', body: 'Engineer Pol Duran opened the new Lakeside bridge on Monday morning.', entities: [['Pol Duran', 'Pol Duran', 'person']] });
  assert.deepEqual(run(a, b), []);
});

test('quote: partial quotes, punctuation and inflection are not alterations', () => {
  assert.deepEqual(innerSubstitutions(['we', 'saw', 'the', 'fire', 'it', 'was', 'huge'], ['it', 'was', 'huge']), []);
  const a = article({ id: 'a', body: '“We released these images today. They show the damage to the northern quay,” Varga said.', quotes: [['We released these images today. They show the damage to the northern quay', 'Ilse Varga']] });
  const b = article({ id: 'b', body: '"They show the damage to the northern quay," Varga said.', quotes: [['They show the damage to the northern quay', 'Varga']] });
  const c = article({ id: 'c', body: '“We are releasing these images today. They show the damage to the northern quay,” Varga said.', quotes: [['We are releasing these images today. They show the damage to the northern quay', 'Ilse Varga']] });
  assert.deepEqual(run(a, b, c).filter((x) => x.kind === 'quote'), []);
});

test('quote: the same words by different speakers are not one quote', () => {
  const a = article({ id: 'a', body: '“We found serious rust on the northern cranes,” Varga said.', quotes: [['We found serious rust on the northern cranes', 'Ilse Varga']] });
  const b = article({ id: 'b', body: '“We found severe rust on the northern cranes,” Brenn said.', quotes: [['We found severe rust on the northern cranes', 'Tomas Brenn']] });
  const r = corroborateStory([a, b], independent('a', 'b'), [], 'x');
  assert.deepEqual(r.contradictions.filter((x) => x.kind === 'quote'), []);
  assert.equal(r.quotes.length, 2);
});

test('headline: "since", "by" and the verb "may" do not restrict to a month', () => {
  assert.equal(titleFacts('Inspections continue since March at Port Verin'), null);
  assert.equal(titleFacts('Port must finish repairs by March'), null);
  assert.equal(titleFacts('Officials say cranes in may need repairs'), null);
  assert.deepEqual(titleFacts('Inspectors visited twice in March'), { month: 3, count: 2, phrase: 'twice in March' });
});

test('headline: a body sentence about another event in another month does not count', () => {
  const a = article({
    id: 'a',
    title: 'Inspectors visited Port Verin twice in March',
    body: 'Inspectors visited Port Verin on March 3 and March 20. The ferry company signed two contracts, on April 2 and April 9, with the port.',
    dates: [['March 3', '2030-03-03'], ['March 20', '2030-03-20'], ['April 2', '2030-04-02'], ['April 9', '2030-04-09']],
  });
  assert.deepEqual(run(a), []);
});

test('name swaps that only share a surname are not merged into one (and never crash the merge)', () => {
  const v = (value: string, id: string) => ({ value, sources: [id], independentSources: 1, evidence: [`${value} said.`] });
  const reuse = { links: [], groupOf: new Map<string, string>(), inheritedDates: new Map() };
  const merged = mergeRepeats(
    [
      { kind: 'name', about: 'who spoke', values: [v('Smith', 'a'), v('Jones', 'b')] },
      { kind: 'name', about: 'who spoke', values: [v('John Smith', 'c'), v('Ann Smith', 'd')] },
    ],
    reuse,
  );
  assert.equal(merged.length, 2);
  const again = mergeRepeats(
    [
      { kind: 'name', about: 'who spoke', values: [v('Ken Salazar', 'a'), v('Idris Fenwick', 'b')] },
      { kind: 'name', about: 'who spoke', values: [v('Salazar', 'a'), v('Fenwick', 'b')] },
    ],
    reuse,
  );
  assert.equal(again.length, 1);
  assert.deepEqual(again[0].values.map((x) => x.value).sort(), ['Idris Fenwick', 'Ken Salazar']);
});
