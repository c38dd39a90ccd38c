import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-collection.ts';
import * as m0003 from './migrations/0003-answer-cube.ts';
import * as m0004 from './migrations/0004-report-settings.ts';
import * as m0005 from './migrations/0005-report-links.ts';
import * as m0006 from './migrations/0006-text-themes.ts';
import * as m0007 from './migrations/0007-open-text-recent.ts';

/**
 * Every migration, in order. A static list (not a folder scan) so that the bundled server, the CLI
 * and the tests apply the same set without touching the file system. Append only; never rename.
 */
export const migrations: Record<string, Migration> = {
	'0001-foundation': m0001,
	'0002-collection': m0002,
	'0003-answer-cube': m0003,
	'0004-report-settings': m0004,
	'0005-report-links': m0005,
	'0006-text-themes': m0006,
	'0007-open-text-recent': m0007
};

export const latestMigration = Object.keys(migrations).at(-1) ?? '';

export const migrationProvider: MigrationProvider = {
	getMigrations: async () => migrations
};
