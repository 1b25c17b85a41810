// Word-by-word difference of a quote variant against the quote (longest common subsequence of words), as
// escaped HTML: words only in the variant in <ins>, words it lost in <del>.

import { escapeHtml } from '../brief/html.js';

/** Words past this are compared as a whole (an LCS table of 200×200 is the most a page builds). */
const MAX_WORDS = 200;

export function wordDiff(base: string, variant: string): string {
  const a = base.split(/\s+/).filter(Boolean);
  const b = variant.split(/\s+/).filter(Boolean);
  if (a.length > MAX_WORDS || b.length > MAX_WORDS) return escapeHtml(variant);
  const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const L: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) L[i][j] = norm(a[i]) === norm(b[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && norm(a[i]) === norm(b[j])) {
      out.push(escapeHtml(b[j]));
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || L[i][j + 1] >= L[i + 1][j])) out.push(`<ins>${escapeHtml(b[j++])}</ins>`);
    else out.push(`<del>${escapeHtml(a[i++])}</del>`);
  }
  return out.join(' ');
}
