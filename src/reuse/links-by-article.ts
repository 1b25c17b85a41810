// The reuse links of a batch indexed by their first article (`a`), built once per links array: the
// cross-check's alignment and the outlets' copy-group origins both read a group's links through it.
// Walking every link of the batch per story or per copy group was quadratic (11 s of corroborate on 3,000
// articles; 17 s of the 'sources' phase at 10k). Keyed by the array, which every story view shares, not by
// a reuse result, which a view wraps anew per story with its own independence groups. A links array is
// only pushed to while reuse detection or placement builds it, before anything reads this index.

import type { ReuseLink } from '../model/report.js';

const index = new WeakMap<readonly ReuseLink[], Map<string, ReuseLink[]>>();

export function linksByArticle(links: readonly ReuseLink[]): ReadonlyMap<string, ReuseLink[]> {
  let byA = index.get(links);
  if (!byA) {
    byA = new Map();
    for (const l of links) (byA.get(l.a) ?? byA.set(l.a, []).get(l.a)!).push(l);
    index.set(links, byA);
  }
  return byA;
}
