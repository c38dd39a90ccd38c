import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPglite, openPostgres, type Db, type DbHandle } from '#lib/server/db/client.ts';
import { listTables } from '#lib/server/db/copy.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';
import { createLogger } from '#lib/server/logger.ts';
import { isAppError } from '#lib/core/errors.ts';
import { dependencyOrder } from '#lib/core/dependency-order.ts';
import { adminQuery, withDatabase } from '../../../test/global-setup.ts';
import { openTestDb, testDbKinds } from '../../../test/db.ts';
import { runCli } from '../../../test/cli.ts';
import { copyDatabase } from './copy-database.ts';
import { loadDemo } from './load-demo.ts';

const log = createLogger('silent');

/**
 * Rows for tables the demo leaves empty, so that the copy is proven on every table. A new table
 * that neither the demo nor this list fills makes the first test fail with its name: add a row
 * for it here.
 */
const fillers: Record<string, string> = {
	network: `insert into network (key, kind, name_fi) values ('copy-network', 'consortium', 'Kopioverkko')`,
	municipality: `insert into municipality (key, name_fi) values ('copy-municipality', 'Kopiokunta')`,
	library: `insert into library (key, kind, name_fi) values ('copy-library', 'main', 'Kopiokirjasto')`,
	mobile_stop: `insert into mobile_stop (library_id, key, name_fi) select min(id), 'copy-stop', 'Pysäkki' from library`,
	library_municipality: `insert into library_municipality (library_id, municipality_id, valid_from)
		select (select min(id) from library), (select min(id) from municipality), '2020-01-01'`,
	network_library: `insert into network_library (network_id, library_id, valid_from, valid_to)
		select (select min(id) from network), (select min(id) from library), '2020-01-01', '2024-12-31'`,
	app_user: `insert into app_user (email, display_name) values ('copy@example.fi', 'Kopio Käyttäjä')`,
	user_grant: `insert into user_grant (user_id, role, scope_type) select min(id), 'admin', 'global' from app_user`,
	user_session: `insert into user_session (id, user_id, expires_at)
		select 'session-hash', min(id), '2026-07-01T00:00:00.123456Z' from app_user`,
	user_token: `insert into user_token (id, user_id, purpose, expires_at)
		select 'token-hash', min(id), 'invite', '2026-07-01T00:00:00Z' from app_user`,
	login_failure: `insert into login_failure (key_hash) values ('failure-hash')`,
	audit_event: `insert into audit_event (actor_user_id, action, target_type, target_id)
		select min(id), 'copy.test', 'network', '1' from app_user`,
	mail_outbox: `insert into mail_outbox (to_address, subject, body_text, status, attempts, last_error)
		values ('copy@example.fi', 'Aihe', 'Rivi 1' || chr(10) || 'Rivi 2', 'failed', 3, 'timeout')`,
	privacy_notice: `insert into privacy_notice (scope_type, controller, purpose, retention, contact)
		values ('global', '{"fi": "Rekisterinpitäjä"}', '{"fi": "Tarkoitus"}', '{"fi": "Säilytys"}', '{"fi": "Yhteys"}')`,
	instrument: `insert into instrument (key, name, kind) values ('copy-instrument', '{"fi": "Kysely", "sv": "Enkät"}', 'survey')`,
	instrument_version: `insert into instrument_version (instrument_id, version, status, definition, published_at)
		select min(id), 1, 'published', '{"schemaVersion": 1, "items": [{"id": "q1"}]}', '2026-05-01T00:00:00Z' from instrument`,
	study: `insert into study (key, name, instrument_id) select 'copy-study', '{"fi": "Tutkimus"}', min(id) from instrument`,
	study_scope: `insert into study_scope (study_id, scope_type, scope_id)
		select (select min(id) from study), 'library', (select min(id) from library)`,
	study_round: `insert into study_round (study_id, key, name, instrument_version_id, opens_at, closes_at)
		select (select min(id) from study), 'copy-round', '{"fi": "Kierros"}', (select min(id) from instrument_version),
			'2026-05-01T00:00:00Z', '2026-06-30T23:59:59.999999Z'`,
	collector: `insert into collector (study_id, library_id, channel, slug, settings)
		select (select min(id) from study), (select min(id) from library), 'kiosk', 'copy-kiosk', '{"idleSeconds": 60}'`,
	response_token: `insert into response_token (id, study_id, round_id, batch)
		select 'token-hash', (select min(id) from study), (select min(id) from study_round), 1`,
	response: `insert into response (submission_id, study_id, round_id, library_id, channel, language, instrument_version_id, age_band, segments)
		select '6f1c2b1e-9d3a-4c55-8f00-000000000001', (select min(id) from study), (select min(id) from study_round),
			(select min(id) from library), 'web', 'fi', (select min(id) from instrument_version), '15-29', '{"age_band": "15-29"}'`,
	answer: `insert into answer (response_id, item_id, facet, option_code, number_value, date_value, is_na)
		select r.id, v.item, v.facet, v.code, v.num, v.day, v.na
		from (select min(id) as id from response) r
		cross join (values ('q1', '', null, 4.25::numeric, '2026-05-02'::date, false),
			('q2', 'importance', 'opt-1', null, null, true)) as v (item, facet, code, num, day, na)`,
	answer_text: `insert into answer_text (response_id, item_id, text) select min(id), 'q3', 'Hyvä palvelu, "kiitos"!' from response`,
	text_theme: `insert into text_theme (study_id, item_id, key, label, merged_into, manual)
		select (select min(id) from study), 'q3', v.key, v.label, v.merged, v.manual
		from (values ('#käsin', 'Käsin tehty "teema"', null, true), ('ystäväl', null, '#käsin', false)) as v (key, label, merged, manual)`,
	text_theme_tag: `insert into text_theme_tag (response_id, study_id, item_id, theme_key)
		select (select min(id) from response), (select min(id) from study), 'q3', '#käsin'`,
	// The demo folds every response it stores; a pending row shows the copy keeps the fold's backlog.
	answer_cube: `insert into answer_cube (study_id, round_id, library_id, segment_key, channel, language, segment_value, item_id, facet, value_code, n, sum, sum_sq)
		select (select min(id) from study), (select min(id) from study_round), 0, 'age_band', '*', '*', '15-29', 'q1', '', '4', 2, 8, 32`,
	cube_pending: `insert into cube_pending (response_id, study_id) select id, study_id from response order by id desc limit 1`,
	report_link: `insert into report_link (token_hash, study_id, scope_type, scope_id, filter, label, expires_at, created_by, revoked_at, revoked_by)
		select 'hash-of-token', (select min(id) from study), 'library', (select min(id) from library), '{"round": "2026", "segment": "age_band:15-29"}',
			'Hallitus "3/2026"', '2026-12-31T22:00:00Z', (select min(id) from app_user), '2026-06-02T10:00:00Z', (select min(id) from app_user)`,
	partial_response: `insert into partial_response (id, collector_id, round_id, language, form_values, expires_at)
		select 'resume-hash', (select min(id) from collector), (select min(id) from study_round), 'sv', '{"q1": "4"}',
			'2026-07-01T00:00:00Z'`
};

/** Rows that are awkward to move: every kind of text escape, microseconds, nested jsonb. */
const awkwardRows = [
	`insert into network (key, kind, name_fi, name_sv, created_at, archived_at) values
		('copy-awkward', 'project', 'Lainausmerkki " ja ''heittomerkki'' \\ kenoviiva' || chr(10) || 'rivinvaihto 🙂',
		null, '2026-01-02T03:04:05.123456Z', '2026-02-03T04:05:06.000001Z')`,
	`insert into audit_event (action, target_type, details) values ('copy.awkward', 'network',
		'{"nested": {"quote": "\\"", "backslash": "\\\\", "unicode": "åäö 🙂", "big": 12345678901234567890.5, "list": [1, null, true]}}')`,
	// A gap in the ids: the copy must not hand the deleted id out again.
	`insert into municipality (key, name_fi) values ('copy-deleted', 'Poistettu')`,
	`delete from municipality where key = 'copy-deleted'`
];

async function fill(db: Db): Promise<void> {
	await loadDemo({ db, log, now: () => new Date('2026-06-01T09:00:00Z'), mail: { configured: false, send: async () => {}, close: () => {} }, origin: 'http://aspa.test' });
	for (const statement of awkwardRows) await sql.raw(statement).execute(db);
	// Parents first, so that a filler can point at a row of a table filled just before.
	const tables = await listTables(db);
	const order = dependencyOrder(
		tables.map((table) => table.name),
		Object.fromEntries(tables.map((table) => [table.name, table.references]))
	);
	if (!order.ok) throw new Error(`foreign-key cycle: ${order.cycle.join(', ')}`);
	for (const table of order.order) {
		if ((await rowCount(db, table)) === 0 && fillers[table]) await sql.raw(fillers[table]!).execute(db);
	}
}

async function rowCount(db: Db, table: string): Promise<number> {
	const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(`"${table}"`)}`.execute(db);
	return rows[0]!.n;
}

/** Every row of a table as JSON made by the database itself, in UTC, in a stable order. */
async function tableRows(db: Db, table: string): Promise<unknown[]> {
	return db.transaction().execute(async (trx) => {
		await sql`set local time zone 'UTC'`.execute(trx);
		const { rows } = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.raw(`"${table}"`)} t`.execute(trx);
		return rows.map((row) => row.row).sort().map((row) => JSON.parse(row));
	});
}

async function nextIdentity(db: Db, table: string, column: string): Promise<number> {
	const { rows } = await sql<{ next: number }>`select nextval(pg_get_serial_sequence(${table}, ${column}))::int as next`.execute(db);
	return rows[0]!.next;
}

const postgres = testDbKinds().includes('postgres');

describe.skipIf(!postgres)('copying the embedded database into PostgreSQL', () => {
	const adminUrl = inject('postgresAdminUrl')!;
	const created: string[] = [];
	let source: DbHandle;

	/** A new, empty (not even migrated) PostgreSQL database, dropped after the suite. */
	async function newTarget(): Promise<{ url: string; handle: DbHandle }> {
		const name = `aspa_copy_${randomBytes(4).toString('hex')}`;
		await adminQuery(adminUrl, `create database ${name}`);
		created.push(name);
		const url = withDatabase(adminUrl, name);
		return { url, handle: openPostgres(url, { max: 2 }) };
	}

	beforeAll(async () => {
		source = await openTestDb('pglite');
		await fill(source.db);
	});
	afterAll(async () => {
		await source?.close();
		for (const name of created) await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
	});

	it('copies every table row for row, keeps ids and continues the identity sequences', async () => {
		const tables = await listTables(source.db);
		const empty = [];
		for (const table of tables) if ((await rowCount(source.db, table.name)) === 0) empty.push(table.name);
		expect(empty, 'tables without rows in the source: add a filler row for each').toEqual([]);

		const { handle: target } = await newTarget();
		try {
			const reported: string[] = [];
			const result = await copyDatabase(source.db, target.db, { log, batchSize: 7, onTable: (table) => reported.push(table) });

			expect(result.tables.map((t) => t.table).sort()).toEqual(tables.map((t) => t.name).sort());
			expect(reported).toEqual(result.tables.map((t) => t.table));
			// Parents before children, by the catalog's foreign keys.
			const position = (table: string) => reported.indexOf(table);
			for (const table of tables) {
				for (const parent of table.references.filter((name) => name !== table.name)) {
					expect(position(parent), `${parent} before ${table.name}`).toBeLessThan(position(table.name));
				}
			}
			for (const table of tables) {
				expect(await tableRows(target.db, table.name), table.name).toEqual(await tableRows(source.db, table.name));
				expect(result.tables.find((t) => t.table === table.name)?.rows).toBe(await rowCount(source.db, table.name));
			}
			// The target's migrations are its own, at the same place as the source's.
			const migrations = async (db: Db) =>
				(await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
			expect(await migrations(target.db)).toEqual(await migrations(source.db));

			for (const table of tables) {
				for (const column of table.identityColumns) {
					const sourceNext = await nextIdentity(source.db, table.name, column);
					expect(await nextIdentity(target.db, table.name, column), `${table.name}.${column}`).toBe(sourceNext);
				}
			}
		} finally {
			await target.close();
		}
	});

	it('refuses a target that already has rows and leaves it as it was', async () => {
		const { handle: target } = await newTarget();
		try {
			await migrateToLatest(target.db);
			await sql`insert into login_failure (key_hash) values ('already-here')`.execute(target.db);
			const error = await copyDatabase(source.db, target.db, { log }).catch((caught: unknown) => caught);
			expect(isAppError(error) && error.code).toBe('copy_target_not_empty');
			expect((error as Error).message).toContain('login_failure (1)');
			expect(await rowCount(target.db, 'login_failure')).toBe(1);
			expect(await rowCount(target.db, 'network')).toBe(0);
		} finally {
			await target.close();
		}
	});

	it('leaves the target empty when a table fails midway', async () => {
		const { handle: target } = await newTarget();
		try {
			await migrateToLatest(target.db);
			// A rule the target has and the source breaks, on a table copied after its parents.
			await sql`alter table audit_event add constraint copy_test_refuses check (action <> 'copy.awkward')`.execute(target.db);
			await expect(copyDatabase(source.db, target.db, { log })).rejects.toThrow(/copy_test_refuses/);
			for (const table of await listTables(target.db)) expect(await rowCount(target.db, table.name), table.name).toBe(0);
		} finally {
			await target.close();
		}
	});

	it('runs as `aspa db copy --to URL` on a data directory', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'aspa-copy-'));
		try {
			const dir = await openPglite(dataDir, { loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
			await fill(dir.db);
			await dir.close();
			const { url, handle: target } = await newTarget();
			await target.close();

			const result = await runCli(['db', 'copy', '--to', url], { ASPA_DATA_DIR: dataDir });

			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout).toMatch(/^ {2}network +\d+ rows$/m);
			expect(result.stdout).toContain('the row counts match');
			expect(result.stdout).toContain(`into ${new URL(url).host}${new URL(url).pathname}:`);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

describe('aspa db copy refuses', () => {
	it('when DATABASE_URL makes PostgreSQL the source', async () => {
		const result = await runCli(['db', 'copy', '--to', 'postgres://aspa@127.0.0.1:1/target'], {
			DATABASE_URL: 'postgres://aspa@127.0.0.1:1/source'
		});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('DATABASE_URL is set');
	});

	it('when the data directory holds no embedded database, without creating one', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'aspa-copy-'));
		try {
			const result = await runCli(['db', 'copy', '--to', 'postgres://aspa@127.0.0.1:1/target'], { ASPA_DATA_DIR: dataDir });
			expect(result.code).toBe(2);
			expect(result.stderr).toContain(`There is no embedded database in ${dataDir}`);
			expect(readdirSync(dataDir)).toEqual([]);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});

	it('without a postgres:// target', async () => {
		const result = await runCli(['db', 'copy', '--to', 'mysql://somewhere/db'], {});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--to must be the postgres:// URL');
	});
});
