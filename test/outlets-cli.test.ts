// `crosscheck analyze --outlets FILE` end to end on examples/: a registry that declares a wire and an owner
// folds the copies into them, the report says so and validates, and a mistake in the file is one line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/model/report.js';
import { runCli } from './run-cli.js';
import { validateReport, schemaErrors } from './schema.js';

const REGISTRY = {
  outlets: [
    { name: 'Coastal Wire', hosts: ['coastalwire.example'], wire: true },
    { name: 'Lantern Daily', hosts: ['lanterndaily.example'], republishes: ['Coastal Wire'] },
    { name: 'Gadget Digest', hosts: ['gadgetdigest.example'], owner: 'Velo Media' },
    { name: 'Velo News', hosts: ['velonews.example'], owner: 'Velo Media' },
  ],
};

function registryFile(json: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'outlets-cli-')), 'outlets.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

test('--outlets folds a wire and an owner, and every figure points at listed sources', () => {
  const r = runCli(['analyze', 'examples', '--no-db', '--format', 'json', '--quiet', '--outlets', registryFile(REGISTRY)]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as Report;
  assert.ok(validateReport(report), schemaErrors());
  const labels = report.sources!.map((s) => s.label);
  assert.ok(labels.includes('Coastal Wire via its own site and 1 outlet'), labels.join(' | '));
  assert.ok(labels.includes('2 outlets of one owner (Velo Media)'), labels.join(' | '));
  const ids = new Set(report.sources!.map((s) => s.id));
  for (const s of report.stories) for (const c of s.claims) {
    assert.equal(c.sourceIds!.length, c.independentSources, c.text);
    for (const id of c.sourceIds!) assert.ok(ids.has(id), id);
  }
  const md = runCli(['analyze', 'examples', '--no-db', '--quiet', '--outlets', registryFile(REGISTRY)]);
  assert.match(md.stdout, /2 independent sources: 2 outlets of one owner \(Velo Media\)/);
});

test('a mistake in the registry is a usage error naming the file and the entry', () => {
  const file = registryFile({ outlets: [{ name: 'Lantern Daily', host: ['lanterndaily.example'] }] });
  const r = runCli(['analyze', 'examples', '--no-db', '--quiet', '--outlets', file]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim(), `crosscheck: ${file}: outlets[0] ("Lantern Daily"): unknown key "host" (known: name, aliases, hosts, owner, parent, republishes, wire)`);
});
