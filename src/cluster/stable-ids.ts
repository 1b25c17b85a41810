// Keeps story and event ids stable as the corpus grows: each new cluster takes the id of the stored cluster
// it overlaps most (greedy one-to-one matching, largest overlap first); unmatched clusters keep their
// content-derived id. The corpus reads the stored membership from the store and passes it in.

interface Cluster {
  id: string;
  articles: string[];
}

/** Greedy maximum-overlap matching of new clusters to stored ids. Returns new id per cluster index. */
export function matchStoredIds(clusters: Cluster[], storedOf: (articleId: string) => string[]): string[] {
  const pairs: { c: number; stored: string; overlap: number }[] = [];
  clusters.forEach((cl, c) => {
    const overlap = new Map<string, number>();
    for (const a of cl.articles) for (const s of storedOf(a)) overlap.set(s, (overlap.get(s) ?? 0) + 1);
    for (const [stored, n] of overlap) pairs.push({ c, stored, overlap: n });
  });
  // Largest overlap first; ties by cluster size then ids so the matching is deterministic.
  pairs.sort(
    (x, y) =>
      y.overlap - x.overlap ||
      clusters[y.c].articles.length - clusters[x.c].articles.length ||
      (x.stored < y.stored ? -1 : x.stored > y.stored ? 1 : x.c - y.c),
  );
  const ids: (string | null)[] = clusters.map(() => null);
  const taken = new Set<string>();
  for (const p of pairs) {
    if (ids[p.c] !== null || taken.has(p.stored)) continue;
    ids[p.c] = p.stored;
    taken.add(p.stored);
  }
  return clusters.map((cl, c) => {
    if (ids[c] !== null) return ids[c]!;
    // A content id that is already taken by a matched cluster (a story split) gets a suffix.
    let id = cl.id;
    for (let n = 2; taken.has(id); n++) id = `${cl.id}-${n}`;
    taken.add(id);
    return id;
  });
}
