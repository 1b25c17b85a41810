// Negative cases of the rule library: fictional story sentences that share words or shapes with
// boilerplate and must survive every rule untouched.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanBody } from './index.js';
import { wordCount } from './layout.js';
import { FRAGMENT_RULES, LINE_RULES, datelinePrefix } from './rules.js';

const STORY_LINES = [
  // plea words
  "The newspaper's subscription numbers fell by a third after the price rise, its publisher said.",
  'Residents donated more than $40,000 to the lifeboat crew within a week, the charity said.',
  '"Support our fishermen," read the banners carried by the crowd outside the town hall.',
  'The union asked members to support the strike, which begins on Monday.',
  'Readers of the Harbour Ledger voted the new pier the ugliest building of the year.',
  'The mayor said the community would rebuild the pier "for as long as it takes."',
  // paywall / newsletter
  'The Harbour Ledger dropped its paywall in 2021 and has since doubled its readership.',
  'The newsletter, which has 40,000 readers, first reported the closure.',
  // copyright
  'He said copyright law had not kept pace with streaming services.',
  'The band sued the ferry company for copyright infringement over its television advertisement.',
  // comment
  'Officials declined to comment on the report.',
  'The ministry did not respond to a request for comment.',
  // trust
  'The Trust Project, a consortium of news organisations, said the badge now appears on 300 sites across Europe and North America.',
  'Voters said they did not trust the council to manage the harbour budget.',
  // share / follow
  '"We will follow the evidence wherever it leads," the inspector said.',
  'Shares in Calder Ferries fell 4% on Tuesday.',
  'Follow-up inspections found two more cracked columns.',
  'She said she would share the findings with the coastguard on Friday.',
  'Follow the money, the auditor told the committee, and you will find the missing funds.',
  // byline
  'By Monday, the last ferry had left the harbour.',
  'By the end of the week, 200 people had signed the petition.',
  'Reporting by the Harbour Ledger showed the council knew of the cracks in 2019.',
  'By contrast, the northern pier was rebuilt in 2015.',
  // photo / image
  'Photographs of the damaged pier circulated online within hours.',
  'The image of the collapsing pier was shared thousands of times.',
  'Video footage showed waves breaking over the sea wall.',
  // advertisement / related
  'The council spent £2 million on an advertisement campaign for the new terminal.',
  'Read more about the vote in the minutes, the clerk said, which are published online.',
  'Related incidents were reported in two neighbouring towns.',
  'More from the inspectors is expected next week.',
  // mojibake: "é" decoded as Latin-1 gives "Ã©", which contains the © sign
  'The mayor has an impressive rÃ©sumÃ©: three terms on the harbour board.',
  'The mayor has an impressive rA\u0303\u00a9sumA\u0303\u00a9: three terms on the harbour board.',
  // an aside mentioning a picture is not a photo credit
  'Fans queued for hours (and many had their picture taken with the trophy) before the gates opened.',
  // timestamp
  'Updated figures show three deaths in 2023.',
  'Published in 2019, the harbour report found 12 cracked columns.',
  // price lines that mention members and "you" are not pleas
  'Save $31 if you buy the ferry pass before Friday; members of the ferry club save $21.',
  // social
  'The council posted the notice on Twitter and Facebook on Friday.',
  'The PlayStation5 console sold out in Port Calder within an hour.',
  'McDonald said the harbour had never been busier.',
];

test('story sentences that look like boilerplate are not taken by any line rule', () => {
  for (const line of STORY_LINES) {
    const words = wordCount(line);
    const rule = LINE_RULES.find((r) => words <= r.maxWords && r.matches(line));
    assert.equal(rule?.origin ?? null, null, line);
  }
});

test('story sentences are not cut by fragment rules', () => {
  for (const line of STORY_LINES) {
    for (const rule of FRAGMENT_RULES) assert.equal(rule.apply(line), null, `${rule.origin}: ${line}`);
  }
});

test('acronyms starting a sentence are not datelines', () => {
  const body = [
    'NATO allies said on Monday that the exercise would go ahead.',
    'UNICEF Director Mara Quill said the harbour clinic would reopen.',
    'US officials said the talks had stalled.',
    'EU ministers will meet again in March.',
    'CALDERCO said its profits fell, and CALDERCO shares dropped.',
    'FBI agents searched the ferry office.',
    'DEAR MARA: My neighbour keeps his boat on my mooring.',
    'VIP: 60 tickets for the ferry gala.',
    'PUBLISHED: 10:48, Tue, Nov 19, 2023',
  ];
  for (const p of body) assert.equal(datelinePrefix(p, body.join('\n')), null, p);
});

test('transcript speakers and lead-ins in capitals are not datelines', () => {
  const body = [
    'The harbour debate was broadcast live on Tuesday.',
    'MARA QUILL: We will not let the pier fall into the sea.',
    'TOMAS BRENNER — I think the council has failed the fishermen.',
    'QUILL: That is simply not true, and you know it.',
    'HARBOURGATE: Emails show the council knew in 2019.',
  ];
  body.forEach((p, i) => assert.equal(datelinePrefix(p, body.join('\n'), i === 0), null, p));
  // A colon after a speaker is not a dateline even in the lede.
  assert.equal(datelinePrefix(body[1], body[1], true), null);
});

test('a sentence in quotation marks that sounds like a plea is kept by the stage', () => {
  const raw = [
    'The lifeboat station is raising money for a new boat.',
    '"If you value what we do, please support our crew and our station," its manager told the Ledger.',
  ].join('\n');
  const clean = cleanBody(raw);
  assert.deepEqual(clean.removed, []);
  assert.equal(clean.paragraphs.length, 2);
});

test('one-line paragraphs ending in a full stop are not headings, nor is a short quote', () => {
  const raw = [
    'There was no comment from the council.',
    'The harbour authority said on Tuesday that the pier would stay closed until engineers had inspected every column.',
    '"Never again"',
    'The fishermen said they had warned the council about the cracks as early as the spring of 2019.',
    'Burns said:',
    'The inspection report, published on Friday, found that three of the columns had lost a quarter of their strength.',
  ].join('\n');
  const clean = cleanBody(raw);
  assert.equal(clean.paragraphs.filter((p) => p.heading).length, 0);
});
