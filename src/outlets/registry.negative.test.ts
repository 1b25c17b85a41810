import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOutletRegistry, parseOutletRegistry, OutletRegistryError } from './registry.js';

/** The message of the error a registry raises: one line, naming the file and the entry. */
function errorOf(json: unknown): string {
  try {
    parseOutletRegistry(json, 'outlets.json');
  } catch (err) {
    assert.ok(err instanceof OutletRegistryError);
    assert.doesNotMatch(err.message, /\n/, 'one line');
    return err.message;
  }
  assert.fail('expected an error');
}

test('mistakes in a registry are one-line errors naming file, entry and field', () => {
  assert.equal(errorOf([]), 'outlets.json: expected an object { "outlets": [ … ] }');
  assert.equal(errorOf({ outlet: [] }), 'outlets.json: unknown top-level key "outlet" (only "outlets")');
  assert.equal(errorOf({ outlets: [{ name: 'Ostra Radio', host: ['x.example'] }] }), 'outlets.json: outlets[0] ("Ostra Radio"): unknown key "host" (known: name, aliases, hosts, owner, parent, republishes, wire)');
  assert.match(errorOf({ outlets: [{ name: 'Ostra Radio', hosts: ['https://ostra-radio.example/news'] }] }), /^outlets\.json: outlets\[0\] \("Ostra Radio"\): hosts\[0\] "https:\/\/ostra-radio\.example\/news" is not a host name/);
  assert.equal(errorOf({ outlets: [{ hosts: ['a.example'] }] }), 'outlets.json: outlets[0]: "name" must be a non-empty string');
  assert.match(errorOf({ outlets: [{ name: 'A', republishes: ['APP'] }] }), /^outlets\.json: outlets\[0\] \("A"\): republishes "APP", which is no wire service/);
  assert.match(errorOf({ outlets: [{ name: 'A', republishes: ['B'] }, { name: 'B' }] }), /republishes "B", which is no wire service/, 'an outlet that is not a wire');
  assert.equal(errorOf({ outlets: [{ name: 'A', hosts: ['a.example'] }, { name: 'B', hosts: ['news.a.example'] }] }), 'outlets.json: outlets[1] ("B"): host "news.a.example" (a.example) is already used by "A"');
  assert.equal(errorOf({ outlets: [{ name: 'A' }, { name: 'The A' }] }), 'outlets.json: outlets[1] ("The A"): name "The A" is already used by "A"');
  assert.equal(errorOf({ outlets: [{ name: 'A', wire: 'yes' }] }), 'outlets.json: outlets[0] ("A"): "wire" must be true or false');
  assert.equal(errorOf({ outlets: [{ name: 'A', owner: 3 }] }), 'outlets.json: outlets[0] ("A"): "owner" must be a non-empty string');
});

test('a file that is not there or not JSON says so with its path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outlets-'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{ "outlets": [ ');
  assert.throws(() => loadOutletRegistry(bad), (err: Error) => err instanceof OutletRegistryError && err.message.startsWith(`${bad}: not JSON`));
  assert.throws(() => loadOutletRegistry(join(dir, 'missing.json')), (err: Error) => err.message === `${join(dir, 'missing.json')}: cannot read the outlet registry (ENOENT)`);
});
