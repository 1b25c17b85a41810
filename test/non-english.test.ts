// Non-English articles get no English-only rules (issue 12, item 9): no quotes, no English entity roles, no
// claims or contradictions, yet they are ingested and clustered. Fictional German and English articles
// written for this test; fixed clock, no database.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import type { Article } from '../src/model/article.js';
import { fullPipeline } from '../src/pipeline/stages.js';

// Two German outlets tell the same (invented) storm story, with the same section headings and a straight
// quote with "sagte", which is what English rules turn into claims and quotes.
const GERMAN_A = `Sturm legt den Hafen von Velmar lahm
2031-03-14
https://www.ostsee-bote.example/velmar

Nach dem Sturm vom Dienstag ist der Hafen von Velmar seit drei Tagen geschlossen, wie die Hafenbehörde am Freitag mitteilte.

Folgen für die Fischer

"Wir werden Zeit brauchen, aber wir bauen alles wieder auf", sagte Bürgermeisterin Marta Okafor. Nach Angaben der Behörde wurden mehr als 40 Boote beschädigt.

Was jetzt passiert

Die Fähre nach Korrin soll ab Montag wieder fahren. Die Stadt hat einen Krisenstab eingerichtet und die Uferstraße gesperrt.
`;
const GERMAN_B = `Sturm schließt den Hafen von Velmar
2031-03-14
https://www.nordkurier.example/velmar-hafen

Der Hafen von Velmar bleibt nach dem schweren Sturm vom Dienstag geschlossen, mehr als 40 Boote wurden beschädigt. Das teilte die Hafenbehörde am Freitag mit.

Folgen für die Fischer

"Wir werden Zeit brauchen", sagte Bürgermeisterin Marta Okafor am Donnerstag. Die Reparaturen sollen bis Ende April dauern.

Was jetzt passiert

Die Fähre nach Korrin fährt ab Montag wieder, sagte ein Sprecher der Reederei. Die Stadt hat einen Krisenstab eingerichtet und die Uferstraße gesperrt.
`;
// An English wire story and a copy of it: English rules still apply to them.
const ENGLISH = `Storm shuts the port of Velmar
2031-03-14
https://www.coastal-wire.example/velmar

The port of Velmar will stay closed for three days after Tuesday's storm damaged more than 40 boats, the harbour authority said on Friday.
"We will need time, but we will rebuild everything," Mayor Marta Okafor told reporters on Thursday.
The ferry to Korrin is expected to sail again on Monday, a spokesman for the ferry line said.
`;

function germanArticle(): Article {
  const raw = GERMAN_A.split('\n\n').slice(1).join('\n\n');
  return {
    id: 'de', path: 'de.txt', format: 'txt', encoding: 'utf-8', raw, hash: 'de', diagnostics: [],
    meta: { title: 'Sturm legt den Hafen von Velmar lahm', url: null, outlet: 'ostsee-bote.example', published: '2031-03-14', publishedFrom: 'header', author: null, declaredLanguage: null },
  };
}

test('the extract stage gives a German article no quotes and only language-neutral names, without roles', () => {
  const a = germanArticle();
  fullPipeline().run(a);
  assert.equal(a.text!.language, 'de');
  assert.deepEqual(a.extract!.quotes, [], 'a German quote with "sagte" is not read by the English quote rules');
  assert.deepEqual(a.extract!.entities.map((e) => [e.name, e.type, e.roles]), [['Marta Okafor', 'person', []]]);
  const okafor = a.extract!.entities[0];
  assert.equal(a.clean!.text.slice(okafor.start, okafor.end), 'Marta Okafor', 'the title word is cut off the span');
  // Numbers still serve clustering.
  assert.ok(a.extract!.quantities.some((q) => q.value === 40), 'mehr als 40 Boote');
});

test('negative: an English article keeps its quotes and entity roles', () => {
  const a: Article = { ...germanArticle(), id: 'en', raw: ENGLISH.split('\n\n').slice(1).join('\n\n') };
  fullPipeline().run(a);
  assert.equal(a.text!.language, 'en');
  assert.ok(a.extract!.quotes.some((q) => q.direct && q.speaker === 'Marta Okafor'));
  assert.ok(a.extract!.entities.some((e) => e.name === 'Marta Okafor' && e.roles.length > 0));
});

test('German articles are clustered but not analysed for claims; an English pair still is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-de-'));
  try {
    writeFileSync(join(dir, 'bote.txt'), GERMAN_A);
    writeFileSync(join(dir, 'kurier.txt'), GERMAN_B);
    writeFileSync(join(dir, 'wire.txt'), ENGLISH);
    writeFileSync(join(dir, 'wire-copy.txt'), ENGLISH.replace('coastal-wire.example', 'harbour-daily.example'));
    const { report } = await analyze([dir], { db: null, workers: 0, now: () => new Date('2031-03-15T00:00:00Z') });
    const lang = new Map(report.articles.map((a) => [a.id, a.language]));
    assert.equal(lang.get('bote'), 'de');
    assert.equal(lang.get('kurier'), 'de');
    assert.ok(report.stories.some((s) => s.articles.includes('bote') && s.articles.includes('kurier')), 'the German articles form one story');
    const german = new Set(['bote', 'kurier']);
    const cited = report.stories.flatMap((s) => [
      ...s.claims.flatMap((c) => c.sources),
      ...s.quotes.flatMap((q) => q.sources),
      ...s.contradictions.flatMap((c) => c.values.flatMap((v) => v.sources)),
    ]);
    assert.deepEqual(cited.filter((id) => german.has(id)), [], 'no claim, quote or contradiction cites a German article');
    assert.ok(report.stories.some((s) => s.claims.some((c) => c.sources.includes('wire') && c.sources.includes('wire-copy'))), 'English copies still agree on claims');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
