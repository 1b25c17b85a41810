// Parser `temperature`: the temperature at the event ("fought the blaze in temperatures of minus 17
// degrees", "Outside temperatures were minus 20", "in minus-20 degree temperatures"). Written with a scale it is converted to °C
// (normalise/units.ts); without one it is compared only with other figures without one (the story's
// outlets share a country's scale far more often than not, but a mix is not guessed).
// Must not hit: forecasts, highs and lows and averages ("a high of 30", "expected to reach"), body or
// water temperatures, figures of another time (frame.ts backgroundClause), a temperature rise ("rose by 2").

import type { SentenceUnit } from '../../align.js';
import type { FactMention, FactParser } from '../mention.js';
import { backgroundClause } from '../frame.js';
import { canonicalUnit, toCanonical } from '../normalise/units.js';

const TEMPERATURE = /\btemperatures?\s+(?:of|were|was|at|reached|hit|stood at|hovered (?:around|near)|(?:fell|dropped|plunged) to)\s+(?:(about|around|near|nearly|some)\s+)?(minus\s+|-\s?)?(\d{1,3}(?:\.\d)?)(?:\s*(?:degrees?|°)\s*(fahrenheit|celsius|centigrade|[fc]\b)?)?/gi;
/** The figure as an adjective of the weather: "in minus-20 degree temperatures", "in 95-degree heat". */
// No \b first: it cannot match before "-20", which would then read as +20.
const DEGREE_WEATHER = /(?<![\w.−-])(?:(about|around|near|nearly|some)\s+)?(minus[\s-]+|[-−]\s?)?(\d{1,3}(?:\.\d)?)[\s-]+degrees?(?:[\s-]+(fahrenheit|celsius|centigrade|[fc]\b))?\s+(?:temperatures?|weather|cold|heat)\b/gi;
const NOT_AIR = /\b(body|water|sea|core|oven|engine|high|highs|low|lows|average|forecast|record)\b/i;

export const temperature: FactParser = {
  name: 'temperature',
  propose(u: SentenceUnit): FactMention[] {
    const out: FactMention[] = [];
    for (const re of [TEMPERATURE, DEGREE_WEATHER]) {
      re.lastIndex = 0;
      for (let m = re.exec(u.text); m; m = re.exec(u.text)) {
        const found = mentionOf(u, m);
        if (found && !out.some((o) => o.start < found.end && found.start < o.end)) out.push(found);
      }
    }
    return out;
  },
};

/** One match of either pattern (groups: hedge, minus, figure, scale) as a mention, or null when it is not the air's. */
function mentionOf(u: SentenceUnit, m: RegExpExecArray): FactMention | null {
  const before = u.text.slice(Math.max(0, m.index - 24), m.index);
  if (NOT_AIR.test(before) || NOT_AIR.test(m[0])) return null;
  const start = u.start + m.index + m[0].indexOf(m[2] ?? m[3]);
  if (backgroundClause(u, start)) return null;
  const n = (m[2] ? -1 : 1) * Number(m[3]);
  const scale = m[4] ? canonicalUnit(`degrees ${m[4].length === 1 ? (m[4].toLowerCase() === 'f' ? 'fahrenheit' : 'celsius') : m[4].toLowerCase()}`) : null;
  // A hedge widens the value the way normalise/range.ts widens "about N" counts.
  const slack = m[1] ? Math.max(1, Math.abs(n) * 0.1) : 0;
  const [min, max] = scale ? toCanonical(n - slack, n + slack, scale) : [n - slack, n + slack];
  return {
    kind: 'number', measure: scale ? 'temperature' : 'temperature:no-scale', label: 'the temperature', holder: null, scope: 'event',
    range: { min, max, exact: !m[1] }, date: null, thing: 'temperature', display: m[0].slice(m[0].indexOf(m[1] ?? m[2] ?? m[3])).trim(), unit: u, start, end: u.start + m.index + m[0].length,
    rule: 'temperature', normalised: [...(m[1] ? [`hedge: ${m[1]}`] : []), ...(scale ? [`unit: ${m[4]} → °C`] : [])], strength: 0.7,
  };
}
