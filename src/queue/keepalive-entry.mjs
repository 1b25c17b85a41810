// Plain-JavaScript entry of the keepalive thread: registers tsx inside the thread (registrations don't cross
// threads), then loads the TypeScript. Used only when the sources run through tsx; compiled code (dist/)
// starts dist/queue/keepalive-thread.js itself.
import { register } from 'tsx/esm/api';

register();
await import('./keepalive-thread.ts');
