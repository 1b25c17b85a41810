// Rule signed-quote: a quotation closed by a dash and a name that ends its paragraph — reader replies, vox
// pops and epigraphs print the speaker after the words ("“Maybe we can build a wall around him.” ― Steve
// Quinlan"). The dash is the cue and the name the speaker.

import type { Span } from '../../model/article.js';
import { span, type Attribution } from './direct.js';

/** Dash, then one to five capitalised words (initials and particles allowed), an optional period, and
 * nothing else before the paragraph's end. */
const SIGNATURE = /^\s*(―|—|–|--)\s*((?:\p{Lu}[\p{L}'’.-]*\.?)(?:\s+(?:\p{Lu}[\p{L}'’.-]*\.?|de|del|la|van|von|da)){0,4})\.?\s*$/u;

/** The attribution of the quote ending at `quoteEnd` when a signature follows it to `paragraphEnd`. */
export function signedQuote(text: string, quoteEnd: number, paragraphEnd: number, sentence: number): Attribution | null {
  const rest = text.slice(quoteEnd, paragraphEnd);
  const m = SIGNATURE.exec(rest);
  if (!m) return null;
  const dashAt = quoteEnd + rest.indexOf(m[1]);
  const nameAt = quoteEnd + rest.indexOf(m[2], dashAt - quoteEnd + m[1].length);
  // A sentence's period is not the name's; an initial's is ("Oscar P.").
  const name = /\p{L}{2,}\.$/u.test(m[2]) ? m[2].slice(0, -1) : m[2];
  const speaker: Span = span(text, nameAt, nameAt + name.length);
  return { speaker, speakerSentence: sentence, cue: span(text, dashAt, dashAt + m[1].length) };
}
