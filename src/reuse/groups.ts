// Independence groups: connected components over reuse links strong enough to mean "one source". A partial
// lift joins only when the lifted block is most of the smaller article, so one shared wire paragraph does not
// merge two otherwise independent reports (Dong, Berti-Equille & Srivastava, VLDB 2009: discount copiers).

import type { ReuseLink } from '../model/report.js';
import { reuseParams, type ReuseParams } from './params.js';

/** Does this link make its two articles one source? `coverSmall` = aligned share of the smaller article. */
export function joinsGroup(link: ReuseLink, coverSmall: number, params: ReuseParams = reuseParams): boolean {
  return link.kind !== 'partial' || coverSmall >= params.groupPartialMinCover;
}

/** Group id (smallest member id) for every id, over the joining links. */
export function independenceGroups(ids: string[], joining: { a: string; b: string }[]): Map<string, string> {
  const parent = new Map<string, string>(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const { a, b } of joining) {
    if (!parent.has(a) || !parent.has(b)) continue;
    const ra = find(a);
    const rb = find(b);
    // Union towards the smaller id, so each root is its component's smallest member.
    if (ra !== rb) ra < rb ? parent.set(rb, ra) : parent.set(ra, rb);
  }
  return new Map(ids.map((id) => [id, find(id)]));
}
