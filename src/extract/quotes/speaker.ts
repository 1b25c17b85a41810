// Speaker resolution: the canonical entity behind a speaker phrase. Names inside the phrase win; "he"/"she"
// go to the latest compatible subject or speaker nearby; "the spokesman" to a person holding that role;
// anything else (indefinite "a US official", "sources", "they") stays null rather than a wrong guess.

import type { EntityMention, Span } from '../../model/article.js';
import { firstNameGender } from '../gazetteer/index.js';
import { antecedentWindow } from './params.js';

export interface SpeakerContext {
  entities: EntityMention[];
  /** First entity mention of each sentence (subject-position proxy). */
  subjectOf: Map<number, EntityMention>;
  /** Speakers already attributed, in text order. */
  history: { speaker: string; sentence: number; start: number }[];
}

export function speakerContext(entities: EntityMention[]): SpeakerContext {
  const subjectOf = new Map<number, EntityMention>();
  for (const e of entities) if (!subjectOf.has(e.sentence) && e.type !== 'place') subjectOf.set(e.sentence, e);
  return { entities, subjectOf, history: [] };
}

function genderOf(name: string): 'male' | 'female' | 'either' | undefined {
  return firstNameGender(name.split(' ')[0].toLowerCase());
}

/** Rule named-speaker: a person named in the phrase (before any appositive comma), else an organisation
 * or place speaking by metonymy ("the White House said", "Iran said"). */
function namedSpeaker(span: Span, ctx: SpeakerContext): string | null {
  const comma = span.text.indexOf(',');
  const fromHead = headed(span.start, comma > 0 ? span.start + comma : span.end, span, ctx);
  if (fromHead || comma < 0) return fromHead;
  // "The council's chief engineer, Jonas Verret": the appositive is the name.
  const next = span.text.indexOf(',', comma + 1);
  const person = headed(span.start + comma + 1, next > 0 ? span.start + next : span.end, span, ctx);
  return person && ctx.entities.some((e) => e.name === person && e.type === 'person') ? person : null;
}

/** The entity heading the stretch [from, limit) of a speaker phrase. A trailing party parenthesis
 * ("(D-Wis.)") or possessive ("Trump's") is no part of the head. */
function headed(from: number, limit: number, span: Span, ctx: SpeakerContext): string | null {
  const inside = ctx.entities.filter((e) => e.start >= from && e.end <= limit);
  // The name must head the phrase: in "US sources" or "an unnamed US official" the place only modifies.
  const head = span.text.slice(0, limit - span.start).replace(/\s*\([^()]{1,20}\)$/, '').replace(/['’]s?$/, '').replace(/[\s,]+$/, '');
  const headEnd = span.start + head.length;
  if (!inside.some((e) => e.end === headEnd)) return null;
  const pick = (type: string) => [...inside].reverse().find((e) => e.type === type);
  // An untyped full name that speaks ("Gene Hansbrough said": a first name the gazetteer lacks) is the
  // speaker too; a one-word one stays unresolved (a team, a product, a law as often as a person).
  const untyped = () => [...inside].reverse().find((e) => e.type === 'other' && /^\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'’-]+){1,2}$/u.test(e.name));
  return (pick('person') ?? pick('organization') ?? pick('place') ?? untyped())?.name ?? null;
}

/** Rule pronoun: the latest person in subject position or already quoted within the window, with a
 * compatible gender. */
function pronounSpeaker(pronoun: string, sentence: number, start: number, ctx: SpeakerContext): string | null {
  if (pronoun !== 'he' && pronoun !== 'she') return null;
  const compatible = (name: string) => {
    const g = genderOf(name);
    return !g || g === 'either' || (pronoun === 'he' ? g === 'male' : g === 'female');
  };
  let best = null as { name: string; at: number } | null;
  for (let s = sentence; s >= sentence - antecedentWindow && s >= 0; s--) {
    const subj = ctx.subjectOf.get(s);
    if (subj && subj.type === 'person' && subj.start < start && compatible(subj.name)) {
      if (!best || subj.start > best.at) best = { name: subj.name, at: subj.start };
      break;
    }
  }
  for (let i = ctx.history.length - 1; i >= 0; i--) {
    const h = ctx.history[i];
    if (h.sentence < sentence - antecedentWindow) break;
    if (h.start < start && compatible(h.speaker) && ctx.entities.some((e) => e.name === h.speaker && e.type === 'person')) {
      if (!best || h.start > best.at) best = { name: h.speaker, at: h.start };
      break;
    }
  }
  return best?.name ?? null;
}

/** Rule definite-role: "the spokesman", "the minister" → the latest person whose role has that head. */
function roleSpeaker(phrase: string, sentence: number, start: number, ctx: SpeakerContext): string | null {
  const m = /^the\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)$/iu.exec(phrase.trim());
  if (!m) return null;
  const head = m[1].toLowerCase();
  const window = 2 * antecedentWindow;
  const found = [...ctx.entities].reverse().find((e) => e.start < start && e.sentence >= sentence - window
    && e.type === 'person' && e.roles.some((r) => r.toLowerCase().split(/[\s-]+/).includes(head)));
  return found?.name ?? null;
}

export function resolveSpeaker(span: Span | null, sentence: number, ctx: SpeakerContext): string | null {
  if (!span) return null;
  const named = namedSpeaker(span, ctx);
  if (named) return named;
  if (ctx.entities.some((e) => e.start >= span.start && e.end <= span.end && e.type === 'person')) {
    // A person inside a longer phrase we could not parse: safer to leave it unresolved.
  }
  const lower = span.text.trim().toLowerCase();
  if (/^\p{L}+$/u.test(lower)) return pronounSpeaker(lower, sentence, span.start, ctx);
  return roleSpeaker(span.text, sentence, span.start, ctx);
}
