// Parser `record`: a person's won-lost(-drawn) record written beside the name ("Klitschko (52-3, 46
// KOs)", "Riddick Bowe, 43-1, 33 KO's", "Cheeks is 122-147 in three-plus seasons", "Cheeks compiled a
// 162-139 record"), and the knockouts that ride on it ("52-3, 46 KOs"). One value per person and event;
// wins, losses and draws must all agree. A team's
// record is not read: it changes every game and comes in home, road and one-score splits (a team record
// parser was tried and reported three such splits against one genuine disagreement on the dev gold).
// Must not hit: year spans ("2008-09", "1979-90"), scores ("a 20-13 lead", "won 91-73"), a team's record
// ("the 76ers have opened 9-14"), a record with no person written right before it.

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';

/** What may stand between the name and the record: a bracket, a comma, "is", "compiled a", "has a mark of". */
const LEAD = /^(?:\s*\(\s*|\s*,\s*|\s+(?:is|was|went|finished|compiled an?|has an?|had an?|holds an?)\s+(?:(?:mark|record) of\s+)?)$/i;
const RECORD = /(?<![\d.,-])(\d{1,3})-(\d{1,3})(?:-(\d{1,2}))?(?![\d-])/g;
/** A person's record is read only a few characters after the name. */
const MAX_LEAD = 24;

const KNOCKOUTS = /^\s*(?:,|with)\s*(\d{1,3})\s*(?:KOs|KO['’]s|knockouts)\b/i;

/** A record followed by these is a career total ("284-286 lifetime"), not the one of this job or bout. */
const TOTAL_AFTER = /^[^.;]*?\b(lifetime|career|overall|all-time|in all)\b/i;
/** A capitalised word ending just before the lead ("Cheeks| compiled a "). */
const BARE_SURNAME = /\b(\p{Lu}[\p{L}'’-]+)(\s*\(\s*|\s*,\s*|\s+[a-z ]+)$/u;
/** Holder prefix of a surname still to resolve against the story's people (see bySurname). */
const SURNAME = 'surname:';

/**
 * Resolves `surname:X` holders to the one person of the story whose name ends in X, and drops those
 * that match no one or several people.
 */
export function bySurname(mentions: FactMention[], units: SentenceUnit[]): FactMention[] {
  // Typed people first: "Maurice Cheeks" (person) over "Mo Cheeks" and "Coach Maurice Cheeks" (untyped).
  const full = new Map<string, Set<string>>();
  for (const pass of ['person', 'other']) {
    for (const u of units) {
      for (const e of u.entities) {
        const words = e.name.split(/\s+/);
        const key = words.at(-1)!.toLowerCase();
        if (e.type !== pass || words.length < 2 || (pass === 'other' && full.has(key))) continue;
        full.set(key, (full.get(key) ?? new Set()).add(e.name));
      }
    }
  }
  const out: FactMention[] = [];
  for (const m of mentions) {
    if (!m.holder?.startsWith(SURNAME)) {
      out.push(m);
      continue;
    }
    const names = [...(full.get(m.holder.slice(SURNAME.length).toLowerCase()) ?? [])];
    // "Coach Maurice Cheeks" and "Maurice Cheeks" are one person: the shortest name stands for the rest.
    names.sort((a, b) => a.length - b.length);
    if (names.length && names.every((n) => n.endsWith(names[0]))) out.push({ ...m, holder: names[0], label: m.label.replace(m.holder, names[0]) });
  }
  return out;
}

/** Wins, losses and draws as one comparable number: two records agree only when all three do. */
export const recordValue = (w: number, l: number, d: number) => w * 1e6 + l * 1e3 + d;

export const record: FactParser = {
  name: 'record',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    // Untyped full names count too ("Wladimir Klitschko" without a role word the extractor knows); a
    // one-word untyped name is as often a team ("Jaguars (5-10)"), and organisations never hold one.
    const people = u.entities.filter((e) => e.type === 'person' || (e.type === 'other' && /\s/.test(e.name)));
    for (const m of u.text.matchAll(RECORD)) {
      const at = u.start + m.index;
      const named = people.filter((p) => p.end <= at && at - p.end <= MAX_LEAD && LEAD.test(u.text.slice(p.end - u.start, m.index))).pop();
      // A bare surname the extractor left out ("Cheeks compiled a 162-139 record"): resolved story-wide.
      const bare = named ? null : BARE_SURNAME.exec(u.text.slice(Math.max(0, m.index - MAX_LEAD), m.index));
      const holder = named?.name ?? (bare && LEAD.test(bare[2]) ? `${SURNAME}${bare[1]}` : null);
      if (!holder) continue;
      const total = TOTAL_AFTER.test(u.text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      const [w, l, d] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
      const v = recordValue(w, l, d);
      // A fighter's knockouts ride on the record ("52-3, 46 KOs", "53-3,47 KO's"): the same person's count.
      const kos = KNOCKOUTS.exec(u.text.slice(m.index + m[0].length));
      if (kos) {
        const k = Number(kos[1]);
        const from = at + m[0].length + kos[0].indexOf(kos[1]);
        out.push({
          kind: 'number', measure: 'knockouts', label: `knockout wins of ${holder}`, holder, scope: 'event', range: { min: k, max: k, exact: true },
          date: null, thing: 'knockouts', display: kos[0].trim().replace(/^,\s*/, ''), unit: u, start: from, end: at + m[0].length + kos[0].length,
          rule: this.name, normalised: [], strength: 0.85,
        });
      }
      out.push({
        kind: 'number', measure: total ? 'record:total' : 'record', label: `${total ? 'career ' : ''}won-lost record of ${holder}`, holder, scope: 'event',
        range: { min: v, max: v, exact: true }, date: null, thing: 'record', display: m[0], unit: u, start: at, end: at + m[0].length,
        // A strong frame: the person is in the slot key and the record sits right after the name, so two
        // articles' sentences need not be related (a fighter's record is given wherever he is named).
        rule: this.name, normalised: [], strength: 0.85,
      });
    }
    return out;
  },
};
