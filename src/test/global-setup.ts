import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres } from '#lib/server/db/client.ts';
import { migrateToLatest } from '#lib/server/db/migrate.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
		postgresTemplate: string | null;
		postgresAdminUrl: string | null;
	}
}

/**
 * Prepares migrated template databases once per run: a PGlite dump that every test file loads,
 * and, with TEST_DATABASE_URL, a fresh PostgreSQL database created for this run (every test file
 * clones it and drops its clone; the template is dropped at the end).
 */
export default async function setup(project: TestProject) {
	const dir = mkdtempSync(join(tmpdir(), 'aspa-test-'));
	const embedded = await openPglite(undefined);
	await migrateToLatest(embedded.db);
	const dump = await embedded.dumpDataDir!();
	const templatePath = join(dir, 'pglite-template.tar.gz');
	writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
	await embedded.close();
	project.provide('pgliteTemplate', templatePath);

	const adminUrl = process.env.TEST_DATABASE_URL || null;
	let template: string | null = null;
	if (adminUrl) {
		template = `aspa_test_${randomBytes(4).toString('hex')}`;
		await adminQuery(adminUrl, `create database ${template}`);
		const handle = openPostgres(withDatabase(adminUrl, template), { max: 1 });
		await migrateToLatest(handle.db);
		await handle.close();
	}
	project.provide('postgresTemplate', template);
	project.provide('postgresAdminUrl', adminUrl);

	return async () => {
		if (adminUrl && template) {
			const clones = await adminQuery(
				adminUrl,
				`select datname from pg_database where datname like '${template}%'`
			);
			for (const row of clones.rows) {
				await adminQuery(adminUrl, `drop database if exists ${row.datname} with (force)`);
			}
		}
		rmSync(dir, { recursive: true, force: true });
	};
}

export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}

export async function adminQuery(url: string, text: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await client.query(text);
	} finally {
		await client.end();
	}
}
