// How both adapters keep records, views and listings: JSON deflated raw at level 1 (fast to write; a record
// with its tokens is ~60 kB as text, ~10 kB packed). The migrations pack listings of stored records the same way.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AnalysedArticle } from '../model/article.js';
import { listingOf } from '../model/listing.js';

export const pack = (value: unknown): Buffer => deflateRawSync(JSON.stringify(value), { level: 1 });
export const unpack = <T>(blob: Buffer): T => JSON.parse(inflateRawSync(blob).toString('utf8')) as T;

/** The packed listing of a packed record. */
export const packListing = (record: Buffer): Buffer => pack(listingOf(unpack<AnalysedArticle>(record)));
