import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOutletRegistry, parseOutletRegistry, wireNamed } from './registry.js';

const valley = {
  outlets: [
    { name: 'Ostra Valley Times', aliases: ['OVT'], hosts: ['ostravalleytimes.example'], owner: 'Valley Media Group', parent: 'Northwind Holdings', republishes: ['AP'] },
    { name: 'Ostra Radio', hosts: ['ostra-radio.example'], owner: 'Valley Media Group' },
    { name: 'Lantern Newswire', aliases: ['LNW'], hosts: ['lantern-wire.example'], wire: true },
  ],
};

test('a registry file is read with its entries indexed by name, alias and registrable domain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outlets-'));
  const file = join(dir, 'outlets.json');
  writeFileSync(file, JSON.stringify(valley));
  const r = loadOutletRegistry(file);
  assert.equal(r.file, file);
  assert.equal(r.byName.get('ovt')?.name, 'Ostra Valley Times');
  assert.equal(r.byName.get('ostravalleytimes')?.owner, 'Valley Media Group');
  assert.equal(r.byHost.get('ostra-radio.example')?.name, 'Ostra Radio');
  assert.equal(wireNamed(r, 'LNW')?.name, 'Lantern Newswire');
  assert.equal(wireNamed(r, 'The Associated Press')?.name, 'AP', 'built-in wires stay known');
  assert.equal(wireNamed(r, 'Ostra Radio'), null, 'an outlet is no wire');
});

test('a user entry named like a built-in wire replaces it', () => {
  const r = parseOutletRegistry({ outlets: [{ name: 'Associated Press', aliases: ['AP'], hosts: ['apnews.com'], wire: true, owner: 'AP cooperative' }] });
  assert.equal(wireNamed(r, 'AP')?.owner, 'AP cooperative');
  assert.equal(r.entries.filter((e) => e.hosts.includes('apnews.com')).length, 1);
});
