// Slots: fact mentions of different articles whose frames agree (same measure, same holder, same event
// for event facts) are one slot, whatever the rest of their sentences say. A slot disagrees when its
// articles' values fall on incompatible sides after every normaliser; a toll that rises with later
// publication is an update, not a contradiction.

import type { Contradiction, ContradictionValue, FactUpdate, ValueMention } from '../../model/report.js';
import type { DateValue, FactMention } from './mention.js';
import { compatibleValues } from './normalise/compatible.js';
import { holderKey, sameSpelling, spellingKey } from './normalise/spelling.js';
import { sameName } from '../rules/name.js';
import { FACT_PARAMS, type FactParams } from './params.js';
import { TOLLS } from './parsers/toll.js';
import { byCodePoint } from '../order.js';
import { corroboratedFunctionalDate } from './functional.js';
import { sameOrganisation } from './parsers/employer.js';

export interface SlotContext {
  eventOf(article: string): string | null;
  groupOf(article: string): string;
  publishedOf(article: string): string | null;
  /** Sentence similarity (alignment's IDF cosine); weak frames need their sentences to be related. */
  similarity(a: FactMention['unit'], b: FactMention['unit']): number;
}

export interface Slot {
  key: string;
  event: string | null;
  mentions: FactMention[];
}

/** Groups mentions by frame: scope (event or story), kind, measure and holder. */
export function slotsOf(mentions: FactMention[], ctx: SlotContext): Slot[] {
  const byKey = new Map<string, Slot>();
  for (const m of mentions) {
    const event = m.scope === 'event' ? ctx.eventOf(m.unit.article) : null;
    const key = [event ?? '*', m.kind, m.measure, m.holder ? holderKey(m.holder) : ''].join('\u0000');
    const slot = byKey.get(key);
    if (slot) slot.mentions.push(m);
    else byKey.set(key, { key, event, mentions: [m] });
  }
  return [...byKey.values()].sort((a, b) => byCodePoint(a.key, b.key));
}

const valueKey = (m: FactMention) => (m.kind === 'date' ? dateDisplay(m.date!) : m.kind === 'name' ? spellingKey(m.name!) : `${m.range!.min}-${m.range!.max}`);
const converted = (m: FactMention) => m.normalised.some((n) => n.startsWith('unit:'));
const PARTS = ['year', 'month', 'day', 'weekday'] as const;

/**
 * Two dates agree when every part both of them fix is equal ("Tuesday" and "December 9, 2008" if a
 * Tuesday). Dates with no part in common ("May" against "Tuesday") agree too: `comparableDates` keeps
 * them from facing each other at all.
 */
export function sameDate(a: DateValue, b: DateValue): boolean {
  for (const p of PARTS) {
    if (a[p] === undefined || b[p] === undefined) continue;
    if (p === 'year' && (a.yearInferred || b.yearInferred)) continue;
    if (a[p] !== b[p]) return false;
  }
  return true;
}

/** Dates that can be compared at all: they fix a common part. */
export function comparableDates(a: DateValue, b: DateValue): boolean {
  return PARTS.some((p) => a[p] !== undefined && b[p] !== undefined && (p !== 'year' || (!a.yearInferred && !b.yearInferred && (a.month !== undefined || b.month === undefined))));
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A date value as the report writes dates: ISO 8601 where the parts allow (`2031-06-06`, `--06-06`,
 * `2009-12`), else the weekday or month name ("Friday", "December"), which the brief shows as they are. */
export function dateDisplay(d: DateValue): string {
  if (d.month !== undefined && d.day !== undefined) return d.year !== undefined ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : `--${pad(d.month)}-${pad(d.day)}`;
  if (d.month !== undefined) return d.year !== undefined ? `${d.year}-${pad(d.month)}` : MONTH_NAMES[d.month - 1];
  if (d.weekday !== undefined) return WEEKDAY_NAMES[d.weekday];
  return d.year !== undefined ? String(d.year) : '?';
}

/** Two names of one name slot agree: an employer by its own test (one word swapped in a shared name is
 * another organisation), other names when they share a word or a spelling. */
export function sameFactName(m: FactMention, x: string, y: string): boolean {
  if (m.measure.startsWith('employer:')) return sameOrganisation(x, y);
  return sameName(x, y) || sameSpelling(x, y);
}

function agree(a: FactMention, b: FactMention): boolean {
  if (a.kind === 'date') return !comparableDates(a.date!, b.date!) || sameDate(a.date!, b.date!);
  if (a.kind === 'name') return sameFactName(a, a.name!, b.name!);
  return compatibleValues(a.range!, b.range!, converted(a) || converted(b)).ok;
}

/**
 * Values of two different named people are different facts (see FactMention.participant): "Rait died on
 * Friday" and "Buckley died on Monday" never face each other. The participant is the name nearest the
 * value, so one sentence may pick the place and the other the owner of one fact ("the fire that destroyed
 * the Matanuska Maid Dairy warehouse in Palmer on Friday" / "Palmer … Tuesday morning"): two participants
 * differ only when neither sentence names the other's.
 */
export function sameParticipant(a: FactMention, b: FactMention): boolean {
  if (!a.participant || !b.participant) return true;
  const ka = holderKey(a.participant);
  const kb = holderKey(b.participant);
  return ka === kb || names(b.unit.text, ka) || names(a.unit.text, kb);
}

/** The sentence writes the name key as a word ("Palmer" in "… warehouse in Palmer on Friday"). */
function names(text: string, key: string): boolean {
  return key.length > 2 && text.split(/[^\p{L}\p{N}]+/u).some((w) => w.length > 2 && spellingKey(w) === key);
}

/**
 * Each article's statements of the slot, its most precise first (the one that stands for its value); an
 * article that states incompatible values for one slot (stats, two times) is left out of it.
 */
function articleValues(slot: Slot): Map<string, FactMention[]> {
  const byArticle = new Map<string, FactMention[]>();
  for (const m of slot.mentions) byArticle.set(m.unit.article, [...(byArticle.get(m.unit.article) ?? []), m]);
  const out = new Map<string, FactMention[]>();
  for (const [article, ms] of byArticle) {
    if (!ms.every((x) => ms.every((y) => agree(x, y)))) continue;
    // The most precise statement stands for the article (an exact figure over a hedge).
    out.set(article, [...ms].sort((x, y) => width(x) - width(y) || y.strength - x.strength || x.start - y.start));
  }
  return out;
}

const width = (m: FactMention) => (m.range ? (m.range.max === Infinity ? Number.MAX_VALUE : m.range.max - m.range.min) : 0);

/** Splits the articles' values into sides of mutually compatible values. */
function sidesOf(values: FactMention[]): FactMention[][] {
  // Mentions of one value are interchangeable for the split: compare distinct values, then expand (a
  // wire story copied 20,000 times has a handful of values, not 20,000).
  const byValue = new Map<string, FactMention[]>();
  for (const m of values) byValue.set(valueKey(m), [...(byValue.get(valueKey(m)) ?? []), m]);
  const reps = [...byValue.values()].map((ms) => ms[0]);
  const ordered = reps.sort((a, b) => (a.range && b.range ? a.range.min - b.range.min || a.range.max - b.range.max : 0) || byCodePoint(valueKey(a), valueKey(b)) || a.unit.uid - b.unit.uid);
  const sides: FactMention[][] = [];
  // Values come in ascending order: a side whose largest value lies far below this one (under
  // 1 − MAX_AGREEING_GAP of it) cannot take it — every normaliser's tolerance is smaller — so it is not
  // asked. Exact: the same sides as asking every side; without it a story of 20,000 copies that each
  // state another figure spent two minutes here.
  const top = new Map<FactMention[], number>();
  for (const m of ordered) {
    const side = sides.find((s) => (!m.range || (top.get(s) ?? Infinity) >= m.range.min * (1 - MAX_AGREEING_GAP)) && s.every((x) => agree(x, m)));
    if (side) side.push(m);
    else sides.push([m]);
    const target = side ?? sides[sides.length - 1];
    if (m.range) top.set(target, Math.max(top.get(target) ?? -Infinity, m.range.max));
  }
  return sides.map((side) => side.flatMap((rep) => byValue.get(valueKey(rep))!).sort((a, b) => a.unit.uid - b.unit.uid));
}

/** Above every agreement tolerance: approximate ±15 % (params APPROX_TOLERANCE), conversions 8 %, a
 * ceiling's 2 × 15 %, a coarser precision (6 for 6.4). */
const MAX_AGREEING_GAP = 0.5;

/** One mention per distinct value, participant and sentence wording: the pairs worth checking across sides. */
function representatives(side: FactMention[]): FactMention[] {
  const seen = new Map<string, FactMention>();
  for (const m of side) {
    const key = `${valueKey(m)}\u0000${m.participant ?? ''}\u0000${m.unit.text}`;
    if (!seen.has(key)) seen.set(key, m);
  }
  return [...seen.values()].slice(0, MAX_REPRESENTATIVES);
}

/** Representatives per side checked for a comparable pair: past this a slot of copies has said all it has. */
const MAX_REPRESENTATIVES = 50;

export interface SlotFinding {
  contradiction: Contradiction | null;
  update: FactUpdate | null;
}

/**
 * Compares one slot. `knows(article, m)` says the article states m's value anywhere (then it knows both
 * values: two facts, not a disagreement). Returns a contradiction, an update, or neither.
 */
export function compareSlot(slot: Slot, ctx: SlotContext, knows: (article: string, m: FactMention) => boolean, p: FactParams = FACT_PARAMS): SlotFinding {
  const none = { contradiction: null, update: null };
  const stated = articleValues(slot);
  const values = new Map([...stated].map(([article, ms]) => [article, ms[0]]));
  if (values.size < 2) return none;
  // A slot stated with dozens of different values is no single fact (a template of many: "approve N new
  // bus routes" in 20,000 generated reports), and comparing it costs values × values.
  if (new Set([...values.values()].map(valueKey)).size > p.maxDistinctValues) return none;
  let sides = sidesOf([...values.values()]);
  if (sides.length < 2) {
    // One side can still be a rising toll: "at least three dead" on the 9th, "nine dead" on the 10th.
    const rising = risingToll([...values.values()], ctx);
    return rising ? { contradiction: null, update: { slot: rising[0].label, event: slot.event, values: rising.map((m) => valueOf([m], ctx)) } } : none;
  }
  // An article that writes another side's value anywhere knows both: it leaves the slot. One mention per
  // distinct value of the other sides is enough to ask (knows() reads the value, not the sentence).
  const distinct = sides.map((s) => [...new Map(s.map((m) => [valueKey(m), m])).values()]);
  sides = sides.map((s, i) => s.filter((m) => !distinct.some((o, j) => j !== i && o.some((x) => knows(m.unit.article, x)))));
  sides = sides.filter((s) => s.length > 0);
  if (sides.length < 2) return none;
  // Every side must face another through at least one pair of values that can be compared (dates that
  // fix a common part, values of one participant).
  // Any statement of an article may face the other side, not only the one that stands for its value: an
  // article's lead ("rattled the province Wednesday") may share few words with the other article's
  // sentence while its third paragraph restates the same quake in nearly its words. Those others face
  // only as one statement (sameStatementSimilarity): on the dev gold, letting them face at the weak-frame
  // similarity put one player's injury on Sunday against another's on Wednesday.
  const best = new Set(values.values());
  // An announcement's day (`date:announce`) faces only as one statement worded twice: a story reports
  // several announcements on several days ("Kempthorne announced changes Thursday" / "Obama announced
  // plans Tuesday", similarity 0.12–0.17 on the dev gold), and only the same one contradicts.
  const statementOnly = slot.mentions[0].measure === 'date:announce';
  const related = (x: FactMention, y: FactMention) =>
    best.has(x) && best.has(y) && !statementOnly ? Math.min(x.strength, y.strength) >= p.strongFrame || ctx.similarity(x.unit, y.unit) >= p.weakFrameSimilarity : ctx.similarity(x.unit, y.unit) >= p.sameStatementSimilarity;
  // Only restatements of the same value: "last Thursday" beside "October 19" fixes other parts of a date.
  const restated = (m: FactMention) => stated.get(m.unit.article)!.filter((x) => valueKey(x) === valueKey(m));
  const reps = new Map(sides.map((s) => [s, representatives(s.flatMap(restated))]));
  // A death date two independent sources give faces another date without the similarity (functional.ts).
  const corroborated = (s: FactMention[]) => corroboratedFunctionalDate(s, ctx.groupOf);
  const facing = (s: FactMention[]) =>
    sides.some((o) => o !== s && reps.get(s)!.some((x) => reps.get(o)!.some((y) => sameParticipant(x, y) && (related(x, y) || corroborated(o) || corroborated(s)) && (x.kind !== 'date' || comparableDates(x.date!, y.date!)))));
  sides = sides.filter(facing);
  if (sides.length < 2) return none;
  // A holder's two counts an order of magnitude apart are two different figures (a game's points and a
  // career's, a game's yards and a season's), not a slip in one of them.
  if (sides[0][0].measure.startsWith('count:')) {
    // Folds, not spreads: a slot of copies holds as many mentions as articles (issue 12: no input-sized spreads).
    const all = sides.flat();
    const lo = all.reduce((x, m) => Math.min(x, m.range!.min), Infinity);
    const hi = all.reduce((x, m) => Math.max(x, m.range!.max === Infinity ? m.range!.min : m.range!.max), -Infinity);
    if (lo > 0 && hi / lo > p.maxCountRatio) return none;
  }
  const normalisations = [...new Set(sides.flat().flatMap((m) => m.normalised))].sort();
  // The label reads best from a mention in the past tense ("when … closed", not "when … close").
  const first = sides.flat().find((m) => /ed$/.test(m.label)) ?? sides.flat()[0];
  const update = asUpdate(sides, ctx);
  if (update) return { contradiction: null, update: { slot: first.label, event: slot.event, values: update.map((s) => valueOf(s, ctx)) } };
  const groups = new Set(sides.flat().map((m) => ctx.groupOf(m.unit.article)));
  const betweenCopies = groups.size === 1;
  const strength = sides.map((s) => s.reduce((x, m) => Math.max(x, m.strength), 0));
  // One value backed by two or more independent sources against the rest is the typical slip (one outlet
  // got it wrong); two lone sources against each other are less sure.
  const support = Math.max(...sides.map((s) => new Set(s.map((m) => ctx.groupOf(m.unit.article))).size));
  const lone = support < 2 && !sameStatement(sides, reps, ctx, p);
  let confidence = Math.min(...strength) * (lone ? p.singleSupportFactor : 1);
  // No discount for a third side: on the dev gold one (0.8×) lost a true finding (a home town stated
  // three ways: College Point, Queens, South Ozone Park) and kept no false one out; on the injected
  // edits it hid every edit of a slot that already disagreed (a calibre .357/.38 edited to .83).
  if (unorderedFloors(sides, ctx)) confidence *= p.unorderedFloorFactor;
  if (Math.round(confidence * 100) / 100 < p.minConfidence) return none;
  // Copies that disagree are shown, ranked below independent sources: the discount comes after the
  // threshold. Before it, every weak frame between copies fell under it (0.62 × 0.6), so a rewrite whose
  // date was changed ("fell … on Tuesday" against its sources' "on Saturday") was never reported, and
  // the sentence rules do not align a reworded sentence. Dev gold unchanged (42 of 43); one injected date
  // more found against another article of the event (19 → 20 of 28).
  if (betweenCopies) confidence *= p.copiesFactor;
  confidence = Math.round(confidence * 100) / 100;
  const exact = sides.every((s) => s.every((m) => m.kind !== 'number' || m.range!.exact));
  return {
    update: null,
    contradiction: {
      // A game clock says when something happened: a time, reported with the dates.
      kind: first.kind === 'date' || first.measure.startsWith('clock:') ? 'date' : first.kind === 'name' ? 'name' : exact ? 'number' : 'quantity',
      about: first.label,
      slot: first.label,
      event: slot.event,
      values: sides.map((s) => valueOf(s, ctx)).sort((a, b) => b.sources.length - a.sources.length || byCodePoint(a.value, b.value)),
      confidence,
      betweenCopies,
      normalisations: ['units', 'hedges and vague amounts', 'rounding and precision', 'spelling of names', ...normalisations],
      rule: `fact:${[...new Set(sides.flat().map((m) => m.rule))].sort().join('+')}`,
    },
  };
}


/**
 * Two sides state one statement in their own words: a pair across them names the same participant (both
 * name one, the same) in related sentences ("Governor Palin visited the church on Tuesday" / "Ms Palin
 * visited the church on Saturday"). Then the frame is not in doubt, and two lone sources facing each
 * other are a dispute as sure as one source against two. Must not hit values with no named participant
 * on a side (a team's points in two games), or sentences that only share the event's vocabulary.
 */
/** The person a mention's sentence names as its own: its participant, else the holder its slot is keyed by
 * ("Richard Carter scored 14 points" / "Richard Carter had 12 points": the holder is the named person). */
const namedIn = (m: FactMention) => m.participant ?? m.holder;

function sameStatement(sides: FactMention[][], reps: Map<FactMention[], FactMention[]>, ctx: SlotContext, p: FactParams): boolean {
  for (let i = 0; i < sides.length; i++) {
    for (let j = i + 1; j < sides.length; j++) {
      for (const x of reps.get(sides[i])!) {
        const px = namedIn(x);
        for (const y of reps.get(sides[j])!) {
          if (ctx.similarity(x.unit, y.unit) >= p.sameWordingSimilarity && sameParticipant(x, y)) return true;
          if (!px) continue;
          const py = namedIn(y);
          if (py && holderKey(px) === holderKey(py) && ctx.similarity(x.unit, y.unit) >= p.sameStatementSimilarity) return true;
        }
      }
    }
  }
  return false;
}

/**
 * Two sides of a toll whose values rise with publication time: every article of the higher side was
 * published after every article of the lower side. Returns the sides earliest first, or null.
 */
function asUpdate(sides: FactMention[][], ctx: SlotContext): FactMention[][] | null {
  if (sides.length !== 2 || sides[0][0].kind !== 'number' || !TOLLS.has(sides[0][0].measure)) return null;
  const mid = (s: FactMention[]) => s.reduce((x, m) => Math.min(x, m.range!.min), Infinity);
  const [low, high] = mid(sides[0]) <= mid(sides[1]) ? [sides[0], sides[1]] : [sides[1], sides[0]];
  const dates = (s: FactMention[]) => s.map((m) => ctx.publishedOf(m.unit.article));
  const dl = dates(low);
  const dh = dates(high);
  if ([...dl, ...dh].some((d) => !d)) return null;
  const latestLow = (dl as string[]).sort().at(-1)!;
  const earliestHigh = (dh as string[]).sort()[0];
  return earliestHigh > latestLow ? [low, high] : null;
}

/**
 * A toll given only as floors on one side ("more than 200 arrested") against a lower figure, with no
 * publication times to order them: in a running event the lower figure is as likely an earlier count.
 */
function unorderedFloors(sides: FactMention[][], ctx: SlotContext): boolean {
  if (sides[0][0].kind !== 'number' || !TOLLS.has(sides[0][0].measure)) return false;
  const floors = sides.filter((s) => s.every((m) => m.range!.max === Infinity));
  if (!floors.length) return false;
  return sides.flat().some((m) => !ctx.publishedOf(m.unit.article));
}

/**
 * Compatible values of a toll that grow with publication time (a floor, then a larger figure): every
 * article dated, each later article's figure larger than each earlier one's. Returns them earliest first.
 */
function risingToll(values: FactMention[], ctx: SlotContext): FactMention[] | null {
  if (values.length < 2 || values[0].kind !== 'number' || !TOLLS.has(values[0].measure)) return null;
  const dated = values.map((m) => ({ m, at: ctx.publishedOf(m.unit.article) }));
  if (dated.some((d) => !d.at)) return null;
  dated.sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : a.m.range!.min - b.m.range!.min));
  for (let i = 1; i < dated.length; i++) {
    if (!(dated[i].at! > dated[i - 1].at! && dated[i].m.range!.min > dated[i - 1].m.range!.min)) return null;
  }
  return dated.map((d) => d.m);
}

function valueOf(side: FactMention[], ctx: SlotContext): ContradictionValue {
  const sorted = [...side].sort((a, b) => byCodePoint(a.unit.article, b.unit.article));
  const mentions: ValueMention[] = sorted.map((m) => ({
    article: m.unit.article, start: m.start, end: m.end, text: m.display, evidence: m.unit.text, published: ctx.publishedOf(m.unit.article),
  }));
  const display = [...new Set(sorted.map((m) => (m.kind === 'date' ? dateDisplay(m.date!) : m.kind === 'name' ? m.name! : m.display)))].join(' / ');
  return {
    value: display,
    sources: [...new Set(sorted.map((m) => m.unit.article))],
    independentSources: new Set(sorted.map((m) => ctx.groupOf(m.unit.article))).size,
    evidence: [...new Set(sorted.map((m) => m.unit.text))].slice(0, 2),
    mentions,
  };
}
