// Event frames: a date or an amount together with the predicate it belongs to ("closed on March 12",
// "recall 80,000 batteries"). Two sentences of different articles that put different values in the same
// frame about the same named participant disagree even when the sentences as a whole are worded too
// differently to align as one claim ("Storm Ines forced the port to close on Tuesday, March 11, stranding
// 42 ships…" vs "The port closed on Wednesday, March 12, after the storm brought down two cranes…").

import type { Alignment, SentenceUnit } from '../align.js';
import { anchorVerb, REPORTED } from '../clause.js';
import { stem } from '../terms.js';
import { FRAME_MIN_SIMILARITY } from '../params.js';
import { sameName } from './name.js';
import { forComparedPairs } from '../pairs.js';

export interface Framed<T> {
  unit: SentenceUnit;
  items: T[];
}

/** Named participants, whatever their type: the extractor types one name differently across articles
 * ("Corvane" a person in one, "other" in another), and a shared name is what matters here. */
function participants(u: SentenceUnit): string[] {
  return [...new Set(u.entities.map((e) => e.name))];
}

export function shareParticipant(a: SentenceUnit, b: SentenceUnit): boolean {
  const pb = participants(b);
  return participants(a).some((x) => pb.some((y) => sameName(x, y)));
}

/**
 * Groups the items of every sentence by frame key (`keyOf` gets the item's anchor verb), and returns the
 * pairs of sentences from different articles that fill the same frame, share a named participant and
 * are at least loosely related (similarity ≥ FRAME_MIN_SIMILARITY).
 */
export function framePairs<T extends { start: number; end: number }>(
  alignment: Alignment,
  itemsOf: (u: SentenceUnit) => T[],
  keyOf: (item: T, verb: string) => string,
): { key: string; a: Framed<T>; b: Framed<T> }[] {
  const byKey = new Map<string, Framed<T>[]>();
  for (const u of alignment.units) {
    const local = new Map<string, T[]>();
    for (const item of itemsOf(u)) {
      const verb = anchorVerb(u, item.start, item.end);
      // When something was said is not an event two outlets can disagree on.
      if (!verb || verb === REPORTED) continue;
      const key = keyOf(item, verb);
      local.set(key, [...(local.get(key) ?? []), item]);
    }
    // Appended in place: copying the list per sentence was quadratic in a frame's sentences (20,000
    // near-identical articles, bench/near-identical.ts).
    for (const [key, items] of local) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push({ unit: u, items });
  }
  const out: { key: string; a: Framed<T>; b: Framed<T> }[] = [];
  for (const [key, list] of [...byKey].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    // Identical sentences (copies) state identical values: compare each distinct wording once, then
    // expand a finding to every article that carries either wording.
    const byText = new Map<string, Framed<T>[]>();
    for (const f of list) (byText.get(f.unit.text) ?? byText.set(f.unit.text, []).get(f.unit.text)!).push(f);
    const texts = [...byText.values()];
    forComparedPairs(texts.length, (i, j) => {
      const a = texts[i][0];
      const b = texts[j].find((y) => y.unit.article !== a.unit.article) ?? texts[j][0];
      const a2 = b.unit.article !== a.unit.article ? a : texts[i].find((x) => x.unit.article !== b.unit.article);
      if (!a2 || a2.unit.article === b.unit.article) return;
      if (!shareParticipant(a2.unit, b.unit)) return;
      if (alignment.similarity(a2.unit, b.unit) < FRAME_MIN_SIMILARITY) return;
      for (const x of texts[i]) for (const y of texts[j]) if (x.unit.article !== y.unit.article) out.push({ key, a: x, b: y });
    });
  }
  return out;
}

/**
 * A short label for a frame, "Port of Caldera closed": the frame's verb as written (a past form when
 * either sentence has one) and the shared participant written closest before it. Null when not found.
 */
export function frameLabel(a: SentenceUnit, b: SentenceUnit, verb: string): string | null {
  const found: { u: SentenceUnit; surface: string; at: number }[] = [];
  for (const u of [b, a]) {
    for (const t of u.tokens) {
      if (t.pos === 'VERB' && stem(t.normal.toLowerCase()) === verb) found.push({ u, surface: u.text.slice(t.start - u.start, t.end - u.start), at: t.start });
    }
  }
  const pick = found.find((f) => /ed$/i.test(f.surface)) ?? found[0];
  if (!pick) return null;
  const other = pick.u === a ? b : a;
  const shared = pick.u.entities
    .filter((e) => e.end <= pick.at && other.entities.some((o) => sameName(o.name, e.name)))
    .sort((x, y) => y.end - x.end)[0];
  return shared ? `${shared.name} ${pick.surface}` : null;
}
