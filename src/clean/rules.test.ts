// Positive cases of the rule library: fictional lines each rule must take, with the reason it must give.
// The lines that look alike but must survive are in rules.negative.test.ts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wordCount } from './layout.js';
import { FRAGMENT_RULES, LINE_RULES, datelinePrefix } from './rules.js';

function reasonFor(line: string): string | null {
  const words = wordCount(line);
  return LINE_RULES.find((r) => words <= r.maxWords && r.matches(line))?.origin ?? null;
}

const CASES: [string, string[]][] = [
  [
    'clean:subscription-plea',
    [
      'Do you count on The Harbour Ledger for fair and fearless news about the coast? Then join the Ledger Circle today.',
      'For as little as $4 a month you can keep the Ledger free for everyone.',
      'We started the Ledger to give readers like you the local stories nobody else covers.',
      "We're glad you've read 12 Harbour Ledger articles this month.",
      'So we have a small favour to ask. Unlike many papers, we have not put up a paywall.',
      'If you value what we do, please consider supporting our journalism and our newsroom with a monthly gift; your membership keeps us independent.',
      'Become a member and enjoy the Ledger ad-free.',
    ],
  ],
  ['clean:paywall', ['Subscribe now to continue reading.', 'Already a subscriber? Log in', "You've reached your free article limit.", 'This article is only available to subscribers.', 'Create a free account to read on']],
  ['clean:newsletter', ['Sign up for our Morning Tide newsletter', 'Get the week’s best stories delivered straight to your inbox.', 'Enter your email address', 'By signing up, you agree to our terms.']],
  [
    'clean:copyright',
    [
      '© 2023 Harbour Ledger Media. All rights reserved.',
      'Copyright 2021 Valley Wire.',
      'This material may not be published, broadcast, rewritten or redistributed.',
      'Unauthorized reproduction of this article without written permission of the publisher is prohibited.',
      '(c) 2019 Northfield Gazette',
    ],
  ],
  ['clean:comment-prompt', ['Be the first to comment', 'Comments (14)', 'Leave a comment', 'Join the conversation', '23 comments', 'Comments are closed for this article.']],
  ['clean:trust-badge', ['Conforms to The Trust Project criteria', 'Our Standards: The Valley Wire Trust Principles.', 'Why you can trust Harbour Ledger']],
  ['clean:share-prompt', ['Share this article', 'Follow us on Instagram', 'Follow @harbourledger', 'Share on Facebook', 'Like Harbour Ledger on Facebook', 'Tweet', 'Copy link']],
  ['clean:social-embed', ['— Mara Quill (@maraquill) March 3, 2023', 'pic.twitter.com/AbC123xyz', 'View this post on Instagram', 'A post shared by Port Calder FC (@portcalderfc)', '@harbourledger']],
  ['clean:byline', ['By Jane Doe', 'By ANNA KOVAL and PIETER VAN DAM, Valley Wire', 'Reporting by Tomas Brenner; Editing by Lucia Ferraz', 'Additional reporting by Ola Nwosu in Port Calder', 'By Mara Quill | Harbour Ledger']],
  ['clean:photo-credit', ['Photo: Valley Wire', 'Image by Jane Doe/Harbour Ledger', 'The new ferry terminal at dusk. (Photo by Tomas Brenner/Getty Images)', 'AFP via Getty Images', 'File photo: the old pier in 2019.']],
  ['clean:advertisement', ['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Scroll to continue with content']],
  ['clean:related-link', ['Read more: Ferry fares to rise in spring', 'Related: Council approves harbour budget', 'READ: The full text of the mayor’s speech', 'See also: Timeline of the harbour dispute', 'Most read']],
  ['clean:timestamp', ['PUBLISHED: 10:48, Tue, Nov 19, 2023', 'Updated: March 3, 2023 at 9:14 am', 'Posted on 03/03/2023 09:14']],
  ['clean:punctuation-only', ['•', '— — —', '|']],
];

for (const [reason, lines] of CASES) {
  test(`${reason} takes its fictional lines`, () => {
    for (const line of lines) assert.equal(reasonFor(line), reason, line);
  });
}

function applyFragments(line: string): { line: string; removed: [string, string][] } {
  const removed: [string, string][] = [];
  for (const rule of FRAGMENT_RULES) {
    const edit = rule.apply(line);
    if (!edit) continue;
    for (const r of edit.removed) removed.push([r, rule.origin]);
    line = edit.line;
  }
  return { line, removed };
}

test('tweet media links are cut, the tweet text stays', () => {
  const out = applyFragments('The harbour master confirmed the closure on Friday. pic.twitter.com/Xy12AbCd');
  assert.equal(out.line, 'The harbour master confirmed the closure on Friday.');
  assert.deepEqual(out.removed, [['pic.twitter.com/Xy12AbCd', 'clean:social-embed']]);
  // Extraction sometimes loses the slash: the link is still recognised.
  assert.equal(applyFragments('The pier reopened today. pic.twitter.comQw9Er7').line, 'The pier reopened today.');
});

test('a tweet signature glued to the tweet text is cut', () => {
  const out = applyFragments('The pier is closed until further notice. — Port Calder Council (@portcalder) July 3, 2023');
  assert.equal(out.line, 'The pier is closed until further notice.');
  assert.equal(out.removed[0][1], 'clean:social-embed');
});

test('a glued handle becomes the name it spells and is recorded', () => {
  const out = applyFragments('according to harbour chief MaraQuill21 and the coastguard, the pier is unsafe.');
  assert.equal(out.line, 'according to harbour chief Mara Quill and the coastguard, the pier is unsafe.');
  assert.deepEqual(out.removed, [['MaraQuill21', 'clean:social-embed']]);
});

test('a glued handle after the name it spells is dropped', () => {
  const out = applyFragments('Harbour chief Mara Quill @MaraQuill said the pier is unsafe.');
  assert.equal(out.line, 'Harbour chief Mara Quill said the pier is unsafe.');
  assert.deepEqual(out.removed, [['@MaraQuill', 'clean:social-embed']]);
});

test('a parenthesised photo credit inside a long paragraph is cut, the paragraph stays', () => {
  const long =
    'The council voted seven to two on Tuesday to close the old pier after inspectors found that three of its supporting columns had cracked during the winter storms, a decision that fishermen in Port Calder said would cost them their livelihoods (Photo: Harbour Ledger) and force them to moor in the next town.';
  const out = applyFragments(long);
  assert.ok(!out.line.includes('Photo:'));
  assert.ok(out.line.startsWith('The council voted seven to two'));
  assert.ok(out.line.endsWith('moor in the next town.'));
  assert.deepEqual(out.removed, [['(Photo: Harbour Ledger)', 'clean:photo-credit']]);
});

const DATELINES: [string, string, string][] = [
  ['PORT CALDER, Westmark (AP) — The council voted on Tuesday.', 'PORT CALDER, Westmark (AP)', 'The council voted on Tuesday.'],
  ['LONDON (Reuters) - Ferry fares will rise.', 'LONDON (Reuters)', 'Ferry fares will rise.'],
  ['BRUSSELS, July 16 (Reuters) - Ministers met.', 'BRUSSELS, July 16 (Reuters)', 'Ministers met.'],
  ['NEW DELHI: The ministry said the talks would resume.', 'NEW DELHI', 'The ministry said the talks would resume.'],
  ['KYIV — Officials said the bridge was hit.', 'KYIV', 'Officials said the bridge was hit.'],
  ['(Reuters) - Shares in the ferry operator rose.', '(Reuters)', 'Shares in the ferry operator rose.'],
  ['WESTHAVEN Officials of the harbour authority said on Monday that the pier would close.', 'WESTHAVEN', 'Officials of the harbour authority said on Monday that the pier would close.'],
];

test('after the lede, only anchored datelines (agency, region, known city) are stripped', () => {
  assert.equal(datelinePrefix('WASHINGTON Officials said the pier would close.', 'x', false)?.text, 'WASHINGTON');
  assert.equal(datelinePrefix('SPRINGVALE, Ore. — Officials said the pier would close.', 'x', false)?.text, 'SPRINGVALE, Ore.');
  assert.equal(datelinePrefix('WESTHAVEN Officials said the pier would close.', 'x', false), null);
});

test('dateline prefixes are stripped and the sentence kept', () => {
  for (const [paragraph, prefix, rest] of DATELINES) {
    const d = datelinePrefix(paragraph, paragraph);
    assert.ok(d, paragraph);
    assert.equal(d.text, prefix, paragraph);
    assert.equal(paragraph.slice(d.length), rest, paragraph);
  }
});
