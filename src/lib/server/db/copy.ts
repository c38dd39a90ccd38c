import { sql } from 'kysely';
import type { Db } from './client.ts';

/**
 * The SQL behind `aspa db copy` (embedded database → PostgreSQL). Everything is read from the
 * catalog, so tables added by later migrations are covered without touching this file.
 *
 * Rows travel as JSON text made by the source (`row_to_json`) and turned back into the target's row
 * type by the target (`json_populate_recordset`), so no value passes through a JavaScript type on
 * the way: timestamps keep their microseconds, numerics their digits, jsonb its content.
 */

export interface TableInfo {
	name: string;
	/** Columns that take values, in table order (stored generated columns are computed, not copied). */
	columns: string[];
	primaryKey: string[];
	/** Identity columns, whose sequences must continue after the copied ids. */
	identityColumns: string[];
	/** Tables this one references by foreign key (itself included, for self-references). */
	references: string[];
}

function ident(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** The application tables of the current schema, with what copying them needs to know. */
export async function listTables(db: Db): Promise<TableInfo[]> {
	const tables = await sql<{ name: string; columns: string[]; identityColumns: string[] }>`
		select c.relname as name,
			array_agg(a.attname::text order by a.attnum) filter (where a.attgenerated = '') as columns,
			coalesce(array_agg(a.attname::text order by a.attnum) filter (where a.attidentity in ('a', 'd')), '{}') as identity_columns
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
		where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
			-- Kysely's migration bookkeeping: a target gets its own by being migrated, never by copy.
			and c.relname not in ('kysely_migration', 'kysely_migration_lock')
		group by c.relname
		order by c.relname
	`.execute(db);
	const keys = await sql<{ name: string; column: string }>`
		select c.relname as name, a.attname as column
		from pg_index i
		join pg_class c on c.oid = i.indrelid
		join pg_namespace n on n.oid = c.relnamespace
		join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
		where i.indisprimary and n.nspname = current_schema()
		order by c.relname, array_position(i.indkey::int2[], a.attnum)
	`.execute(db);
	const references = await sql<{ name: string; referenced: string }>`
		select distinct child.relname as name, parent.relname as referenced
		from pg_constraint k
		join pg_class child on child.oid = k.conrelid
		join pg_class parent on parent.oid = k.confrelid
		join pg_namespace n on n.oid = child.relnamespace
		where k.contype = 'f' and n.nspname = current_schema()
		order by 1, 2
	`.execute(db);
	return tables.rows.map((table) => ({
		name: table.name,
		columns: table.columns,
		identityColumns: table.identityColumns,
		primaryKey: keys.rows.filter((key) => key.name === table.name).map((key) => key.column),
		references: references.rows.filter((ref) => ref.name === table.name).map((ref) => ref.referenced)
	}));
}

/** Rows per table, exactly (`count(*)`, not the planner's estimate). */
export async function countRows(db: Db, tables: string[]): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of tables) {
		const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(ident(table))}`.execute(db);
		counts[table] = rows[0]?.n ?? 0;
	}
	return counts;
}

/**
 * Reads a table as JSON rows, `batchSize` at a time, through a cursor (one scan, however large the
 * table), in primary-key order so that self-referencing rows usually arrive parent first. Must run
 * inside a transaction, which the cursor lives in.
 */
export async function* readRowsAsJson(db: Db, table: TableInfo, batchSize: number): AsyncGenerator<string[]> {
	const cursor = ident(`aspa_copy_${table.name}`);
	const orderBy = table.primaryKey.length ? `order by ${table.primaryKey.map(ident).join(', ')}` : '';
	await sql`declare ${sql.raw(cursor)} no scroll cursor for
		select row_to_json(t)::text as row from ${sql.raw(ident(table.name))} t ${sql.raw(orderBy)}`.execute(db);
	try {
		for (;;) {
			const { rows } = await sql<{ row: string }>`fetch forward ${sql.raw(String(batchSize))} from ${sql.raw(cursor)}`.execute(db);
			if (rows.length === 0) return;
			yield rows.map((row) => row.row);
		}
	} finally {
		await sql`close ${sql.raw(cursor)}`.execute(db);
	}
}

/**
 * Inserts rows given as JSON text into `table`, keeping their ids (`overriding system value`), in
 * one statement.
 */
export async function insertJsonRows(db: Db, table: TableInfo, rows: string[]): Promise<void> {
	const columns = table.columns.map(ident).join(', ');
	const overriding = table.identityColumns.length ? sql.raw('overriding system value') : sql``;
	await sql`insert into ${sql.raw(ident(table.name))} (${sql.raw(columns)}) ${overriding}
		select ${sql.raw(columns)} from json_populate_recordset(null::${sql.raw(ident(table.name))}, ${`[${rows.join(',')}]`}::json)`.execute(
		db
	);
}

/**
 * Where an identity column's sequence stands: the last value it handed out, or null if it never
 * did. Ids of deleted rows count too, so a copy can keep them from being handed out again.
 */
export async function identityLastValue(db: Db, table: string, column: string): Promise<number | null> {
	const { rows } = await sql<{ last: number | null }>`
		select pg_sequence_last_value(pg_get_serial_sequence(${ident(table)}, ${column})::regclass) as last
	`.execute(db);
	return rows[0]?.last ?? null;
}

/**
 * Moves an identity column's sequence past both the largest id in the table and `atLeast` (the
 * source's sequence), so the next insert gets a new id.
 */
export async function continueIdentity(db: Db, table: string, column: string, atLeast: number | null): Promise<number> {
	const { rows } = await sql<{ next: number }>`
		select coalesce(greatest(max(${sql.raw(ident(column))}), ${atLeast ?? 0}), 0)::bigint + 1 as next
		from ${sql.raw(ident(table))}
	`.execute(db);
	const next = rows[0]?.next ?? 1;
	// is_called = false: the next nextval() returns `next` itself.
	await sql`select setval(pg_get_serial_sequence(${ident(table)}, ${column}), ${next}, false)`.execute(db);
	return next;
}
