// Ingest: any pile of inputs (files, folders, globs, `-` for stdin) → Article records, each format
// recognised from its content. Bad input never stops the run: every unusable file becomes a `rejected`
// item with a reason, every partly usable one a `warning` beside the articles it still gave.

import { open, readFile, realpath, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { gunzipSync, createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { basename, resolve } from 'node:path';
import type { Diagnostic, SourceFormat } from '../model/article.js';
import type { IngestItem, IngestOptions } from './types.js';
import { buildArticle, type ArticleDraft } from './draft.js';
import type { FirstSeen } from './dates/choose.js';
import { decodeBytes } from './decode.js';
import { sniffBinary, sniffFormat } from './sniff.js';
import { isOwnReport } from './own-output.js';
import { parseTxt } from './txt.js';
import { parseHtml } from './html.js';
import { InputLimitError } from './html-text.js';
import { isJsonFeed, parseJsonFeed, parseXmlFeed, type FeedResult } from './feed.js';
import { jsonDraft, parseJsonLines, parseJsonValue, type JsonEntry } from './json.js';
import { expandGlob, hasGlob, walkFolder } from './walk.js';
import { causeMessage } from '../pipeline/stage.js';
import { TimedParsers, needsTimedParse } from './timed-parse.js';
import { FILE_TIME_BUDGET_MS, DEFAULT_MAX_BYTES, PARSE_READ_AHEAD, PARSE_WORKERS, SNIFF_BYTES, STREAM_JSONL_BYTES } from './params.js';

export type { IngestItem, IngestOptions } from './types.js';

/** The stdin pseudo-path, as the user typed it. */
export const STDIN_PATH = '-';

/** Article id for a file: its name without the (last) extension, and without `.gz` first; `stdin` for `-`. */
export function fileId(path: string): string {
  if (path === STDIN_PATH) return 'stdin';
  const name = basename(path).replace(/(?<=.)\.gz$/i, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Human-readable size: "212.4 MB", "4.9 KB", "800 bytes". */
function size(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Ingests one file's bytes. Pure (no I/O), synchronous: usable in tests and worker threads. Never
 *  throws: an internal error on one file (a reader bug, a stack overflow) rejects that file with it.
 *  Gzipped bytes (`.html.gz`, `.txt.gz`, …) are decompressed first, to at most `maxBytes`. */
export function ingestBuffer(path: string, bytes: Buffer, opts: BufferOptions = {}): IngestItem[] {
  try {
    if (isGzip(bytes)) {
      const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
      let inflated: Buffer;
      try {
        // Bounded: a 50 KB "zip bomb" may inflate to gigabytes.
        inflated = gunzipSync(bytes, { maxOutputLength: maxBytes });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') return [{ kind: 'rejected', path, reason: `file too large once decompressed (over ${size(maxBytes)})` }];
        return [{ kind: 'rejected', path, reason: `damaged gzip file (${causeMessage(err)})` }];
      }
      // One level only: gzip inside gzip is not something people have.
      if (isGzip(inflated)) return [{ kind: 'rejected', path, reason: 'gzip file inside a gzip file' }];
      return ingestBytes(path, inflated, opts);
    }
    return ingestBytes(path, bytes, opts);
  } catch (err) {
    return [{ kind: 'rejected', path, reason: `internal error in stage ingest: ${causeMessage(err)}` }];
  }
}

/** What a fetcher knows about bytes that a file does not say: when they were first seen (the guard's
 *  "not after" for dates) and the URL they came from (its path may hold the date). */
export interface BufferOptions {
  maxBytes?: number;
  firstSeen?: FirstSeen | null;
  url?: string | null;
}

/** An OPML document: an XML declaration and comments at most before its root element. */
const OPML = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<opml\b/i;

function ingestBytes(path: string, bytes: Buffer, opts: BufferOptions = {}): IngestItem[] {
  if (bytes.length === 0) return [{ kind: 'rejected', path, reason: 'empty file' }];
  const binary = sniffBinary(bytes);
  if (binary) return [{ kind: 'rejected', path, reason: `binary file (${binary})` }];
  const decoded = decodeBytes(bytes);
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return [{ kind: 'rejected', path, reason: 'empty file (whitespace only)' }];
  if (isOwnReport(text)) return [{ kind: 'warning', path, message: 'skipped: a crosscheck report (its own output), not an article' }];
  // A list of feeds beside the articles (examples/feeds.opml) is followed by `add` and `watch --feeds`,
  // which fetch its feeds; reading files, it is no article and no failure either.
  if (OPML.test(text.slice(0, 4096))) return [{ kind: 'warning', path, message: 'skipped: an OPML list of feeds, not an article (`crosscheck add` or `watch --feeds` fetches its feeds)' }];

  const items: IngestItem[] = [];
  const fileDiagnostics: Diagnostic[] = [];
  if (decoded.warning) {
    fileDiagnostics.push({ origin: 'ingest:encoding', level: 'warning', message: decoded.warning });
    items.push({ kind: 'warning', path, message: decoded.warning });
  }
  const stem = fileId(path);
  const emit = (format: SourceFormat, id: string, draft: ArticleDraft): void => {
    const article = buildArticle({ id, path, format, encoding: decoded.encoding, diagnostics: fileDiagnostics, firstSeen: opts.firstSeen }, draft);
    if (article.raw.trim() === '') {
      // A whole file without text is refused; one empty item of a feed/JSON file is only a warning.
      if (id === stem) items.push({ kind: 'rejected', path, reason: 'no article text found' });
      else items.push({ kind: 'warning', path, message: `${id}: no article text found` });
      return;
    }
    // The draft's notes and the dates refused while building the article; the file's own are said once.
    for (const d of article.diagnostics.slice(fileDiagnostics.length)) {
      if (d.level !== 'info') items.push({ kind: 'warning', path, message: d.message });
    }
    items.push({ kind: 'article', article });
  };

  const format = sniffFormat(text);
  try {
    if (format === 'txt') emit('txt', stem, parseTxt(text));
    else if (format === 'html') emit('html', stem, parseHtml(text, { url: opts.url }));
    else if (format === 'feed') emitFeed(parseXmlFeed(text));
    else if (format === 'jsonl') emitJson(parseJsonLines(text), 'JSON Lines');
    else {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        // JSON Lines with a damaged first line, or with no second object line, looked like one JSON value:
        // if a line parses as an object on its own, only the bad lines are lost (found by the fuzz suite).
        if (looksLikeJsonLines(text)) {
          emitJson(parseJsonLines(text), 'JSON Lines');
          return items;
        }
        return [...items, { kind: 'rejected', path, reason: `invalid JSON (${(err as Error).message})` }];
      }
      if (isJsonFeed(value)) emitFeed(parseJsonFeed(value));
      else emitJson(parseJsonValue(value), 'JSON');
    }
  } catch (err) {
    // A parser bug must cost one file, not the run; a limit passed is said as it is.
    const reason = err instanceof InputLimitError ? err.message : `could not be parsed (${causeMessage(err)})`;
    return [...items.filter((i) => i.kind === 'warning'), { kind: 'rejected', path, reason }];
  }
  return items;

  function emitFeed(feed: FeedResult): void {
    const good = feed.items.filter((i) => i.draft).length;
    if (feed.error && good === 0) {
      items.push({ kind: 'rejected', path, reason: feed.error });
      return;
    }
    if (feed.error) items.push({ kind: 'warning', path, message: `${feed.error}; kept the ${good} complete item(s) before the damage` });
    if (feed.items.length === 0) {
      items.push({ kind: 'rejected', path, reason: 'feed has no items' });
      return;
    }
    if (good === 0) {
      items.push({ kind: 'rejected', path, reason: 'feed items have no content' });
      return;
    }
    for (const item of feed.items) {
      if (item.problem) items.push({ kind: 'warning', path, message: item.problem });
      if (item.draft) emit('feed', `${stem}#${item.n}`, item.draft);
    }
  }

  function emitJson(entries: JsonEntry[], what: string): void {
    if (entries.length === 0) {
      items.push({ kind: 'rejected', path, reason: `${what} has no objects` });
      return;
    }
    if (!entries.some((e) => e.draft)) {
      const first = entries.find((e) => e.problem)?.problem ?? 'no article objects';
      items.push({ kind: 'rejected', path, reason: entries.length === 1 ? first : `no usable object (first problem: ${first})` });
      return;
    }
    for (const entry of entries) {
      if (entry.problem) items.push({ kind: 'warning', path, message: entry.problem });
      if (entry.draft) emit('json', entry.declaredId ?? (entry.n === 0 ? stem : `${stem}#${entry.n}`), entry.draft);
    }
  }
}

/** True when text that does not parse as one JSON value has several lines, one of them (among the first
 *  50) a JSON object on its own: JSON Lines with damaged lines, not a damaged document. */
function looksLikeJsonLines(text: string): boolean {
  const lines = text.split('\n', 50).filter((l) => l.trim() !== '');
  return lines.length >= 2 && lines.some((line) => {
    const t = line.trim();
    if (!t.startsWith('{') || !t.endsWith('}')) return false;
    try {
      return typeof JSON.parse(t) === 'object';
    } catch {
      return false;
    }
  });
}

/** A reason a person can act on, from a Node file-system error. */
function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return `cannot read (${code ?? (err as Error).message})`;
  }
}

/** True when bytes open like JSON Lines (UTF-8, one object per line). */
function headIsJsonLines(head: Buffer): boolean {
  if (sniffBinary(head)) return false;
  const text = head.toString('utf8');
  const lastBreak = text.lastIndexOf('\n');
  return lastBreak > 0 && sniffFormat(text.slice(0, lastBreak)) === 'jsonl';
}

/** True when a large file opens like JSON Lines (UTF-8, one object per line): such exports are streamed. */
async function opensAsJsonLines(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (isGzip(head)) return false;
    if (sniffBinary(head)) return false;
    const text = head.toString('utf8');
    const lastBreak = text.lastIndexOf('\n');
    return lastBreak > 0 && sniffFormat(text.slice(0, lastBreak)) === 'jsonl';
  } finally {
    await handle.close();
  }
}

/**
 * A JSON Lines export can hold a whole archive (100k articles ≈ 300 MB): it is read line by line, so memory
 * stays flat and the file-size limit applies to each line, not to the file.
 */
async function* streamJsonLines(path: string, maxBytes: number, input: Readable = createReadStream(path)): AsyncGenerator<IngestItem> {
  const stem = fileId(path);
  input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      n++;
      const where = `line ${lineNo}`;
      if (line.length > maxBytes) {
        yield { kind: 'warning', path, message: `${where}: object too large (${size(line.length)}); skipped` };
        continue;
      }
      let entry: ReturnType<typeof jsonDraft>;
      try {
        entry = jsonDraft(JSON.parse(line), where);
      } catch (err) {
        yield { kind: 'warning', path, message: `${where}: invalid JSON (${(err as Error).message})` };
        continue;
      }
      if (entry.problem) yield { kind: 'warning', path, message: entry.problem };
      if (!entry.draft) continue;
      const id = entry.declaredId ?? `${stem}#${n}`;
      const article = buildArticle({ id, path, format: 'json', encoding: 'utf-8', diagnostics: [] }, entry.draft);
      if (article.raw.trim() === '') yield { kind: 'warning', path, message: `${id}: no article text found` };
      else yield { kind: 'article', article };
    }
  } catch (err) {
    // A read error or damaged compression part-way: the lines before it stand.
    yield { kind: 'warning', path, message: `stopped reading after line ${lineNo}: ${causeMessage(err)}` };
  }
}

/**
 * A gzipped file's decompressed size (the ISIZE field of its trailer, exact below 4 GB) and whether it
 * opens like JSON Lines: a large `.jsonl.gz` archive is then streamed through gunzip line by line.
 */
async function gzipShape(path: string, bytesOnDisk: number): Promise<{ inflatedSize: number; jsonLines: boolean } | null> {
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    if (!isGzip(magic) || bytesOnDisk < 18) return null;
    const trailer = Buffer.alloc(4);
    await handle.read(trailer, 0, 4, bytesOnDisk - 4);
    const inflatedSize = trailer.readUInt32LE(0);
    // The first decompressed chunk says whether it is JSON Lines.
    const gunzip = createReadStream(path).pipe(createGunzip());
    let head = Buffer.alloc(0);
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) break;
      }
    } catch {
      // damaged: the whole-file read reports it
    } finally {
      gunzip.destroy();
    }
    return { inflatedSize, jsonLines: headIsJsonLines(head.subarray(0, SNIFF_BYTES)) };
  } finally {
    await handle.close();
  }
}

/** One file's items: read whole, or a stream (large JSON Lines) that starts when its turn comes. */
type FileItems = Iterable<IngestItem> | AsyncIterable<IngestItem>;
/** A file whose reading has begun, waiting for its turn to hand out its items. */
interface StartedFile {
  path: string;
  items: Promise<FileItems>;
}

/** Starts reading one file (a whole-file read and parse begins at once; a stream waits for its turn). */
async function beginFile(path: string, maxBytes: number, streamAbove: number, parser: TimedParsers | null): Promise<FileItems> {
  let bytesOnDisk: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return [{ kind: 'rejected', path, reason: 'not a regular file' }];
    bytesOnDisk = info.size;
    if (bytesOnDisk > streamAbove && (await opensAsJsonLines(path))) return streamJsonLines(path, maxBytes);
    const gz = bytesOnDisk <= maxBytes ? await gzipShape(path, bytesOnDisk) : null;
    if (gz && gz.inflatedSize > streamAbove && gz.jsonLines) return streamJsonLines(path, maxBytes, createReadStream(path).pipe(createGunzip()));
  } catch (err) {
    return [{ kind: 'rejected', path, reason: fsReason(err) }];
  }
  return readWholeFile(path, bytesOnDisk, maxBytes, parser);
}

async function readWholeFile(path: string, bytesOnDisk: number, maxBytes: number, parser: TimedParsers | null): Promise<IngestItem[]> {
  if (bytesOnDisk > maxBytes) return [{ kind: 'rejected', path, reason: `file too large (${size(bytesOnDisk)}; the limit is ${size(maxBytes)})` }];
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return [{ kind: 'rejected', path, reason: fsReason(err) }];
  }
  if (parser && needsTimedParse(bytes)) return parser.parse(path, bytes, maxBytes);
  return ingestBuffer(path, bytes, { maxBytes });
}

/** Reads stdin up to maxBytes; stops reading (and says so) as soon as the limit is passed. */
async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer | string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buf.length;
    if (total > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return `input too large (over ${size(maxBytes)} on stdin)`;
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Streams the articles, rejections and warnings of all inputs, in input order then sorted path order. */
export async function* ingestPaths(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const budget = opts.fileTimeBudgetMs ?? FILE_TIME_BUDGET_MS;
  const parser = budget > 0 ? new TimedParsers(budget, PARSE_WORKERS) : null;
  try {
    yield* ingestInputs(inputs, opts, maxBytes, parser);
  } finally {
    await parser?.close();
  }
}

/**
 * The inputs' items in input order, then sorted path order within a folder, with up to PARSE_READ_AHEAD
 * files read and parsed ahead of the one being handed out (so the parse workers run together).
 */
async function* ingestInputs(inputs: string[], opts: IngestOptions, maxBytes: number, parser: TimedParsers | null): AsyncGenerator<IngestItem> {
  const ahead: StartedFile[] = [];
  for await (const file of inputFiles(inputs, opts, maxBytes, parser)) {
    ahead.push(file);
    if (ahead.length >= PARSE_READ_AHEAD) yield* fileItems(ahead.shift()!);
  }
  while (ahead.length) yield* fileItems(ahead.shift()!);
}

/** One file's items; whatever goes wrong reading it costs this file (the items it already gave stand). */
async function* fileItems(file: StartedFile): AsyncGenerator<IngestItem> {
  try {
    yield* await file.items;
  } catch (err) {
    yield { kind: 'rejected', path: file.path, reason: `internal error in stage ingest: ${causeMessage(err)}` };
  }
}

/** Each input file, started: read (and parsed) as soon as it is reached; rejections as ready items. */
async function* inputFiles(inputs: string[], opts: IngestOptions, maxBytes: number, parser: TimedParsers | null): AsyncGenerator<StartedFile> {
  const ready = (item: IngestItem & { path: string }): StartedFile => ({ path: item.path, items: Promise.resolve([item]) });
  const streamAbove = opts.streamJsonLinesAbove ?? STREAM_JSONL_BYTES;
  // The same file reached twice (folder + glob, or through a symlinked folder) is ingested once: by its
  // real path, so a link to a parent folder does not read every file twice. Checked in input order.
  const done = new Set<string>();
  async function* once(path: string): AsyncGenerator<StartedFile> {
    const key = await realpath(path).catch(() => resolve(path));
    if (done.has(key)) return;
    done.add(key);
    const items = beginFile(path, maxBytes, streamAbove, parser);
    // Settled later, in turn; until then a failure must not count as unhandled.
    items.catch(() => undefined);
    yield { path, items };
  }
  for (const input of inputs) {
    if (input === STDIN_PATH) {
      const read = await readStdin(opts.stdin ?? process.stdin, maxBytes);
      if (typeof read === 'string') yield ready({ kind: 'rejected', path: STDIN_PATH, reason: read });
      else if (parser && needsTimedParse(read)) yield { path: STDIN_PATH, items: parser.parse(STDIN_PATH, read, maxBytes) };
      else yield { path: STDIN_PATH, items: Promise.resolve(ingestBuffer(STDIN_PATH, read, { maxBytes })) };
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (err) {
      if (hasGlob(input) && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        let matched = 0;
        for await (const entry of expandGlob(input)) {
          if (entry.error !== undefined) {
            yield ready({ kind: 'rejected', path: entry.path, reason: fsReason(entry.error) });
            continue;
          }
          matched++;
          yield* once(entry.path);
        }
        if (matched === 0) yield ready({ kind: 'rejected', path: input, reason: 'no files match this pattern' });
        continue;
      }
      yield ready({ kind: 'rejected', path: input, reason: fsReason(err) });
      continue;
    }
    if (!isDir) {
      yield* once(input);
      continue;
    }
    let count = 0;
    for await (const entry of walkFolder(input)) {
      if (entry.error !== undefined) {
        yield ready({ kind: 'rejected', path: entry.path, reason: fsReason(entry.error) });
        continue;
      }
      count++;
      yield* once(entry.path);
    }
    if (count === 0) yield ready({ kind: 'warning', path: input, message: 'folder has no article files' });
  }
}
