// Login walls: a sign-in form where the article should be (registration walls, expired sessions).
// Must not hit: an article page with a "Sign in" link in its header (no password field, long text), an
// article about passwords or logins (long text).

import type { BlockRule } from './types.js';

const FORM_WORDS = 150;

const PASSWORD_FIELD = /<input\b[^>]*\btype\s*=\s*["']?password\b/i;
const TITLE = /^\s*(?:log ?in|sign ?in|sign in to|log in to|login|register|create (?:an|your) account)\b/i;

export const loginRule: BlockRule = {
  name: 'login',
  test({ html, title, words }) {
    if (words > FORM_WORDS) return null;
    if (PASSWORD_FIELD.test(html)) return 'login page (a password form instead of the article)';
    if (TITLE.test(title)) return `login page (titled "${title.trim().slice(0, 60)}")`;
    return null;
  },
};
