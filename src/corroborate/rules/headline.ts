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

import type { AnalysedArticle } from '../../model/article.js';
import type { Contradiction, ReuseResult } from '../../model/report.js';
import type { Alignment } from '../align.js';
import { groupOfArticle } from '../align.js';
import { contentTermsOfText } from '../terms.js';
import { explicitDays } from './date.js';

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

export function headlineContradictions(articles: AnalysedArticle[], alignment: Alignment, reuse: ReuseResult): Contradiction[] {
  const out: Contradiction[] = [];
  for (const a of articles) {
    const title = a.meta.title;
    if (!title) continue;
    const facts = titleFacts(title);
    if (!facts) continue;
    const titleTerms = new Set(contentTermsOfText(title));
    for (const u of alignment.units) {
      if (u.article !== a.id) continue;
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
