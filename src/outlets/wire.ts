// Wire copy in the text: the signs an agency's story carries into every outlet that runs it, read
// conservatively. A dateline "WASHINGTON (AP) —" at the start of the story, a sign-off or byline that is
// the agency alone ("— The Associated Press", "By JANE ROE, Associated Press"), an agency copyright line,
// or the agency as author. Never a wire merely cited ("told Reuters", "according to AFP"), a photo credit
// ("AP Photo/…", "© REUTERS/…"), a poll or stylebook ("AP-NORC"), or a contribution ("… contributed to
// this report": the outlet's own story with help, not the agency's). One house style is read as its
// agency's: Reuters' closing "(Reporting by …; Editing by …)".

import type { OutletEntry, OutletRegistry } from './registry.js';

/** What the wire signal reads of an article. */
export interface WireReadable {
  meta: { author?: string | null };
  clean?: { text: string; removed: { text: string }[] };
}

export interface WireSignal {
  wire: OutletEntry;
  /** The sign in words, e.g. `dateline "(AP) —"`. */
  evidence: string;
}

export const WIRE_PARAMS = {
  /** Paragraphs from the top where a dateline may open the story: a heading and a byline may come first. */
  datelineParagraphs: 3,
  /** Longest place-and-date before "(AP)": "SAN FRANCISCO DE MACORÍS, Dominican Republic, March 3" is 52. */
  datelinePrefix: 60,
} as const;

/** Lower-case words a dateline place may hold ("Rio de Janeiro", "Stratford-upon-Avon" is one word). */
const PLACE_PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'des', 'la', 'le', 'les', 'el', 'al', 'am', 'an', 'im', 'of', 'on', 'upon', 'sur', 'en', 'y', 'e', 'i']);

/** Reuters' closing credits: "(Reporting by A; Additional reporting by B; Editing by C)". Both parts,
 * each a name, in the one line: a lone "Reporting by" line is any outlet's. */
const REUTERS_CREDITS = /^\(?reporting by [^;()]{2,120};(?:[^;()]{2,120};)*\s*(?:writing and )?editing by [^;()]{2,120}\)?\.?$/i;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface WirePatterns {
  dateline: RegExp;
  credits: RegExp[];
  author: RegExp;
  byName: Map<string, OutletEntry>;
}

const compiled = new WeakMap<OutletRegistry, WirePatterns>();

function patterns(registry: OutletRegistry): WirePatterns {
  const hit = compiled.get(registry);
  if (hit) return hit;
  const byName = new Map<string, OutletEntry>();
  for (const e of registry.entries) {
    if (!e.wire) continue;
    for (const n of [e.name, ...e.aliases]) {
      byName.set(n.replace(/^the\s+/i, '').toLowerCase(), e);
    }
  }
  // Longest names first, so "Associated Press" is not read as a shorter alias.
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const alt = names.map(escape).join('|');
  const out: WirePatterns = {
    // The code inside the parenthesis is matched case-insensitively only on the agency's own names.
    dateline: new RegExp(`\\((${alt})\\)\\s*(?:—|–|--?)\\s*\\S`, 'iu'),
    credits: [
      new RegExp(`^(?:—|–|--?)\\s*(?:the\\s+)?(${alt})\\.?$`, 'iu'),
      new RegExp(`^by\\s+(?:the\\s+)?(${alt})$`, 'iu'),
      new RegExp(`^by\\s+(?!.*\\s(?:and|with|&)\\s)\\p{Lu}[\\p{L}.'’ -]{1,60}?,?\\s+(?:the\\s+)?(${alt})(?:\\s+(?:writer|reporter|correspondent|staff))?$`, 'iu'),
      new RegExp(`^(?:copyright\\s*(?:©\\s*)?|©\\s*|\\(c\\)\\s*)\\d{4}(?:\\s*[-–]\\s*\\d{4})?,?\\s+(?:the\\s+)?(${alt})(?![\\p{L}/])`, 'iu'),
    ],
    author: new RegExp(`^(?:by\\s+)?(?:\\p{Lu}[\\p{L}.'’ -]{1,60}?(?:,|\\s+for)\\s+)?(?:the\\s+)?(${alt})(?:\\s+(?:staff|writer|reporter|correspondent))?$`, 'iu'),
    byName,
  };
  compiled.set(registry, out);
  return out;
}

/** The wire service whose copy this article is, by its text, or null. */
export function wireSignal(article: WireReadable, registry: OutletRegistry): WireSignal | null {
  const p = patterns(registry);
  if (!p.byName.size) return null;
  const entry = (name: string) => p.byName.get(name.replace(/^the\s+/i, '').toLowerCase())!;
  const text = article.clean?.text ?? '';
  const paragraphs = text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  for (const para of paragraphs.slice(0, WIRE_PARAMS.datelineParagraphs)) {
    const m = p.dateline.exec(para);
    if (m && datelinePrefix(para.slice(0, m.index))) return { wire: entry(m[1]), evidence: `dateline "(${m[1]}) —"` };
  }
  const lines = [...text.split('\n'), ...(article.clean?.removed ?? []).map((r) => r.text)].map((l) => l.trim()).filter(Boolean);
  for (const line of lines) {
    for (const re of p.credits) {
      const m = re.exec(line);
      if (m) return { wire: entry(m[1]), evidence: `credit line "${clipped(line)}"` };
    }
  }
  const reuters = p.byName.get('reuters');
  if (reuters) {
    const line = lines.find((l) => REUTERS_CREDITS.test(l));
    if (line) return { wire: reuters, evidence: `Reuters credits "${clipped(line)}"` };
  }
  const author = article.meta.author?.trim();
  const m = author ? p.author.exec(author) : null;
  if (m) return { wire: entry(m[1]), evidence: `author "${clipped(author!)}"` };
  return null;
}

/** A place and date before the agency code: short, no sentence in it, capitalised words but for a few. */
function datelinePrefix(prefix: string): boolean {
  if (prefix.length > WIRE_PARAMS.datelinePrefix) return false;
  if (/[.!?]["”’]?\s+\p{Lu}\p{Ll}/u.test(prefix)) return false;
  return prefix.split(/[\s,]+/).every((w) => !/^\p{Ll}/u.test(w) || PLACE_PARTICLES.has(w));
}

function clipped(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
