// The main statement of a sentence, for "same event" checks: its content words outside the attribution
// ("…, officials said"), outside subordinate clauses ("six days after the storm closed the port"), and
// outside names, dates and numbers (facts that may legitimately differ between conflicting versions).
// Without a dependency parser this is a word-list heuristic; it errs towards keeping words.

import type { Token } from '../model/article.js';
import type { SentenceUnit } from './align.js';
import { isStopword, stem } from './terms.js';

/** Reporting verbs: they attribute a statement, they are not its event. */
export const REPORTING = new Set(
  ('say said says saying tell told tells add added adds state stated states report reported reports claim claimed claims ' +
    'confirm confirmed confirms announce announced announces estimate estimated estimates believe believed believes ' +
    'according note noted notes explain explained explains write wrote writes').split(' '),
);

/** Words that open a subordinate or relative clause: what follows is background, not the main event. */
const SUBORDINATORS = new Set(
  'after before since because while although though whereas until when whenever which who whom whose following amid'.split(' '),
);

/** Auxiliaries and light verbs carry no event meaning. */
const LIGHT_VERBS = new Set('be is are was were been being have has had do does did will would can could may might shall should must get got'.split(' '));

export interface MainClause {
  /** Light-stemmed content words of the main clause (no names, dates, numbers). */
  terms: Set<string>;
  /** The subset that are verbs: the clause's predicates. */
  verbs: Set<string>;
}

const inside = (t: Token, spans: { start: number; end: number }[]) => spans.some((s) => t.start < s.end && s.start < t.end);

/** Index range [from, to) of the main clause's tokens. */
function mainRange(tokens: Token[]): [number, number] {
  let from = 0;
  let to = tokens.length;
  const r = tokens.findIndex((t) => REPORTING.has(t.normal));
  if (r >= 0) {
    if (r < tokens.length / 2 && !tokens.slice(0, r).some((t) => t.normal === ',')) {
      // "Harbour master Ilse Varga said (that) …": the statement starts after the reporting verb.
      from = r + 1;
      if (tokens[from]?.normal === 'that') from++;
    } else {
      // "…, port officials said on Friday": the statement ends at the comma before the attribution.
      let c = r;
      while (c > 0 && tokens[c].normal !== ',') c--;
      if (c > 0) to = c;
    }
  }
  for (let i = from + 1; i < to; i++) {
    if (SUBORDINATORS.has(tokens[i].normal)) {
      to = i;
      break;
    }
  }
  return [from, to];
}

export function mainClause(u: SentenceUnit): MainClause {
  const [from, to] = mainRange(u.tokens);
  const facts = [...u.entities, ...u.dates, ...u.quantities];
  const terms = new Set<string>();
  const verbs = new Set<string>();
  for (let i = from; i < to; i++) {
    const t = u.tokens[i];
    const n = t.normal.toLowerCase();
    if (!/\p{L}/u.test(n) || /\d/.test(n) || isStopword(n) || REPORTING.has(n) || LIGHT_VERBS.has(n)) continue;
    if (!['NOUN', 'VERB', 'ADJ', 'PROPN', 'X'].includes(t.pos)) continue;
    if (inside(t, facts)) continue;
    const s = stem(n);
    terms.add(s);
    if (t.pos === 'VERB') verbs.add(s);
  }
  return { terms, verbs };
}

/** How many main-clause words, and predicates, two sentences share. */
export function sharedMain(a: MainClause, b: MainClause): { terms: number; verbs: number } {
  let terms = 0;
  let verbs = 0;
  for (const t of a.terms) if (b.terms.has(t)) terms++;
  for (const v of a.verbs) if (b.verbs.has(v)) verbs++;
  return { terms, verbs };
}

/**
 * The predicate a date or amount belongs to: the nearest non-light, non-reporting verb at most
 * ANCHOR_WINDOW tokens before it with no punctuation in between ("closed on Wednesday, March 12",
 * "would recall 80,000 batteries"), else one as close after it ("80,000 batteries were recalled").
 * A far verb is usually another clause's: "… will have two parties, ITAR-TASS reported September 26".
 * A reporting verb anchors as REPORTED: "the union announced on June 2" dates the statement, not the event.
 */
export function anchorVerb(u: SentenceUnit, at: number, end = at): string | null {
  const toks = u.tokens;
  const first = toks.findIndex((t) => t.end > at);
  if (first < 0) return null;
  const usable = (t: Token) => t.pos === 'VERB' && !LIGHT_VERBS.has(t.normal.toLowerCase());
  const key = (t: Token) => (REPORTING.has(t.normal.toLowerCase()) ? REPORTED : stem(t.normal.toLowerCase()));
  for (let k = first - 1; k >= 0 && first - k <= ANCHOR_WINDOW; k--) {
    if (/^[,.;:!?()]$/.test(toks[k].normal)) break;
    if (usable(toks[k])) return key(toks[k]);
  }
  let last = toks.findIndex((t) => t.start >= end);
  if (last < 0) return null;
  for (let k = last; k < toks.length && k - last < ANCHOR_WINDOW; k++) {
    if (/^[,.;:!?()]$/.test(toks[k].normal)) break;
    if (usable(toks[k]) && !REPORTING.has(toks[k].normal.toLowerCase())) return key(toks[k]);
  }
  return null;
}

/** Anchor of a date or amount attached to a reporting verb ("said on Friday"). */
export const REPORTED = '<reported>';

/** Tokens between a predicate and its date or amount ("closed on Wednesday," = 2). */
const ANCHOR_WINDOW = 4;
