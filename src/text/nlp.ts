// One shared wink-nlp instance whose out-of-vocabulary memory is wiped before every document (but for words
// of letters alone, see LETTERS_ONLY), so a document's tokens depend on its own text alone, not on what the
// process read before it.
//
// Why: wink adds every unknown word to its lexicon hash and from then on takes it whole. After
// "Reid's, 33, acting…" (kept as one token), "Tara Reid's publicist" no longer splits off "'s", so the same
// article gave other entities depending on which articles a worker thread had read first (5 of 1,000
// synthetic articles changed when read in reverse order). Deleting the hash entries added since the last
// document restores the pristine lookup; wink's own arrays keep growing in step (new words get fresh
// indices), so the instance is rebuilt every `recycleDocs` documents to bound memory.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
type Doc = ReturnType<Nlp['readDoc']>;

/** wink's lexeme table inside the loaded core model: a word → index hash and the list it indexes. */
interface LexemeTable {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

/**
 * The annotations the pipeline reads: sentences (sbd) and tags (pos). wink's default pipe also runs ner,
 * negation, sentiment and cer, none of which text/sentences.ts reads and none of which touches the token
 * values, spaces, normals, tags or sentence spans (same output on the 497 ECB+ texts and 500 bench
 * articles); dropping them cut readDoc's CPU time by a third there (scratch/wink-pipe.mjs: 3.0 → 2.0 s).
 */
const PIPE = ['sbd', 'pos'];

/** Documents per instance. Building one costs ~180 ms; 5,000 documents add a few MB of lexemes. */
export const recycleDocs = 5_000;

// The model's CER loader re-stringifies its (already stringified) data on every call, so the second and
// later instances would each double it until `Invalid string length`; load it once.
let metaCER: unknown = null;
const modelOnce = {
  ...(model as unknown as Record<string, unknown>),
  metaCER: () => (metaCER ??= (model as unknown as { metaCER(): unknown }).metaCER()),
};

/**
 * Unknown words of ASCII letters alone are remembered between documents: wink takes a space-delimited word of
 * letters whole whether it knows it or not (only punctuation, as in "Reid's", makes it split or not), and a
 * re-added word gets the same features, which are computed from its text. Re-adding every name at every
 * document was a third of readDoc's time (2,000 bench texts: 740 vs 490 ms warm); keeping these gives the
 * same tokens, normals, tags and sentences on all 10,496 ECB+ and 10k bench texts, read forwards and in
 * reverse (scratch/tokdiff.ts), at 2.3× the speed of the segmentation there.
 */
const LETTERS_ONLY = /^[A-Za-z]+$/;

let instance: Nlp | null = null;
let lexeme: LexemeTable | null = null;
let forgottenUpTo = 0;
let docs = 0;

function create(): Nlp {
  const wrapped = {
    ...modelOnce,
    core: () => {
      const core = (model as unknown as { core(): { features: { lexeme: LexemeTable } } }).core();
      lexeme = core.features.lexeme;
      forgottenUpTo = lexeme.intrinsicSize;
      return core;
    },
  };
  docs = 0;
  return winkNLP(wrapped as unknown as Parameters<typeof winkNLP>[0], PIPE);
}

/** The shared instance, for its `its`/`as` helpers; read documents with `readDoc` below. */
export function nlp(): Nlp {
  instance ??= create();
  return instance;
}

/** Reads a document as a fresh instance would: unknown words seen in earlier documents are forgotten. */
export function readDoc(text: string): Doc {
  if (!instance || docs >= recycleDocs) instance = create();
  if (lexeme) {
    const { hash, list } = lexeme;
    for (let i = forgottenUpTo; i < list.length; i++) {
      // A word re-added later sits at a higher index and is deleted when its turn comes.
      if (hash[list[i]] === i && !LETTERS_ONLY.test(list[i])) delete hash[list[i]];
    }
    forgottenUpTo = list.length;
  }
  docs++;
  return instance.readDoc(text);
}
