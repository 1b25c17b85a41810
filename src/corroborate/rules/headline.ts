// Rule `headline`: an article's title contradicts its own body — the title says "twice in June" while
// the body dates the same two events June 8 and July 5.
// The title has no extraction slot, so its month and count are read here with two narrow patterns.
// Why it does not fire on the compatible cases it was tested against:
// - "since June", "by June", "last June": only "in/during <Month>" restricts events to a month;
// - a body sentence about a different event in another month: the body sentence must enumerate exactly
//   as many written-out days as the title's count ("twice" → two days), or, without a count, share at
//   least HEADLINE_OVERLAP of the title's content words; and at least one of its days must fall in the
//   title's month (it is the same set of events, partly misdated), not all outside it;
// - weekday-relative dates are ignored (see rule `date`).
// Title numbers ("recalls 8,000 e-bike batteries" over a body saying 80,000 batteries): a digit figure in
// the title is checked against the body's amounts of the same unit noun. Silent when:
// - ANY body amount of that unit is compatible with it (a running total — "toll rises to 30" over a body
//   that also says "12 died on Monday" — or a rounded "nearly 80,000" are not contradictions);
// - the body sentence shares no other content word with the title (a different event that happens to
//   count the same thing);
// - the figure is a year, a date's day, a money/percent figure (the title drops currency and scale
//   words too freely: "$2bn" vs "2 billion dollars"), or has no unit noun in the next three words.

import type { AnalysedArticle } from '../../model/article.js';
import type { Contradiction, ReuseResult } from '../../model/report.js';
import type { Alignment, SentenceUnit } from '../align.js';
import { groupOfArticle, unitsByArticle } from '../align.js';
import { contentTermsOfText } from '../terms.js';
import { explicitDays } from './date.js';
import { compatible, rangeOf } from './number.js';
import { stem } from '../terms.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const COUNTS: Record<string, number> = { once: 1, twice: 2, thrice: 3, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** Share of the title's content words a body sentence must share when the title gives no count. */
const HEADLINE_OVERLAP = 0.4;

interface TitleFacts {
  month: number;
  count: number | null;
  phrase: string;
}

/** "… twice in June …" → { month: 6, count: 2, phrase: "twice in June" }. */
export function titleFacts(title: string): TitleFacts | null {
  const m = /\b(?:(once|twice|thrice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+times)\s+)?(?:in|during)\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.exec(title);
  if (!m) return null;
  // "may" is also a verb: only a capitalised "May" counts as the month.
  if (m[2].toLowerCase() === 'may' && !/May/.test(m[0])) return null;
  let count: number | null = null;
  if (m[1]) {
    const w = m[1].toLowerCase().split(/\s+/)[0];
    count = COUNTS[w] ?? (Number.isFinite(Number(w)) ? Number(w) : null);
  }
  return { month: MONTHS.indexOf(m[2].toLowerCase()) + 1, count, phrase: m[0].trim() };
}

/** A count stated in the sentence as a word or digit ("two showcases", "2 visits", "twice"). */
function sentenceCounts(text: string): Set<number> {
  const out = new Set<number>();
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (COUNTS[w] !== undefined) out.add(COUNTS[w]);
  }
  return out;
}

export interface TitleFigure {
  value: number;
  /** The figure as written with its following words ("8,000 e-bike batteries"). */
  phrase: string;
  /** The (up to three) words after the figure, and their light stems: one should be the unit noun. */
  words: string[];
  next: string[];
}

/** Digit figures in a title ("8,000", "1.5 million"), not years (1900–2099) or money/percent figures. */
export function titleFigures(title: string): TitleFigure[] {
  const out: TitleFigure[] = [];
  const re = /(^|[\s(])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?(?=[\s,.;:)]|$)/g;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    const before = title.slice(0, m.index + m[1].length);
    if (/[$£€¥]\s*$/.test(before)) continue;
    let value = Number(m[2].replace(/,/g, ''));
    if (!m[3] && !m[2].includes(',') && value >= 1900 && value <= 2099) continue;
    value *= m[3] === 'million' ? 1e6 : m[3] === 'billion' ? 1e9 : m[3] === 'thousand' ? 1e3 : 1;
    const rest = title.slice(m.index + m[0].length);
    if (/^\s*(%|percent|per cent)/i.test(rest)) continue;
    const words = rest.split(/[^\p{L}\p{N}-]+/u).filter(Boolean).slice(0, 3);
    out.push({ value, words, phrase: `${m[2]}${m[3] ? ` ${m[3]}` : ''} ${words.join(' ')}`.trim(), next: words.map((w) => stem(w.toLowerCase().split('-').pop()!)) });
  }
  return out;
}

/** Title figures that no body amount of the same unit agrees with (see header). */
function titleNumberContradictions(a: AnalysedArticle, units: SentenceUnit[]): Contradiction | null {
  const title = a.meta.title;
  if (!title) return null;
  const titleTerms = new Set(contentTermsOfText(title));
  for (const fig of titleFigures(title)) {
    const range = { min: fig.value, max: fig.value, exact: true };
    const sameUnit = units.flatMap((u) =>
      u.quantities
        .filter((q) => q.kind === 'count' && q.unit && fig.next.includes(stem(q.unit.toLowerCase().split(/[\s-]+/).pop()!)) && rangeOf(q))
        .map((q) => ({ u, q, r: rangeOf(q)! })),
    );
    if (!sameUnit.length || sameUnit.some((x) => compatible(x.r, range))) continue;
    const unitStem = stem(sameUnit[0].q.unit!.toLowerCase().split(/[\s-]+/).pop()!);
    const related = sameUnit.filter((x) => x.u.terms.some((t) => t !== unitStem && titleTerms.has(t)));
    if (!related.length) continue;
    const body = related[0];
    const unitAt = fig.next.indexOf(unitStem);
    const titleValue = fig.phrase.split(' ').slice(0, fig.phrase.split(' ').length - fig.words.length + unitAt + 1).join(' ');
    const bodyValue = body.q.text.toLowerCase().includes(body.q.unit!.toLowerCase()) ? body.q.text : `${body.q.text} ${body.q.unit}`;
    return {
      kind: 'headline',
      about: `number of ${body.q.unit}: the headline vs the same article’s body`,
      values: [
        { value: titleValue, sources: [a.id], independentSources: 1, evidence: [title] },
        { value: bodyValue, sources: [a.id], independentSources: 1, evidence: [body.u.text] },
      ],
    };
  }
  return null;
}

export function headlineContradictions(articles: AnalysedArticle[], alignment: Alignment, reuse: ReuseResult): Contradiction[] {
  const out: Contradiction[] = [];
  // Each article's own sentences, grouped once: filtering the story's units per article was quadratic in
  // the story (63 % of a bulk add's main thread at 26k articles, on stories of a thousand members).
  const unitsOf = unitsByArticle(alignment.units);
  for (const a of articles) {
    const numeric = titleNumberContradictions(a, unitsOf.get(a.id) ?? []);
    if (numeric) out.push(numeric);
  }
  for (const a of articles) {
    const title = a.meta.title;
    if (!title) continue;
    const facts = titleFacts(title);
    if (!facts) continue;
    const titleTerms = new Set(contentTermsOfText(title));
    for (const u of unitsOf.get(a.id) ?? []) {
      const days = explicitDays(u);
      if (!days.length) continue;
      if (facts.count !== null) {
        if (days.length !== facts.count || !sentenceCounts(u.text).has(facts.count)) continue;
      } else {
        const shared = u.terms.filter((t) => titleTerms.has(t)).length;
        if (shared < HEADLINE_OVERLAP * titleTerms.size) continue;
      }
      const inMonth = days.filter((d) => Number(d.value.slice(-5, -3)) === facts.month);
      const outside = days.filter((d) => Number(d.value.slice(-5, -3)) !== facts.month);
      if (!inMonth.length || !outside.length) continue;
      out.push({
        kind: 'headline',
        about: 'when it happened: the headline vs the same article’s body',
        values: [
          { value: facts.phrase, sources: [a.id], independentSources: 1, evidence: [title] },
          { value: days.map((d) => d.text).join(' and '), sources: [a.id], independentSources: 1, evidence: [u.text] },
        ],
      });
      break;
    }
  }
  return out;
}
