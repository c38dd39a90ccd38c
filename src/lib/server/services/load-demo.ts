import type { Deps } from './deps.ts';

/**
 * Loads the demo into the configured database: organisations, then one account per role.
 * Idempotent (every step upserts by stable key), so `aspa demo` can be run again, and later
 * modules add their demo data here, in one place.
 */
export async function loadDemo(deps: Deps): Promise<void> {
	await deps.db.transaction().execute(async () => {
		// Filled in by the organisation and account work.
	});
	deps.log.info('demo data loaded');
}
