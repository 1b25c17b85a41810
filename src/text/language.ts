// Language of an article body (ISO 639-1) with tinyld, a maintained n-gram detector. Non-English text is
// flagged by the text stage, never dropped; null means "too little text to say".

import { detect } from 'tinyld';

/**
 * Below this many letters tinyld's n-gram profile is a guess (a headline or a name); returning null is more
 * honest than a wrong code. 40 letters ≈ one short sentence: "Hallo" comes back as Italian otherwise.
 */
export const MIN_LETTERS = 40;

/**
 * tinyld's cost grows with input length while its verdict settles after a few sentences; 2,000 characters
 * keep detection under a millisecond for long bodies without changing the answer on the seeds.
 */
export const SAMPLE_CHARS = 2000;

const LETTER = /\p{L}/gu;

export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const code = detect(sample);
  return code ? code : null;
}
