// Plain-JavaScript entry of the serve analysis worker: registers tsx inside the thread (registrations don't
// cross threads), then loads the TS worker. Used only from the sources; dist/ starts add-worker.js itself.
import { register } from 'tsx/esm/api';

register();
await import('./add-worker.ts');
