import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from './server.ts';
import { runCli } from '../src/test/cli.ts';
import { adminQuery, withDatabase } from '../src/test/global-setup.ts';
import { latestMigration } from '#lib/server/db/migrations.ts';

const adminUrl = process.env.TEST_DATABASE_URL;

/**
 * The production path: a new PostgreSQL database, `aspa migrate`, then the built server with
 * DATABASE_URL. Needs TEST_DATABASE_URL (the pg tier); without it this file is skipped and
 * `npm test` names the tier it skipped.
 */
describe.skipIf(!adminUrl)('production on PostgreSQL', () => {
	const databases: string[] = [];
	let scratch: string | undefined;

	async function newDatabase(): Promise<string> {
		const name = `aspa_e2e_${randomBytes(4).toString('hex')}`;
		await adminQuery(adminUrl!, `create database ${name}`);
		databases.push(name);
		return withDatabase(adminUrl!, name);
	}

	afterAll(async () => {
		for (const name of databases) await adminQuery(adminUrl!, `drop database if exists ${name} with (force)`);
		if (scratch) rmSync(scratch, { recursive: true, force: true });
	});

	it('migrates with `aspa migrate` and then serves from PostgreSQL without creating a demo', async () => {
		const url = await newDatabase();
		const migrate = await runCli(['migrate'], { DATABASE_URL: url });
		expect(migrate.stderr).toBe('');
		expect(migrate.code).toBe(0);
		expect(migrate.stdout).toContain(latestMigration);

		scratch = mkdtempSync(join(tmpdir(), 'aspa-e2e-pg-'));
		const dataDir = join(scratch, 'never-created');
		const server = await startServer({ DATABASE_URL: url, ASPA_DATA_DIR: dataDir });
		try {
			const health = await (await fetch(`${server.url}/healthz`)).json();
			expect(health).toEqual({ status: 'ok', db: 'postgres', migration: latestMigration });
			const { rows } = await adminQuery(
				url,
				`select (select count(*)::int from app_user) as users, (select count(*)::int from network) as networks,
					(select count(*)::int from library) as libraries`
			);
			expect(rows[0]).toEqual({ users: 0, networks: 0, libraries: 0 });
			expect(server.output()).not.toContain('Demo sign-ins');
			expect(existsSync(dataDir)).toBe(false);
		} finally {
			await server.stop();
		}

		const again = await runCli(['migrate'], { DATABASE_URL: url });
		expect(again.stdout).toContain('The database is up to date.');
	});

	it('refuses to start on a database that is not migrated, saying what to run', async () => {
		const url = await newDatabase();
		const failure = await startServer({ DATABASE_URL: url }).then(
			async (server) => {
				await server.stop();
				return 'started';
			},
			(error: Error) => error.message
		);
		expect(failure).toContain(
			`Aspa could not start (schema_outdated): The PostgreSQL schema is at nothing, this version needs ${latestMigration}. ` +
				'Run `npm run aspa -- migrate` first.'
		);
		expect(failure).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
	});
});
