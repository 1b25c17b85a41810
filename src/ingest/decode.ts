// Bytes → text. UTF-8 (BOM or not) and UTF-16 with BOM are decoded as such; anything else is detected
// (declared charset in the markup, else windows-1252, the de-facto "latin1" of the web per the WHATWG
// Encoding standard) and decoded with a warning, so an article is never lost to its encoding.

import { TextDecoder } from 'node:util';
import { hasUtf16Bom, looksLikeUtf16 } from './sniff.js';
import { SNIFF_BYTES, UTF16_NUL_SHARE, UTF8_MIN_VALID_SHARE } from './params.js';

export interface Decoded {
  text: string;
  /** WHATWG encoding label actually used, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
  /** Set when we had to guess: says what was wrong and what was done. */
  warning: string | null;
}

/** Charset declared by `<meta charset>`, `<meta http-equiv content="...; charset=">` or `<?xml encoding?>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

// windows-1252 bytes 0x80–0x9F (WHATWG index): Node 20's TextDecoder decodes this label as ISO-8859-1,
// which turns curly quotes, dashes and € into invisible C1 controls, so we map that range ourselves.
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

interface Decoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
}

const windows1252: Decoder = {
  encoding: 'windows-1252',
  decode: (bytes) => Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]),
};

function decoderFor(label: string): Decoder | null {
  try {
    const d = new TextDecoder(label);
    return d.encoding === 'windows-1252' ? windows1252 : d;
  } catch {
    return null;
  }
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return utf8(bytes.subarray(3), 'utf-8');
  }
  const bom = hasUtf16Bom(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes.subarray(2)), encoding: bom, warning: null };
  const bomless = looksLikeUtf16(bytes, UTF16_NUL_SHARE);
  if (bomless) {
    return {
      text: new TextDecoder(bomless).decode(bytes),
      encoding: bomless,
      warning: `no byte-order mark; decoded as ${bomless.toUpperCase()} from its byte pattern`,
    };
  }
  return utf8(bytes, 'utf-8');
}

/** Where a byte sequence stops being UTF-8, and how much of it is: the start offsets of the invalid
 *  sequences (the first `keep`), their count, and the count of valid multi-byte characters. Follows the
 *  WHATWG decoder's notion of a maximal invalid subpart, so each offset is one U+FFFD in the text. */
export function utf8Errors(bytes: Uint8Array, keep = 10): { offsets: number[]; invalid: number; multibyte: number } {
  const offsets: number[] = [];
  let invalid = 0;
  let multibyte = 0;
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < bytes.length && bytes[i] >= lo && bytes[i] <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Bytes needed after the lead, and the range the first of them must fall in (no overlongs, no surrogates).
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let j = i + 1;
    let ok = need > 0;
    for (let k = 0; k < need && ok; k++) {
      if (cont(j, k === 0 ? lo : 0x80, k === 0 ? hi : 0xbf)) j++;
      else ok = false;
    }
    if (ok) multibyte++;
    else {
      invalid++;
      if (offsets.length < keep) offsets.push(i);
      if (j === i) j = i + 1;
    }
    i = j;
  }
  return { offsets, invalid, multibyte };
}

/** "byte 412", "bytes 12, 400 and 9,001", "bytes 12, 400, … (15 in all)". */
function offsetList(offsets: number[], total: number): string {
  const n = offsets.map((o) => o.toLocaleString('en-US'));
  if (total === 1) return `byte ${n[0]}`;
  if (total <= offsets.length) return `bytes ${n.slice(0, -1).join(', ')} and ${n.at(-1)}`;
  return `bytes ${n.join(', ')}, … (${total} in all)`;
}

function utf8(bytes: Uint8Array, label: string): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: label, warning: null };
  } catch {
    // A few stray bytes in otherwise good UTF-8 (a bad copy, a cut download) are a few bad characters, not
    // another encoding: decoding the whole file as windows-1252 would garble every curly quote and accent
    // ("Iranâ€™s"). Real windows-1252 text almost never forms valid UTF-8 multi-byte sequences, so at least
    // UTF8_MIN_VALID_SHARE of the non-ASCII sequences being valid UTF-8 says UTF-8.
    const errors = utf8Errors(bytes);
    if (errors.multibyte > 0 && errors.multibyte >= UTF8_MIN_VALID_SHARE * (errors.multibyte + errors.invalid)) {
      return {
        text: new TextDecoder('utf-8').decode(bytes),
        encoding: label,
        warning: `invalid UTF-8 at ${offsetList(errors.offsets, errors.invalid)}; decoded as UTF-8 with U+FFFD for ${errors.invalid === 1 ? 'that byte' : 'each invalid sequence'}`,
      };
    }
    // Not UTF-8. A declared charset (other than a false "utf-8" claim) is the best evidence; otherwise
    // windows-1252, which decodes every byte and is what mislabelled Western pages almost always are.
    const declared = declaredCharset(bytes);
    const usable = declared && !/^utf-?8$/.test(declared) ? decoderFor(declared) : null;
    const decoder = usable ?? windows1252;
    const why = declared
      ? usable
        ? `decoded with its declared charset ${decoder.encoding}`
        : `declared charset "${declared}" does not fit; decoded as windows-1252 (guess)`
      : 'decoded as windows-1252 (guess)';
    return { text: decoder.decode(bytes), encoding: decoder.encoding, warning: `not valid UTF-8; ${why}` };
  }
}
