// Cue words of attribution: verbs of saying, believing, wanting and judging in the forms news use, which of
// them take a bare clause ("said Russia had…") and which take a noun phrase or infinitive as their content
// ("called for new talks", "cited the report", "wants to win"), as PolNeAR annotates them.

/** Regular English inflections of a base verb (tokens carry no lemma): say → says, saying, (said listed). */
function inflect(base: string): string[] {
  const out = [base];
  if (/(s|sh|ch|x|z)$/.test(base)) out.push(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ies`);
  else out.push(`${base}s`);
  if (/e$/.test(base)) out.push(`${base}d`, `${base.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ied`, `${base}ing`);
  else out.push(`${base}ed`, `${base}ing`);
  return out;
}

/** Base form of every inflected form in the lexicon ("says" → say, "told" → tell): the tagger's lemma. */
const LEMMAS = new Map<string, string>();

/** Bases of the irregular forms the lists name. */
const IRREGULAR_BASES: Record<string, string> = {
  said: 'say', told: 'tell', thought: 'think', wrote: 'write', knew: 'know', known: 'know', felt: 'feel',
  found: 'find', shown: 'show', showed: 'show', sought: 'seek', admitted: 'admit', admitting: 'admit',
  committed: 'commit', regretted: 'regret', regretting: 'regret', referred: 'refer', referring: 'refer',
};

/** Builds a set from base forms (regular inflections added) and extra irregular forms. */
function verbSet(bases: string, irregular = ''): Set<string> {
  const set = new Set<string>();
  for (const b of bases.split(/\s+/).filter(Boolean)) {
    for (const f of inflect(b)) {
      set.add(f);
      if (!LEMMAS.has(f)) LEMMAS.set(f, b);
    }
  }
  for (const f of irregular.split(/\s+/).filter(Boolean)) {
    set.add(f);
    if (IRREGULAR_BASES[f]) LEMMAS.set(f, IRREGULAR_BASES[f]);
  }
  return set;
}

/** Lexicon base of a lower-cased word, or undefined for a word outside the cue lists. */
export function cueLemma(lower: string): string | undefined {
  return LEMMAS.get(lower);
}

/** Doubled final consonants that the regular rule misses. */
const DOUBLED = `admitted admitting committed regretted regretting referred referring`;

/** Verbs that introduce a reported clause: speech, writing, belief and knowledge. */
export const CUE_VERBS = verbSet(`say tell add note claim warn stress state explain insist argue acknowledge announce
assert report respond reply write tweet post allege suggest declare admit confirm deny reveal predict promise vow
urge recall estimate believe think contend maintain concede complain emphasize emphasise indicate inform assess
accuse charge observe remark continue testify disclose ask exclaim answer assure remind agree conclude worry fear
hope expect know learn realize realise recognize recognise question wonder pledge caution boast joke lament
muse speculate proclaim concur doubt guess imagine figure feel show find reckon signal hint mention point
acknowledge complain counter retort quip shout yell chant demand propose decide rule`,
`said told thought wrote knew known felt found shown showed ${DOUBLED}`);

/** Verbs that report a clause without "that": "Sullivan said Russia…", "he believes the…". */
export const BARE_CLAUSE_VERBS = verbSet(`say believe think claim add note warn insist argue write predict estimate
suggest stress hope fear expect know feel guess reckon worry doubt figure tweet post concede admit acknowledge
agree realize recall`, `said thought wrote knew felt admitted admitting`);

/** Verbs that take the hearer as object before the clause: "told CNN that", "informed reporters that". */
export const OBJECT_VERBS = verbSet(`tell inform warn assure remind notify advise ask`, 'told');

/** Cues whose content may be a noun phrase, an infinitive or a wh-clause rather than a full clause:
 * "called for an inquiry", "cited the report", "wants to triple…", "questioned whether…", "attacked Machado".
 * PolNeAR annotates these stances as attributions with the object as content. */
export const OBJECT_CUES = verbSet(`call cite want plan offer support expect urge pledge vow promise propose demand
decline refuse attack criticize criticise accuse praise condemn blast endorse reject question ask describe
mention reference echo show find agree announce reveal acknowledge deny dispute label liken compare seek
encourage hope intend vow threaten welcome applaud defend slam denounce dismiss mock oppose favor favour back
report note recommend suggest predict estimate warn discuss highlight tout blame credit thank`,
`found shown showed sought`);

/** Particles that belong to the cue: "called for", "called on", "pointed to", "pointed out". */
export const CUE_PARTICLES = new Map<string, Set<string>>([
  ['call', new Set(['for', 'on'])], ['calls', new Set(['for', 'on'])], ['called', new Set(['for', 'on'])],
  ['calling', new Set(['for', 'on'])], ['point', new Set(['to', 'out'])], ['points', new Set(['to', 'out'])],
  ['pointed', new Set(['to', 'out'])], ['pointing', new Set(['to', 'out'])],
]);

/** Nouns that report a clause when a possessor holds them: "Trump's claim that…", "her view that…". */
export const CUE_NOUNS = new Set(`claim claims assertion assertions argument statement view belief promise pledge
warning suggestion insistence contention allegation allegations accusation charge prediction hope fear
admission denial position insinuation`.split(/\s+/));
