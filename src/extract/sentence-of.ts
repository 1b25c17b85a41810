// Which sentence holds a character position: the extractors (dates, quantities) tag every mention with its
// sentence's index, by binary search over the article's sentence spans, which are sorted and disjoint.

/** Index in `sentences` of the span holding `pos`, or −1 (no spans given, or `pos` between sentences). */
export function sentenceOf(sentences: readonly { start: number; end: number }[] | undefined, pos: number): number {
  if (!sentences) return -1;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}
