// Bytes → text. UTF-8 (BOM or not) and UTF-16 with BOM are decoded as such; anything else is detected
// (declared charset in the markup, else windows-1252, the de-facto "latin1" of the web per the WHATWG
// Encoding standard) and decoded with a warning, so an article is never lost to its encoding.

import { TextDecoder } from 'node:util';
import { hasUtf16Bom, looksLikeUtf16 } from './sniff.js';
import { SNIFF_BYTES, UTF16_NUL_SHARE } from './params.js';

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

function utf8(bytes: Uint8Array, label: string): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: label, warning: null };
  } catch {
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
