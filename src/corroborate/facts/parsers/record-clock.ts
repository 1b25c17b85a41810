// Parser `record-clock`: the game clock at the moment a record fell ("set the mark by banking in a
// turnaround shot with 7:41 left in the first half", "broke the record … with 7:42 remaining", "became
// UNC's all-time leading scorer … with 7:42 remaining"), as seconds left on the clock. One value per event:
// a record is broken once, and outlets copy the clock from the play-by-play. Slot: `clock:record`, within
// one event. A clock says when, so a disagreement is reported as a date (slots.ts), as for other times.
// Must not hit: a clock of another play in the same sentence ("tied Ford … with 14:05 left, then set the
// mark … with 7:41 left": only the words between the previous clock and this one are read for the record),
// a clock with no record word in its own coordinated clause (one play among many; "…to tie the record,
// and X answered … with 11:43 left" is X's basket), a time of day ("7:41 p.m."), an elapsed time
// ("at 7:41": compared only with clocks counted down), or a clause of another time (backgroundClause is
// not asked: "record" is one of its words, so the record word is required here instead).

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';

/** "with 7:41 left", "with 7 : 42 remaining", "with 7:41 to go / to play" (ECB+ spaces the colon): minutes
 * and seconds are its two groups. The score at a clock (score-clock.ts) reads the same clock. */
export const COUNTDOWN_SOURCE = String.raw`\bwith (\d{1,2}) ?: ?(\d{2}) (?:left|remaining|to go|to play)\b`;
const COUNTDOWN = new RegExp(COUNTDOWN_SOURCE, 'gi');
/** The record itself, or becoming the record holder. */
const RECORD = /\b(record|mark|all-time|all - time|top spot|leading scorer)\b/i;
const OTHER_CLOCK = /\b\d{1,2} ?: ?\d{2}\b/g;

export const recordClock: FactParser = {
  name: 'record-clock',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const m of u.text.matchAll(COUNTDOWN)) {
      // The words between the previous clock (or the sentence's start) and this one; when the clock opens
      // the sentence ("With 7:42 left, X broke the record"), the words after it up to the next clock.
      const clocks = [...u.text.matchAll(OTHER_CLOCK)].map((c) => ({ start: c.index!, end: c.index! + c[0].length }));
      const at = m.index + m[0].search(/\d/);
      const from = Math.max(0, ...clocks.filter((c) => c.start < at).map((c) => c.end));
      const to = Math.min(u.text.length, ...clocks.filter((c) => c.start > at).map((c) => c.start));
      // Only this clock's own coordinated clause: "… to tie the scoring record, and Artino answered … to
      // make it 19-12 with 11:43 left" is another player's basket.
      const lead = u.text.slice(from, m.index);
      // A join opens another clause when a new subject follows it ("and Artino answered"); "…, spun toward
      // the lane and banked in a shot" keeps the subject, and its record ("broke the record when he posted up").
      const join = Math.max(...[...lead.matchAll(/(?:,? (?:and|but)|;) (?=\p{Lu}|(?:he|she|they|it|we)\b)/gu)].map((j) => j.index! + j[0].length), 0);
      const before = lead.slice(join);
      const words = before.split(/[^\p{L}]+/u).filter(Boolean).length;
      if (!RECORD.test(words >= 3 ? before : u.text.slice(at, to))) continue;
      const seconds = Number(m[1]) * 60 + Number(m[2]);
      const start = u.start + at;
      out.push({
        kind: 'number', measure: 'clock:record', label: 'game clock when the record fell', holder: null, scope: 'event', range: { min: seconds, max: seconds, exact: true },
        date: null, thing: 'second', display: `${m[1]}:${m[2]}`, unit: u, start, end: u.start + m.index + m[0].length, rule: this.name, normalised: ['clock M:SS left as seconds'],
        strength: 0.85,
      });
    }
    return out;
  },
};
