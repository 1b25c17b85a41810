// The stories list behind GET /api/stories and the Stories page: filters, newest activity first, and an
// opaque cursor that walks every story exactly once even while articles are being added.
//
// Why a snapshot: the sort key (when a story last changed) moves when an add touches a story, so a plain
// keyset on it skips a story updated mid-walk. The first page freezes the walk's order (ids only) in memory;
// later pages continue after the cursor's (key, id) in that order, with each story's current figures. A
// cursor whose snapshot has expired falls back to a live keyset on (updatedAt, lastSeen, id) ≤ the cursor.

import { randomBytes } from 'node:crypto';
import type { Corpus, StorySummary } from '../corpus/index.js';

export interface StoryFilters {
  q?: string;
  since?: string;
  until?: string;
  outlet?: string;
}

export interface StoryPage {
  items: StorySummary[];
  nextCursor: string | null;
}

export class CursorError extends Error {}

interface Cursor {
  /** Snapshot id. */
  s: string;
  /** Sort key of the last story returned: updatedAt, lastSeen, id. */
  k: [string, string, string];
  /** Filters fingerprint: a cursor is only good for the query that made it. */
  f: string;
}

const SNAPSHOT_TTL_MS = 15 * 60_000;
const MAX_SNAPSHOTS = 64;
/** Other processes may add to the same file: the cached list is re-read at least this often. */
const LIST_TTL_MS = 10_000;

type Key = [string, string, string];
const keyOf = (s: StorySummary): Key => [s.updatedAt, s.lastSeen ?? '', s.id];
/** Newest first: later updatedAt, then later lastSeen, then id ascending (a total order). */
function compare(a: Key, b: Key): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? 1 : -1;
  if (a[1] !== b[1]) return a[1] < b[1] ? 1 : -1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

export const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.s === 'string' && Array.isArray(c.k) && c.k.length === 3 && c.k.every((x) => typeof x === 'string') && typeof c.f === 'string') return c;
  } catch {
    // falls through
  }
  throw new CursorError('cursor is not one this server gave out');
}

export class StoryListing {
  private list: { at: number; generation: number; all: StorySummary[]; byId: Map<string, StorySummary> } | null = null;
  private generation = 0;
  /** Frozen walks: a list sorted by the keys it had when the walk began (never mutated: lists are replaced). */
  private snapshots = new Map<string, { at: number; list: StorySummary[] }>();
  /** The snapshot of each (list generation, filters): concurrent first pages of one query share one. */
  private snapshotFor = new Map<string, string>();
  private outletsOf = new Map<string, { version: number; outlets: Set<string> }>();
  private readonly changeListeners: ((changed: StorySummary[]) => void)[] = [];
  /** First pages as JSON, of the current list generation only: most reads are a first page, and the JSON of
   *  50 stories was 9 % of the request thread's busy time under the 12k serve bench. */
  private firstPages: { generation: number; json: Map<string, string> } = { generation: -1, json: new Map() };

  constructor(private readonly corpus: Corpus, private readonly now: () => number = Date.now) {}

  private async current(): Promise<{ generation: number; all: StorySummary[]; byId: Map<string, StorySummary> }> {
    if (!this.list || this.now() - this.list.at > LIST_TTL_MS) {
      const all = (await this.corpus.stories({})).sort((a, b) => compare(keyOf(a), keyOf(b)));
      this.list = { at: this.now(), generation: ++this.generation, all, byId: new Map(all.map((s) => [s.id, s])) };
    }
    return this.list;
  }

  /** Told the new figures of the stories this process's adds changed (the story cache renders them anew). */
  onChange(listener: (changed: StorySummary[]) => void): void {
    this.changeListeners.push(listener);
  }

  /** Folds an add's changed and removed stories into the cached list (a new array: snapshots keep theirs). */
  async applyChanges(changed: StorySummary[], removed: string[]): Promise<void> {
    if (!this.list) return;
    const drop = new Set([...removed, ...changed.map((s) => s.id)]);
    const fresh = [...changed].sort((a, b) => compare(keyOf(a), keyOf(b)));
    const all = mergeSorted(fresh, this.list.all.filter((s) => !drop.has(s.id)));
    const byId = new Map(this.list.byId);
    for (const id of drop) byId.delete(id);
    for (const s of changed) byId.set(s.id, s);
    this.list = { at: this.list.at, generation: ++this.generation, all, byId };
    for (const l of this.changeListeners) l(changed);
  }

  /** Every listed story, newest activity first. */
  async newestFirst(): Promise<readonly StorySummary[]> {
    return (await this.current()).all;
  }

  async count(): Promise<number> {
    return (await this.current()).all.length;
  }

  async get(id: string): Promise<StorySummary | undefined> {
    return (await this.current()).byId.get(id);
  }

  async page(filters: StoryFilters, limit: number, cursorText?: string): Promise<StoryPage> {
    const fingerprint = fingerprintOf(filters);
    const { generation, all, byId } = await this.current();
    if (!cursorText) {
      const filtered = isEmpty(filters) ? all : await this.filter(all, filters);
      if (filtered.length <= limit) return { items: filtered.slice(0, limit), nextCursor: null };
      const s = this.snapshotOf(`${generation}|${fingerprint}`, filtered);
      return this.answer(filtered, 0, limit, fingerprint, s, byId);
    }
    const cursor = decodeCursor(cursorText);
    if (cursor.f !== fingerprint) throw new CursorError('cursor belongs to another query (filters changed)');
    const snap = this.snapshots.get(cursor.s);
    if (snap && this.now() - snap.at <= SNAPSHOT_TTL_MS) return this.answer(snap.list, after(snap.list, cursor.k), limit, fingerprint, cursor.s, byId);
    // Expired: a live keyset from the cursor's key (a story updated since may be passed over).
    const rest = await this.filter(all.slice(after(all, cursor.k)), filters);
    const s = this.snapshotOf(`${generation}|${fingerprint}|${cursorText}`, rest);
    return this.answer(rest, 0, limit, fingerprint, s, byId);
  }

  /** The page as JSON; a first page (no cursor) is serialised once per list generation and query. */
  async pageJson(filters: StoryFilters, limit: number, cursorText?: string): Promise<string> {
    if (cursorText) return JSON.stringify(await this.page(filters, limit, cursorText));
    const { generation } = await this.current();
    if (this.firstPages.generation !== generation) this.firstPages = { generation, json: new Map() };
    const key = `${fingerprintOf(filters)}|${limit}`;
    let json = this.firstPages.json.get(key);
    if (json === undefined) {
      json = JSON.stringify(await this.page(filters, limit));
      // The page may have read a newer list (its own current()); keep it only for the generation it is of.
      if (this.firstPages.generation === generation && this.firstPages.json.size < MAX_SNAPSHOTS) this.firstPages.json.set(key, json);
    }
    return json;
  }

  /** `limit` stories of a frozen list from `from`, with today's figures; stories merged away since the walk
   *  began are gone, so the page is filled from further on. */
  private answer(list: StorySummary[], from: number, limit: number, f: string, s: string, byId: Map<string, StorySummary>): StoryPage {
    const items: StorySummary[] = [];
    let i = from;
    let last: StorySummary | null = null;
    for (; i < list.length && items.length < limit; i++) {
      last = list[i];
      const now = byId.get(list[i].id);
      if (now) items.push(now);
    }
    if (i >= list.length || !last) return { items, nextCursor: null };
    return { items, nextCursor: encodeCursor({ s, k: keyOf(last), f }) };
  }

  private snapshotOf(key: string, list: StorySummary[]): string {
    const t = this.now();
    const known = this.snapshotFor.get(key);
    if (known && this.snapshots.has(known) && t - this.snapshots.get(known)!.at <= SNAPSHOT_TTL_MS) return known;
    for (const [k, v] of this.snapshots) if (t - v.at > SNAPSHOT_TTL_MS) this.snapshots.delete(k);
    while (this.snapshots.size >= MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value!);
    if (this.snapshotFor.size > 4 * MAX_SNAPSHOTS) this.snapshotFor.clear();
    const id = randomBytes(9).toString('base64url');
    this.snapshots.set(id, { at: t, list });
    this.snapshotFor.set(key, id);
    return id;
  }

  /** The headline-word, date and outlet filters (the store's `instr` semantics for words). */
  private async filter(list: StorySummary[], f: StoryFilters): Promise<StorySummary[]> {
    const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const out: StorySummary[] = [];
    for (const s of list) {
      const headline = s.headline.toLowerCase();
      if (!words.every((w) => headline.includes(w))) continue;
      if (f.since && (s.lastSeen ?? s.updatedAt).slice(0, 10) < f.since) continue;
      if (f.until && (s.firstSeen ?? s.updatedAt).slice(0, 10) > f.until) continue;
      if (f.outlet && !(await this.outlets(s)).has(f.outlet.toLowerCase())) continue;
      out.push(s);
    }
    return out;
  }

  /** A story's outlets (lower-cased), cached per story version. The store has no outlet index yet: this
   *  reads the story's articles once per version. */
  async outlets(s: StorySummary): Promise<Set<string>> {
    const hit = this.outletsOf.get(s.id);
    if (hit && hit.version === s.version) return hit.outlets;
    const [stored] = await this.corpus.store.getStories([s.id]);
    const articles = stored ? await this.corpus.store.getArticles(stored.view.articles) : [];
    const outlets = new Set(articles.map((a) => a.analysed.meta.outlet?.toLowerCase()).filter((o): o is string => !!o));
    this.outletsOf.set(s.id, { version: s.version, outlets });
    return outlets;
  }
}

/** The filters as a string: a cursor is good only for the query that made it, and first pages are kept per query. */
const fingerprintOf = (f: StoryFilters) => JSON.stringify([f.q ?? '', f.since ?? '', f.until ?? '', f.outlet ?? '']);
const isEmpty = (f: StoryFilters) => !f.q && !f.since && !f.until && !f.outlet;

/** Index of the first story sorted after key (binary search: lists are sorted by `compare`). */
function after(list: StorySummary[], key: Key): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(keyOf(list[mid]), key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mergeSorted(a: StorySummary[], b: StorySummary[]): StorySummary[] {
  const out: StorySummary[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compare(keyOf(a[i]), keyOf(b[j])) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}
