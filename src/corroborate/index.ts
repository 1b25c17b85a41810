// Cross-check of one story: aligns its articles' sentences into claims with independent support, finds
// where sources disagree (date, number/quantity, name, headline, quote rules), and groups quote variants.

import type { AnalysedArticle } from '../model/article.js';
import type { Contradiction, ReportEvent, ReportQuote, ReuseResult, Story } from '../model/report.js';
import { alignStory, groupOfArticle } from './align.js';
import { MAX_EVIDENCE } from './params.js';
import { buildClaims } from './claims.js';
import { groupQuotes, toReportQuotes } from './quotes.js';
import { dateContradictions } from './rules/date.js';
import { headlineContradictions } from './rules/headline.js';
import { nameContradictions, sameName } from './rules/name.js';
import { numberContradictions } from './rules/number.js';
import { quoteContradictions } from './rules/quote.js';
import { factFindings } from './facts/index.js';
import { refine, valuesShareText } from './refine.js';
import { byCodePoint } from './order.js';

export interface CorroborateOptions {
  /** The story's events: event facts are compared within one event only. Without them the story is one event. */
  events?: ReportEvent[];
  /**
   * `facts` (default): fact slots across independent wording plus the sentence rules, refined (event
   * scope, spelling). `sentences`: the sentence-aligned rules alone, as before report 1.2.0 (the eval baseline).
   */
  engine?: 'facts' | 'sentences';
}

/** Headline and date conflicts first (what an editor checks first), then by independent support. */
const KIND_ORDER: Contradiction['kind'][] = ['date', 'number', 'quantity', 'name', 'quote', 'headline'];

export function corroborateStory(
  articles: AnalysedArticle[],
  reuse: ReuseResult,
  quotes: ReportQuote[],
  headline: string,
  options: CorroborateOptions = {},
): Pick<Story, 'claims' | 'contradictions' | 'quotes' | 'updates'> {
  void headline; // the story headline is a label; each article's own title is checked by rule `headline`
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const alignment = alignStory(sorted, reuse);
  const groups = groupQuotes(quotes, sorted);
  const eventOfArticle = new Map<string, string>();
  for (const e of options.events ?? []) for (const id of e.articles) eventOfArticle.set(id, e.id);
  const eventOf = (id: string) => eventOfArticle.get(id) ?? null;
  const published = new Map(sorted.map((a) => [a.id, a.meta.published]));
  const facts = (options.engine ?? 'facts') === 'facts';
  const sentenceRules = collapseCrowds([
    ...dateContradictions(alignment),
    ...numberContradictions(alignment),
    ...nameContradictions(alignment, sorted),
    ...quoteContradictions(groups, sorted, reuse, alignment, facts),
    ...headlineContradictions(sorted, alignment, reuse),
  ], reuse);
  let contradictions = sentenceRules;
  let updates: Story['updates'] = [];
  if (facts) {
    const found = factFindings(alignment, { eventOf, groupOf: (id) => groupOfArticle(reuse, id), publishedOf: (id) => published.get(id) ?? null, similarity: alignment.similarity });
    const neighbours = reuseNeighbours(reuse);
    const byId = new Map(sorted.map((a) => [a.id, a]));
    contradictions = refine([...found.contradictions, ...sentenceRules.map((c) => withMentions(withRule(c, reuse, neighbours), byId))], { eventOf, neighbours });
    updates = found.updates;
  }
  const merged = mergeRepeats(contradictions, reuse);
  const weight = (c: Contradiction) => c.values.reduce((s, v) => s + v.independentSources, 0);
  merged.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind) || weight(y) - weight(x) || byCodePoint(x.about, y.about));
  const out: Pick<Story, 'claims' | 'contradictions' | 'quotes' | 'updates'> = { claims: buildClaims(alignment, merged), contradictions: merged, quotes: toReportQuotes(groups) };
  if (updates.length) out.updates = updates;
  return out;
}

type Neighbours = (article: string) => ReadonlySet<string>;
const neighboursOf = new WeakMap<ReuseResult['links'], Neighbours>();
const NONE: ReadonlySet<string> = new Set();

/**
 * The articles each article shares text with (any reuse link): sentence rules compare such pairs reliably.
 * Built once per links array: the links are the whole batch's, and rebuilding them per story was most of
 * the fact engine's cost on the 3k-article bench corpus. Keyed by the array, not the result: a story view
 * wraps the batch's result with its own independence groups (`{ ...copies, groupOf }`), a new object per
 * story, and keying by that rebuilt the map for every story (a third of corroborate at 3k articles).
 */
function reuseNeighbours(reuse: ReuseResult): Neighbours {
  let fn = neighboursOf.get(reuse.links);
  if (!fn) {
    const byArticle = new Map<string, Set<string>>();
    const add = (a: string, b: string) => (byArticle.get(a) ?? byArticle.set(a, new Set()).get(a)!).add(b);
    for (const l of reuse.links) {
      add(l.a, l.b);
      add(l.b, l.a);
    }
    fn = (a) => byArticle.get(a) ?? NONE;
    neighboursOf.set(reuse.links, fn);
  }
  return fn;
}

/** Mentions per source listed for a value (bounded: a 200-copy wire story lists the first ones). */
const MAX_MENTIONS = 20;

/**
 * Offsets for a sentence rule's values (report 1.2): where the value's text is written in the evidence
 * sentence of each source, as the fact slots give them. Values the sentence does not write as such (ISO
 * dates of "Tuesday, March 11") get no mention rather than a guessed one.
 */
function withMentions(c: Contradiction, byId: Map<string, AnalysedArticle>): Contradiction {
  if (c.kind === 'headline') return c;
  const values = c.values.map((v) => {
    const mentions: NonNullable<typeof v.mentions> = [];
    for (const id of v.sources) {
      if (mentions.length >= MAX_MENTIONS) break;
      const a = byId.get(id);
      if (!a) continue;
      for (const e of v.evidence) {
        const at = a.clean.text.indexOf(e);
        if (at < 0) continue;
        // A date value is the resolved day: its mention is the date the sentence writes with that value.
        const date = c.kind === 'date' ? a.extract.dates.find((d) => d.start >= at && d.end <= at + e.length && d.value !== null && (d.value === v.value || d.value.endsWith(v.value.replace(/^--/, '-')))) : null;
        if (date) {
          mentions.push({ article: id, start: date.start, end: date.end, text: date.text, evidence: e, published: a.meta.published });
          break;
        }
        const inner = e.indexOf(v.value);
        if (inner < 0) continue;
        mentions.push({ article: id, start: at + inner, end: at + inner + v.value.length, text: v.value, evidence: e, published: a.meta.published });
        break;
      }
    }
    return mentions.length ? { ...v, mentions } : v;
  });
  return { ...c, values };
}

/**
 * Sentence rules' findings named as such, with a confidence from what they compared: sentences of
 * articles that share text align word for word (P 1.000 on conflicts injected into copies, `npm run eval
 * -- contradictions`), so 0.85; loosely aligned independent sentences 0.7; copies of one report that
 * disagree with each other 0.5 (a slip in one copy chain, shown as such).
 */
function withRule(c: Contradiction, reuse: ReuseResult, neighbours: Neighbours): Contradiction {
  const groups = new Set(c.values.flatMap((v) => v.sources.map((s) => groupOfArticle(reuse, s))));
  const betweenCopies = c.kind !== 'headline' && groups.size === 1;
  const copied = valuesShareText(c, neighbours);
  const confidence = c.kind === 'headline' ? 0.9 : betweenCopies ? 0.5 : copied ? 0.85 : 0.7;
  return { ...c, rule: c.rule ?? `sentence:${c.kind}`, slot: c.slot ?? c.about, confidence: c.confidence ?? confidence, betweenCopies: c.betweenCopies ?? betweenCopies };
}

/**
 * Findings past this many for one (kind, topic) are one finding with all their values. Pair rules report
 * one finding per pair of disagreeing wordings; a story of n near-identical articles, each with its own
 * figure, gave n²/2 of them (16,401 "number of bus" findings for 200 articles, bench/near-identical.ts),
 * which no reader can use. The three contradiction evals print the same tables with and without it.
 */
export const MAX_FINDINGS_PER_TOPIC = 200;

/** Rule findings of one kind and topic past MAX_FINDINGS_PER_TOPIC merged into one, values joined by value. */
export function collapseCrowds(list: Contradiction[], reuse: ReuseResult): Contradiction[] {
  const byTopic = new Map<string, Contradiction[]>();
  for (const c of list) {
    const key = `${c.kind}\u0000${c.about}`;
    const same = byTopic.get(key);
    if (same) same.push(c);
    else byTopic.set(key, [c]);
  }
  const out: Contradiction[] = [];
  const done = new Set<string>();
  for (const c of list) {
    const key = `${c.kind}\u0000${c.about}`;
    const same = byTopic.get(key)!;
    if (same.length <= MAX_FINDINGS_PER_TOPIC) {
      out.push(c);
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    const values = new Map<string, { value: string; sources: Set<string>; evidence: string[] }>();
    for (const x of same) {
      for (const v of x.values) {
        const slot = values.get(v.value) ?? values.set(v.value, { value: v.value, sources: new Set(), evidence: [] }).get(v.value)!;
        for (const id of v.sources) slot.sources.add(id);
        for (const e of v.evidence) if (slot.evidence.length < MAX_EVIDENCE && !slot.evidence.includes(e)) slot.evidence.push(e);
      }
    }
    const merged = [...values.values()].map((v) => {
      const sources = [...v.sources].sort();
      return { value: v.value, sources, independentSources: new Set(sources.map((id) => groupOfArticle(reuse, id))).size, evidence: v.evidence };
    });
    merged.sort((a, b) => b.sources.length - a.sources.length || byCodePoint(a.value, b.value));
    out.push({ ...c, values: merged });
  }
  return out;
}

/**
 * One change seen in several aligned sentences (a name swapped in every mention) is one disagreement:
 * contradictions of one kind with the same set of values are merged, their sources and evidence joined.
 */
export function mergeRepeats(list: Contradiction[], reuse: ReuseResult): Contradiction[] {
  const byKey = new Map<string, Contradiction>();
  for (const c of list) {
    const key = `${c.kind}\u0000${c.values.map((v) => v.value).sort().join('\u0000')}`;
    // A name swap shows as "Ken Salazar"/"Idris Fenwick" in one sentence and "Salazar"/"Fenwick" in the
    // next: the same swap when every value is the same name as one of an earlier contradiction's values.
    // Each value must map to a distinct value of the earlier one ("Ann Smith"/"John Smith" both match a bare
    // "Smith": no swap of one name for another, so they are not merged; this crashed on a 10k corpus).
    const targetsIn = (o: Contradiction): Contradiction['values'] | null => {
      const used = new Set<Contradiction['values'][number]>();
      for (const v of c.values) {
        const t = o.values.find((x) => !used.has(x) && x.value === v.value) ?? o.values.find((x) => !used.has(x) && sameName(x.value, v.value));
        if (!t) return null;
        used.add(t);
      }
      return [...used];
    };
    let seen = byKey.get(key);
    let targets = seen ? targetsIn(seen) : null;
    if (!targets && c.kind === 'name') {
      for (const o of byKey.values()) {
        if (o.kind !== 'name' || o.values.length !== c.values.length) continue;
        targets = targetsIn(o);
        if (targets) {
          seen = o;
          break;
        }
      }
    }
    if (!seen || !targets) {
      byKey.set(byKey.has(key) ? `${key}\u0000${byKey.size}` : key, { ...c, values: c.values.map((v) => ({ ...v })) });
      continue;
    }
    for (const [i, v] of c.values.entries()) {
      const target = targets[i];
      if (v.value.length > target.value.length) target.value = v.value;
      target.sources = [...new Set([...target.sources, ...v.sources])].sort();
      target.evidence = [...new Set([...target.evidence, ...v.evidence])].slice(0, MAX_EVIDENCE);
      target.independentSources = new Set(target.sources.map((id) => groupOfArticle(reuse, id))).size;
    }
  }
  return [...byKey.values()];
}
