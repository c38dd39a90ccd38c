// Child process of bench/pglite-memory.js: opens the embedded database the way Aspa does
// (openPglite from src/, run by Node 24's type stripping) and prints its own VmRSS/VmHWM after
// each step as one JSON line, so each measurement starts from a clean process.
//
//   node bench/lib/pglite-probe.js fresh DIR    open a new directory, migrate, load the demo
//   node bench/lib/pglite-probe.js reopen DIR   open an existing directory and query it
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openPglite } from '../../src/lib/server/db/client.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { loadDemo } from '../../src/lib/server/services/load-demo.ts';
import { createLogger } from '../../src/lib/server/logger.ts';

const [mode, dir] = process.argv.slice(2);
const steps = [];
const mark = (/** @type {string} */ step) => {
	const status = readFileSync('/proc/self/status', 'utf8');
	const mib = (/** @type {string} */ field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
	steps.push({ step, ms: performance.now(), rssMiB: mib('VmRSS'), hwmMiB: mib('VmHWM') });
};

mark('node started');
const handle = await openPglite(dir);
mark('opened');
if (mode === 'fresh') {
	await migrateToLatest(handle.db);
	const deps = { db: handle.db, log: createLogger('silent'), now: () => new Date(), origin: 'http://localhost', mail: { configured: false, send: async () => {}, close: () => {} } };
	await loadDemo(deps);
	mark('migrated, demo loaded');
} else {
	await sql`select 1`.execute(handle.db);
	mark('first query');
	await sql`select l.key, count(*) from library l join library_municipality lm on lm.library_id = l.id group by l.key`.execute(handle.db);
	await sql`select * from audit_event order by at desc limit 50`.execute(handle.db);
	mark('demo queries');
}
await handle.close();
process.stdout.write(JSON.stringify(steps) + '\n');
