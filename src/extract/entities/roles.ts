// Role/title rules: each finds the role phrase attached to a name in one syntactic position. Roles are
// what make "the spokesman said" resolvable and what a brief shows next to a name.

import { isNameTitle, isTitleHead, lookupName } from '../gazetteer/index.js';
import { maxAppositiveWords, maxRoleWords } from './params.js';
import type { Run } from './runs.js';
import type { Word } from './words.js';

export interface RoleSplit {
  /** Role words at the start of the run, inclusive indices, or null. */
  role: Run | null;
  /** The name proper, or null when the run is a bare title ("Supreme Leader"). */
  name: Run | null;
}

/** Rule title-in-run: "CIA Director William Burns", "Iranian Foreign Minister Hossein Amir-Abdollahian",
 * "Secretary of State Antony Blinken". Why: wink tags the title words PROPN too, so the run holds both;
 * the last title word splits it. Known whole names ("General Motors", "Justice Department") never split. */
export function splitTitleInRun(words: Word[], run: Run): RoleSplit {
  const whole = words.slice(run.first, run.last + 1).map((w) => w.lower).join(' ');
  if (lookupName(whole)) return { role: null, name: run };
  let k = -1;
  for (let i = run.first; i <= run.last; i++) if (isNameTitle(words[i].lower)) k = i;
  if (k < 0) return { role: null, name: run };
  // "Secretary of State X": the "of Y" belongs to the title.
  if (k + 2 <= run.last && words[k + 1].lower === 'of') k += 2;
  if (k === run.last) return { role: { first: run.first, last: k }, name: null };
  return { role: { first: run.first, last: k }, name: { first: k + 1, last: run.last } };
}

const ROLE_WORD_POS = new Set(['NOUN', 'ADJ', 'PROPN', 'X']);

/** Walks left from a title head over role modifiers ("US national security adviser"). */
function roleLeftOf(words: Word[], head: number, stopAt: number): Run | null {
  if (head < stopAt || !isTitleHead(words[head].lower)) return null;
  let first = head;
  while (first - 1 >= stopAt && head - first + 1 < maxRoleWords) {
    const w = words[first - 1];
    if (!ROLE_WORD_POS.has(w.pos) || !/^[\p{L}][\p{L}.\-]*$/u.test(w.text)) break;
    first--;
  }
  return { first, last: head };
}

/** Rule pre-nominal-role: a lower-case title right before the name ("national security adviser Jake
 * Sullivan", "Kremlin spokesman Dmitry Peskov"). Why: English news puts the official title before the name. */
export function roleBefore(words: Word[], nameFirst: number): Run | null {
  const head = nameFirst - 1;
  if (head < 0 || words[head].cap) return null;
  return roleLeftOf(words, head, 0);
}

/** Rule appositive-before: "his Ukrainian counterpart, Dmytro Kuleba," and "Iran's Supreme Leader,
 * Ayatollah Ali Khamenei". Only when the name is itself followed by a comma or the sentence end, so
 * "according to the official, Iran has…" does not make Iran an official. */
export function roleBeforeComma(words: Word[], nameFirst: number, nameLast: number, bareTitle: Run | null): Run | null {
  if (nameFirst < 2 || words[nameFirst - 1].text !== ',') return null;
  const after = words[nameLast + 1];
  if (after && after.text !== ',' && !/^[.;!?]$/.test(after.text)) return null;
  if (bareTitle && bareTitle.last === nameFirst - 2) return bareTitle;
  const head = nameFirst - 2;
  if (words[head].cap) return null;
  return roleLeftOf(words, head, 0);
}

const APPOSITIVE_OPENERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'former', 'then']);
const CLAUSE_POS = new Set(['VERB', 'AUX', 'SCONJ', 'PRON']);

/** Rule appositive-after: "John Kirby, a spokesman for the National Security Council, told CNN".
 * The chunk between the commas must open like a noun phrase, hold a title head and no verb. */
export function roleAfter(words: Word[], nameLast: number): Run | null {
  if (words[nameLast + 1]?.text !== ',') return null;
  const first = nameLast + 2;
  if (first >= words.length) return null;
  const opener = words[first];
  const possessive = words[first + 1] && /^['’]s$/.test(words[first + 1].text);
  if (!APPOSITIVE_OPENERS.has(opener.lower) && !possessive) return null;
  let last = first;
  let hasHead = false;
  while (last < words.length && last - first < maxAppositiveWords) {
    const w = words[last];
    if (w.text === ',' || /^[.;!?"”]$/.test(w.text)) break;
    if (CLAUSE_POS.has(w.pos) && !/^(his|her|its|their)$/.test(w.lower)) return null;
    if (isTitleHead(w.lower)) hasHead = true;
    last++;
  }
  if (!hasHead || last === first) return null;
  const end = words[last];
  if (end && end.text !== ',' && !/^[.;!?"”]$/.test(end.text)) return null;
  const start = /^(a|an|the)$/.test(opener.lower) ? first + 1 : first;
  return start <= last - 1 ? { first: start, last: last - 1 } : null;
}
