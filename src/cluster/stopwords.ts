// English function words and reporting verbs dropped from the lemma signal: they occur in every news
// article, so they only add noise to cosines (IDF shrinks them too, but a batch of 5 articles has no IDF).

export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves said say says
saying told tell according reported report reports news one two three new year years time week month day
today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr percent per
may might must shall many much us via get got make made take took go went going come came including since
another around still even back well way like last first next would`.split(/\s+/).filter(Boolean),
);

/** Calendar words: not entities (a capitalised "Tuesday" names no actor) but part of the date signal. */
export const CALENDAR: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/).filter(Boolean),
);
