// unflaggedHeadline: a flagged title is replaced by another member's; nothing else changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unflaggedHeadline } from './labels.js';
import { buildArticle } from '../../test/fixtures/cluster/build.js';

const withTitle = (id: string, title: string | null) => buildArticle(id, 'Body text of the article.', { title });

test('a headline its own article contradicts is replaced by the next member title', () => {
  const members = [withTitle('a', 'Vessa recalls 1,200 scooters'), withTitle('b', 'Vessa scooter recall widens')];
  assert.equal(unflaggedHeadline('Vessa recalls 1,200 scooters', members, new Set(['a'])), 'Vessa scooter recall widens');
});

test('an unflagged headline, or no other title, leaves the headline as it is', () => {
  const members = [withTitle('a', 'Vessa recalls 1,200 scooters'), withTitle('b', null)];
  assert.equal(unflaggedHeadline('Vessa recalls 1,200 scooters', members, new Set()), 'Vessa recalls 1,200 scooters');
  assert.equal(unflaggedHeadline('Vessa recalls 1,200 scooters', members, new Set(['a'])), 'Vessa recalls 1,200 scooters');
});
