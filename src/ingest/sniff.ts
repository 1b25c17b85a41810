// Content sniffing: is this file binary (and what kind), and which text format is it — decided from the
// bytes, not the extension, because saved pages and exports are routinely misnamed (.txt holding HTML,
// .xml holding an RSS feed, no extension at all).

import { CONTROL_BYTE_SHARE, SNIFF_BYTES, UTF16_NUL_SHARE } from './params.js';

/** One magic number: a byte prefix (at an offset) that identifies a binary format. */
interface Magic {
  name: string;
  offset: number;
  bytes: number[];
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

// File signatures as registered (Gary Kessler's list / the formats' own specs). Only formats someone might
// plausibly drop into a folder of articles; anything else binary is caught by the NUL/control-byte test.
const MAGICS: Magic[] = [
  { name: 'PDF', offset: 0, bytes: ascii('%PDF-') },
  { name: 'PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', offset: 0, bytes: ascii('GIF8') },
  { name: 'WebP image', offset: 8, bytes: ascii('WEBP') },
  { name: 'TIFF image', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF image', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'ICO image', offset: 0, bytes: [0x00, 0x00, 0x01, 0x00] },
  { name: 'ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip', offset: 0, bytes: [0x1f, 0x8b] },
  { name: 'bzip2', offset: 0, bytes: [0x42, 0x5a, 0x68] },
  { name: 'xz', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: '7-Zip archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', offset: 0, bytes: ascii('Rar!') },
  { name: 'SQLite database', offset: 0, bytes: ascii('SQLite format 3') },
  { name: 'MS Office document', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'MP3 audio', offset: 0, bytes: ascii('ID3') },
  { name: 'MP4 video', offset: 4, bytes: ascii('ftyp') },
  { name: 'Ogg media', offset: 0, bytes: ascii('OggS') },
  { name: 'WebAssembly', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
];

function startsWith(bytes: Uint8Array, magic: Magic): boolean {
  if (bytes.length < magic.offset + magic.bytes.length) return false;
  return magic.bytes.every((b, i) => bytes[magic.offset + i] === b);
}

/** Name of the binary format when the bytes are not text, else null. UTF-16 text is not binary. */
export function sniffBinary(bytes: Uint8Array): string | null {
  // "BZh" is also how a text file about BZh... could start; require the bzip2 block-size digit.
  for (const magic of MAGICS) {
    if (!startsWith(bytes, magic)) continue;
    if (magic.name === 'bzip2' && !(bytes[3] >= 0x31 && bytes[3] <= 0x39)) continue;
    return magic.name;
  }
  if (hasUtf16Bom(bytes) || looksLikeUtf16(bytes)) return null;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return 'unknown type';
    // C0 controls other than TAB LF VT FF CR and ESC never occur in text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return n > 0 && control / n > CONTROL_BYTE_SHARE ? 'unknown type' : null;
}

export function hasUtf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** BOM-less UTF-16: mostly-Latin text puts a NUL in every other byte, on one side only. */
export function looksLikeUtf16(bytes: Uint8Array, share = UTF16_NUL_SHARE): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > share && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > share && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

export type TextFormat = 'html' | 'feed' | 'json' | 'jsonl' | 'txt';

/** The first element name of a markup document, skipping the XML declaration, comments and doctype. */
function firstElement(head: string): string | null {
  const stripped = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, '');
  const m = /<([A-Za-z][\w:.-]*)/.exec(stripped);
  return m ? m[1].toLowerCase() : null;
}

const HTML_ELEMENTS = new Set(['html', 'head', 'body', 'meta', 'title', 'link', 'div', 'p', 'article', 'main', 'section', 'h1', 'h2', 'h3', 'header', 'span', 'table', 'script', 'style', 'br', 'a', 'nav', 'base']);

/** Which parser a decoded text goes to. Decided from its opening, not the file name. */
export function sniffFormat(text: string): TextFormat {
  const head = text.slice(0, SNIFF_BYTES).trimStart();
  const c = head[0];
  if (c === '{' || c === '[') {
    // One JSON value, or JSON Lines (several objects one per line): the first line alone parses in JSONL.
    const firstLine = head.split('\n', 1)[0].trim();
    if (c === '{' && firstLine.endsWith('}') && /\n\s*\{/.test(text.slice(0, 1 << 16))) {
      try {
        JSON.parse(firstLine);
        return 'jsonl';
      } catch {
        // not a self-contained first line: a pretty-printed single object
      }
    }
    return 'json';
  }
  if (c === '<') {
    const el = firstElement(head);
    if (el === 'rss' || el === 'feed' || el === 'rdf:rdf') return 'feed';
    if (el !== null && (HTML_ELEMENTS.has(el) || /<(?:html|body|p|div)[\s>]/i.test(head))) return 'html';
    if (/^<!doctype\s+html/i.test(head)) return 'html';
    return /<\/?(?:p|div|br|html|body)\b/i.test(head) ? 'html' : 'txt';
  }
  // Text that opens with prose but is really an HTML fragment pasted into a .txt is kept as text: the
  // markup then shows, which is visible and honest, while guessing HTML on prose could eat text.
  return 'txt';
}
