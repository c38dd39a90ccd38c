import type { Deps } from './deps.ts';
import { loadDemoAccounts } from './demo/demo-accounts.ts';
import { loadDemoCollection } from './demo/demo-collection.ts';
import { loadDemoOrganisations } from './demo/demo-organisations.ts';
import { loadDemoResponses } from './demo/load-demo-responses.ts';

/**
 * Loads the demo into the configured database: organisations, one account per role, the
 * collection demo and its generated responses.
 * Idempotent (every step upserts by stable key), so `aspa demo` can be run again, and later
 * modules add their demo data here, in one place.
 */
export async function loadDemo(deps: Deps): Promise<void> {
	await deps.db.transaction().execute(async (trx) => {
		const inTransaction = { ...deps, db: trx };
		// Organisations first: the demo accounts' grants point at their units.
		await loadDemoOrganisations(inTransaction);
		await loadDemoAccounts(inTransaction);
		// Collection after both: its studies cover demo networks and are made by the demo admin.
		await loadDemoCollection(inTransaction);
		// Synthetic responses for the reports: a few thousand, stored set-based (demo-responses.ts).
		await loadDemoResponses(inTransaction);
	});
	deps.log.info('demo data loaded');
}
