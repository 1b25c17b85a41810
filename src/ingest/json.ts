// JSON and JSON Lines exports: one article per object, `text` required, optional title, url, published,
// outlet, id. A bad line or element costs only itself (a warning), never the rest of the file.

import type { ArticleDraft } from './draft.js';
import { normaliseDate } from './dates.js';

export interface JsonEntry {
  /** 1-based position of the object in the file (line ordinal for JSONL, element index for arrays). */
  n: number;
  /** The id the object declares, if any. */
  declaredId: string | null;
  draft: ArticleDraft | null;
  problem: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

export function jsonDraft(value: unknown, where: string): { draft: ArticleDraft | null; declaredId: string | null; problem: string | null } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { draft: null, declaredId: null, problem: `${where} is not an object` };
  }
  const obj = value as Record<string, unknown>;
  const text = str(obj.text);
  if (!text) return { draft: null, declaredId: null, problem: `${where} has no "text" field (required)` };
  const id = typeof obj.id === 'number' || str(obj.id) ? String(obj.id).trim() : null;
  const published = str(obj.published);
  const date = normaliseDate(published);
  return {
    declaredId: id,
    problem: published && !date ? `${where}: "published" ${JSON.stringify(published)} is not a date; ignored` : null,
    draft: {
      raw: text,
      title: str(obj.title),
      url: str(obj.url),
      outlet: str(obj.outlet),
      published: date,
      publishedFrom: 'json',
      author: str(obj.author),
      declaredLanguage: null,
    },
  };
}

export function parseJsonLines(text: string): JsonEntry[] {
  const out: JsonEntry[] = [];
  let n = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    n++;
    const where = `line ${index + 1}`;
    try {
      out.push({ n, ...jsonDraft(JSON.parse(line), where) });
    } catch (err) {
      out.push({ n, declaredId: null, draft: null, problem: `${where}: invalid JSON (${(err as Error).message})` });
    }
  });
  return out;
}

/** A parsed JSON document: one object → one entry (n = 0: no `#n` suffix), an array → one per element. */
export function parseJsonValue(value: unknown): JsonEntry[] {
  if (Array.isArray(value)) return value.map((v, i) => ({ n: i + 1, ...jsonDraft(v, `element ${i + 1}`) }));
  return [{ n: 0, ...jsonDraft(value, 'the JSON object') }];
}
