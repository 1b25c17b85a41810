// A minimal robots.txt matcher (RFC 9309): the group for our product token, else `*`; Allow/Disallow path
// prefixes with `*` and `$`; the longest matching rule wins, Allow on a tie. Nothing else (no crawl-delay,
// no sitemaps): the fetcher's own host gap is the politeness.

export interface RobotsRules {
  allow: string[];
  disallow: string[];
}

/** The rules that apply to `agent` (lower-case product token), from a robots.txt text. */
export function parseRobots(text: string, agent: string): RobotsRules {
  const groups: Array<{ agents: string[]; rules: RobotsRules }> = [];
  let current: { agents: string[]; rules: RobotsRules } | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'user-agent') {
      // Consecutive user-agent lines share one group (RFC 9309 §2.1).
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: { allow: [], disallow: [] } }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if (key === 'allow' || key === 'disallow') {
      lastWasAgent = false;
      // An empty Disallow allows everything: it adds no rule.
      if (current && value !== '') current.rules[key].push(value);
    } else lastWasAgent = false;
  }
  const ours = groups.filter((g) => g.agents.some((a) => a !== '*' && a.split('/')[0].trim() === agent));
  const chosen = ours.length > 0 ? ours : groups.filter((g) => g.agents.includes('*'));
  return { allow: chosen.flatMap((g) => g.rules.allow), disallow: chosen.flatMap((g) => g.rules.disallow) };
}

/** Length of the match of one rule pattern against a path, or -1 when it does not match. */
function matchLength(pattern: string, path: string): number {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  const m = new RegExp(`^${source}${anchored ? '$' : ''}`).exec(path);
  return m ? pattern.length : -1;
}

/** Percent-encoding normalised the way RFC 9309 §2.2.2 compares: decoded where it is safe to. */
function normalisePath(p: string): string {
  try {
    return decodeURI(p);
  } catch {
    return p;
  }
}

/** Whether a path (with its query) may be fetched under these rules. */
export function robotsAllows(rules: RobotsRules, pathAndQuery: string): boolean {
  const path = normalisePath(pathAndQuery);
  let best = -1;
  let allowed = true;
  for (const [list, verdict] of [[rules.disallow, false], [rules.allow, true]] as const) {
    for (const rule of list) {
      const n = matchLength(normalisePath(rule), path);
      if (n > best || (n === best && n >= 0 && verdict)) {
        best = n;
        allowed = verdict;
      }
    }
  }
  return allowed;
}
