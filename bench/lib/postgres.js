// A throwaway PostgreSQL database for one benchmark run: created from an admin URL, migrated with
// the CLI exactly as production is (`npm run aspa -- migrate`), dropped afterwards.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

const root = new URL('../..', import.meta.url).pathname;

export const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** @param {string} adminUrl @param {string} text */
async function adminQuery(adminUrl, text) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		return await client.query(text);
	} finally {
		await client.end();
	}
}

/** @param {string} adminUrl */
export async function createMigratedDatabase(adminUrl) {
	const name = `aspa_bench_${randomBytes(4).toString('hex')}`;
	await adminQuery(adminUrl, `create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const migrate = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'migrate'], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'warn' },
		encoding: 'utf8'
	});
	const drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
	if (migrate.status !== 0) {
		await drop();
		throw new Error(`aspa migrate failed:\n${migrate.stdout}${migrate.stderr}`);
	}
	return { url: url.toString(), drop };
}

/** Whether PostgreSQL answers at `adminUrl` (the PostgreSQL rows are skipped, loudly, if not). */
export async function reachable(/** @type {string} */ adminUrl) {
	try {
		await adminQuery(adminUrl, 'select 1');
		return true;
	} catch {
		return false;
	}
}
