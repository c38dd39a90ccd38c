// The whole report over HTTP, as a director or coordinator opens it: the built server on a
// PostgreSQL database loaded by `prepareReportData` (bench/report.js), signed in as an admin, then
//
//   network   GET /reports/bench/network/bench-region  (60 libraries, 12 municipalities, 2 rounds)
//   library   GET /reports/bench/library/bench-lib-1   (against its municipality and the networks)
//   question  GET /reports/bench/network/bench-region/q/friendliness
//
// "cold" is the first request after the server started; "warm" the median of the repeats. The
// time covers everything the server does: session, fold of the pending queue (empty), the cube
// queries, the statistics and suppression in core, open-text themes and the HTML. Goal: the
// network report under 300 ms warm on PostgreSQL at 1,000,000 responses.
// BENCH_REPORT_HTTP_RESPONSES sets the size (default 1,000,000).
import { sql } from 'kysely';
import { openPostgres } from '../src/lib/server/db/client.ts';
import { createSession, SESSION_COOKIE } from '../src/lib/server/auth/session.ts';
import { createMigratedDatabase, defaultAdminUrl, reachable } from './lib/postgres.js';
import { startServer } from './lib/server.js';
import { median, table } from './lib/stats.js';
import { prepareReportData } from './report.js';

const responses = Number(process.env.BENCH_REPORT_HTTP_RESPONSES ?? 1_000_000);
const pages = {
	network: '/reports/bench/network/bench-region',
	library: '/reports/bench/library/bench-lib-1',
	question: '/reports/bench/network/bench-region/q/friendliness'
};

/** @param {string} url @param {string} cookie */
async function timedGet(url, cookie) {
	const started = performance.now();
	const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
	const body = await response.text();
	const ms = performance.now() - started;
	if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
	return { ms, bytes: body.length };
}

/** An admin account and a session for it, written straight into the database. */
async function adminSession(/** @type {import('kysely').Kysely<any>} */ db) {
	const { rows } = await sql`insert into app_user (email, display_name, locale, status) values ('bench@aspa.example', 'Bench', 'fi', 'active') returning id`.execute(db);
	const userId = Number(/** @type {any} */ (rows[0]).id);
	await sql`insert into user_grant (user_id, role, scope_type) values (${userId}, 'admin', 'global')`.execute(db);
	const { token } = await createSession(db, userId, new Date());
	return `${SESSION_COOKIE}=${token}`;
}

/** @param {{ runs: number, log: (line: string) => void }} options */
export async function benchReportHttp({ runs, log }) {
	const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || defaultAdminUrl;
	if (!(await reachable(adminUrl))) return { postgres: { skipped: `no PostgreSQL answers at ${new URL(adminUrl).host} (set BENCH_DATABASE_URL)` } };
	const database = await createMigratedDatabase(adminUrl);
	try {
		const handle = openPostgres(database.url, { max: 2 });
		let prepared;
		let cookie;
		try {
			log(`postgres: loading ${responses} responses`);
			prepared = await prepareReportData(handle.db, responses, (line) => log(`postgres: ${line}`));
			cookie = await adminSession(handle.db);
		} finally {
			await handle.close();
		}
		/** @type {Record<string, any>} */
		const measured = {};
		for (const [name, path] of Object.entries(pages)) {
			// A fresh server per page, so that "cold" really is its first request.
			const server = await startServer({ DATABASE_URL: database.url });
			try {
				const cold = await timedGet(server.url + path, cookie);
				const warm = [];
				for (let i = 0; i < Math.max(runs, 5); i++) warm.push((await timedGet(server.url + path, cookie)).ms);
				measured[name] = { path, coldMs: cold.ms, warmMs: median(warm), htmlKiB: cold.bytes / 1024 };
				log(`${name}: cold ${cold.ms.toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms`);
			} finally {
				await server.stop();
			}
		}
		return { postgres: { responses, answerRows: prepared.figures.answerRows, cubeRows: prepared.figures.cube.rows, pages: measured } };
	} finally {
		await database.drop();
	}
}

/** @param {Record<string, any>} scenarios @param {number} runs */
export function formatReportHttp(scenarios, runs) {
	const s = scenarios.postgres;
	if (s.skipped) return `!!! report-http skipped: ${s.skipped}`;
	const rows = [['page', 'cold ms', 'warm ms', 'HTML KiB']];
	for (const [name, page] of Object.entries(s.pages)) rows.push([name, page.coldMs.toFixed(0), page.warmMs.toFixed(0), page.htmlKiB.toFixed(0)]);
	return [
		`Report pages over HTTP on PostgreSQL, ${s.responses} responses (${s.answerRows} answer rows, ${s.cubeRows} cube rows); cold = first request after start, warm = median of ${Math.max(runs, 5)}; goal: network under 300 ms warm`,
		table(rows)
	].join('\n');
}
