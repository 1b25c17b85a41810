// Plain-JavaScript entry of the ingest parse worker: registers tsx inside the worker thread (registrations
// don't cross threads), then loads the TypeScript worker.
// Used only when the sources run through tsx; compiled code (dist/) starts dist/ingest/parse-worker.js itself.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
