// Parser `event-date`: the day something in the event happened, by the predicate it is attached to
// ("struck on Tuesday", "was arrested Wednesday", "checked into rehab on December 9"). Slot: the
// predicate class (struck ~ hit ~ jolted) within the event; "born on" is a person's fact, story-wide.
// Weekdays count once the date stage resolved them against the article's publication date.
// Must not hit: dates of statements ("said on Friday", "announced Monday": reporting verbs), month- or
// year-level dates, dates of other times ("his 2005 arrest", "last year"), unresolved weekdays.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { anchorVerb, REPORTED } from '../../clause.js';
import { monthDayOf } from '../../rules/date.js';
import { classOfWord, holderBefore, predicateClass } from '../frame.js';

const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b/i;
const WEEKDAY = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
/** Date words that give a day from the publication date, not a written calendar day. */
const RELATIVE = /\b(today|yesterday|tonight|last night|this morning|this afternoon|this evening)\b/i;

export const eventDate: FactParser = {
  name: 'event-date',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const d of u.dates) {
      let day: string | null = null;
      if (d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value)) day = d.value;
      else if (!d.value && MONTH.test(d.text)) day = monthDayOf(d.text);
      if (!day) continue;
      const written = MONTH.test(d.text) || /\d/.test(d.text);
      const weekday = WEEKDAY.test(d.text);
      if (!written && !weekday && !RELATIVE.test(d.text)) continue;
      if (/\b(19|20)\d\d\b/.test(d.text) && !MONTH.test(d.text)) continue;
      const verb = anchorVerb(u, d.start, d.end);
      if (verb === REPORTED) continue;
      const cls = (verb && classOfWord(verb)) ?? predicateClass(u, d.start, d.end, 6)?.cls ?? null;
      if (!cls) continue;
      const born = cls === 'born';
      const holder = born ? holderBefore(u, d.start, ['person']) : null;
      if (born && !holder) continue;
      out.push({
        kind: 'date', measure: `date:${cls}`, label: born ? `birth date of ${holder}` : `date of the ${cls === 'strike' ? 'quake or strike' : cls}`,
        holder, scope: born ? 'story' : 'event', range: null, day, display: d.text, unit: u, start: d.start, end: d.end, rule: this.name,
        normalised: written ? [] : [`resolved ${d.resolution}`], strength: written ? 0.8 : 0.6,
      });
    }
    return out;
  },
};
