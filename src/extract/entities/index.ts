// Entity mentions of one article: capitalised name runs from wink's tagging, split from their titles,
// typed by gazetteer → patterns → context → compromise, with roles and in-article aliases merged.

import { createRequire } from 'node:module';
// compromise's one-file CommonJS build: the same code as its ESM entry, which loads as 436 modules (~100 ms
// more at start-up). The gazetteer and the entities must load the same build, or it loads twice.
const nlpc = createRequire(import.meta.url)('compromise') as typeof import('compromise').default;
import type { EntityMention, EntityType, TextReady } from '../../model/article.js';
import { isDemonym, isOrgSuffix, isPlaceNounAfter, lookupName } from '../gazetteer/index.js';
import { resolveAliases, splitHandle, type Draft } from './aliases.js';
import { maxCompromiseSentences } from './params.js';
import { roleAfter, roleBefore, roleBeforeComma, splitTitleInRun } from './roles.js';
import { findRuns, type Run } from './runs.js';
import { isBareTitle, typeName } from './typing.js';
import { articleWords, type Word } from './words.js';

function spanText(text: string, words: Word[], run: Run): string {
  return text.slice(words[run.first].start, words[run.last].end);
}

/** Gazetteer names inside a role ("CIA" in "CIA Director", "US" in "US national security adviser"). */
function namesInRole(words: Word[], role: Run, sentence: number, text: string, out: Draft[]): void {
  for (let i = role.first; i <= role.last; i++) {
    if (!words[i].cap) continue;
    for (const len of [2, 1]) {
      const j = i + len - 1;
      if (j > role.last) continue;
      const key = words.slice(i, j + 1).map((w) => w.lower).join(' ');
      const hit = lookupName(key);
      if (!hit) continue;
      const start = words[i].start;
      const end = words[j].end;
      out.push({
        start, end, text: text.slice(start, end), words: words.slice(i, j + 1).map((w) => w.text), sentence,
        roles: [], type: hit.type, name: hit.canonical ?? text.slice(start, end), fixed: true, opener: false,
      });
      i = j;
      break;
    }
  }
}

/** Collects draft mentions of one sentence. */
function sentenceDrafts(words: Word[], sentence: number, text: string, out: Draft[]): void {
  const runs = findRuns(words);
  let bareTitle: Run | null = null;
  for (const run of runs) {
    const split = splitTitleInRun(words, run);
    if (split.role) namesInRole(words, split.role, sentence, text, out);
    if (!split.name) { bareTitle = split.role; continue; }
    let name = split.name;
    // Nationality words open names only as modifiers ("Iranian Shahed-129", "Turkish-made Bayraktar").
    // So do country qualifiers of organisations ("US Central Intelligence Agency").
    while (name.first < name.last && !lookupName(words.slice(name.first, name.last + 1).map((w) => w.lower).join(' '))
      && (isDemonym(words[name.first].lower)
        || (lookupName(words[name.first].lower)?.type === 'place' && name.last - name.first >= 2 && isOrgSuffix(words[name.last].lower)))) {
      name = { first: name.first + 1, last: name.last };
    }
    const nameWords = words.slice(name.first, name.last + 1).map((w) => w.text);
    if (isBareTitle(nameWords)) continue;
    if (nameWords.length === 1 && isDemonym(words[name.first].lower)) continue;
    const roles: string[] = [];
    const addRole = (r: Run | null) => {
      if (!r) return;
      const t = spanText(text, words, r).replace(/\s+/g, ' ');
      if (!roles.includes(t)) roles.push(t);
    };
    if (split.role) {
      const outer = roleBefore(words, run.first);
      addRole(outer ? { first: outer.first, last: split.role.last } : split.role);
    } else {
      const before = roleBefore(words, name.first);
      addRole(before);
      if (before) namesInRole(words, before, sentence, text, out);
    }
    addRole(roleBeforeComma(words, run.first, run.last, bareTitle));
    addRole(roleAfter(words, run.last));
    let end = words[name.last].end;
    const next = words[name.last + 1];
    const placeNoun = !!next && !next.cap && isPlaceNounAfter(next.lower);
    if (placeNoun) end = next.end;
    const beforeWord = split.role ? null : (words[name.first - 1]?.lower ?? null);
    const typed = typeName({ words: nameWords, before: beforeWord, after: words[name.last + 1]?.lower ?? null, roles, placeNoun });
    const start = words[name.first].start;
    const surface = text.slice(start, end);
    const handle = nameWords.length === 1 ? splitHandle(nameWords[0]) : null;
    out.push({
      start, end, text: surface, words: placeNoun ? [...nameWords, next.text] : nameWords, sentence,
      roles: typed && (typed.type === 'place' || typed.type === 'product') ? [] : roles,
      type: typed?.type ?? null,
      name: (placeNoun ? null : typed?.canonical) ?? surface.replace(/\s+/g, ' '),
      fixed: (!placeNoun && !!typed?.canonical) || (typed?.rule === 'gazetteer' && !handle),
      opener: name.first === 0 || /^["“‘':(]$/.test(words[name.first - 1].text),
    });
    bareTitle = null;
  }
}

/** compromise's own person/place/organisation readings of a few sentences, for runs nothing else typed. */
function compromiseTypes(sentences: string[]): Map<string, EntityType> {
  const types = new Map<string, EntityType>();
  for (const s of sentences) {
    const doc = nlpc(s);
    const add = (list: string[], type: EntityType) => {
      for (const x of list) types.set(x.toLowerCase().replace(/[.,;:'’"“”]+$/g, '').replace(/['’]s$/, '').trim(), type);
    };
    add(doc.people().out('array') as string[], 'person');
    add(doc.organizations().out('array') as string[], 'organization');
    add(doc.places().out('array') as string[], 'place');
  }
  return types;
}

export function extractEntities(article: TextReady): EntityMention[] {
  return extractEntitiesWith(article, { compromiseSentences: maxCompromiseSentences });
}

/** The same with the compromise budget as a parameter (the eval compares budgets). */
export function extractEntitiesWith(article: TextReady, opts: { compromiseSentences: number }): EntityMention[] {
  const text = article.clean.text;
  const drafts: Draft[] = [];
  const words = articleWords(article.text.sentences, text);
  article.text.sentences.forEach((s, i) => sentenceDrafts(words[i], s.index, text, drafts));
  drafts.sort((a, b) => a.start - b.start || b.end - a.end);
  // Role qualifiers may also be runs of their own: keep one draft per start.
  const unique = drafts.filter((d, i) => i === 0 || d.start >= drafts[i - 1].end);
  resolveAliases(unique);
  // A lone capitalised sentence opener nothing could type ("Satellite images…", "Excerpts may…") is a
  // name only if the article also capitalises it mid-sentence.
  const midSentence = new Set(unique.filter((d) => !d.opener).map((d) => d.text));
  const kept = unique.filter((d) => !(d.opener && d.type === null && d.words.length === 1 && !midSentence.has(d.text)));
  const untyped = kept.filter((d) => d.type === null);
  if (untyped.length > 0 && opts.compromiseSentences > 0) {
    const bySentence = [...new Set(untyped.map((d) => d.sentence))].slice(0, opts.compromiseSentences);
    const wanted = new Set(bySentence);
    const types = compromiseTypes(article.text.sentences.filter((s) => wanted.has(s.index)).map((s) => s.text));
    for (const d of untyped) {
      const t = types.get(d.name.toLowerCase());
      if (t) d.type = t;
    }
    // A name compromise typed as a person can still be an alias target for later single words.
    if (untyped.some((d) => d.type === 'person')) resolveAliases(kept);
  }
  return kept.map((d) => ({
    start: d.start, end: d.end, text: d.text, name: d.name, type: d.type ?? 'other', roles: d.roles, sentence: d.sentence,
  }));
}
