// HTTP error statuses: whatever the body says, a 4xx/5xx page is the server saying "not this article".
// Must not hit: 2xx pages (a 203 from a proxy is still the article); 304 never reaches the rules.

import type { BlockRule } from './types.js';
import { statusLine } from '../http.js';

const KIND: Record<number, string> = { 401: 'login required', 402: 'paywall', 403: 'access denied', 407: 'proxy login required', 410: 'gone', 429: 'rate limited', 451: 'unavailable for legal reasons' };

export const statusRule: BlockRule = {
  name: 'status',
  test: ({ status }) => (status >= 400 ? `${KIND[status] ?? 'error page'} (${statusLine(status)})` : null),
};
