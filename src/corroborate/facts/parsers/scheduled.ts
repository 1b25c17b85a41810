// Rule `scheduled`: a date a thing is scheduled for ("His sentencing is scheduled for November 8",
// "elections which are planned for December 15") is the date of that planned thing, not of the event the
// predicate class names. Without it "sentencing is scheduled for November 8" fell to the noun search and
// became a verdict date, so every article that wrote both "found guilty Thursday" and the sentencing date
// stated two verdict days and left the slot (5 of the 11 articles of one dev event). The planned thing is
// its own slot, `plan:<noun>`: two articles' "elections planned for December 15" / "scheduled for December
// 24" face each other; a sentencing's date never faces an election's.
// The same holds for a classed verb in the future or the infinitive ("He will be sentenced November 8", "is to be
// sentenced Nov. 8", "scheduled to be sentenced November 8"): `plan:<class of the verb>`, so three articles
// that also wrote "found guilty Thursday" no longer state two verdict days.
// Must not hit: "set a record Tuesday", "set fire to the house on Friday" ("set" counts only before "for"),
// dates with no named planned thing before the verb ("it is scheduled for Monday": dropped, not compared).

import type { Token } from '../../../model/article.js';
import { stem } from '../../terms.js';
import { classOfWord } from '../frame.js';

const SCHEDULE = /^(schedul|plan|slat|timetabl)/;
/** Words between the planned thing and its verb: "elections which are planned", "sentencing is scheduled". */
const LINK = /^(which|that|is|are|was|were|be|been|being|now|currently|tentatively|also|originally|has|have|had)$/;
/** Tokens back from the verb to its planned noun: "elections in Turkmenistan which are planned" is 5. */
const NOUN_WINDOW = 5;

/**
 * The slot of a date framed by a scheduling verb at `k`: `plan:<stem of the planned noun>`, null when no
 * noun names it, undefined when `toks[k]` is no scheduling verb.
 */
export function scheduledClass(toks: Token[], k: number): string | null | undefined {
  const w = toks[k].normal.toLowerCase();
  // Only a classed verb: a future "will play Saturday" stays the weak verb frame it was (as `plan:play`
  // at a weekday's strength it set a team's next game on Saturday against another's on Friday, dev gold).
  const cls = classOfWord(w);
  if (cls && future(toks, k)) return `plan:${cls}`;
  const set = w === 'set' && toks[k + 1]?.normal === 'for';
  if (!set && !SCHEDULE.test(w)) return undefined;
  for (let j = k - 1; j >= 0 && k - j <= NOUN_WINDOW; j--) {
    if (/^[,.;:!?()]$/.test(toks[j].normal)) break;
    if (toks[j].pos === 'NOUN') return `plan:${stem(toks[j].normal.toLowerCase())}`;
    if (!LINK.test(toks[j].normal.toLowerCase()) && toks[j].pos !== 'PROPN' && toks[j].pos !== 'ADP') break;
  }
  return null;
}

/** "will sentence", "will be sentenced", "to be sentenced", "to sign": the verb at k is not yet done. */
function future(toks: Token[], k: number): boolean {
  const at = (j: number) => toks[j]?.normal.toLowerCase();
  const aux = at(k - 1) === 'be' ? k - 2 : k - 1;
  return at(aux) === 'will' || at(aux) === 'to' || at(aux) === "'ll";
}
