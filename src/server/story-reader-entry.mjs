// Plain-JavaScript entry of the story reader thread: registers tsx inside the thread (registrations don't
// cross threads), then loads the TS worker. Used only from the sources; dist/ starts story-reader-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./story-reader-worker.ts');
