// The API's OpenAPI 3.1 document, written by hand (served at /api/openapi.json; test/server-api.test.ts
// checks real answers against its schemas, so it cannot drift from what the server says).

const str = { type: 'string' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const strings = { type: 'array', items: str } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const idParam = (what: string) => ({ name: 'id', in: 'path', required: true, schema: str, description: `${what} id` });

const schemas = {
  Error: { type: 'object', required: ['error'], properties: { error: str, rejected: { type: 'array', items: ref('ItemProblem') } } },
  ItemProblem: { type: 'object', required: ['item', 'reason'], additionalProperties: false, properties: { item: str, reason: str } },
  StorySummary: {
    type: 'object', additionalProperties: false,
    required: ['id', 'version', 'headline', 'articles', 'independentSources', 'contradictions', 'firstSeen', 'lastSeen', 'updatedAt'],
    properties: {
      id: str, version: { type: 'integer', minimum: 1 }, headline: str, articles: int, independentSources: int, contradictions: int,
      firstSeen: nullableStr, lastSeen: nullableStr, updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  StoryPage: {
    type: 'object', additionalProperties: false, required: ['items', 'nextCursor'],
    properties: { items: { type: 'array', items: ref('StorySummary') }, nextCursor: { ...nullableStr, description: 'Opaque; pass back as `cursor` with the same filters.' } },
  },
  StoryData: {
    type: 'object', required: ['summary', 'view', 'story', 'articles', 'reuse', 'sources', 'changes', 'reportVersion'],
    properties: {
      summary: { oneOf: [ref('StorySummary'), { type: 'null' }] },
      view: { type: 'object', description: 'The brief view model of the story (src/brief/view.ts StoryView): lead, agreed, disagreements, timeline, quotes, per-source notes.', required: ['id', 'headline', 'lead', 'agreed', 'disagreements'] },
      story: { type: 'object', description: 'The story of the versioned report (docs/report.schema.json): claims, contradictions with mentions, events, timeline, quotes.', required: ['id', 'headline', 'articles', 'claims', 'contradictions'] },
      articles: { type: 'array', items: { type: 'object', required: ['id', 'url', 'outlet', 'title', 'published'] } },
      reuse: { type: 'array', items: { type: 'object', required: ['a', 'b', 'kind', 'original', 'shared'] } },
      sources: { type: 'array', items: { type: 'object', required: ['id', 'label', 'articles', 'outlets'] } },
      changes: { type: 'array', items: { type: 'object', required: ['story', 'at', 'what', 'others'] } },
      reportVersion: str,
    },
  },
  Mention: {
    type: 'object', required: ['kind', 'start', 'end', 'text', 'value'],
    properties: { kind: { enum: ['entity', 'date', 'quantity', 'quote'] }, start: int, end: int, text: str, value: nullableStr, type: str },
  },
  ArticleData: {
    type: 'object', additionalProperties: false,
    required: ['id', 'version', 'addedAt', 'meta', 'language', 'text', 'paragraphs', 'sentences', 'removed', 'mentions', 'revisions', 'stories'],
    properties: {
      id: str, version: { type: 'integer', minimum: 1 }, addedAt: str, language: nullableStr, text: { ...str, description: 'Clean text; every offset indexes into it.' },
      meta: { type: 'object', required: ['title', 'url', 'outlet', 'published'], properties: { title: nullableStr, url: nullableStr, outlet: nullableStr, published: nullableStr, publishedFrom: nullableStr, author: nullableStr } },
      paragraphs: { type: 'array', items: { type: 'object', required: ['start', 'end', 'heading'] } },
      sentences: { type: 'array', items: { type: 'object', required: ['start', 'end'], properties: { start: int, end: int } } },
      removed: { type: 'array', items: { type: 'object', required: ['text', 'reason'], properties: { text: str, reason: str } } },
      mentions: { type: 'array', items: ref('Mention') },
      revisions: { type: 'array', items: { type: 'object', required: ['version', 'seenAt', 'text'], properties: { version: int, seenAt: str, text: str } } },
      stories: strings,
    },
  },
  ArticleInput: {
    type: 'object', required: ['text'], description: 'The JSONL object shape (docs/ingest.md).',
    properties: { text: str, title: str, url: str, outlet: str, published: { ...str, description: 'a date; YYYY-MM-DD is safest' }, author: str, id: { type: ['string', 'number'] } },
  },
  AddAnswer: {
    type: 'object', additionalProperties: false, required: ['added', 'revised', 'duplicates', 'unchanged', 'rejected', 'warnings', 'articles', 'stories'],
    properties: {
      added: strings, revised: strings, unchanged: strings,
      duplicates: { type: 'array', items: { type: 'object', required: ['id', 'of'], properties: { id: str, of: str } } },
      rejected: { type: 'array', items: ref('ItemProblem') },
      warnings: { type: 'array', items: { type: 'object', required: ['item', 'message'], properties: { item: str, message: str } } },
      articles: { type: 'array', items: { type: 'object', required: ['id', 'story'], properties: { id: str, story: nullableStr } } },
      stories: {
        type: 'object', required: ['created', 'updated', 'removed'],
        properties: { created: { type: 'array', items: ref('StorySummary') }, updated: { type: 'array', items: ref('StorySummary') }, removed: strings },
      },
    },
  },
  Queued: {
    type: 'object', additionalProperties: false, required: ['queued', 'alreadyQueued', 'rejected', 'warnings', 'follow'],
    description: 'The articles were handed to the workers (a PostgreSQL corpus with workers alive); they add them.',
    properties: {
      queued: int, alreadyQueued: int, rejected: { type: 'array', items: ref('ItemProblem') },
      warnings: { type: 'array', items: { type: 'object', required: ['item', 'message'], properties: { item: str, message: str } } },
      follow: { ...str, description: 'the command that shows the queue and the workers' },
    },
  },
  DeadLetter: {
    type: 'object', required: ['job', 'reason', 'deliveries', 'at'],
    properties: { job: str, reason: str, deliveries: int, at: str },
  },
  Health: {
    type: 'object', required: ['status', 'store', 'queue', 'storyPages'],
    properties: {
      status: { const: 'ok' }, store: str, queue: { ...int, description: 'adds waiting in this process' },
      storyPages: {
        description: 'story pages rendered ahead of their first read since the start (a database corpus warms the newest stories its cache holds; an in-memory one none)',
        type: 'object', required: ['warmed', 'of'], properties: { warmed: int, of: int },
      },
      workerQueue: {
        description: 'the workers\' queue of a PostgreSQL corpus (null: no worker ever took jobs from it)',
        oneOf: [{ type: 'null' }, {
          type: 'object', required: ['name', 'queued', 'running', 'retrying', 'workers', 'failed', 'deadLetters'],
          properties: { name: str, queued: int, running: int, retrying: int, workers: int, failed: int, deadLetters: { type: 'array', items: ref('DeadLetter') }, error: str },
        }],
      },
    },
  },
};

const listParams = [
  { name: 'q', in: 'query', schema: str, description: 'words the headline must contain' },
  { name: 'since', in: 'query', schema: { type: 'string', format: 'date' }, description: 'activity on or after (YYYY-MM-DD)' },
  { name: 'until', in: 'query', schema: { type: 'string', format: 'date' }, description: 'first seen on or before (YYYY-MM-DD)' },
  { name: 'outlet', in: 'query', schema: str, description: 'an outlet among the story\'s articles (exact, case-insensitive)' },
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  { name: 'cursor', in: 'query', schema: str, description: 'nextCursor of the previous page' },
];

export const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'crosscheck', version: '1.0.0', description: 'The stored corpus as an HTTP API: stories newest activity first, story views, articles, uploads and a live feed.' },
  components: {
    schemas,
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required when the server binds to a non-loopback host (--token).' } },
  },
  security: [{}, { bearer: [] }],
  paths: {
    '/api/stories': {
      get: {
        summary: 'Stories, newest activity first, in pages', parameters: listParams,
        description: 'A walk from the first page through nextCursor returns every story that existed when it began exactly once, even while articles are added.',
        responses: { 200: json(ref('StoryPage'), 'a page'), 400: error('a bad parameter or cursor') },
      },
    },
    '/api/stories/{id}': { get: { summary: 'One story: view, claims, contradictions with evidence spans, articles, copy links', parameters: [idParam('story')], responses: { 200: json(ref('StoryData'), 'the story'), 404: error('no such story') } } },
    '/api/stories/{id}/claims.csv': { get: { summary: "The story's claims and disputed values, one row each", parameters: [idParam('story')], responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: str } } }, 404: error('no such story') } } },
    '/api/stories/{id}/claims.jsonld': { get: { summary: 'schema.org Claim JSON-LD with appearance and firstAppearance', parameters: [idParam('story')], responses: { 200: { description: 'JSON-LD', content: { 'application/ld+json': { schema: { type: 'object', required: ['@context', '@graph'] } } } }, 404: error('no such story') } } },
    '/api/articles/{id}': { get: { summary: 'One article: clean text, removed lines with reasons, mentions with offsets, revisions', parameters: [idParam('article')], responses: { 200: json(ref('ArticleData'), 'the article'), 404: error('no such article') } } },
    '/api/articles': {
      post: {
        summary: 'Add articles: one object or an array of the JSONL shape, or a raw file of any input format',
        parameters: [
          { name: 'X-Filename', in: 'header', schema: str, description: 'file name of a raw upload (or ?filename=)' },
          { name: 'filename', in: 'query', schema: str },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { oneOf: [ref('ArticleInput'), { type: 'array', items: ref('ArticleInput') }] } },
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
            'text/plain': { schema: str },
          },
        },
        responses: {
          200: json(ref('AddAnswer'), 'nothing new (unchanged or duplicate texts)'),
          201: json(ref('AddAnswer'), 'articles added'),
          202: json(ref('Queued'), 'articles queued for the workers, who add them (GET /healthz shows the queue)'),
          400: { description: 'some or all items refused, each with its reason (the good ones are added: see `added`), or too many items', content: { 'application/json': { schema: { oneOf: [ref('AddAnswer'), ref('Queued'), ref('Error')] } } } },
          413: error('body too large'),
          429: { ...error('too many writes from this client'), headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'seconds' } } },
        },
      },
    },
    '/api/events': { get: { summary: 'Server-Sent Events: story (created/updated), contradiction, article, story-removed', responses: { 200: { description: 'an event stream', content: { 'text/event-stream': { schema: str } } } } } },
    '/healthz': { get: { summary: 'Liveness', security: [{}], responses: { 200: json(ref('Health'), 'up') } } },
    '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text exposition format', content: { 'text/plain': { schema: str } } } } } },
    '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } },
  },
};
