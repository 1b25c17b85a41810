// Parser `score`: the final score of a game ("a 20-13 victory over the Chiefs", "Colts beat Chiefs 20 - 13",
// "won 91-73") and its halftime score ("a 17-7 halftime lead", "led 17-7 at the half", "for a 17-7 lead at
// halftime"). A game has one of each, so outlets that give another pair disagree. The pair is compared
// unordered (winner first or not: "a 13-20 loss" is the 20-13 game). Slots `score:final` and
// `score:halftime`, within one event (a story's other games are other events), the opponent as participant.
// Must not hit: a score at another moment of the game ("trailing 14-0 at the start of the second quarter",
// "a 20-13 lead" with no halftime word: a lead changes through the game), a won-lost record in brackets or
// after "improved to" ("Indianapolis (10 - 5)", "improved to 10-5": no result word), a fighter's record
// beside his name ("beat Riddick Bowe, 43-1, 33 KOs": parser `record`), a record of three parts ("10-5-2"),
// year spans ("2008-09": four digits), poll margins ("in head-to-head matchups Clinton beats Cruz 42-40"),
// set scores ("won 6-4, 6-3"), another contest ("won the turnover battle 3-0"), and a game of another time
// ("last week's 24-7 win", countQualifier `other`).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { countQualifier } from '../frame.js';

/** Two runs of 1–3 digits joined by a hyphen or dash, spaced as ECB+ writes them ("20 - 13"); not a part of a longer record. */
const PAIR = /(?<!\d|\d[.,:]|[-–] ?)(\d{1,3}) ?[-–] ?(\d{1,3})(?! ?[-–] ?\d)(?!\d|[.,:]\d)/g;
/** Right after the pair: the game's result ("a 20-13 victory", "their 91-73 win"). */
const RESULT_AFTER = /^\s*(?:victory|win|triumph|loss|defeat|rout|shutout|drubbing|thrashing)\b/i;
/** Before the pair: a result verb and nothing or the opponent's name between ("beat the Kansas City Chiefs
 * 20-13", "lost to the Colts, 20-13", "won 91-73"); a common noun there is another contest ("won the
 * turnover battle 3-0"). */
const RESULT_VERB = /\b(?:beat|beats|beating|defeated|defeats|defeating|downed|edged|topped|routed|blanked|outlasted|won|wins|winning|lost|lose|loses|losing)\s+/gi;
/** What may stand between the verb and the pair, case-sensitive (the opponent is capitalised). */
const OPPONENT = /^(?:(?:to|over|against)\s+)?(?:the\s+)?(?:\p{Lu}[\w.'’]*\s*){0,4}(?:,\s*)?$/u;
/** The opponent named after "victory over" / "win against" ("a 20-13 victory over the Kansas City Chiefs"). */
const OVER = /^\s*\w+\s+(?:over|against)\s+(?:the\s+)?((?:\p{Lu}[\w.'’]*\s*){1,4})/u;
/** Right after the pair: the half ("a 17-7 halftime lead", "a 17-7 lead at halftime", "led 17-7 at the half"). */
const HALF_AFTER = /^\s*(?:half ?-? ?time\b|(?:lead|advantage|edge|deficit)?\s*(?:at|by|going into|heading into)\s+(?:the\s+)?(?:half ?-? ?time|half|intermission|break)\b)/i;
/** A sentence about a poll: its pairs are shares of voters ("in head-to-head matchups … beats Cruz 42-40"). */
const POLL = /\b(?:polls?|polling|pollsters?|surveys?|matchups?|match-ups?|head-to-head|percent|per cent|voters|respondents)\b|%/i;

/** A fighter's record riding on the pair ("43-1, 33 KOs"), or the first of a list of set scores ("won 6-4,
 * 6-3": a match of sets has no one score, and another article may list the sets in another order). */
const KNOCKOUTS_AFTER = /^\s*,?\s*(?:with\s+)?\d{1,3}\s*(?:KOs|KO['’]s|knockouts)\b|^\s*,\s*\d{1,2} ?[-–] ?\d{1,2}\b/i;

/**
 * An unordered pair as one number no normaliser can round or widen: (high + 1) · 1000 + (low + 1) is never a
 * round figure (a 20-0 shutout written 20000 would be a "rounding" of 20-13) and two pairs agree only when
 * both scores do.
 */
export const scoreValue = (a: number, b: number) => (Math.max(a, b) + 1) * 1000 + Math.min(a, b) + 1;

const nameIn = (phrase: string) => phrase.replace(/^(?:(?:to|over|against)\s+)?(?:the\s+)?/, '').replace(/[\s,]+$/, '') || null;

/** Which score of the game the pair is, and the opponent it names (null when none). */
function momentOf(u: SentenceUnit, m: RegExpMatchArray): { moment: 'final' | 'halftime'; opponent: string | null } | null {
  const before = u.text.slice(Math.max(0, m.index! - 60), m.index);
  const after = u.text.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
  if (/\(\s*$/.test(before) || /\bimprov\w*\s+to\s+$/i.test(before) || KNOCKOUTS_AFTER.test(after)) return null;
  const at = u.start + m.index!;
  if (u.entities.some((e) => e.type === 'person' && e.end <= at && /^\s*,\s*$/.test(u.text.slice(e.end - u.start, m.index)))) return null;
  if (HALF_AFTER.test(after)) return { moment: 'halftime', opponent: null };
  if (RESULT_AFTER.test(after)) return { moment: 'final', opponent: nameIn(OVER.exec(after)?.[1] ?? '') };
  const verb = [...before.matchAll(RESULT_VERB)].pop();
  const between = verb ? before.slice(verb.index! + verb[0].length) : '';
  return verb && OPPONENT.test(between) ? { moment: 'final', opponent: nameIn(between) } : null;
}

export const score: FactParser = {
  name: 'score',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    // "Clinton beats Cruz 42-40" in a poll's head-to-head matchups is a poll margin, no game.
    if (POLL.test(u.text)) return out;
    for (const m of u.text.matchAll(PAIR)) {
      const read = momentOf(u, m);
      if (!read) continue;
      const start = u.start + m.index;
      const end = start + m[0].length;
      if (countQualifier(u, start) === 'other') continue;
      const v = scoreValue(Number(m[1]), Number(m[2]));
      out.push({
        kind: 'number', measure: `score:${read.moment}`, label: `${read.moment} score`, holder: null, scope: 'event',
        // The opponent keeps two games of one event apart ("the Bluejays defeated Drake 65-53" / "the
        // Sycamores outlasted Evansville 51-50", a tournament day): two named opponents differ unless a
        // sentence names the other's (slots.ts sameParticipant, by the name's last word).
        participant: read.opponent,
        range: { min: v, max: v, exact: true }, date: null, thing: 'score', display: m[0], unit: u, start, end, rule: this.name, normalised: [],
        // A weak frame: one story may report several games of one event (a tournament day), so the two
        // sentences must be related (slots.ts) unless a side has two independent sources.
        strength: 0.75,
      });
    }
    return out;
  },
};
