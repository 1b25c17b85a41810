// Plain-JavaScript entry of the ingest parse worker: registers tsx inside the worker thread (registrations
// don't cross threads), then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
