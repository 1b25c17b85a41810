// The page's <meta>, <link> and <time> elements, gathered in one walk of the DOM, answering the simple
// attribute selectors the metadata readers ask (`meta[property="og:title"]`, `time[datetime]`).
//
// Why: the metadata and date readers ask ~30 such selectors per page, and linkedom answers each
// querySelector with a walk of the whole tree: 16 % of HTML ingest's CPU on extraction-zyte (profile,
// 2026-12-01). One walk plus string comparisons gives the same elements in the same (document) order.

/** An element as the readers use it (linkedom's, or any DOM's). */
export interface TagElement {
  tagName: string;
  getAttribute(name: string): string | null;
  textContent: string | null;
  parentElement?: unknown;
}

interface SimpleSelector {
  tag: string;
  attribute: string;
  /** Absent: the attribute need only be present. */
  value?: string;
}

/** `tag[attr]` or `tag[attr="value"]`; anything else is a programming error (the selectors are constants). */
const SIMPLE = /^([a-z]+)\[([A-Za-z][\w:.-]*)(?:="([^"]*)")?\]$/;

function parseSelector(selector: string): SimpleSelector {
  const m = SIMPLE.exec(selector);
  if (!m) throw new Error(`page-tags answers only tag[attr] and tag[attr="value"] selectors, not ${selector}`);
  return { tag: m[1], attribute: m[2], value: m[3] };
}

const parsed = new Map<string, SimpleSelector>();

export class PageTags {
  private readonly byTag = new Map<string, TagElement[]>();

  constructor(doc: { querySelectorAll(selector: string): Iterable<TagElement> }) {
    for (const el of doc.querySelectorAll('meta, link, time')) {
      const tag = el.tagName.toLowerCase();
      let list = this.byTag.get(tag);
      if (!list) this.byTag.set(tag, (list = []));
      list.push(el);
    }
  }

  /** The first element in document order that the selector matches, as `querySelector` gives it. */
  querySelector(selector: string): TagElement | null {
    const s = this.selector(selector);
    return (this.byTag.get(s.tag) ?? []).find((el) => matches(el, s)) ?? null;
  }

  querySelectorAll(selector: string): TagElement[] {
    const s = this.selector(selector);
    return (this.byTag.get(s.tag) ?? []).filter((el) => matches(el, s));
  }

  private selector(text: string): SimpleSelector {
    let s = parsed.get(text);
    if (!s) parsed.set(text, (s = parseSelector(text)));
    if (s.tag !== 'meta' && s.tag !== 'link' && s.tag !== 'time') throw new Error(`page-tags holds meta, link and time elements, not ${s.tag}`);
    return s;
  }
}

/** CSS attribute selectors compare values case-sensitively (`DC.date` is not `dc.date`), as the DOM does. */
function matches(el: TagElement, s: SimpleSelector): boolean {
  const v = el.getAttribute(s.attribute);
  return s.value === undefined ? v !== null : v === s.value;
}
