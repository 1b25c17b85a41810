import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wireSignal } from './wire.js';
import { defaultOutletRegistry } from './registry.js';

const registry = defaultOutletRegistry();
const text = (body: string, removed: string[] = [], author: string | null = null) => ({ meta: { author }, clean: { text: body, removed: removed.map((t) => ({ text: t })) } });

// Each of these names a wire service without being its copy: an outlet's own story that cites, credits a
// photo of, or was helped by an agency must stay the outlet's.
const OWN_STORIES: [string, ReturnType<typeof text>][] = [
  ['cited as a source', text('The ministry told Reuters on Monday that the port would reopen.')],
  ['reported by', text('Flooding closed the port, AFP reported. Reuters reported the same.')],
  ['according to', text('According to the Associated Press, the terminal closed on Tuesday.')],
  ['photo credit', text('Crews repair the bridge. (AP Photo/Jane Roe)\n\nThe bridge reopened.')],
  ['photo copyright', text('The bridge reopened.', ['© REUTERS/Jane Roe'])],
  ['contribution line', text('The bridge reopened.\n\nAssociated Press writer Jane Roe contributed to this report.')],
  ['a poll', text('An AP-NORC poll found most residents wanted the bridge rebuilt.')],
  ['abbreviation explained mid-sentence', text('The data, compiled by the Associated Press (AP) — a news cooperative — show the closures.')],
  ['dateline deep in a live blog', text('Updates\n\nOur reporter is at the port.\n\nMore soon.\n\nWe will update this page.\n\nLOMAR (AP) — The ferry terminal closed.')],
  ['joint byline', text('By Jane Roe and Reuters\n\nThe ferry terminal closed.')],
  ['author of the outlet', text('The ferry terminal closed.', [], 'Jane Roe')],
  ['a reporting line alone', text('The council approved the plan.\n\nReporting by Jane Roe')],
  ['an editing note alone', text('The council approved the plan.\n\n(Editing by John Doe)')],
  ['the agency as a subject', text('Reuters\n\nThe news agency Reuters said on Monday it would open a bureau in Lomar.')],
];

test('a wire that is cited, credited for a photo, or helped is not a wire copy', () => {
  for (const [what, article] of OWN_STORIES) assert.equal(wireSignal(article, registry), null, what);
});
