// Bot walls and block pages: CAPTCHAs, "checking your browser", "access denied", "unusual traffic" — what a
// CDN serves a client it does not trust, often with status 200.
// Must not hit: an article about CAPTCHAs or bot traffic (long text), a page that loads a CAPTCHA script
// for its comment form beside the article (long text).

import type { BlockRule } from './types.js';

const WALL_WORDS = 150;

const MARKUP = /\bg-recaptcha\b|\bh-captcha\b|hcaptcha\.com\/1\/api|\bcf-chl-|challenges\.cloudflare\.com|\bpx-captcha\b|captcha-delivery\.com|\/_Incapsula_Resource/i;
const PHRASE = /attention required!? \| cloudflare|just a moment\.\.\.|checking (?:if the site connection is secure|your browser)|verify (?:that )?you are (?:a )?human|are you a robot\?|access (?:to this page has been )?denied|you have been blocked|unusual traffic from your (?:computer|network)|request (?:was )?blocked|enable javascript and cookies to continue/i;

export const botWallRule: BlockRule = {
  name: 'bot-wall',
  test({ html, title, text, words }) {
    if (words > WALL_WORDS) return null;
    if (PHRASE.test(title) || PHRASE.test(text)) return 'block page (the site refused an automated client)';
    if (MARKUP.test(html)) return 'block page (a CAPTCHA or bot challenge)';
    return null;
  },
};
