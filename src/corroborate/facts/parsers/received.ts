// Parser `received`: how many things an office or a body received ("the agency received nearly 235,000
// comments", "has received 300,000 comments", "received 1,200 complaints"). One value per event: a count of
// submissions is what a reader compares across outlets. Slot: the thing counted, within one event.
// Must not hit: people ("received 300 refugees": parser `toll`'s PEOPLE), money (parser `count`), a count of
// another time ("received 200 last year": frame.ts backgroundClause), things counted with no receiving verb,
// things that are not sent in ("55 yards received").

import { thingCounts } from './affected.js';

/** Things sent in to be received; a player's "yards received" or a "received 20 stitches" is no submission. */
const SUBMISSIONS = /^(comments?|complaints?|calls?|letters?|applications?|submissions?|e-?mails?|petitions?|signatures?|tips?|requests?|reports?|responses?|entries|bids?|messages?|objections?|claims?)$/i;

export const received = thingCounts('received', { receive: 'received' }, SUBMISSIONS);
