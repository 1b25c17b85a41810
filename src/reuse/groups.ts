// Independence groups: connected components over reuse links strong enough to mean "one source". A partial
// lift joins only when the lifted block is most of the smaller article, so one shared wire paragraph does not
// merge two otherwise independent reports (Dong, Berti-Equille & Srivastava, VLDB 2009: discount copiers).
// The union-find here is the project's one: outlet folding (src/outlets) and the brief's counts use it too.

import type { ReuseLink } from '../model/report.js';
import { reuseParams, type ReuseParams } from './params.js';

/** Disjoint sets over string keys; each root is its set's smallest key (code-unit order), so results do
 * not depend on the order of unions. Path compression keeps finds near constant on 100k-article batches. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  constructor(keys: Iterable<string> = []) {
    for (const k of keys) this.parent.set(k, k);
  }

  has(key: string): boolean {
    return this.parent.has(key);
  }

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key);
  }

  find(key: string): string {
    this.add(key);
    let root = key;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    while (this.parent.get(key) !== root) {
      const next = this.parent.get(key)!;
      this.parent.set(key, root);
      key = next;
    }
    return root;
  }

  /** Joins the sets of a and b; returns false when they were already one. */
  union(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // Union towards the smaller key, so each root is its component's smallest member.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
    return true;
  }
}

/** Does this link make its two articles one source? `coverSmall` = aligned share of the smaller article. */
export function joinsGroup(link: ReuseLink, coverSmall: number, params: ReuseParams = reuseParams): boolean {
  return link.kind !== 'partial' || coverSmall >= params.groupPartialMinCover;
}

/** Group id (smallest member id) for every id, over the joining links. */
export function independenceGroups(ids: string[], joining: { a: string; b: string }[]): Map<string, string> {
  const sets = new UnionFind(ids);
  for (const { a, b } of joining) if (sets.has(a) && sets.has(b)) sets.union(a, b);
  return new Map(ids.map((id) => [id, sets.find(id)]));
}
