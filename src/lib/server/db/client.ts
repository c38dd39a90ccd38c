import { Kysely, PGliteDialect, PostgresDialect, CamelCasePlugin } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Database } from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { preparedOptions, PreparingClient } from './prepared.ts';

export type Db = Kysely<Database>;
export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
	db: Db;
	kind: DbKind;
	/** Closes the pool or the embedded database and releases the data-directory lock. */
	close(): Promise<void>;
	/** PGlite only: the whole database as a tarball (test templates, backups of a pilot). */
	dumpDataDir?: () => Promise<Blob>;
}

/**
 * Type parsers shared by both drivers, so that a query returns the same JavaScript values on
 * PGlite and on PostgreSQL: int8 and numeric as numbers (our counts and sums stay far below 2^53),
 * and `date` as its ISO text, because `pg` would otherwise build a Date at local midnight.
 */
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const parsers: Record<number, (value: string) => unknown> = {
	[OID.int8]: (v) => Number(v),
	[OID.numeric]: (v) => Number(v),
	[OID.date]: (v) => v
};

/**
 * PGlite's defaults plus a smaller buffer cache. PGlite sizes shared_buffers at 160 MB, which all
 * becomes resident in the WASM heap; 64 MB keeps a pilot's working set cached and saves ~75 MB of
 * RSS per process, while the OS page cache still holds the rest of the files. Measurements and the
 * settings we keep as they are (fsync, synchronous_commit) are in docs/adr/0003-embedded-database.md.
 */
const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'];

/**
 * Column names are mapped snake_case ↔ camelCase, but the inside of jsonb values is data and stays
 * as stored (segment keys like `age_band`, form field names like `q.age_band` in saved progress).
 */
function kysely(dialect: PGliteDialect | PostgresDialect): Db {
	return new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
}

/**
 * A pool for PostgreSQL. An idle connection that the server ends (a restart, a terminated
 * backend) is reported through `onIdleError` and replaced by the pool on next use; without a
 * listener, node-postgres would throw it as an unhandled error and bring the process down.
 * Statements marked with `preparedMark` are prepared once per connection (prepared.ts).
 */
export function openPostgres(
	url: string,
	options: { max?: number; onIdleError?: (error: Error) => void } = {}
): DbHandle {
	const pool = new pg.Pool({
		Client: PreparingClient,
		connectionString: url,
		options: preparedOptions,
		max: options.max ?? 10,
		types: {
			getTypeParser: ((oid: number, format?: string) =>
				parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser
		}
	});
	pool.on('error', options.onIdleError ?? ((error) => process.stderr.write(`PostgreSQL connection lost: ${error.message}\n`)));
	const db = kysely(new PostgresDialect({ pool }));
	return { db, kind: 'postgres', close: () => db.destroy() };
}

/**
 * Opens the embedded database in `dataDir` (created when missing). The directory belongs to one
 * process: a second one fails here with `data_dir_locked` instead of silently losing writes.
 * `dataDir` undefined opens an in-memory database (tests), optionally from a dump.
 */
export async function openPglite(
	dataDir: string | undefined,
	options: { loadDataDir?: Blob } = {}
): Promise<DbHandle> {
	let lock: DataDirLock | undefined;
	if (dataDir) {
		mkdirSync(dataDir, { recursive: true });
		lock = acquireDataDirLock(dataDir);
	}
	try {
		const pglite = await PGlite.create({
			dataDir: dataDir ? `${dataDir}/pgdata` : undefined,
			loadDataDir: options.loadDataDir,
			startParams: pgliteStartParams,
			parsers
		});
		const db = kysely(new PGliteDialect({ pglite }));
		return {
			db,
			kind: 'pglite',
			dumpDataDir: async () => (await pglite.dumpDataDir('gzip')) as Blob,
			async close() {
				await db.destroy();
				if (!pglite.closed) await pglite.close();
				lock?.release();
			}
		};
	} catch (error) {
		lock?.release();
		throw error;
	}
}
