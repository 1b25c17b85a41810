// Which words before a date decide its tense: the clause of the verb the date attaches to. A bare weekday
// or month is resolved past or future by a cue ("will", "next") in the clause before it; a quote or a
// reported clause that ends before the date's own verb is someone else's tense and must not decide it.

/**
 * Rule `reportingClause`: the part of `window` (the text just before a date) that belongs to the date's own
 * clause. It starts after the last
 * - closing quote (`"It will take time," the mayor said on Tuesday`: "will" is the mayor's quote, the
 *   date attaches to "said", the past Tuesday), or
 * - past-tense reporting verb with no auxiliary before it (`The port will reopen, officials said Tuesday`:
 *   the reported clause is in the future, the saying was not).
 *
 * Must not hit:
 * - a cue after the reporting verb, in the reported clause the date belongs to ("said the bridge will
 *   reopen on Tuesday" keeps "will": it comes after the cut);
 * - a participle of a passive or perfect future ("results will be announced Tuesday", "will have told"):
 *   an auxiliary right before the verb means it is not the past tense of a saying;
 * - a quote that opens again before the date (`"…," he said, "we will meet Tuesday`): only closing
 *   quotes cut, so the new quote's "will" stays in the clause.
 */
// Single quotes close only after punctuation ('It will take time,' she said): an apostrophe elsewhere
// ("officials' plans", "the '80s") is no quote.
const CLOSING_QUOTE = /[,.!?;:\u2014-]\s*["\u201d]|[,.!?]['\u2019]|\u201d/g;
const REPORTED_PAST =
  /\b(?:(be|been|being|get|got|is|are|was|were|have|has|had|will|would)\s+)?(?:said|told|added|announced|stated|wrote|confirmed|reported|explained|insisted|warned|noted|declared|acknowledged|argued|claimed|testified|tweeted|posted)\b/gi;

export function reportingClause(window: string): string {
  let cut = -1;
  CLOSING_QUOTE.lastIndex = 0;
  for (let m = CLOSING_QUOTE.exec(window); m; m = CLOSING_QUOTE.exec(window)) cut = Math.max(cut, m.index + m[0].length);
  REPORTED_PAST.lastIndex = 0;
  for (let m = REPORTED_PAST.exec(window); m; m = REPORTED_PAST.exec(window)) {
    if (!m[1]) cut = Math.max(cut, m.index + m[0].length);
  }
  return cut >= 0 ? window.slice(cut) : window;
}
