// `crosscheck serve` over real HTTP on a random loopback port, with a corpus built from examples/: the
// cursor walk returns every story exactly once while articles are added, the limits answer 413/429/400,
// static files cannot be escaped, the token and host checks hold, adds run in the analysis worker while
// reads answer, and answers match the OpenAPI document.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { examplesServer } from './fixtures/server/setup.js';
import { serve, ServeError, type RunningServer } from '../src/server/index.js';
import { OPENAPI } from '../src/server/openapi.js';

let srv: RunningServer & { dir: string };
before(async () => {
  srv = await examplesServer();
});
after(async () => {
  await srv?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const get = async (path: string, base = srv.url): Promise<{ status: number; headers: Headers; body: Json }> => {
  const r = await fetch(base + path);
  return { status: r.status, headers: r.headers, body: r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text() };
};
const post = async (path: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }, base = srv.url) => {
  const r = await fetch(base + path, { method: 'POST', headers, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) });
  return { status: r.status, headers: r.headers, body: (await r.json()) as any };
};

// Distinct made-up topics, so each posted article is a story of its own.
const TOWNS = ['Arlo', 'Brenvik', 'Cassor', 'Dovrin', 'Elmstead', 'Farrow', 'Galdin', 'Hestia', 'Istrel', 'Jorvale', 'Kestin', 'Lumen'];
const THINGS = ['aquarium', 'observatory', 'velodrome', 'ferry terminal', 'orchard cooperative', 'glassworks', 'tram depot', 'botanical garden', 'opera house', 'salt mine', 'lighthouse museum', 'ice rink'];
const item = (n: number) => ({
  id: `walk-${n}`, title: `${TOWNS[n]} ${THINGS[n]} opens`, outlet: `${TOWNS[n]} Courier`, published: `2025-06-${String(n + 1).padStart(2, '0')}`,
  text: `The ${THINGS[n]} in ${TOWNS[n]} opened to the public on Saturday after ${n + 3} years of work. Mayor ${TOWNS[n]}son said ${100 + n * 7} people had queued since dawn. The ${THINGS[n]} cost ${n + 2} million euros.`,
});

test('the cursor walk returns every story exactly once while articles are added', async () => {
  const startIds = new Set<string>((await get('/api/stories?limit=500')).body.items.map((s: { id: string }) => s.id));
  assert.ok(startIds.size >= 4);
  const seen: string[] = [];
  let cursor: string | null = null;
  let n = 0;
  do {
    const page: { status: number; body: any } = await get(`/api/stories?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    seen.push(...page.body.items.map((s: { id: string }) => s.id));
    cursor = page.body.nextCursor;
    // Between pages: a new story, and a copy that updates an existing one (moving it to the front).
    if (n < 4) {
      const [created, updated] = await Promise.all([
        post('/api/articles', item(n)),
        post('/api/articles?filename=storm-copy.txt', readFileSync(join(import.meta.dirname, '..', 'examples', 'coastal-wire-storm-closes-port.txt'), 'utf8').replace(/https?:\/\/\S+/g, `https://copies.example/storm-${n}`) + `\nA harbour official added that ${n + 2} tugs stood by.\n`, { 'content-type': 'text/plain' }),
      ]);
      assert.ok(created.status === 201 || created.status === 200, JSON.stringify(created.body));
      assert.ok(updated.status < 500);
    }
    n++;
  } while (cursor && n < 100);
  const now = new Set<string>((await get('/api/stories?limit=500')).body.items.map((s: { id: string }) => s.id));
  assert.equal(new Set(seen).size, seen.length, `no story twice: ${seen}`);
  for (const id of startIds) if (now.has(id)) assert.ok(seen.includes(id), `story ${id} was walked`);
  assert.ok(now.size > startIds.size, 'the adds created stories during the walk');
});

test('filters, the article view and the story view', async () => {
  const storm = (await get('/api/stories?q=storm')).body.items;
  assert.ok(storm.length >= 1 && storm.every((s: { headline: string }) => /storm/i.test(s.headline)));
  assert.equal((await get('/api/stories?since=2031-01-01')).body.items.length, 0);
  assert.equal((await get('/api/stories?since=yesterday')).status, 400);
  assert.equal((await get('/api/stories?limit=0')).status, 400);
  assert.equal((await get('/api/stories?cursor=garbage')).status, 400);
  const byOutlet = (await get('/api/stories?outlet=harbourgazette.example')).body.items;
  assert.ok(byOutlet.length >= 1);
  const story = await get(`/api/stories/${storm[0].id}`);
  assert.equal(story.status, 200);
  assert.ok(story.body.view.disagreements.length >= 0 && story.body.story.contradictions);
  const mention = story.body.story.contradictions.flatMap((c: any) => c.values).flatMap((v: any) => v.mentions ?? [])[0];
  assert.ok(mention, 'a contradiction value with offsets');
  const art = await get(`/api/articles/${encodeURIComponent(mention.article)}`);
  assert.equal(art.status, 200);
  assert.equal(art.body.text.slice(mention.start, mention.end), mention.text, 'offsets index the clean text');
  assert.ok(art.body.mentions.length > 0);
  assert.equal((await get('/api/stories/nope')).status, 404);
  assert.equal((await get('/api/articles/nope')).status, 404);
  const csv = await get(`/api/stories/${storm[0].id}/claims.csv`);
  assert.match(csv.headers.get('content-type')!, /text\/csv/);
  assert.match(csv.body as string, /^story,kind,about,text,articles,outlets,independent_sources,article_ids\r\n/);
  const ld: Json = await fetch(`${srv.url}/api/stories/${storm[0].id}/claims.jsonld`).then((r) => r.json());
  assert.equal(ld['@context'], 'https://schema.org');
  assert.ok(ld['@graph'].some((c: any) => c['@type'] === 'Claim' && c.appearance.length && c.firstAppearance));
});

test('limits: 413 for a large body, 400 for too many items and per bad item, 429 with Retry-After', async () => {
  const tight = await serve({ db: null, corpus: srv.corpus, port: 0, limits: { maxBodyBytes: 4000, maxItems: 2, postsPerMinute: 6, burst: 2 } });
  try {
    const big = await post('/api/articles', 'x'.repeat(5000), { 'content-type': 'text/plain' }, tight.url);
    assert.equal(big.status, 413);
    const many = await post('/api/articles', [item(8), item(9), item(10)], undefined, tight.url);
    assert.equal(many.status, 400);
    assert.match(many.body.error, /too many articles/);
    const mixed = await post('/api/articles', [item(11), { title: 'no text here' }], undefined, tight.url);
    assert.equal(mixed.status, 400);
    assert.deepEqual(mixed.body.added, ['walk-11'], 'the good item is still added');
    assert.match(mixed.body.rejected[0].reason, /no "text" field/);
    const limited = await post('/api/articles', item(5), undefined, tight.url);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  } finally {
    await tight.close();
  }
});

/** A request with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(path: string): Promise<number> {
  const u = new URL(srv.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test('static files: only the two assets, no way out of them', async () => {
  assert.equal(await rawGet('/static/app.css'), 200);
  assert.equal(await rawGet('/static/app.js'), 200);
  for (const path of ['/static/../package.json', '/static/..%2f..%2fpackage.json', '/static/%2e%2e/%2e%2e/package.json', '/static/..\\..\\package.json', '/static/constructor', '/static/__proto__', '/static/app.css%00.js']) {
    assert.notEqual(await rawGet(path), 200, path);
  }
  const page = await get('/');
  assert.match(page.headers.get('content-security-policy')!, /default-src 'none'; script-src 'self'; style-src 'self'/);
});

test('non-loopback needs a token; the token, host and origin checks hold', async () => {
  await assert.rejects(serve({ db: null, corpus: srv.corpus, host: '0.0.0.0', port: 0 }), (e: Error) => e instanceof ServeError && /without a token/.test(e.message));
  const guarded = await serve({ db: null, corpus: srv.corpus, port: 0, token: 'a-very-long-test-token' });
  try {
    assert.equal((await fetch(`${guarded.url}/api/stories`)).status, 401);
    assert.equal((await fetch(`${guarded.url}/api/stories`, { headers: { authorization: 'Bearer a-very-long-test-token' } })).status, 200);
    assert.equal((await fetch(`${guarded.url}/healthz`)).status, 200);
    const login = await fetch(`${guarded.url}/?token=a-very-long-test-token`, { redirect: 'manual' });
    assert.equal(login.status, 303);
    assert.match(login.headers.get('set-cookie')!, /HttpOnly; SameSite=Strict/);
  } finally {
    await guarded.close();
  }
  const evil = await new Promise<number>((resolve) => {
    const u = new URL(srv.url);
    request({ host: u.hostname, port: u.port, path: '/api/stories', headers: { host: 'evil.example' } }, (res) => (res.resume(), resolve(res.statusCode!))).end();
  });
  assert.equal(evil, 421, 'a rebound DNS name is refused');
  const cross = await post('/api/articles', item(6), { 'content-type': 'application/json', origin: 'http://evil.example' });
  assert.equal(cross.status, 403);
});

test('events: an add is announced on /api/events', async () => {
  const ac = new AbortController();
  const res = await fetch(`${srv.url}/api/events`, { signal: ac.signal });
  assert.match(res.headers.get('content-type')!, /text\/event-stream/);
  const reader = res.body!.getReader();
  let text = '';
  const read = (async () => {
    while (!/event: story\n/.test(text) || !/event: article\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
  })();
  await new Promise((r) => setTimeout(r, 100));
  const added = await post('/api/articles', item(7));
  assert.equal(added.status, 201);
  await Promise.race([read, new Promise((_, rej) => setTimeout(() => rej(new Error(`no event in 5 s: ${text}`)), 5000))]);
  ac.abort();
  assert.match(text, /"id":"walk-7"/);
});

test('adds run in the analysis worker: reads answer meanwhile and see the stories once it commits', async () => {
  const batch = [8, 9, 10, 11].map((n) => ({ ...item(n), id: `worker-${n}`, text: `${item(n).text} A second hall opens in ${2030 + n}.` }));
  let pending = true;
  const adding = post('/api/articles', batch).finally(() => (pending = false));
  let answeredMeanwhile = 0;
  while (pending) {
    const list = await get('/api/stories?limit=5');
    assert.equal(list.status, 200);
    if (pending) answeredMeanwhile++;
  }
  const added = await adding;
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.ok(answeredMeanwhile > 0, 'the stories list answered while the add was analysed');
  // The request thread's own connection reads what the worker committed, and its list cache was patched.
  for (const { id, story } of added.body.articles as { id: string; story: string }[]) {
    assert.ok(story, `article ${id} has a story`);
    assert.equal((await get(`/api/articles/${encodeURIComponent(id)}`)).status, 200);
    assert.equal((await get(`/api/stories/${encodeURIComponent(story)}`)).status, 200);
  }
  const listed = new Set((await get('/api/stories?limit=500')).body.items.map((s: { id: string }) => s.id));
  for (const s of added.body.stories.created) assert.ok(listed.has(s.id), `new story ${s.id} is listed`);
});

test('answers match the OpenAPI document', async () => {
  const doc = (await get('/api/openapi.json')).body;
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc, JSON.parse(JSON.stringify(OPENAPI)));
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema({ ...doc, $id: 'openapi' });
  const check = (schema: string, value: unknown) => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
    assert.ok(validate(value), `${schema}: ${ajv.errorsText(validate.errors)}`);
  };
  const page = (await get('/api/stories?limit=2')).body;
  check('StoryPage', page);
  check('StoryData', (await get(`/api/stories/${page.items[0].id}`)).body);
  const story = (await get(`/api/stories/${page.items[0].id}`)).body;
  check('ArticleData', (await get(`/api/articles/${encodeURIComponent(story.story.articles[0])}`)).body);
  check('Error', (await get('/api/stories/nope')).body);
  check('Health', (await get('/healthz')).body);
  check('AddAnswer', (await post('/api/articles', item(9))).body);
  for (const path of ['/api/stories', '/api/stories/{id}', '/api/articles/{id}', '/api/articles', '/api/events', '/healthz', '/metrics']) assert.ok(doc.paths[path], path);
  const metrics = await get('/metrics');
  assert.match(metrics.body as string, /crosscheck_http_requests_total\{method="GET",route="\/api\/stories",status="200"\}/);
});
