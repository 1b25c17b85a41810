// Normaliser `units`: lengths, areas, masses, temperatures and speeds to one canonical unit each, so "10
// miles" and "16 km", "1,500 square feet" and "139 square metres", "100 pounds" and "45 kg" compare as the
// same value. Conversions in the text are rounded by the writer: compatible.ts allows for that.

import type { QuantityMention } from '../../../model/article.js';
import type { SentenceUnit } from '../../align.js';
import type { FactRange } from '../mention.js';
import { rangeOfQuantity } from './range.js';

export interface Canonical {
  dimension: 'length' | 'area' | 'mass' | 'temperature' | 'speed';
  /** Multiply by this (and add `offset`) to get the canonical unit (m, m², kg, °C, km/h). */
  factor: number;
  offset?: number;
  name: string;
}

const LENGTH: Record<string, number> = {
  km: 1000, kms: 1000, kilometer: 1000, kilometers: 1000, kilometre: 1000, kilometres: 1000,
  m: 1, meter: 1, meters: 1, metre: 1, metres: 1, cm: 0.01, centimeters: 0.01, centimetres: 0.01,
  mile: 1609.344, miles: 1609.344, mi: 1609.344, ft: 0.3048, foot: 0.3048, feet: 0.3048, yard: 0.9144, yards: 0.9144,
  inch: 0.0254, inches: 0.0254,
};
const MASS: Record<string, number> = { kg: 1, kilogram: 1, kilograms: 1, kilos: 1, g: 0.001, grams: 0.001, lb: 0.45359237, lbs: 0.45359237, pounds: 0.45359237, tons: 907.18474, tonnes: 1000, ton: 907.18474, tonne: 1000 };

/** The canonical unit of a unit phrase ("miles", "square feet", "km/h"), or null when it is not a physical unit. */
export function canonicalUnit(phrase: string): Canonical | null {
  const p = phrase.toLowerCase().trim().replace(/\s+/g, ' ');
  const square = /^(?:square|sq\.?) (\w+)$/.exec(p);
  if (square && LENGTH[square[1]] !== undefined) return { dimension: 'area', factor: LENGTH[square[1]] ** 2, name: p };
  if (/^(hectares?|ha)$/.test(p)) return { dimension: 'area', factor: 10_000, name: p };
  if (/^acres?$/.test(p)) return { dimension: 'area', factor: 4046.8564224, name: p };
  if (LENGTH[p] !== undefined) return { dimension: 'length', factor: LENGTH[p], name: p };
  if (MASS[p] !== undefined) return { dimension: 'mass', factor: MASS[p], name: p };
  if (/^(mph|miles per hour)$/.test(p)) return { dimension: 'speed', factor: 1.609344, name: p };
  if (/^(km\/h|kph|kilometers per hour|kilometres per hour)$/.test(p)) return { dimension: 'speed', factor: 1, name: p };
  if (/^(degrees? fahrenheit|°f|f)$/.test(p)) return { dimension: 'temperature', factor: 5 / 9, offset: (-32 * 5) / 9, name: p };
  if (/^(degrees? celsius|°c|c|degrees? centigrade)$/.test(p)) return { dimension: 'temperature', factor: 1, name: p };
  return null;
}

/** Converts an interval into the canonical unit. */
export function toCanonical(min: number, max: number, u: Canonical): [number, number] {
  const off = u.offset ?? 0;
  return [min * u.factor + off, max * u.factor + off];
}

/** The sentence's lengths ("about 200 feet", "12 miles"), each as an interval in metres with the
 * normalisations that reached it: what every parser of a distance starts from. */
export function lengthsOf(u: SentenceUnit): { q: QuantityMention; metres: FactRange; normalised: string[] }[] {
  const out: { q: QuantityMention; metres: FactRange; normalised: string[] }[] = [];
  for (const q of u.quantities) {
    if (q.kind !== 'measure' || !q.unit) continue;
    const unit = canonicalUnit(q.unit);
    if (!unit || unit.dimension !== 'length') continue;
    const range = rangeOfQuantity(q);
    if (!range) continue;
    const [min, max] = toCanonical(range.range.min, range.range.max, unit);
    out.push({ q, metres: { min, max, exact: range.range.exact }, normalised: [...range.normalised, `unit: ${q.unit} → metres`] });
  }
  return out;
}
