// The page-furniture rules of the clean stage (page controls, tagged teasers, link lists after their
// heading, date-only lines, wire bylines, contact and cookie lines, the page's own headline and address):
// fictional lines each must take, with its reason. Look-alikes that must survive are in
// page-furniture.negative.test.ts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanBody } from './index.js';
import { wordCount } from './layout.js';
import { LINE_RULES } from './rules.js';

const reasonFor = (line: string) => LINE_RULES.find((r) => wordCount(line) <= r.maxWords && r.matches(line))?.origin ?? null;

const CASES: [string, string[]][] = [
  ['clean:page-chrome', ['Sign In', 'SUBSCRIBE', 'Skip to content', 'Image 1 of / 9', 'Image 3 of 12', 'Caption', 'Close', 'This slideshow requires JavaScript.', 'Order Reprints', 'View author archive']],
  ['clean:teaser-link', ['Pier collapse fears: engineers warn of cracks in three columns [INSIGHT]', 'Harbour Ledger review: the new ferry tested [Video]']],
  ['clean:timestamp', ['Mar. 11, 2031 6:02 AM EST', 'March 11, 2031 at 9:45 am', 'March 11, 2031 | 4:10pm', '| UPDATED: 11:05, Tue, Mar 11, 2031', 'Updated at 1:23 p.m.', 'Published 2 days ago']],
  ['clean:byline', ['Ada Brennan, AP Maritime Writer', 'Ada Brennan and Tom Orr, Associated Press', 'By Ada Brennan - 3/11/31 11:04 PM EST', 'By', 'Reuters', 'Ledger staff writer Tom Orr contributed to this report.']],
  ['clean:contact', ['Email Ada Brennan at abrennan@ledger.example or follow her @adabrennan.', 'Have a tip? Tom Orr may be reached at torr@ledger.example.', "This website uses cookies to improve your experience. We'll assume you're ok with this."]],
  ['clean:newsletter', ['Subscribe to the Harbour Ledger and get every ferry update first.']],
  ['clean:photo-credit', ['Ada Brennan | Bloomberg | Getty Images']],
];

for (const [reason, lines] of CASES) {
  test(`${reason} takes its lines`, () => {
    for (const line of lines) assert.equal(reasonFor(line), reason, line);
  });
}

test('a link list goes with its heading, up to the first paragraph that ends in a full stop', () => {
  const raw = 'The pier closed on Tuesday after inspectors found cracks in three of its columns.\nYou may also like...\nFerry fares to rise in May\nWho will run the harbour in 2032?\nThe council will meet on Friday to decide what happens next.';
  const clean = cleanBody(raw);
  assert.deepEqual(clean.removed.map((r) => [r.text, r.reason]), [
    ['You may also like...', 'clean:related-link'],
    ['Ferry fares to rise in May', 'clean:related-link'],
    ['Who will run the harbour in 2032?', 'clean:related-link'],
  ]);
  assert.match(clean.text, /council will meet on Friday/);
});

test("the page's own headline and address leave the body", () => {
  const raw = 'https://www.ledger.example/news/pier-closes-after-cracks-found-123.php\nPier closes after cracks found\nThe pier closed on Tuesday after inspectors found cracks in three of its columns.';
  const clean = cleanBody(raw, null, undefined, { title: 'Pier Closes After Cracks Found', url: 'https://ledger.example/news/pier-closes-after-cracks-found-123.php' });
  assert.deepEqual(clean.removed.map((r) => r.reason), ['clean:page-self', 'clean:page-self']);
  assert.equal(clean.text, 'The pier closed on Tuesday after inspectors found cracks in three of its columns.');
});
