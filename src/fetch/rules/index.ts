// The not-an-article rule set: status first, then the page-shape rules. The first rule that fires names
// the reason; a page no rule fires on is an article.

import type { BlockRule, PageView } from './types.js';
import { MARKUP_CHARS } from './types.js';
import { statusRule } from './status.js';
import { paywallRule } from './paywall.js';
import { consentRule } from './consent.js';
import { loginRule } from './login.js';
import { softErrorRule } from './soft-error.js';
import { botWallRule } from './bot-wall.js';

export type { BlockRule, PageView } from './types.js';

export const BLOCK_RULES: readonly BlockRule[] = [statusRule, botWallRule, consentRule, paywallRule, loginRule, softErrorRule];

/** A PageView from a page's markup and the text ingest extracted from it. */
export function pageView(status: number, url: string, html: string, text: string): PageView {
  const markup = html.slice(0, MARKUP_CHARS);
  const title = (/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(markup)?.[1] ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  const words = text.split(/\s+/).filter(Boolean).length;
  return { status, url, html: markup, title, text: text.toLowerCase(), words };
}

/** `blocked: <reason>` for a page that is not an article, else null. */
export function blockedReason(page: PageView): string | null {
  for (const rule of BLOCK_RULES) {
    const why = rule.test(page);
    if (why) return `blocked: ${why}`;
  }
  return null;
}
