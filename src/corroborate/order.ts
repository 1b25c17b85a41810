// One sort order for text, the same on every machine: Unicode code-point order. `localeCompare` follows
// the machine's locale (ICU data, LANG), so a tool that promises identical output for identical input
// cannot use it (issue 12 item 10). Plain `<` compares UTF-16 code units, which puts U+E000–U+FFFF after
// astral characters (emoji, CJK extension B); remapping the units fixes that without decoding.

/** A UTF-16 unit remapped so that unit order is code-point order: surrogates above U+E000–U+FFFF. */
const rank = (u: number) => (u >= 0xd800 && u <= 0xdfff ? u + 0x2000 : u >= 0xe000 ? u - 0x800 : u);

/** Negative, zero or positive as `a` sorts before, with or after `b` in code-point order. */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}
