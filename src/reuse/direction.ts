// Who copied whom: the earlier publisher when both dates are known and differ; otherwise an attribution
// phrase naming the other's outlet ("told CNN", "according to Reuters"); otherwise containment (the text
// that holds the other's sentences plus more is usually the later one); otherwise null rather than a guess.

import type { ReuseKind } from '../model/report.js';
import { reuseParams, type ReuseParams } from './params.js';

export interface DirectionInput {
  id: string;
  published: string | null;
  outlet: string | null;
  text: string;
  /** Alignable sentences (coverage denominator). */
  sentences: number;
  /** citedOutlets(text), when the caller keeps it per article. */
  cited?: ReadonlySet<string>;
}

/** Outlet as a bare comparable name: "www.TimesOfIsrael.com" → "timesofisrael", "The Guardian" → "guardian". */
export function outletName(outlet: string): string {
  let o = outlet.toLowerCase().trim();
  if (/^[\w.-]+\.[a-z]{2,}$/.test(o)) {
    o = o.replace(/^(?:www|edition|m|amp)\./, '');
    o = o.replace(/(?:\.(?:com|org|net|co|news|gov|edu|info|uk|us|au|ca|de|fr|il|in|ie|nz|za))+$/, '');
  }
  return o.replace(/^the\s+/, '').replace(/[^a-z0-9]/g, '');
}

// "told CNN", "according to The Times of Israel", "reported by Reuters", "CNN reported": the name that follows
// (or precedes) an attribution cue. Up to five capitalised words, so "The Times of Israel" fits.
const NAME = String.raw`((?:[Tt]he\s+)?[A-Z][\w&'.-]*(?:\s+(?:of|the|and|[A-Z][\w&'.-]*)){0,4})`;
const CUE_BEFORE = new RegExp(String.raw`\b(?:told|according to|reported by|cited by|quoted by|in an interview with|said to|wrote in)\s+` + NAME, 'g');
const CUE_AFTER = new RegExp(NAME + String.raw`\s+(?:reported|first reported|said in a report|reports)\b`, 'g');

/**
 * Every outlet name `text` attributes information to: each prefix of each captured name, as outletName
 * ("CNN on Tuesday" must still name CNN). An article is in one pair per copy of its story, so callers keep
 * this per article (DirectionInput.cited) rather than scanning its text again for every pair.
 */
export function citedOutlets(text: string): Set<string> {
  const names = new Set<string>();
  for (const re of [CUE_BEFORE, CUE_AFTER]) {
    for (const m of text.matchAll(re)) {
      const parts = m[1].split(/\s+/);
      for (let k = parts.length; k >= 1; k--) names.add(outletName(parts.slice(0, k).join(' ')));
    }
  }
  return names;
}

/** Does `text` attribute information to the outlet `outlet`? `cited` is citedOutlets(text) when known. */
export function attributesTo(text: string, outlet: string | null, cited?: ReadonlySet<string>): boolean {
  if (!outlet) return false;
  const target = outletName(outlet);
  if (target.length < 2) return false;
  return (cited ?? citedOutlets(text)).has(target);
}

/** The original of a linked pair, or null when the evidence does not say. */
export function decideOriginal(
  x: DirectionInput,
  y: DirectionInput,
  kind: ReuseKind,
  shared: number,
  params: ReuseParams = reuseParams,
): string | null {
  if (x.published && y.published && x.published !== y.published) return x.published < y.published ? x.id : y.id;
  const xCitesY = attributesTo(x.text, y.outlet, x.cited);
  const yCitesX = attributesTo(y.text, x.outlet, y.cited);
  if (xCitesY !== yCitesX) return xCitesY ? y.id : x.id;
  if (kind === 'duplicate') return null;
  const [small, large] = x.sentences <= y.sentences ? [x, y] : [y, x];
  if (
    shared / Math.max(1, small.sentences) >= params.containmentMinCover &&
    large.sentences >= params.containmentMinRatio * small.sentences
  ) {
    return small.id;
  }
  return null;
}
