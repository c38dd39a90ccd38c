import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeDb } from '../../../test/db.ts';
import { compareSchemas, readDatabaseSchema, readSchemaTypes, type SchemaShape } from '../../../test/schema-shape.ts';

const schemaPath = new URL('./schema.ts', import.meta.url).pathname;

describeDb('schema.ts against the migrated database', (env) => {
	let types: SchemaShape;
	beforeAll(() => {
		types = readSchemaTypes(schemaPath);
	});

	it('declares every table and column of the migrated database with its nullability and type', async () => {
		const database = await readDatabaseSchema(env().db);
		expect(Object.keys(database).length).toBeGreaterThan(0);
		expect(compareSchemas(types, database)).toEqual([]);
	});

	it('notices a column that a migration adds without schema.ts', async () => {
		// DDL is transactional in PostgreSQL: the drift lives only inside this rolled-back transaction.
		const rollback = new Error('rollback');
		let problems: string[] = [];
		await expect(
			env()
				.db.transaction()
				.execute(async (trx) => {
					await sql`alter table library add column opening_hours jsonb`.execute(trx);
					await sql`alter table library alter column isil set not null`.execute(trx);
					problems = compareSchemas(types, await readDatabaseSchema(trx));
					throw rollback;
				})
		).rejects.toBe(rollback);
		expect(problems).toEqual([
			'library.opening_hours is in the database but not in schema.ts',
			'library.isil is nullable in schema.ts but not null in the database'
		]);
	});
});

describe('schema comparison', () => {
	let types: SchemaShape;
	beforeAll(() => {
		types = readSchemaTypes(schemaPath);
	});

	/** A deep copy of the parsed types to doctor, so each case drifts from the real shape in one way. */
	const doctor = (change: (copy: SchemaShape) => void): SchemaShape => {
		const copy = structuredClone(types);
		change(copy);
		return copy;
	};

	it('reads ColumnType, Generated, aliases and imported unions by what a query returns', () => {
		expect(types.library).toMatchObject({
			id: { nullable: false, family: 'number' },
			kind: { nullable: false, family: 'string' },
			size_class: { nullable: true, family: 'string' },
			is_demo: { nullable: false, family: 'boolean' },
			archived_at: { nullable: true, family: 'Date' },
			created_at: { nullable: false, family: 'Date' }
		});
		expect(types.network_library?.valid_to).toEqual({ nullable: true, family: 'string' });
		expect(types.audit_event?.details).toEqual({ nullable: false, family: 'json' });
	});

	it('finds nothing when the shapes agree', () => {
		expect(compareSchemas(types, doctor(() => {}))).toEqual([]);
	});

	it('names a table missing on either side', () => {
		const withoutTable = doctor((copy) => delete copy.mail_outbox);
		expect(compareSchemas(withoutTable, types)).toEqual([
			'table mail_outbox is in the database but not in schema.ts (interface Database)'
		]);
		expect(compareSchemas(types, withoutTable)).toEqual(['table mail_outbox is in schema.ts but not in the database']);
	});

	it('names an extra or a missing column', () => {
		const database = doctor((copy) => {
			delete copy.library!.isil;
			copy.library!.opening_hours = { nullable: true, family: 'json' };
		});
		expect(compareSchemas(types, database)).toEqual([
			'library.opening_hours is in the database but not in schema.ts',
			'library.isil is in schema.ts but not in the database'
		]);
	});

	it('names a nullability or type drift', () => {
		const database = doctor((copy) => {
			copy.app_user!.password_hash = { nullable: false, family: 'string' };
			copy.user_grant!.scope_id = { nullable: true, family: 'string' };
		});
		expect(compareSchemas(types, database)).toEqual([
			'app_user.password_hash is nullable in schema.ts but not null in the database',
			'user_grant.scope_id is number in schema.ts but string in the database'
		]);
	});
});
