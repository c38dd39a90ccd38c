import { UsageError, type Command } from '../command.ts';
import { loadConfig } from '#lib/server/config.ts';
import { embeddedDatabaseExists } from '#lib/server/context.ts';
import { copyDatabaseTo } from '#lib/server/services/copy-database.ts';

/** Host and database of a URL, without the user name or password, for messages. */
function describeTarget(url: string): string {
	const parsed = new URL(url);
	return `${parsed.host}${parsed.pathname}`;
}

/** `description` is read by `--help` (main.ts); parseArgs ignores it. */
const options = {
	to: { type: 'string', description: 'the PostgreSQL database to copy into; it is migrated first and must have no rows' }
} as const;

export const dbCopy: Command = {
	name: ['db', 'copy'],
	summary: 'Copy the embedded database (ASPA_DATA_DIR) into an empty PostgreSQL database, to move a pilot to production.',
	usage: 'db copy --to postgres://USER:PASSWORD@HOST:5432/DATABASE',
	options,
	async run(values, io) {
		const to = values.to;
		if (typeof to !== 'string' || !/^postgres(ql)?:\/\/./.test(to)) {
			throw new UsageError('--to must be the postgres:// URL of the database to copy into.');
		}
		const config = loadConfig();
		if (config.databaseUrl) {
			throw new UsageError(
				'db copy moves the embedded database into PostgreSQL, but DATABASE_URL is set, so the configured ' +
					'database already is PostgreSQL. Unset DATABASE_URL and set ASPA_DATA_DIR to the embedded database to copy.'
			);
		}
		if (!embeddedDatabaseExists(config.dataDir)) {
			throw new UsageError(`There is no embedded database in ${config.dataDir}. Set ASPA_DATA_DIR to the pilot's data directory.`);
		}
		const ctx = await io.context();
		try {
			io.out(`Copying the embedded database in ${config.dataDir} into ${describeTarget(to)}:`);
			const result = await copyDatabaseTo(ctx.db, to, {
				log: ctx.log,
				onTable: (table, rows) => io.out(`  ${table.padEnd(28)} ${String(rows).padStart(9)} rows`)
			});
			const total = result.tables.reduce((sum, table) => sum + table.rows, 0);
			io.out(
				`Copied ${total} rows in ${result.tables.length} tables at migration ${result.migration}; the row counts match.\n` +
					'Next: start Aspa with DATABASE_URL set to that database, and keep the data directory as a backup.'
			);
			return 0;
		} finally {
			await ctx.close();
		}
	}
};
