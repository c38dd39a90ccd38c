import type { Deps } from './deps.ts';
import { loadDemoAccounts } from './demo/demo-accounts.ts';
import { loadDemoCollection } from './demo/demo-collection.ts';
import { loadDemoOrganisations } from './demo/demo-organisations.ts';

/**
 * Loads the demo into the configured database: organisations, then one account per role.
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
	});
	deps.log.info('demo data loaded');
}
