// Cold start to the first good /healthz and the server's resident memory, for the three ways Aspa
// runs: PGlite on a fresh directory (initdb, migrations and the demo included), PGlite reopening
// an existing directory, and PostgreSQL (migrated beforehand by `aspa migrate`, as in production).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryOf, startServer } from './lib/server.js';
import { createMigratedDatabase, defaultAdminUrl, reachable } from './lib/postgres.js';
import { median, table } from './lib/stats.js';

const REQUESTS = 100;
const PATHS = ['/', '/accessibility', '/healthz'];

/**
 * One measured start: time to /healthz, memory right after it, then after REQUESTS sequential
 * GETs over a few pages.
 * @param {Record<string, string>} env
 */
async function measureStart(env) {
	const server = await startServer(env);
	try {
		const afterStart = memoryOf(server.pid);
		const began = performance.now();
		for (let i = 0; i < REQUESTS; i++) {
			const response = await fetch(server.url + PATHS[i % PATHS.length]);
			await response.arrayBuffer();
			if (!response.ok) throw new Error(`GET ${PATHS[i % PATHS.length]} answered ${response.status}`);
		}
		const requestsMs = performance.now() - began;
		const afterRequests = memoryOf(server.pid);
		return {
			startMs: server.startMs,
			db: server.health.db,
			migration: server.health.migration,
			rssAfterStartMiB: afterStart.rssMiB,
			hwmAfterStartMiB: afterStart.hwmMiB,
			rssAfterRequestsMiB: afterRequests.rssMiB,
			hwmAfterRequestsMiB: afterRequests.hwmMiB,
			requestsMs
		};
	} finally {
		await server.stop();
	}
}

const METRICS = ['startMs', 'rssAfterStartMiB', 'hwmAfterStartMiB', 'rssAfterRequestsMiB', 'hwmAfterRequestsMiB', 'requestsMs'];

/** @param {Array<Record<string, number | string>>} runs */
function summarise(runs) {
	return Object.fromEntries(METRICS.map((metric) => [metric, median(runs.map((run) => Number(run[metric])))]));
}

/**
 * @param {{ runs: number, log: (line: string) => void }} options
 */
export async function benchStartup({ runs, log }) {
	/** @type {Record<string, { description: string, runs?: object[], median?: Record<string, number>, skipped?: string }>} */
	const scenarios = {};
	const temp = mkdtempSync(join(tmpdir(), 'aspa-bench-'));
	try {
		const fresh = [];
		for (let i = 0; i < runs; i++) {
			log(`pglite-fresh run ${i + 1}/${runs}`);
			fresh.push(await measureStart({ DATABASE_URL: '', ASPA_DATA_DIR: join(temp, `fresh-${i}`) }));
		}
		scenarios['pglite-fresh'] = { description: 'PGlite, new data directory: initdb, migrations, demo', runs: fresh, median: summarise(fresh) };

		const existing = join(temp, 'fresh-0'); // stopped cleanly above: a pilot's directory after a restart
		const reopen = [];
		for (let i = 0; i < runs; i++) {
			log(`pglite-reopen run ${i + 1}/${runs}`);
			reopen.push(await measureStart({ DATABASE_URL: '', ASPA_DATA_DIR: existing }));
		}
		scenarios['pglite-reopen'] = { description: 'PGlite, existing data directory with the demo', runs: reopen, median: summarise(reopen) };
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}

	const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || defaultAdminUrl;
	const label = new URL(adminUrl).host;
	if (await reachable(adminUrl)) {
		const database = await createMigratedDatabase(adminUrl);
		try {
			const postgres = [];
			for (let i = 0; i < runs; i++) {
				log(`postgres run ${i + 1}/${runs}`);
				postgres.push(await measureStart({ DATABASE_URL: database.url }));
			}
			scenarios.postgres = { description: `PostgreSQL at ${label}, migrated, no demo`, runs: postgres, median: summarise(postgres) };
		} finally {
			await database.drop();
		}
	} else {
		scenarios.postgres = { description: `PostgreSQL at ${label}`, skipped: `no PostgreSQL answers at ${label} (set BENCH_DATABASE_URL)` };
	}
	return scenarios;
}

/** @param {Record<string, { median?: Record<string, number>, skipped?: string }>} scenarios @param {number} runs */
export function formatStartup(scenarios, runs) {
	const rows = [['scenario', 'start ms', 'RSS MiB', 'peak MiB', `RSS +${REQUESTS} req`, `peak +${REQUESTS} req`, `${REQUESTS} req ms`]];
	const skipped = [];
	for (const [name, scenario] of Object.entries(scenarios)) {
		if (!scenario.median) {
			skipped.push(`!!! ${name} skipped: ${scenario.skipped}`);
			continue;
		}
		rows.push([name, ...METRICS.map((metric) => /** @type {Record<string, number>} */ (scenario.median)[metric])]);
	}
	return [`Startup and memory, median of ${runs} runs (peak = VmHWM, resident = VmRSS)`, table(rows), ...skipped].join('\n');
}
