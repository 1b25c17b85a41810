// Plain-JavaScript entry of a StagePool worker: registers tsx inside the worker thread (registrations
// don't cross threads, and `--import` in a worker's execArgv isn't honoured), then loads the TS worker.
// Used only when the sources run through tsx; compiled code (dist/) starts dist/pipeline/worker.js itself.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
