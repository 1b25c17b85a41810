// Publication dates of HTML pages (issue 16 item 4): exact-day accuracy of `published` on the 181 real pages
// of extraction-zyte and on our own fixture pages (test/fixtures/dates), with baselines in the same run.
//
// The zyte ground truth has no dates, so the reference is the page's OWN metadata, read here by a separate
// regex reader (article:published_time, else the first JSON-LD "datePublished", else itemprop
// datePublished; the YYYY-MM-DD as written). Our extractor reads the same metadata, so its row on that
// reference is a check of parsing, not an independent accuracy; the "metadata removed" row is the honest
// one for our fallbacks (URL, dateline), and the URL-date reference (from the ground truth's URL) is
// independent of the page's metadata. The crawl time is unknown, so the future guard is not exercised.
//   npx tsx eval/dates-html.ts        (or npm run eval -- dates-html)

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { ingestBuffer } from '../src/ingest/index.js';
import { normaliseDate } from '../src/ingest/dates.js';
import { urlCandidate } from '../src/ingest/dates/candidate.js';
import type { FirstSeen } from '../src/ingest/dates/choose.js';

const ZYTE_DIR = fileURLToPath(new URL('../../shared/data/extraction-zyte', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../test/fixtures/dates/', import.meta.url));

interface Page {
  name: string;
  html: string;
  url: string | null;
  firstSeen: FirstSeen | null;
}

type System = { name: string; date: (p: Page) => string | null };

const ISO_DAY = /(\d{4})-(\d{2})-(\d{2})/;
const isoDay = (s: string | null | undefined): string | null => (s ? ISO_DAY.exec(s)?.slice(1, 4).join('-') ?? null : null);

/** The page's own declared publication day, by a reader independent of src/ingest. */
function metadataReference(html: string): string | null {
  const og = /<meta[^>]+(?:property|name)=["']article:published_time["'][^>]*>/i.exec(html)?.[0];
  const ogValue = og ? /content=["']([^"']+)["']/i.exec(og)?.[1] : null;
  const ld = /"datePublished"\s*:\s*"([^"]+)"/.exec(html)?.[1];
  const itemprop = /itemprop=["']datePublished["'][^>]*(?:content|datetime)=["']([^"']+)["']/i.exec(html)?.[1];
  return isoDay(ogValue) ?? isoDay(ld) ?? isoDay(itemprop);
}

const ourDate = (p: Page, html = p.html): string | null => {
  const item = ingestBuffer(`${p.name}.html`, Buffer.from(html), { url: p.url, firstSeen: p.firstSeen }).find((i) => i.kind === 'article');
  return item?.kind === 'article' ? item.article.meta.published : null;
};

/** The page without what it declares for machines: every <meta> and every JSON-LD block. */
const withoutMetadata = (html: string): string => html.replace(/<script[^>]*ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi, ' ').replace(/<meta\b[^>]*>/gi, ' ');

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const FIRST_DATE = new RegExp(`\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}`, 'i');

const SYSTEMS: System[] = [
  { name: 'crosscheck', date: (p) => ourDate(p) },
  { name: 'crosscheck, metadata removed (URL + dateline only)', date: (p) => ourDate(p, withoutMetadata(p.html)) },
  { name: 'baseline: article:published_time alone', date: (p) => isoDay(/<meta[^>]+article:published_time[^>]+content=["']([^"']+)/i.exec(p.html)?.[1] ?? /<meta[^>]+content=["']([^"']+)["'][^>]+article:published_time/i.exec(p.html)?.[1]) },
  { name: 'baseline: first date-looking string in the page', date: (p) => normaliseDate(FIRST_DATE.exec(p.html)?.[0]) },
  {
    name: 'baseline: Readability publishedTime',
    date: (p) => normaliseDate(new Readability(parseHTML(p.html).document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.publishedTime ?? null),
  },
];

function zytePages(): Page[] {
  const truth = JSON.parse(readFileSync(`${ZYTE_DIR}/ground-truth.json`, 'utf8')) as Record<string, { url?: string }>;
  return readdirSync(`${ZYTE_DIR}/html`)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html\.gz$/, '');
      return { name, html: gunzipSync(readFileSync(`${ZYTE_DIR}/html/${f}`)).toString('utf8'), url: truth[name]?.url ?? null, firstSeen: null };
    });
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');

/** One row per system: coverage, and exact-day accuracy against each reference (missing counts wrong). */
function zyteTable(pages: Page[]): void {
  const meta = pages.map((p) => metadataReference(p.html));
  const url = pages.map((p) => urlCandidate(p.url)?.value ?? null);
  const nMeta = meta.filter(Boolean).length;
  const nUrl = url.filter(Boolean).length;
  console.log(`extraction-zyte: ${pages.length} pages; reference 1 = the page's own metadata (article:published_time > JSON-LD datePublished > itemprop, read by a separate regex): ${nMeta} pages have one; reference 2 = the date in the ground truth's URL path: ${nUrl} pages have one. No crawl time is known, so the future guard does not apply.\n`);
  console.log('| system | pages with a date | exact day vs own metadata | … where it answered | exact day vs URL date |');
  console.log('|---|---|---|---|---|');
  for (const s of SYSTEMS) {
    const got = pages.map((p) => s.date(p));
    const answered = got.filter(Boolean).length;
    const okMeta = got.filter((g, i) => meta[i] && g === meta[i]).length;
    const answeredMeta = got.filter((g, i) => meta[i] && g).length;
    const okUrl = got.filter((g, i) => url[i] && g === url[i]).length;
    console.log(`| ${s.name} | ${answered} (${pct(answered, pages.length)}) | ${okMeta}/${nMeta} (${pct(okMeta, nMeta)}) | ${okMeta}/${answeredMeta} (${pct(okMeta, answeredMeta)}) | ${okUrl}/${nUrl} (${pct(okUrl, nUrl)}) |`);
  }
}

/** Our fixture pages: each system's date beside the expected one (the fixture's stated truth). */
function fixtureTable(): void {
  const expected = JSON.parse(readFileSync(`${FIXTURES}/expected.json`, 'utf8')) as { firstSeen: string; pages: Record<string, { url: string; published: string; why: string }> };
  const pages: Page[] = Object.entries(expected.pages).map(([name, e]) => ({ name, html: readFileSync(`${FIXTURES}/${name}.html`, 'utf8'), url: e.url, firstSeen: { at: expected.firstSeen, from: 'fetch' } }));
  const systems = SYSTEMS.filter((s) => !s.name.includes('metadata removed'));
  console.log(`\nOwn fixtures (test/fixtures/dates, written for the tests; truth as stated in expected.json; first seen ${expected.firstSeen}):\n`);
  console.log(`| page | expected | ${systems.map((s) => s.name).join(' | ')} |`);
  console.log(`|---|---|${systems.map(() => '---').join('|')}|`);
  const right = systems.map(() => 0);
  for (const p of pages) {
    const want = expected.pages[p.name].published;
    const cells = systems.map((s, i) => {
      const got = s.date(p);
      if (got === want) right[i]++;
      return `${got ?? '–'}${got === want ? ' ✓' : ''}`;
    });
    console.log(`| ${p.name} | ${want} | ${cells.join(' | ')} |`);
  }
  console.log(`| **exact day** | | ${right.map((r) => `**${r}/${pages.length}**`).join(' | ')} |`);
}

if (!existsSync(`${ZYTE_DIR}/ground-truth.json`)) {
  console.log(`skipped the extraction-zyte table: ${ZYTE_DIR} is absent (the ../shared data sets)`);
} else {
  zyteTable(zytePages());
}
fixtureTable();
