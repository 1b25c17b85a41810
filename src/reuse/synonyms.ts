// A small list of news-paraphrase synonyms: content farms reword wire copy verb by verb ("seeks to bolster"
// → "looks to bolster", "strike-capable" → "attack-capable", issue 3). Each group maps to its first word.
// Kept short and generic on purpose: a long thesaurus would align unrelated sentences. Its effect is
// measured in eval/reuse.ts (synthetic synonym rewording, with and without this list).

const GROUPS: string[][] = [
  ['seek', 'look', 'aim', 'want', 'try', 'attempt'],
  ['bolster', 'boost', 'strengthen', 'reinforce', 'shore'],
  ['strike', 'attack', 'assault'],
  ['acquire', 'obtain', 'purchase', 'buy', 'procure', 'get'],
  ['assess', 'evaluate', 'examine', 'inspect', 'review'],
  ['visit', 'tour', 'trip'],
  ['reveal', 'disclose', 'unveil', 'show'],
  ['release', 'publish', 'issue'],
  ['recent', 'latest'],
  ['recently', 'lately'],
  ['begin', 'start', 'commence', 'launch'],
  ['end', 'finish', 'conclude'],
  ['help', 'assist', 'aid'],
  ['need', 'require'],
  ['big', 'large', 'major', 'huge'],
  ['small', 'minor', 'little'],
  ['kill', 'slay'],
  ['die', 'perish'],
  ['injure', 'wound', 'hurt'],
  ['arrest', 'detain'],
  ['warn', 'caution'],
  ['claim', 'allege', 'assert'],
  ['believe', 'think'],
  ['plan', 'intend'],
  ['expand', 'grow', 'increase'],
  ['fast', 'rapid', 'quick'],
  ['weapon', 'arm', 'armament'],
  ['official', 'authority'],
  ['country', 'nation'],
  ['agreement', 'deal', 'accord', 'pact'],
  ['suggest', 'indicate'],
  ['display', 'demonstration', 'showcase'],
  ['drone', 'uav'],
];

/** stem → canonical stem (the group's first word, itself stemmed by the caller's stemmer). */
export function synonymTable(stem: (w: string) => string): Map<string, string> {
  const table = new Map<string, string>();
  for (const group of GROUPS) {
    const head = stem(group[0]);
    for (const w of group) table.set(stem(w), head);
  }
  return table;
}
