// Normaliser `spelling`: names and words that differ only in writing — diacritics (José / Jose),
// British/American spelling (fibre/fiber, offence/offense, advisers/advisors), hyphens and compounds
// (e-mail/email), case and punctuation. Two such spellings are one value, never a contradiction.

const PAIRS: [RegExp, string][] = [
  [/(is|iz)(ors?|ers?)\b/g, 'iser'], // advisors / advisers (before the -ise rule)
  [/our(s?)\b/g, 'or$1'], // colour / color, honour / honor
  [/([^aeiou])re(s?)\b/g, '$1er$2'], // fibre / fiber, centre / center, metres / meters
  [/ence\b/g, 'ense'], // offence / offense, defence / defense
  [/is(e|ed|es|ing|ation)\b/g, 'iz$1'], // organise / organize
  [/yse\b/g, 'yze'], // analyse / analyze
  [/ogue\b/g, 'og'], // catalogue / catalog
  [/ll(ed|ing|er)\b/g, 'l$1'], // travelled / traveled
];

/** A spelling key: lower case, no diacritics, no hyphens or punctuation, British forms folded to one. */
export function spellingKey(text: string): string {
  let s = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  s = s.replace(/[’'`.]/g, '').replace(/[-‐‑–—\s]+/g, ' ').trim();
  s = s
    .split(' ')
    .map((w) => PAIRS.reduce((x, [re, to]) => x.replace(re, to), w))
    .join('');
  return s;
}

/** Two spellings of one word or name. */
export function sameSpelling(a: string, b: string): boolean {
  return spellingKey(a) === spellingKey(b);
}

/** Key of a holder name: its last word, spelling-folded ("Earl Clark" and "Clark" are one holder). */
export function holderKey(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return spellingKey(words[words.length - 1] ?? name);
}
