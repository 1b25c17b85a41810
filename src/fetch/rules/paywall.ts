// Paywalls: a teaser of a few paragraphs with a "subscribe to continue" prompt, or a page whose JSON-LD
// says isAccessibleForFree: false and that hands us only a teaser. Storing the teaser would make a
// three-paragraph "article" that every later comparison reads as the outlet's whole story.
// Must not hit: a full article that ends with a subscription plea (long text: the clean stage strips the
// plea), an article about paywalls, a free article whose JSON-LD says isAccessibleForFree: true.

import type { BlockRule } from './types.js';

/** A teaser is one to three paragraphs (~40–150 words). The negative fixtures hold a full 172-word article
 *  that ends with a plea: at 250 it was taken for a teaser. */
const TEASER_WORDS = 150;
const SHORT_TEASER_WORDS = 120;

const PROMPT = /subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:please )?(?:subscribe|log ?in|sign ?in)|this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:paying )?subscribers|for (?:paying )?subscribers only|already a subscriber\?|you have reached (?:your|the) (?:limit|maximum) of free articles|become a (?:member|subscriber) to (?:read|continue)/i;
const NOT_FREE = /"isAccessibleForFree"\s*:\s*"?(?:false|False)"?/;

export const paywallRule: BlockRule = {
  name: 'paywall',
  test({ html, text, words }) {
    if (words > TEASER_WORDS) return null;
    if (NOT_FREE.test(html)) return 'paywall (the page marks itself isAccessibleForFree: false and gives only a teaser)';
    // The prompt is often outside what Readability keeps: in the markup it counts only for a very short text,
    // since a real brief's page can carry a "Subscribers only" link in its menu.
    if (PROMPT.test(text) || (words <= SHORT_TEASER_WORDS && PROMPT.test(html))) return `paywall (${words ? `a ${words}-word teaser` : 'no article text'} with a subscription prompt)`;
    return null;
  },
};
