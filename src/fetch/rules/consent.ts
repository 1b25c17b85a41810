// Cookie and privacy consent walls (GDPR interstitials): the request lands on "we value your privacy" with
// accept/reject buttons instead of the article; its text would be stored as the outlet's story.
// Must not hit: an article about cookie law or the GDPR (long text), an article page that merely carries a
// consent banner in its markup beside the real text (the text is long then too).

import type { BlockRule } from './types.js';

const WALL_WORDS = 200;

const PHRASE = /we value your privacy|we care about your privacy|(?:accept|reject) all cookies|(?:manage|customi[sz]e) (?:your )?(?:cookie|privacy|consent) (?:settings|preferences|choices)|before you continue to|this site uses cookies|consent to (?:the use of )?cookies|your privacy choices/i;
const HOST = /^(?:consent|cmp|privacy)\.|\bconsent\.(?:google|yahoo)\./i;

export const consentRule: BlockRule = {
  name: 'consent',
  test({ url, title, text, words }) {
    if (words > WALL_WORDS) return null;
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // a WARC record with a bad URI: the text alone decides
    }
    if (HOST.test(host)) return `consent page (served from ${host})`;
    if (PHRASE.test(title) || PHRASE.test(text)) return 'consent page (a cookie or privacy prompt instead of the article)';
    return null;
  },
};
