// Soft errors: "page not found" or "something went wrong" served with status 200, so only the page itself
// says it is not the article.
// Must not hit: an article whose headline mentions an error or "404" (e.g. about a 404 area code) — those
// have long text; a short real brief is kept unless its title or opening says not-found.

import type { BlockRule } from './types.js';

const ERROR_WORDS = 120;

const TITLE = /(?:^|[\s|:–-])(?:404|page not found|not found|error 404|500 internal server error|server error|something went wrong|page (?:does not|doesn['’]t) exist|oops!?)(?:$|[\s|:–-])/i;
const TEXT = /^\s*(?:404\b|page not found|sorry,? (?:the|this) page (?:you (?:were )?(?:looking for|requested) )?(?:could not be found|cannot be found|does not exist|doesn['’]t exist|is no longer available)|the page you (?:are|were) looking for)/i;

export const softErrorRule: BlockRule = {
  name: 'soft-error',
  test({ title, text, words }) {
    if (words > ERROR_WORDS) return null;
    if (TITLE.test(title)) return `error page (titled "${title.trim().slice(0, 60)}")`;
    if (TEXT.test(text)) return 'error page (says the page was not found)';
    return null;
  },
};
