import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-collection.ts';

/**
 * Every migration, in order. A static list (not a folder scan) so that the bundled server, the CLI
 * and the tests apply the same set without touching the file system. Append only; never rename.
 */
export const migrations: Record<string, Migration> = {
	'0001-foundation': m0001,
	'0002-collection': m0002
};

export const latestMigration = Object.keys(migrations).at(-1) ?? '';

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
