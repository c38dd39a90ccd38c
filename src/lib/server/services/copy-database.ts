import { AppError } from '#lib/core/errors.ts';
import { dependencyOrder } from '#lib/core/dependency-order.ts';
import { openPostgres, type Db } from '#lib/server/db/client.ts';
import { appliedMigrations, migrateTo } from '#lib/server/db/migrate.ts';
import {
	continueIdentity,
	countRows,
	identityLastValue,
	insertJsonRows,
	listTables,
	readRowsAsJson,
	type TableInfo
} from '#lib/server/db/copy.ts';
import type { Logger } from '#lib/server/logger.ts';

export interface CopyOptions {
	log: Logger;
	/** Rows read and inserted per statement. */
	batchSize?: number;
	/** Called after each table, in copy order (the CLI prints a line). */
	onTable?: (table: string, rows: number) => void;
}

export interface CopyResult {
	/** The migration both databases are at. */
	migration: string;
	tables: { table: string; rows: number }[];
}

/** A batch is also cut when its JSON grows past this many characters, so wide rows stay small. */
const MAX_BATCH_CHARS = 8_000_000;

/**
 * Moves a pilot from the embedded database into PostgreSQL (`aspa db copy --to URL`).
 *
 * The target must hold no rows. It is migrated to the source's migration, then every application
 * table is copied parents first (the order comes from the foreign keys in the catalog) in ONE
 * transaction on the target: ids are kept, identity sequences continue after the copied ids (and
 * after ids the source handed out and deleted, so they are not reused), and the row counts are
 * compared before the commit. Any failure rolls everything back and leaves the target empty.
 *
 * Not an administrative action inside Aspa but an operator's tool like `migrate`: it takes no
 * actor and writes no audit event (the copied audit log arrives as it was).
 */
export async function copyDatabase(source: Db, target: Db, options: CopyOptions): Promise<CopyResult> {
	const { log, batchSize = 1000 } = options;
	const sourceMigrations = await appliedMigrations(source);
	const migration = sourceMigrations.at(-1);
	if (!migration) {
		throw new AppError('invalid', 'copy_source_empty', 'The embedded database has no schema yet: nothing to copy.');
	}
	const targetMigrations = await appliedMigrations(target);
	if (!targetMigrations.every((name, i) => sourceMigrations[i] === name)) {
		throw new AppError(
			'conflict',
			'copy_target_ahead',
			`The target database is at migration ${targetMigrations.at(-1)}, the embedded database at ${migration}. ` +
				'Start this version of Aspa on the embedded database once (it migrates itself), then copy again.'
		);
	}
	await refuseUnlessEmpty(target);
	const applied = await migrateTo(target, migration);
	if (applied.length) log.info({ applied }, 'copy target migrated');

	const tables = copyOrder(await listTables(source));
	const targetTables = new Set((await listTables(target)).map((table) => table.name));
	const missing = tables.filter((table) => !targetTables.has(table.name)).map((table) => table.name);
	if (missing.length) {
		throw new AppError('conflict', 'copy_schema_mismatch', `The target database has no table ${missing.join(', ')}.`);
	}

	const names = tables.map((table) => table.name);
	// Repeatable read: counts and rows come from one snapshot of the source.
	const result = await source
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute((from) =>
			target.transaction().execute(async (into) => {
				const expected = await countRows(from, names);
				const copied: CopyResult['tables'] = [];
				for (const table of tables) {
					let rows = 0;
					for await (const batch of readRowsAsJson(from, table, batchSize)) {
						for (const chunk of chunksBySize(batch)) await insertJsonRows(into, table, chunk);
						rows += batch.length;
					}
					for (const column of table.identityColumns) {
						await continueIdentity(into, table.name, column, await identityLastValue(from, table.name, column));
					}
					copied.push({ table: table.name, rows });
					options.onTable?.(table.name, rows);
				}
				const actual = await countRows(into, names);
				const wrong = names.filter((name) => actual[name] !== expected[name]);
				if (wrong.length) {
					throw new AppError(
						'unavailable',
						'copy_count_mismatch',
						`Row counts differ after the copy, so nothing was kept: ` +
							wrong.map((name) => `${name} ${expected[name]} → ${actual[name]}`).join(', ')
					);
				}
				return { migration, tables: copied };
			})
		);
	log.info({ migration, tables: result.tables.length, rows: result.tables.reduce((sum, t) => sum + t.rows, 0) }, 'database copied');
	return result;
}

/** The same, opening (and closing) the PostgreSQL target from its URL; for the CLI. */
export async function copyDatabaseTo(source: Db, targetUrl: string, options: CopyOptions): Promise<CopyResult> {
	const target = openPostgres(targetUrl, { max: 1 });
	try {
		return await copyDatabase(source, target.db, options);
	} finally {
		await target.close();
	}
}

async function refuseUnlessEmpty(target: Db): Promise<void> {
	const existing = (await listTables(target)).map((table) => table.name);
	const counts = await countRows(target, existing);
	const occupied = existing.filter((name) => (counts[name] ?? 0) > 0);
	if (occupied.length) {
		throw new AppError(
			'conflict',
			'copy_target_not_empty',
			`The target database already has rows in ${occupied.map((name) => `${name} (${counts[name]})`).join(', ')}. ` +
				'Copy into a new, empty database.'
		);
	}
}

function copyOrder(tables: TableInfo[]): TableInfo[] {
	const byName = new Map(tables.map((table) => [table.name, table]));
	const ordered = dependencyOrder(
		tables.map((table) => table.name),
		Object.fromEntries(tables.map((table) => [table.name, table.references]))
	);
	if (!ordered.ok) {
		throw new AppError(
			'unavailable',
			'copy_cycle',
			`The foreign keys of ${ordered.cycle.join(', ')} form a cycle, so no copy order exists.`
		);
	}
	return ordered.order.flatMap((name) => byName.get(name) ?? []);
}

function* chunksBySize(rows: string[]): Generator<string[]> {
	let chunk: string[] = [];
	let size = 0;
	for (const row of rows) {
		if (chunk.length && size + row.length > MAX_BATCH_CHARS) {
			yield chunk;
			chunk = [];
			size = 0;
		}
		chunk.push(row);
		size += row.length;
	}
	if (chunk.length) yield chunk;
}
