// Speed of story/event clustering at scale: a synthetic batch of N articles (default 100,000) recombined
// from the tokenised sentences of ../shared/data/stories-ecbplus (each synthetic event mixes sentences of two
// source articles and has its own date), then clusterStories' stages timed separately. Prints articles/s for
// the online assignment and the per-article cost as the number of events grows (it must stay flat).
// Run: npx tsx bench/cluster.ts [N]

import type { AnalysedArticle, Sentence } from '../src/model/article.js';
import { DEFAULT_EVENT_OPTIONS, clusterStories, prepareUnits } from '../src/cluster/index.js';
import { OnlineEventClusterer } from '../src/cluster/events.js';
import { loadEcbPlus, NO_REUSE } from '../eval/ecbplus.js';

const N = Number(process.argv[2] ?? 100_000);
const data = await loadEcbPlus();
if (!data) {
  console.log('SKIP: ../shared/data/stories-ecbplus is absent; cluster bench not run.');
  process.exit(0);
}

// One shared text holding every source sentence; tokens are re-offset into it once, so 100k synthetic
// articles can share sentence objects instead of copying them.
let shared = '';
const bySource: Sentence[][] = data.articles.map((a) =>
  a.text.sentences.map((s) => {
    const base = shared.length - s.start;
    shared += s.text + '\n';
    return { ...s, start: s.start + base, end: s.end + base, tokens: s.tokens.map((t) => ({ ...t, start: t.start + base, end: t.end + base })) };
  }),
).filter((ss) => ss.length >= 4);

let seed = 7;
const rand = (n: number): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const EVENT_SIZE = 5;
const articles: AnalysedArticle[] = [];
const t0 = Date.UTC(2020, 0, 1) / 86_400_000;
for (let e = 0; articles.length < N; e++) {
  const a = bySource[rand(bySource.length)];
  const b = bySource[rand(bySource.length)];
  const day = t0 + Math.floor((e * 1000) / (N / EVENT_SIZE)); // events spread over ~1000 days
  for (let k = 0; k < EVENT_SIZE && articles.length < N; k++) {
    const sentences = [a[rand(a.length)], a[rand(a.length)], a[rand(a.length)], b[rand(b.length)], b[rand(b.length)]].map((s, i) => ({ ...s, index: i }));
    const published = new Date((day + rand(3)) * 86_400_000).toISOString().slice(0, 10);
    articles.push({
      id: `syn${String(articles.length).padStart(6, '0')}`,
      path: '',
      format: 'txt',
      encoding: 'utf-8',
      meta: { title: null, url: null, outlet: null, published, publishedFrom: 'header', author: null, declaredLanguage: null },
      raw: '',
      hash: '',
      diagnostics: [],
      clean: { text: shared, paragraphs: [], removed: [] },
      text: { language: 'en', sentences },
      extract: { entities: [], quotes: [], dates: [], quantities: [] },
    });
  }
}

const mem = (): string => `${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`;
let t = performance.now();
const prepared = prepareUnits(articles, NO_REUSE);
const prepMs = performance.now() - t;

// Online assignment, timed per block to show cost per article vs number of events.
const clusterer = new OnlineEventClusterer(prepared.units, { ...DEFAULT_EVENT_OPTIONS, refinePasses: 0 });
const block = Math.max(1, Math.floor(N / 10));
console.log(`synthetic articles: ${N} (events of ${EVENT_SIZE} articles from ${bySource.length} ECB+ sources), features+vectors: ${(prepMs / 1000).toFixed(1)} s (${Math.round(N / (prepMs / 1000))} articles/s), rss ${mem()}`);
console.log('');
console.log('| articles placed | events so far | µs/article in block | events scored/article |');
console.log('|---|---|---|---|');
t = performance.now();
const tAll = t;
let scored = 0;
for (let i = 0; i < prepared.order.length; i++) {
  clusterer.place(prepared.order[i]);
  if ((i + 1) % block === 0 || i === prepared.order.length - 1) {
    const now = performance.now();
    const n = (i % block) + 1;
    console.log(`| ${i + 1} | ${clusterer.eventCount} | ${(((now - t) * 1000) / n).toFixed(1)} | ${((clusterer.scored - scored) / n).toFixed(1)} |`);
    scored = clusterer.scored;
    t = now;
  }
}
const assignMs = performance.now() - tAll;
console.log('');
console.log(`online assignment: ${(assignMs / 1000).toFixed(1)} s = ${Math.round(N / (assignMs / 1000))} articles/s (target ≥ 2000/s)`);

t = performance.now();
const stories = clusterStories(articles, NO_REUSE);
const fullMs = performance.now() - t;
console.log(
  `full clusterStories (features, online pass, ${DEFAULT_EVENT_OPTIONS.refinePasses} refinement passes, stories, story-local pass, labels): ${(fullMs / 1000).toFixed(1)} s = ${Math.round(N / (fullMs / 1000))} articles/s; ${stories.length} stories, ${stories.reduce((n, s) => n + s.events.length, 0)} events; rss ${mem()}`,
);
