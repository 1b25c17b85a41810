// A month name as a whole word (January, Jan., Sept): one pattern for the extraction and cross-check
// stages. A bare prefix (`dec[a-z]*`) read "more than two decades" as December and "12 marchers", "30
// mayors", "20 junior officers", "15 separatists" as day numbers beside a month.

/** The pattern's source, for embedding in larger expressions; no capture groups. */
export const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
