// `npm start`: builds the app when build/ is missing or older than its sources, then serves it.
import { buildIfStale } from './build-if-stale.js';

const status = buildIfStale();
if (status !== 0) process.exit(status);
await import('../server.js');
