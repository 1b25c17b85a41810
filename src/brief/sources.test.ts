import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildBriefView } from './view.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { bridgeReport } from '../../test/fixtures/outlets/report.js';
import { REGISTRY } from '../../test/fixtures/outlets/bridge.js';

test('independence figures say which wire and which owner were folded', () => {
  const view = buildBriefView(bridgeReport());
  const [story] = view.stories;
  assert.equal(story.independence, '3 independent sources: AP via 3 outlets; 2 outlets of one owner (Valley Media Group)');
  const bridge = story.agreed.find((c) => /Lomar bridge reopened/.test(c.text))!;
  assert.equal(bridge.note, '7 sources, 3 independent: AP via 3 outlets; 2 outlets of one owner (Valley Media Group)');
  const w3 = story.perSource.find((p) => p.id === 'w3')!;
  assert.equal(w3.countsAs, 'AP via 3 outlets');
  assert.equal(story.perSource.find((p) => p.id === 'g1')!.countsAs, null, 'a lone report needs no note');
  const md = renderMarkdown(bridgeReport());
  assert.match(md, /_3 independent sources: AP via 3 outlets; 2 outlets of one owner \(Valley Media Group\)_/);
  assert.match(md, /Counts as: 2 outlets of one owner \(Valley Media Group\)/);
});

test('without a registry one outlet\'s reports fold, and the note names the outlet', () => {
  const view = buildBriefView(bridgeReport({ outlets: [] }));
  const bridge = view.stories[0].agreed.find((c) => /Lomar bridge reopened/.test(c.text))!;
  assert.equal(bridge.note, '7 sources, 4 independent: AP via 3 outlets; 2 reports of one outlet (Ostra Valley Times)');
});

test('outlet, owner and wire names from a registry are escaped in the HTML brief', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const registry = {
    outlets: [
      { ...REGISTRY.outlets[0], owner: `Valley ${evil}` },
      { ...REGISTRY.outlets[1], owner: `Valley ${evil}` },
    ],
  };
  const html = renderHtml(bridgeReport(registry));
  assert.ok(!/<img/i.test(html), 'no injected element');
  assert.ok(html.includes('2 outlets of one owner (Valley &#60;img src=x onerror=alert(1)&#62;)'));
  const md = renderMarkdown(bridgeReport(registry));
  assert.ok(!/(^|[^\\])<img/i.test(md));
});
