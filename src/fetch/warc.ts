// A small streaming WARC 1.0/1.1 reader: version line, named headers, a blank line, Content-Length bytes,
// two CRLFs. `.warc.gz` (one gzip member per record, or one for the file) is gunzipped on the way. Each
// HTML `response` record's HTTP message is split into status, headers and (de-chunked, decoded) body.

import { createReadStream } from 'node:fs';
import { createGunzip, gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface WarcRecord {
  headers: Map<string, string>;
  /** The record block (for a response: the HTTP message), or null when it was over the size limit. */
  block: Buffer | null;
  length: number;
}

/** Pulls exact byte counts out of a chunk stream, keeping at most one chunk plus what was asked for. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  constructor(private readonly it: AsyncIterator<Buffer>) {}

  private async more(): Promise<boolean> {
    if (this.done) return false;
    const { done, value } = await this.it.next();
    if (done) return !(this.done = true);
    this.buf = this.buf.length ? Buffer.concat([this.buf, value]) : value;
    return true;
  }

  /** Bytes up to and including the first `\r\n\r\n` (null at the end of the stream). */
  async headerBlock(limit: number): Promise<Buffer | null> {
    for (;;) {
      const at = this.buf.indexOf('\r\n\r\n');
      if (at >= 0) return this.take(at + 4);
      if (this.buf.length > limit) throw new Error(`WARC header longer than ${limit} bytes`);
      if (!(await this.more())) return this.buf.length && this.buf.toString().trim() ? Promise.reject(new Error('truncated WARC header')) : null;
    }
  }

  async bytes(n: number): Promise<Buffer> {
    while (this.buf.length < n) if (!(await this.more())) throw new Error(`truncated WARC record (${n - this.buf.length} bytes missing)`);
    return this.take(n);
  }

  /** Skips n bytes without keeping them (an over-limit record). */
  async skip(n: number): Promise<void> {
    let left = n;
    for (;;) {
      const k = Math.min(left, this.buf.length);
      this.buf = this.buf.subarray(k);
      left -= k;
      if (left === 0) return;
      if (!(await this.more())) throw new Error('truncated WARC record');
    }
  }

  private take(n: number): Buffer {
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
}

const isGz = (b: Buffer): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Whether bytes open like a WARC file (plain or gzipped). */
export function looksLikeWarc(head: Buffer): boolean {
  if (isGz(head)) {
    try {
      return /^WARC\/1\.\d/.test(gunzipSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH */ }).subarray(0, 16).toString('latin1'));
    } catch {
      return false;
    }
  }
  return /^WARC\/1\.\d/.test(head.subarray(0, 16).toString('latin1'));
}

/** Every record of a WARC file, in order. Records longer than maxBytes come with `block: null`. */
export async function* warcRecords(path: string, maxBytes: number, head: Buffer): AsyncGenerator<WarcRecord> {
  const file = createReadStream(path);
  const stream: Readable = isGz(head) ? file.pipe(createGunzip()) : file;
  const reader = new ByteReader((stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]());
  try {
    for (;;) {
      const raw = await reader.headerBlock(64 * 1024);
      if (!raw) return;
      const lines = raw.toString('utf8').replace(/^(?:\r\n)+/, '').split('\r\n');
      if (!/^WARC\/1\.\d/.test(lines[0])) throw new Error(`not a WARC record header ("${lines[0].slice(0, 40)}")`);
      const headers = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const length = Number(headers.get('content-length'));
      if (!Number.isFinite(length) || length < 0) throw new Error('WARC record without a Content-Length');
      let block: Buffer | null = null;
      if (length > maxBytes) await reader.skip(length);
      else block = Buffer.from(await reader.bytes(length));
      await reader.bytes(4); // the record's closing CRLF CRLF
      yield { headers, block, length };
    }
  } finally {
    file.destroy();
  }
}

export interface HttpMessage {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** The HTTP response inside a `response` record: archives keep the bytes as sent, so chunked transfer
 *  and content encodings are undone here (decoded size capped at maxBytes). */
export function httpResponse(block: Buffer, maxBytes: number): HttpMessage | string {
  const end = block.indexOf('\r\n\r\n');
  if (end < 0) return 'HTTP response without a header end';
  const lines = block.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0])?.[1]);
  if (!status) return `not an HTTP status line ("${lines[0].slice(0, 40)}")`;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = block.subarray(end + 4);
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  const coding = (headers.get('content-encoding') ?? '').toLowerCase();
  try {
    if (coding === 'gzip' || coding === 'x-gzip') body = gunzipSync(body, { maxOutputLength: maxBytes });
    else if (coding === 'deflate') body = inflateSync(body, { maxOutputLength: maxBytes });
    else if (coding === 'br') body = brotliDecompressSync(body, { maxOutputLength: maxBytes });
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'body too large once decompressed' : `damaged ${coding} body`;
  }
  return { status, headers, body };
}

/** Undoes HTTP/1.1 chunked transfer coding; a malformed tail keeps what came before it. */
function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const eol = body.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
