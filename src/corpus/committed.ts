// What one `add` committed, kept in memory for the report that follows it (the one-shot `analyze`): the
// records and links as they were written, so the report need not read back, inflate and parse every record it
// just wrote (at 10k articles that read-back was 3.3 s, and the links' 1.5 s, of the main thread's 78 s busy).

import type { AnalysedArticle } from '../model/article.js';
import type { StoredLink } from '../store/types.js';

export class CommittedRecords {
  /** Article id → the record as committed (the object the store serialised) and its version. */
  private readonly records = new Map<string, { analysed: AnalysedArticle; version: number }>();
  /** Every link the add wrote, by `a\0b`, as the store keeps them (replaced on the same pair). */
  private readonly links = new Map<string, StoredLink>();

  /** Applies one chunk's commit the way the store does: a revision's links are dropped before the new ones go in. */
  committed(chunk: {
    articles: { analysed: AnalysedArticle; version: number }[];
    updated: AnalysedArticle[];
    revised: string[];
    links: StoredLink[];
  }): void {
    for (const a of chunk.articles) this.records.set(a.analysed.id, a);
    // A stored article re-dated by a new copy: kept only if this add wrote it first (else its version is unknown).
    for (const a of chunk.updated) {
      const had = this.records.get(a.id);
      if (had) this.records.set(a.id, { analysed: a, version: had.version });
    }
    if (chunk.revised.length) {
      const revised = new Set(chunk.revised);
      for (const [k, l] of this.links) if (revised.has(l.link.a) || revised.has(l.link.b)) this.links.delete(k);
    }
    for (const l of chunk.links) this.links.set(`${l.link.a}\u0000${l.link.b}`, l);
  }

  get(id: string): { analysed: AnalysedArticle; version: number } | undefined {
    return this.records.get(id);
  }

  /** The stored links with both ends in `ids`, when this add wrote every one of those articles (so every stored
   *  link among them is one it wrote: new ids had none before, a revision's old ones were dropped); else null. */
  linksAmong(ids: Set<string>): StoredLink[] | null {
    for (const id of ids) if (!this.records.has(id)) return null;
    const out: StoredLink[] = [];
    for (const l of this.links.values()) if (ids.has(l.link.a) && ids.has(l.link.b)) out.push(l);
    return out;
  }
}
