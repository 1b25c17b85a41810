import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readyFromText } from '../../../test/fixtures/entities/ready.js';
import { extractEntities } from './index.js';

const run = (text: string) => {
  const a = readyFromText('t', text);
  return { text, entities: extractEntities(a) };
};
const find = (r: ReturnType<typeof run>, name: string) => r.entities.find((e) => e.name === name);

test('pre-nominal titles split from the name and kept as roles', () => {
  const r = run('Norlandic Foreign Minister Anna Vell-Oster met CIA Director William Hale in Geneva. Harbor police chief Tomas Brandt said nothing.');
  const vell = find(r, 'Anna Vell-Oster');
  assert.equal(vell?.type, 'person');
  assert.deepEqual(vell?.roles, ['Norlandic Foreign Minister']);
  assert.deepEqual(find(r, 'William Hale')?.roles, ['CIA Director']);
  assert.equal(find(r, 'CIA')?.type, 'organization');
  assert.equal(find(r, 'Geneva')?.type, 'place');
  assert.deepEqual(find(r, 'Tomas Brandt')?.roles, ['Harbor police chief']);
});

test('appositive roles and later surname mentions take the full name', () => {
  const r = run('Mara Quill, a spokeswoman for the Harbor Council, told reporters the port would reopen. Quill added that ships were waiting.');
  const mentions = r.entities.filter((e) => e.name === 'Mara Quill');
  assert.equal(mentions.length, 2);
  assert.deepEqual(mentions[0].roles, ['spokeswoman for the Harbor Council']);
  assert.equal(mentions[1].text, 'Quill');
  assert.equal(find(r, 'Harbor Council')?.type, 'organization');
});

test('offsets index the text; hyphenated names stay whole', () => {
  const r = run('Engineers tested the Falcor-77 and the Orlan-10 near the Pelka airfield on Monday.');
  for (const e of r.entities) assert.equal(r.text.slice(e.start, e.end), e.text);
  assert.equal(find(r, 'Falcor-77')?.type, 'product');
  assert.equal(find(r, 'Orlan-10')?.type, 'product');
  const field = r.entities.find((e) => e.text === 'Pelka airfield');
  assert.equal(field?.type, 'place');
});

test('a glued social handle becomes an alias of the person', () => {
  const r = run('Defence adviser Jonas Verret spoke on Monday. The clip was shared by JonasVerret21 later.');
  assert.equal(r.entities.find((e) => e.text === 'JonasVerret21')?.name, 'Jonas Verret');
});

test('gazetteer canonical names: U.S. is the United States, Kremlin an organisation', () => {
  const r = run('The U.S. and the Kremlin traded accusations over Crimea.');
  assert.equal(r.entities.find((e) => e.text === 'U.S.')?.name, 'United States');
  assert.equal(find(r, 'Kremlin')?.type, 'organization');
  assert.equal(find(r, 'Crimea')?.type, 'place');
});
