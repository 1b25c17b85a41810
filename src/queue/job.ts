// One job of the worker queue: an ingested article and the appearance it came from. Its id is made of the
// source (appearance key) and the content hash, the same pair the corpus calls an article's identity, so the
// same article enqueued twice is one job, and a changed text at the same source is a new one (a revision).

import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Article } from '../model/article.js';
import { appearanceKey } from '../corpus/identity.js';

export interface ArticleJob {
  /** `url:…` or `file:<real path>[#item]` (src/corpus/identity.ts). */
  key: string;
  article: Article;
  enqueuedAt: string;
}

export function jobId(key: string, hash: string): string {
  return createHash('sha256').update(`${key}\n${hash}`).digest('hex').slice(0, 32);
}

/** The job for an ingested article. The file path is made absolute and real here: a worker in another
 *  directory, or on another machine, must compute the same appearance key from it. */
export function articleJob(article: Article, now: Date): { id: string; job: ArticleJob } {
  const path = article.path === '-' || isAbsolute(article.path) ? article.path : realOrResolved(article.path);
  const placed = { ...article, path };
  const key = appearanceKey(placed);
  return { id: jobId(key, article.hash), job: { key, article: placed, enqueuedAt: now.toISOString() } };
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A message that is not a job (another producer's bytes) can never succeed: null, and it is dead-lettered. */
export function asJob(value: unknown): ArticleJob | null {
  const j = value as Partial<ArticleJob> | null;
  if (!j || typeof j !== 'object' || typeof j.key !== 'string' || !j.article || typeof j.article !== 'object') return null;
  return j as ArticleJob;
}
