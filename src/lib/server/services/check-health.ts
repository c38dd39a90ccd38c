import { currentMigration } from '#lib/server/db/migrate.ts';
import type { DbKind } from '#lib/server/db/client.ts';
import type { Deps } from './deps.ts';

export interface Health {
	status: 'ok' | 'error';
	db: DbKind;
	migration: string | null;
}

/** Whether the database answers, and the migration it is at (for monitors and `/healthz`). */
export async function checkHealth(deps: Deps, dbKind: DbKind): Promise<Health> {
	try {
		return { status: 'ok', db: dbKind, migration: await currentMigration(deps.db) };
	} catch (error) {
		deps.log.error({ err: error }, 'health check failed');
		return { status: 'error', db: dbKind, migration: null };
	}
}
