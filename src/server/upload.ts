// What a POST /api/articles body becomes: JSON objects (one or an array, the JSONL object shape) are built
// item by item as the JSONL ingest does, so one bad object costs itself; any other body is an uploaded file
// read by `ingestBuffer` with the format sniffed from its content.

import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ingestBuffer } from '../ingest/index.js';
import { jsonDraft } from '../ingest/json.js';
import { buildArticle } from '../ingest/draft.js';
import type { IngestItem } from '../ingest/types.js';

/** One refused item of a request: which one (its position or the file name) and why. */
export interface ItemProblem {
  item: string;
  reason: string;
}

export interface Upload {
  items: IngestItem[];
  problems: ItemProblem[];
  /** Articles the body holds (what the per-request item limit counts). */
  articles: number;
}

const hash12 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 12);

/** A file name a client may choose: its last path part, printable, short; `upload` when nothing is left. */
export function safeName(name: string | null | undefined): string {
  const base = basename(String(name ?? '').replace(/\\/g, '/')).replace(/[^\w.\-]+/g, '_').replace(/^\.+/, '').slice(0, 80);
  return base || 'upload';
}

/** JSON objects as the JSONL ingest builds them. Each upload without a URL gets its own path (by content
 *  hash): two different pasted texts are two appearances, not revisions of one "file". */
export function jsonItems(values: unknown[], single: boolean): Upload {
  const items: IngestItem[] = [];
  const problems: ItemProblem[] = [];
  values.forEach((value, i) => {
    const where = single ? 'the JSON object' : `item ${i + 1}`;
    const entry = jsonDraft(value, where);
    if (!entry.draft) {
      problems.push({ item: where, reason: entry.problem ?? 'not an article object' });
      return;
    }
    if (entry.problem) items.push({ kind: 'warning', path: where, message: entry.problem });
    const h = hash12(JSON.stringify(value));
    const id = entry.declaredId ?? `upload#${h}`;
    const article = buildArticle({ id, path: `upload/${h}/${safeName(entry.declaredId ?? 'article')}.json`, format: 'json', encoding: 'utf-8', diagnostics: [] }, entry.draft);
    if (article.raw.trim() === '') problems.push({ item: where, reason: 'no article text found' });
    else items.push({ kind: 'article', article });
  });
  return { items, problems, articles: items.filter((i) => i.kind === 'article').length };
}

/** An uploaded file of any input format; rejected items become problems named by the file. */
export function fileItems(name: string, bytes: Buffer, maxBytes: number): Upload {
  const file = safeName(name);
  const all = ingestBuffer(`upload/${hash12(bytes)}/${file}`, bytes, { maxBytes });
  const problems = all.filter((i) => i.kind === 'rejected').map((i) => ({ item: file, reason: (i as { reason: string }).reason }));
  const items = all.filter((i) => i.kind !== 'rejected');
  return { items, problems, articles: items.filter((i) => i.kind === 'article').length };
}

/** Reads a request body: JSON when declared so (or when it parses as an object/array and no file name was
 *  given), else a file. A JSON body that does not parse is one problem, not a server error. */
export function readUpload(body: Buffer, contentType: string | null, fileName: string | null, maxBytes: number): Upload {
  const declaredJson = /^application\/json\b/i.test(contentType ?? '');
  if (declaredJson) {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (err) {
      return { items: [], problems: [{ item: 'body', reason: `invalid JSON (${(err as Error).message})` }], articles: 0 };
    }
    return Array.isArray(value) ? jsonItems(value, false) : jsonItems([value], true);
  }
  return fileItems(fileName ?? 'upload.txt', body, maxBytes);
}
