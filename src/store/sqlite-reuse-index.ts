// The persistent reuse index inside the SQLite adapter: signatures and band/sentence/content keys in the
// corpus database (`reuse_signature`, `reuse_band`), queried with one statement per signature.

import type Database from 'better-sqlite3';
import { forEachKey, isCandidate, type CandidateHits, type KeyKind, type ReuseIndexStore } from '../reuse/index-store.js';
import { reuseParams } from '../reuse/params.js';
import type { ReuseSignature } from '../reuse/signature.js';

/** SQLite-backed index: persists across runs in the caller's database (tables `reuse_signature`,
 *  `reuse_band`). `reuse_band` is a WITHOUT ROWID table keyed (key, doc): the band-hash index itself. */
export class SqliteReuseIndex implements ReuseIndexStore {
  private readonly insertSignature;
  private readonly insertKey;
  private readonly selectDoc;
  private readonly selectPostings;
  private readonly selectId;
  private readonly countDocs;
  private readonly addTx;
  /** Keys seen with more than maxPosting postings: lists only grow, so a stop-key stays one. Not queried again,
   *  and no longer written to (bounded growth). Learned by queries in this process; bounded in size. */
  private readonly stopKeys = new Set<number>();

  constructor(
    private readonly db: Database.Database,
    private readonly maxPosting: number = reuseParams.maxPosting,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS reuse_signature (
        doc INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        minhash BLOB NOT NULL,
        simhash_hi INTEGER NOT NULL,
        simhash_lo INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS reuse_band (
        key INTEGER NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (key, doc)
      ) WITHOUT ROWID;
    `);
    this.insertSignature = db.prepare(
      'INSERT INTO reuse_signature (id, minhash, simhash_hi, simhash_lo) VALUES (?, ?, ?, ?)',
    );
    // Every posting is stored, even past the stop-key cap: a conditional insert ("only while the list is
    // shorter than maxPosting + 1") was measured at half the bulk-insert rate (1,778 vs 3,752 articles/s at
    // 10k). Queries read at most maxPosting + 1 rows per key, so long lists cost disk, not latency.
    this.insertKey = db.prepare('INSERT OR IGNORE INTO reuse_band (key, doc) VALUES (?, ?)');
    this.selectDoc = db.prepare('SELECT doc FROM reuse_signature WHERE id = ?').pluck();
    // All of a query's posting lists in one statement (one JS↔SQLite crossing instead of ~55; measured below),
    // each list read up to the first parameter's rows, so a stop-key costs at most maxPosting + 1 row reads.
    this.selectPostings = db
      .prepare(
        `SELECT q.key AS key, (SELECT group_concat(doc) FROM (SELECT doc FROM reuse_band WHERE key = q.key LIMIT ?)) AS docs
         FROM (SELECT value AS key FROM json_each(?)) AS q`,
      )
      .raw();
    this.selectId = db.prepare('SELECT id FROM reuse_signature WHERE doc = ?').pluck();
    this.countDocs = db.prepare('SELECT count(*) FROM reuse_signature').pluck();
    this.addTx = db.transaction((sigs: ReuseSignature[]) => {
      const rows: { key: number; doc: number }[] = [];
      for (const sig of sigs) {
        if (this.selectDoc.get(sig.id) !== undefined) continue;
        const info = this.insertSignature.run(
          sig.id,
          Buffer.from(sig.minhash.buffer, sig.minhash.byteOffset, sig.minhash.byteLength),
          sig.simhash[0],
          sig.simhash[1],
        );
        const doc = Number(info.lastInsertRowid);
        forEachKey(sig, (key, kind) => {
          if (kind === 'content' || !this.stopKeys.has(key)) rows.push({ key, doc });
        });
      }
      // Keys in B-tree order: a batch's inserts then touch each leaf page once instead of at random.
      if (rows.length > 64) rows.sort((x, y) => x.key - y.key || x.doc - y.doc);
      for (const r of rows) this.insertKey.run(r.key, r.doc);
    });
  }

  /** Drops the signatures of these ids (an article revised: its new text is indexed afresh). Their postings stay
   *  in `reuse_band` until a rebuild, pointing at a doc no signature row names, so queries skip them. */
  forget(ids: string[]): void {
    const drop = this.db.prepare('DELETE FROM reuse_signature WHERE id = ?');
    for (const id of ids) drop.run(id);
  }

  /** Forgets the learned stop-keys: a rebuild empties `reuse_band`, so every key's postings are written afresh. */
  reset(): void {
    this.stopKeys.clear();
  }

  get size(): number {
    return this.countDocs.get() as number;
  }

  has(id: string): boolean {
    return this.selectDoc.get(id) !== undefined;
  }

  add(signature: ReuseSignature): void {
    this.addTx([signature]);
  }

  /** Adds many signatures in one transaction (bulk loading). */
  addMany(signatures: ReuseSignature[]): void {
    this.addTx(signatures);
  }

  query(signature: ReuseSignature): Map<string, CandidateHits> {
    const byDoc = new Map<number, CandidateHits>();
    const self = this.selectDoc.get(signature.id) as number | undefined;
    const kinds = new Map<number, KeyKind>();
    forEachKey(signature, (key, kind) => {
      if (!kinds.has(key) && (kind === 'content' || !this.stopKeys.has(key))) kinds.set(key, kind);
    });
    const rows = this.selectPostings.all(this.maxPosting + 1, JSON.stringify([...kinds.keys()])) as [number, string | null][];
    for (const [key, list] of rows) {
      if (list === null) continue;
      const kind = kinds.get(key)!;
      const docs = list.split(',');
      // Stop-keys (longer than maxPosting) are skipped; content keys never are (duplicates must always meet).
      if (kind !== 'content' && docs.length > this.maxPosting) {
        if (this.stopKeys.size >= 1 << 21) this.stopKeys.clear();
        this.stopKeys.add(key);
        continue;
      }
      for (const d of docs) {
        const doc = Number(d);
        if (doc === self) continue;
        let h = byDoc.get(doc);
        if (!h) byDoc.set(doc, (h = { bands: 0, sentences: 0, content: false }));
        if (kind === 'band') h.bands++;
        else if (kind === 'sentence') h.sentences++;
        else h.content = true;
      }
    }
    const hits = new Map<string, CandidateHits>();
    for (const [doc, h] of byDoc) {
      // Only candidates worth verifying cost an id lookup.
      if (!isCandidate(h)) continue;
      // A doc without a signature row was an earlier version of a revised article (see `forget`).
      const id = this.selectId.get(doc) as string | undefined;
      if (id !== undefined) hits.set(id, h);
    }
    return hits;
  }
}
