import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldMastheads, hostKey, nameKey, outletName } from './masthead.js';
import { defaultOutletRegistry, parseOutletRegistry } from './registry.js';

const at = (id: string, outlet: string | null, url: string | null = null) => ({ id, meta: { outlet, url } });

test('hosts fold to their registrable domain, from the public suffix list', () => {
  assert.equal(hostKey('www.ostravalleytimes.example'), 'ostravalleytimes.example');
  assert.equal(hostKey('m.bbc.co.uk'), 'bbc.co.uk');
  assert.equal(hostKey('edition.cnn.com'), 'cnn.com');
  assert.equal(hostKey('amp.theguardian.com'), 'theguardian.com');
  assert.equal(hostKey('sport.ostravalleytimes.example'), 'ostravalleytimes.example');
  assert.equal(nameKey('The Ostra Valley Times'), nameKey('ostra valley times'));
  assert.equal(outletName('Ostra Radio - Sport'), 'Ostra Radio');
  assert.equal(outletName('Ostra Radio | News'), 'Ostra Radio');
});

test('hosts, sections and the site name of one outlet are one masthead', () => {
  const m = foldMastheads(
    [
      at('a1', 'Ostra Valley Times', 'https://www.ostravalleytimes.example/news/bridge'),
      at('a2', 'ostravalleytimes.example', 'https://sport.ostravalleytimes.example/match'),
      at('a3', 'ostravalleytimes.example', 'https://amp.ostravalleytimes.example/x'),
      at('a4', 'The Ostra Valley Times - Business', null),
      at('a5', 'harbourview-gazette.example', 'https://harbourview-gazette.example/a'),
    ],
    defaultOutletRegistry(),
  );
  const times = m.get('a1')!;
  for (const id of ['a2', 'a3', 'a4']) assert.equal(m.get(id), times, `${id} is the Ostra Valley Times`);
  assert.equal(times.name, 'Ostra Valley Times', 'the declared name reads better than the host');
  assert.deepEqual(times.spellings, ['Ostra Valley Times', 'The Ostra Valley Times - Business', 'ostravalleytimes.example']);
  assert.notEqual(m.get('a5'), times);
  assert.equal(m.get('a5')!.name, 'harbourview-gazette.example');
});

test('a name matching no host by its letters folds with the host a registry gives it', () => {
  const registry = parseOutletRegistry({ outlets: [{ name: 'Ostra Valley Times', aliases: ['OVT'], hosts: ['ovt-news.example'] }] });
  const m = foldMastheads([at('a1', 'OVT'), at('a2', null, 'https://www.ovt-news.example/a')], registry);
  assert.equal(m.get('a1'), m.get('a2'));
  assert.equal(m.get('a1')!.name, 'Ostra Valley Times');
  assert.equal(m.get('a1')!.entry?.name, 'Ostra Valley Times');
});
