// Cuts a story's units into time segments at wide gaps between the days of the happenings they report, so
// that the story-local event pass never puts the closure of a port and its reopening a week later into one
// event. A strong version of the time-gap penalty of Miranda et al. (EMNLP 2018): within one story, topic
// words are shared by all sub-events, so time is often the clearest signal that separates them.

export interface SegmentOptions {
  /** Minimum gap (days) between consecutive event days that may separate two segments. */
  gapDays: number;
  /** Each side of a cut needs at least this many dated units. */
  minSide: number;
}

/** Returns segments of indexes into `days`. Dated units are cut recursively at the widest qualifying gap;
 * undated units join the segment `affinity` prefers (highest mean affinity to its dated members; the
 * earliest segment on ties), so an undated copy follows the articles it resembles. */
export function segmentByTime(days: readonly (number | null)[], affinity: (i: number, j: number) => number, opts: SegmentOptions): number[][] {
  const dated = [...days.keys()].filter((i) => days[i] !== null).sort((a, b) => days[a]! - days[b]! || a - b);
  const undated = [...days.keys()].filter((i) => days[i] === null);
  const segments: number[][] = [];
  // An explicit stack, not recursion: how deep the cuts go is decided by the input (a run of ever-narrower
  // gaps cuts off minSide units at a time). Left halves are popped first, so segments stay in day order.
  const todo: number[][] = [dated];
  while (todo.length > 0) {
    const run = todo.pop()!;
    let best = -1;
    let bestGap = opts.gapDays - 1;
    for (let k = opts.minSide; k <= run.length - opts.minSide; k++) {
      const gap = days[run[k]]! - days[run[k - 1]]!;
      if (gap > bestGap) {
        bestGap = gap;
        best = k;
      }
    }
    if (best < 0) segments.push(run);
    else todo.push(run.slice(best), run.slice(0, best));
  }
  if (segments.length <= 1) return [[...days.keys()]];
  // Undated units are scored against the dated members only, so their own order does not matter.
  const datedSegments = segments.map((seg) => [...seg]);
  for (const u of undated) {
    let target = 0;
    let bestScore = -Infinity;
    datedSegments.forEach((seg, s) => {
      const score = seg.reduce((sum, i) => sum + affinity(u, i), 0) / seg.length;
      if (score > bestScore) {
        bestScore = score;
        target = s;
      }
    });
    segments[target].push(u);
  }
  return segments;
}
