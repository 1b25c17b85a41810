// Rule passive-cue: a cue in the passive ("was accused of", "has been criticized for", "is expected to")
// names who is spoken of, not who speaks; PolNeAR gives such an attribution no source unless an agent
// follows ("was called a charlatan by fellow physicians"). Tokens carry universal POS only, so the
// participle is told by a form of "be" before it and a participle ending.

// Not "'s": before a participle it is "has" as often as "is" ("He's said repeatedly that…" is active).
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'re", '’re']);
const PARTICIPLE = /(ed|en|wn|ld|lt|ght|id|ut)$/;
const SKIPPED = new Set(['ADV', 'AUX', 'PART']);

interface Tok { lower: string; pos: string }

/** Whether the cue `tokens[first..last]` is a passive participle: its first word that is not a form of
 * "be", an auxiliary or an adverb ends like a participle, and a form of "be" comes before it inside the cue
 * or just before it (one adverb allowed between: "was also dubbed"). */
export function isPassiveCue(tokens: Tok[], first: number, last: number): boolean {
  let be = (first > 0 && BE.has(tokens[first - 1].lower))
    || (first > 1 && BE.has(tokens[first - 2].lower) && tokens[first - 1].pos === 'ADV');
  let k = first;
  while (k <= last && (BE.has(tokens[k].lower) || SKIPPED.has(tokens[k].pos))) {
    if (BE.has(tokens[k].lower)) be = true;
    k++;
  }
  return be && k <= last && PARTICIPLE.test(tokens[k].lower);
}


/** Words after a passive cue searched for "by" and its agent ("was called a charlatan by …"): 6 reaches
 * past a short complement without crossing into another clause. */
const AGENT_REACH = 6;

/** Index of the "by" that introduces the passive cue's agent, within `AGENT_REACH` words after the cue
 * and before the sentence's end (`sentenceLast`), or −1. */
export function agentAfter(tokens: Tok[], last: number, sentenceLast: number): number {
  for (let k = last + 1; k <= Math.min(last + AGENT_REACH, sentenceLast); k++) {
    if (tokens[k].lower === 'by') return k;
    if (tokens[k].lower === ',' || tokens[k].lower === 'that') return -1;
  }
  return -1;
}
