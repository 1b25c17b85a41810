// Keeps story and event ids stable across runs on a growing folder: each new cluster takes the id of the
// stored cluster it overlaps most (greedy one-to-one matching, largest overlap first); unmatched clusters
// keep their content-derived id. Membership is stored in the caller's SQLite database.

import type Database from 'better-sqlite3';
import type { StoryCluster } from './index.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS story_member (
  story_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (story_id, article_id)
);
CREATE INDEX IF NOT EXISTS story_member_article ON story_member(article_id);
CREATE TABLE IF NOT EXISTS event_member (
  event_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (event_id, article_id)
);
CREATE INDEX IF NOT EXISTS event_member_article ON event_member(article_id);
`;

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

/** Replaces content-derived ids by stored ones where the cluster is the same (max member overlap), then
 * records the new membership. With `db` null, returns the clusters unchanged (ids are content-derived). */
export function assignStableIds(clusters: StoryCluster[], db: Database.Database | null): StoryCluster[] {
  if (!db) return clusters.map((c) => ({ ...c, events: c.events.map((e) => ({ ...e })) }));
  db.exec(SCHEMA);
  const storyOf = db.prepare('SELECT story_id AS id FROM story_member WHERE article_id = ?');
  const eventOf = db.prepare('SELECT event_id AS id FROM event_member WHERE article_id = ?');
  const storyIds = matchStoredIds(clusters, (a) => (storyOf.all(a) as { id: string }[]).map((r) => r.id));
  const allEvents = clusters.flatMap((c) => c.events);
  const eventIds = matchStoredIds(allEvents, (a) => (eventOf.all(a) as { id: string }[]).map((r) => r.id));
  let k = 0;
  const out = clusters.map((c, i) => ({ ...c, id: storyIds[i], events: c.events.map((e) => ({ ...e, id: eventIds[k++] })) }));

  const delStoryArticle = db.prepare('DELETE FROM story_member WHERE article_id = ?');
  const delStory = db.prepare('DELETE FROM story_member WHERE story_id = ?');
  const addStory = db.prepare('INSERT OR IGNORE INTO story_member (story_id, article_id) VALUES (?, ?)');
  const delEventArticle = db.prepare('DELETE FROM event_member WHERE article_id = ?');
  const delEvent = db.prepare('DELETE FROM event_member WHERE event_id = ?');
  const addEvent = db.prepare('INSERT OR IGNORE INTO event_member (event_id, article_id) VALUES (?, ?)');
  db.transaction(() => {
    // The stored membership of every story we now output is replaced by the current one; stories of
    // articles not in this batch (another folder analysed with the same database) are left alone.
    for (const s of out) {
      delStory.run(s.id);
      for (const e of s.events) delEvent.run(e.id);
    }
    for (const s of out) {
      for (const a of s.articles) {
        delStoryArticle.run(a);
        delEventArticle.run(a);
      }
    }
    for (const s of out) {
      for (const a of s.articles) addStory.run(s.id, a);
      for (const e of s.events) for (const a of e.articles) addEvent.run(e.id, a);
    }
  })();
  return out;
}
