// Fact-level cross-check of one story: every parser proposes typed fact mentions for every sentence,
// mentions with agreeing frames become slots, and each slot is compared across independent articles
// (slots.ts). This finds disagreements between outlets that word a fact differently, which the
// sentence-aligned rules (rules/) only find between copies.

import type { QuantityMention } from '../../model/article.js';
import type { Contradiction, FactUpdate } from '../../model/report.js';
import type { Alignment, SentenceUnit } from '../align.js';
import type { FactMention, FactParser, FactRange } from './mention.js';
import { age } from './parsers/age.js';
import { count } from './parsers/count.js';
import { eventDate } from './parsers/event-date.js';
import { magnitude } from './parsers/magnitude.js';
import { measure } from './parsers/measure.js';
import { toll } from './parsers/toll.js';
import { affected } from './parsers/affected.js';
import { received } from './parsers/received.js';
import { compareSlot, sameFactName, slotsOf, type SlotContext } from './slots.js';
import { FACT_PARAMS, type FactParams } from './params.js';
import { dateValueOf } from './parsers/event-date.js';
import type { DateValue } from './mention.js';
import { rangeOfQuantity } from './normalise/range.js';
import { unitKey } from '../rules/number.js';
import { sameName } from '../rules/name.js';
import { residence } from './parsers/residence.js';
import { byAge, fall } from './parsers/fall.js';
import { temperature } from './parsers/temperature.js';
import { duration } from './parsers/duration.js';
import { wounds } from './parsers/wounds.js';
import { title } from './parsers/title.js';
import { employer } from './parsers/employer.js';
import { scoreClock } from './parsers/score-clock.js';
import { defence } from './parsers/defence.js';
import { elidedTotals } from './parsers/elided-total.js';
import { calibre } from './parsers/calibre.js';
import { bySurname, record } from './parsers/record.js';
import { mark } from './parsers/mark.js';
import { injury } from './parsers/injury.js';
import { stoppage } from './parsers/stoppage.js';
import { recordClock } from './parsers/record-clock.js';
import { score } from './parsers/score.js';
import { holderKey } from './normalise/spelling.js';
import { clauseTokens, countQualifier, subjectBefore, wholeOfPart } from './frame.js';
import { compatibleValues } from './normalise/compatible.js';
import { crossSpeakerQuoteContradictions, droppedQualifierContradictions } from './quotes.js';

/**
 * Order matters only for ties on one span: the more specific parser first (`score` before `record`: "lost
 * to the Larks, 20-13" is a game's score, which `record` would read as a person "Larks" and drop unresolved). (A won-lost record parser for
 * teams was tried: on the dev gold one right finding against three wrong — home, season and partial
 * records of one team; `record` reads people's records only.)
 */
export const PARSERS: FactParser[] = [magnitude, score, scoreClock, defence, record, mark, injury, stoppage, recordClock, calibre, age, residence, title, employer, toll, affected, received, fall, temperature, duration, wounds, measure, eventDate, count];

/** Every fact mention of the story's sentences; one per value span (the first parser that frames it). */
export function factMentions(units: SentenceUnit[], parsers = PARSERS): FactMention[] {
  const out: FactMention[] = [];
  for (const u of units) {
    const taken: FactMention[] = [];
    for (const p of parsers) {
      for (const m of p.propose(u)) {
        // One date may frame two predicates (event-date: a contest and the clause's verb), each its own slot.
        if (taken.some((t) => t.start < m.end && m.start < t.end && !(t.rule === 'event-date' && m.rule === 'event-date' && t.start === m.start && t.measure !== m.measure))) continue;
        taken.push(m);
      }
    }
    out.push(...taken);
  }
  return out;
}

const onlyWeekday = (d: DateValue) => d.weekday !== undefined && d.day === undefined && d.month === undefined;

/** The person an amount's clause names (frame.ts subjectBefore), read once per amount: the "knows both" guard
 *  and the single-valued counts both ask it of the same amounts. */
type AmountSubject = (u: SentenceUnit, q: QuantityMention) => string | null;
function amountSubjects(): AmountSubject {
  const seen = new Map<QuantityMention, string | null>();
  return (u, q) => {
    let named = seen.get(q);
    if (named === undefined) seen.set(q, (named = subjectBefore(u, q.start)));
    return named;
  };
}

/** What an amount counts, for the knows-both guard: its unit noun, or its currency for money ("$334 million" of
 * one article is known to another that writes "$334 million" in any sentence; money's count mentions carry
 * no thing, so the two keys never met and an article stating both a deal's price and its cash part faced
 * another article's price with the part). */
const MONEY_COUNT = 'count:money:';
const amountThing = (q: QuantityMention) => (q.kind === 'money' ? `money:${q.unit}` : unitKey(q) ?? '');

/** What each article states anywhere: its fact mentions, days and amounts (for the "knows both" guard). */
function knowledge(units: SentenceUnit[], mentions: FactMention[], subjectOf: AmountSubject): (article: string, m: FactMention) => boolean {
  const byArticle = new Map<string, { facts: FactMention[]; dates: DateValue[]; amounts: { key: string; holder: string | null }[] }>();
  const of = (a: string) => {
    let k = byArticle.get(a);
    if (!k) byArticle.set(a, (k = { facts: [], dates: [], amounts: [] }));
    return k;
  };
  for (const m of mentions) of(m.unit.article).facts.push(m);
  for (const u of units) {
    const k = of(u.article);
    for (const d of u.dates) {
      const v = dateValueOf(d);
      if (v) k.dates.push(v);
    }
    for (const q of u.quantities) {
      if (q.value === null || q.min !== q.max) continue;
      const named = subjectOf(u, q);
      k.amounts.push({ key: `${q.value}:${amountThing(q)}`, holder: named ? holderKey(named) : null });
    }
  }
  // The article writes a date that fixes at least the parts m fixes, equal to m's.
  const covers = (v: DateValue, m: DateValue) => (['year', 'month', 'day', 'weekday'] as const).every((p) => m[p] === undefined || v[p] === m[p] || (p === 'year' && (m.yearInferred || v.yearInferred)));
  return (article, m) => {
    const k = byArticle.get(article);
    if (!k) return false;
    // A weekday of a classed predicate (arrest, death, strike: one per event) is known only from a date of
    // the same predicate: an article names many weekdays (the hearing's, a date that falls on one), and
    // "in court on Friday" does not make it know that the arrest was on a Friday. A verb outside the
    // classes ("played Friday") recurs on many days: any mention of the day counts (on the dev gold,
    // narrowing those too let a Friday game face a Saturday game).
    if (m.kind === 'date' && onlyWeekday(m.date!) && !m.measure.startsWith('date:verb:')) return k.facts.some((f) => f.kind === 'date' && f.measure === m.measure && covers(f.date!, m.date!));
    if (m.kind === 'date') return k.dates.some((v) => covers(v, m.date!));
    // A place named elsewhere in the article ("the Sam's Club in Bloomington") is not a residence it
    // states: only the same fact of the same holder counts.
    if (m.kind === 'name') return k.facts.some((f) => f.kind === 'name' && f.measure === m.measure && f.holder !== null && m.holder !== null && holderKey(f.holder) === holderKey(m.holder) && sameFactName(m, f.name!, m.name!));
    // A holder's figure is known from the same holder's, or from one whose clause names nobody: another
    // named participant's 14 points is another fact ("Artino scored 14 points" does not make an article
    // know that Richard Carter scored 14; on the dev gold it made a game story leave every player's slot).
    const mine = m.holder ? holderKey(m.holder) : null;
    const sameHolder = (h: string | null) => mine === null || h === null || h === mine;
    if (k.facts.some((f) => f.kind === 'number' && f.measure === m.measure && sameHolder(f.holder ? holderKey(f.holder) : null) && compatibleValues(f.range!, m.range!, false).ok)) return true;
    // The same exact figure of the same thing written anywhere (not a small number, which every article has).
    const key = `${m.range!.min}:${m.thing ?? (m.measure.startsWith(MONEY_COUNT) ? m.measure.slice('count:'.length) : '')}`;
    return m.range!.exact && m.range!.min >= 10 && m.normalised.every((n) => !n.startsWith('unit:')) && k.amounts.some((a) => a.key === key && sameHolder(a.holder));
  };
}

/**
 * A holder's counts of one thing are compared only from articles that give one value for it, whatever
 * the qualifier: "scored 14 points in the second half … has 310 points this season" counts points for
 * several things, and the other article's "22 points" may be any of them.
 */
/** A clause's personal pronoun: its amount may be any named person's. */
const PRONOUN = /\b(he|she|him|her|his|hers)\b/i;
const ANYONE = '\u0000anyone';
const clauseText = (u: SentenceUnit, at: number) => {
  const toks = clauseTokens(u, at);
  return toks.length ? u.text.slice(toks[0].start - u.start, toks[toks.length - 1].end - u.start) : '';
};

export function singleValuedCounts(mentions: FactMention[], units: SentenceUnit[], subjectOf: AmountSubject = amountSubjects()): FactMention[] {
  // Every amount of a thing an article writes of the event (not a total or another time: those are other
  // slots), with whose it is: the participant its clause names, else a person its pronoun stands for ("He
  // has 310 points": anyone's), else nobody's ("the second chance points (9 - 0)": a team line, no person's).
  const amounts = new Map<string, { range: FactRange; holder: string | null }[]>();
  for (const u of units) {
    for (const q of u.quantities) {
      const key = q.kind === 'count' ? unitKey(q) : null;
      const r = key ? rangeOfQuantity(q) : null;
      if (!key || !r) continue;
      if (countQualifier(u, q.start) !== 'event' || wholeOfPart(u, q.start)) continue;
      const named = subjectOf(u, q);
      const holder = named ? holderKey(named) : PRONOUN.test(clauseText(u, q.start)) ? ANYONE : null;
      if (holder === null) continue;
      const k = `${u.article}\u0000${key}`;
      amounts.set(k, [...(amounts.get(k) ?? []), { range: r.range, holder }]);
    }
  }
  // The same article's mentions of one measure and holder, grouped once (asking every mention of the story
  // for each total was quadratic in the story: 26 % of a bulk add's main thread at 26k articles).
  const sameFrame = new Map<string, FactMention[]>();
  const frameKey = (m: FactMention) => `${m.unit.article}\u0000${m.measure}\u0000${m.holder}`;
  for (const m of mentions) {
    const list = sameFrame.get(frameKey(m));
    if (list) list.push(m);
    else sameFrame.set(frameKey(m), [m]);
  }
  return mentions.filter((m) => {
    if (!m.measure.startsWith('count:') || !m.thing) return true;
    // A running total or a record is one figure whatever else the article counts of the thing ("scored 27
    // points … now has 2,029 points"): it is compared only with totals, so the game's count cannot pose
    // as it. Two totals of the article must still agree. So with the whole of "178 of 369 punches".
    if (m.measure.endsWith(':total') || m.measure.endsWith(':record') || m.measure.endsWith(':whole')) return sameFrame.get(frameKey(m))!.every((o) => o === m || compatibleValues(o.range!, m.range!, false).ok);
    // Another named participant's count of the thing is another fact ("Richard Carter scored 14 points and
    // Seth VanDeest scored 13 points"): only counts of m's holder or of nobody named stand against m. On the
    // dev gold, counting every participant's left no player's points in a game story that lists several
    // scorers (and left 3 of the 11 injected number edits unpaired).
    const mine = holderKey(m.holder!);
    const others = amounts.get(`${m.unit.article}\u0000${m.thing}`) ?? [];
    return others.every((o) => (o.holder !== ANYONE && o.holder !== mine) || compatibleValues(o.range, m.range!, false).ok);
  });
}

export function factFindings(alignment: Alignment, ctx: SlotContext, p: FactParams = FACT_PARAMS): { contradictions: Contradiction[]; updates: FactUpdate[] } {
  // "A 36-year-old climber" is the story's one person aged 36.
  // "Vane now has 2,301." counts what Vane's earlier count counts.
  const all = elidedTotals(bySurname(byAge(factMentions(alignment.units), sameName), alignment.units), alignment.units);
  const subjectOf = amountSubjects();
  const mentions = singleValuedCounts(all, alignment.units, subjectOf);
  const knows = knowledge(alignment.units, all, subjectOf);
  const contradictions: Contradiction[] = [];
  const updates: FactUpdate[] = [];
  for (const slot of slotsOf(mentions, ctx)) {
    const found = compareSlot(slot, ctx, knows, p);
    if (found.contradiction) contradictions.push(found.contradiction);
    if (found.update) updates.push(found.update);
  }
  contradictions.push(...crossSpeakerQuoteContradictions(alignment.units, ctx), ...droppedQualifierContradictions(alignment.units, ctx));
  return { contradictions, updates };
}

